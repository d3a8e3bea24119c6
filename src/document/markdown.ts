// Markdown awareness: which parts of a draft are prose, where its images are, and its front matter.
// Every view keeps the original length, so offsets found in a view point into the original file. Views
// are built from lists of ranges to blank (not per-character arrays), so a very large draft costs a few
// copies of its text, not tens of bytes per character.
import { yaml } from '../yaml-source.js';

/** A Markdown image, `![alt](src "title")`, with offsets into the original text. */
export interface ImageRef {
  offset: number;
  length: number;
  alt: string;
  altOffset: number;
  src: string;
}

/** The views of a draft that the detectors read. */
export interface MarkdownViews {
  /** The text with code fences, backticks, comment markers, phi-lint directives and front-matter keys and fences blanked to spaces. */
  prose: string;
  /** `prose` with Markdown punctuation (image and link brackets, link targets, emphasis, heading marks) blanked too: what NLP reads. */
  plain: string;
  images: ImageRef[];
  /** Fenced blocks and inline code (offsets into the text): linted like prose, at a lower severity only if the config says so. */
  code: { start: number; end: number }[];
  /** Parsed front matter, or undefined when there is none (or it is not a YAML mapping). */
  frontMatter?: Record<string, unknown>;
}

/** A range to replace: blanked to spaces (line breaks kept), or with `char` when given (same length 1). */
interface Edit {
  start: number;
  end: number;
  char?: string;
}

const blankSegment = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** `text` with the edits applied; overlapping blank ranges are merged. Same length as `text`. */
export function applyEdits(text: string, edits: Edit[]): string {
  if (!edits.length) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    const start = Math.max(e.start, pos);
    if (e.end <= start) continue;
    parts.push(text.slice(pos, start));
    parts.push(e.char !== undefined && e.end - start === 1 ? e.char : blankSegment(text.slice(start, e.end)));
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Splits a draft into views. `markdown` false treats the whole file as plain prose; `commentsAreLabels` blanks HTML comments whole. */
export function markdownViews(text: string, markdown: boolean, commentsAreLabels = false): MarkdownViews {
  if (!markdown) return { prose: text, plain: text, images: [], code: [] };
  const edits: Edit[] = [];
  const code: { start: number; end: number }[] = [];
  let frontMatter: Record<string, unknown> | undefined;

  // Front matter: values are prose, keys and fences are not.
  const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (fm) {
    try {
      const parsed = yaml().parse(fm[1]);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontMatter = parsed as Record<string, unknown>;
    } catch {
      // Malformed front matter is still linted as text below; nothing to parse.
    }
    const bodyStart = fm[0].indexOf('\n') + 1;
    edits.push({ start: 0, end: bodyStart });
    for (const m of fm[1].matchAll(/^([ \t-]*)([A-Za-z0-9_-]+:)?/gm)) {
      edits.push({ start: bodyStart + m.index, end: bodyStart + m.index + m[0].length });
    }
    edits.push({ start: bodyStart + fm[1].length, end: fm[0].length });
  }

  // Code and comments are published with the post, so their contents are linted: only the markers are
  // blanked (fence lines with their info string, backticks, comment brackets). An unclosed fence runs to the end.
  for (const m of text.matchAll(/^([ \t]{0,3})(`{3,}|~{3,})[^\n]*(?:\n|$)(?:[\s\S]*?(^[ \t]{0,3}\2[ \t]*$)|[\s\S]*)/gm)) {
    const open = m[0].indexOf('\n') < 0 ? m[0].length : m[0].indexOf('\n');
    edits.push({ start: m.index, end: m.index + open });
    if (m[3] !== undefined) edits.push({ start: m.index + m[0].length - m[3].length, end: m.index + m[0].length });
    code.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    edits.push({ start: m.index, end: m.index + m[1].length }, { start: m.index + m[0].length - m[1].length, end: m.index + m[0].length });
    code.push({ start: m.index, end: m.index + m[0].length });
  }
  // phi-lint's own disable comments are instructions and blanked whole; other HTML comments keep their text.
  for (const m of text.matchAll(/<!--([\s\S]*?)(?:-->|$(?![\s\S]))/g)) {
    // In the text view of a Word, CSV or HTML file, comments are phi-lint's own place labels, not the author's text.
    if (commentsAreLabels || /^\s*phi-lint-(?:disable-next-line|disable|enable)\b/.test(m[1])) edits.push({ start: m.index, end: m.index + m[0].length });
    else edits.push({ start: m.index, end: m.index + 4 }, { start: m.index + 4 + m[1].length, end: m.index + m[0].length });
  }

  const prose = applyEdits(text, edits);
  const images: ImageRef[] = [];
  for (const m of prose.matchAll(/!\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g)) {
    images.push({ offset: m.index, length: m[0].length, alt: m[1], altOffset: m.index + 2, src: m[2] });
  }
  const plainEdits: Edit[] = [];
  // Links and images: keep the alt/link text, blank the brackets and the target.
  for (const m of prose.matchAll(/(!?\[)([^\]\n]*)(\]\([^)\n]*\))/g)) {
    plainEdits.push({ start: m.index, end: m.index + m[1].length });
    const close = m.index + m[1].length + m[2].length;
    // Keep a sentence break after alt text so it is read as its own sentence.
    if (m[1] === '![') {
      plainEdits.push({ start: close, end: close + 1, char: '.' });
      plainEdits.push({ start: close + 1, end: close + m[3].length });
    } else plainEdits.push({ start: close, end: close + m[3].length });
  }
  // Emphasis and heading marks.
  for (const m of prose.matchAll(/\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|^#{1,6}(?=\s)|^>+/gm)) plainEdits.push({ start: m.index, end: m.index + m[0].length });
  return { prose, plain: applyEdits(prose, plainEdits), images, code: code.sort((a, b) => a.start - b.start), frontMatter };
}

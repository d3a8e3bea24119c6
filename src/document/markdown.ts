// Markdown awareness: which parts of a draft are prose, where its images are, and its front matter.
// Every view keeps the original length, so offsets found in a view point into the original file.
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
  /** The text with code, HTML comments and front-matter keys and fences blanked to spaces. */
  prose: string;
  /** `prose` with Markdown punctuation (image and link brackets, link targets, emphasis, heading marks) blanked too: what NLP reads. */
  plain: string;
  images: ImageRef[];
  /** Parsed front matter, or undefined when there is none (or it is not a YAML mapping). */
  frontMatter?: Record<string, unknown>;
}

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

function blankRange(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/** Splits a draft into views. `markdown` false treats the whole file as plain prose. */
export function markdownViews(text: string, markdown: boolean): MarkdownViews {
  if (!markdown) return { prose: text, plain: text, images: [] };
  const chars = text.split('');
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
    blankRange(chars, 0, fm[0].length);
    const bodyStart = fm[0].indexOf('\n') + 1;
    const lineRe = /^([ \t-]*)([A-Za-z0-9_-]+:)?(.*)$/gm;
    const body = fm[1];
    let m: RegExpExecArray | null;
    while ((m = lineRe.exec(body))) {
      if (m[0] === '' && lineRe.lastIndex === m.index) lineRe.lastIndex++;
      const valueStart = bodyStart + m.index + m[1].length + (m[2]?.length ?? 0);
      const valueEnd = bodyStart + m.index + m[0].length;
      for (let i = valueStart; i < valueEnd; i++) chars[i] = text[i];
    }
  }

  // Fenced code blocks, indented code is left alone (drafts indent prose too often).
  for (const m of text.matchAll(/^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]{0,3}\2[ \t]*$|(?![\s\S]))/gm)) {
    blankRange(chars, m.index, m.index + m[0].length);
  }
  // Inline code and HTML comments.
  for (const m of text.matchAll(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)|<!--[\s\S]*?-->/g)) blankRange(chars, m.index, m.index + m[0].length);

  const prose = chars.join('');
  const images: ImageRef[] = [];
  const plainChars = prose.split('');
  for (const m of prose.matchAll(/!\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g)) {
    images.push({ offset: m.index, length: m[0].length, alt: m[1], altOffset: m.index + 2, src: m[2] });
  }
  // Links and images: keep the alt/link text, blank the brackets and the target.
  for (const m of prose.matchAll(/(!?\[)([^\]\n]*)(\]\([^)\n]*\))/g)) {
    blankRange(plainChars, m.index, m.index + m[1].length);
    const close = m.index + m[1].length + m[2].length;
    // Keep a sentence break after alt text so it is read as its own sentence.
    blankRange(plainChars, close, close + m[3].length);
    if (m[1] === '![') plainChars[close] = '.';
  }
  // Emphasis and heading marks.
  for (const m of prose.matchAll(/\*{1,3}|(?<![A-Za-z0-9])_{1,3}|_{1,3}(?![A-Za-z0-9])|^#{1,6}(?=\s)|^>+/gm)) blankRange(plainChars, m.index, m.index + m[0].length);
  return { prose, plain: plainChars.join(''), images, frontMatter };
}

export { blank };

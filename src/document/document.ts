// Builds the document every detector reads: the text, its prose views, line index, sentences and images.
import { lineStarts } from './lines.js';
import { markdownViews, type ImageRef } from './markdown.js';
import { applyToView, normalize, type Edit, type OffsetMap } from './normalize.js';
import { splitParagraphs, splitSentences, type Range } from './sentences.js';

/** Plain-text `# phi-lint-…` comment lines are instructions, not prose. */
function blankDirectiveLines(text: string): string {
  return text.replace(/^[ \t]*#[ \t]*phi-lint-(?:disable-next-line|disable|enable)\b.*$/gm, (m) => ' '.repeat(m.length));
}

/**
 * A draft ready to lint. All offsets are UTF-16 indices into `text`, the normalised view (src/document/
 * normalize.ts: evasions such as zero-width characters, entities and look-alike letters undone); `offsets`
 * maps them back to `original`, the text as read.
 */
export interface LintDocument {
  path: string;
  /** The normalised text: what every detector reads. Equal to `original` when the draft has no evasions. */
  text: string;
  /** The file text as read, BOM removed. */
  original: string;
  /** Line starts of `original`. */
  originalLineStarts: number[];
  /** Normalised offsets to original ones and back. */
  offsets: OffsetMap;
  /** The normalisation's edits, in original offsets (invisible characters among them are reported). */
  edits: Edit[];
  /** `text` with non-prose (code, comments, front-matter keys) blanked; same length. */
  prose: string;
  /** `prose` with Markdown punctuation blanked; same length; what NLP reads. */
  plain: string;
  lineStarts: number[];
  sentences: Range[];
  paragraphs: Range[];
  images: ImageRef[];
  /** Code blocks and inline code, sorted by start (offsets into `original`, like findings). */
  code?: { start: number; end: number }[];
  frontMatter?: Record<string, unknown>;
  /** The `phi-lint.authorization` id from front matter, when the draft records one. */
  authorization?: string;
}

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];

/** Whether a path is read as Markdown: Markdown extensions, HTML, and standard input without a name. */
export function isMarkdownPath(path: string): boolean {
  const p = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((e) => p.endsWith(e)) || p.endsWith('.html') || p.endsWith('.htm') || path === '-';
}

/**
 * Build a document. Markdown handling applies to Markdown (and HTML) files and to standard input;
 * `commentsAreLabels`: the text is a format's view, whose HTML comments are place labels (not linted).
 */
export function createDocument(path: string, raw: string, markdown?: boolean, commentsAreLabels = false): LintDocument {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const isMarkdown = markdown ?? isMarkdownPath(path);
  const views = markdownViews(isMarkdown ? text : blankDirectiveLines(text), isMarkdown, commentsAreLabels);
  const meta = views.frontMatter?.['phi-lint'];
  const authorization =
    meta && typeof meta === 'object' && 'authorization' in meta && (meta as Record<string, unknown>).authorization
      ? String((meta as Record<string, unknown>).authorization)
      : undefined;
  // Views are built on the original (so decoding cannot create markup), then normalised alike.
  const norm = normalize(text);
  const map = norm.map;
  const prose = applyToView(views.prose, text, norm.edits);
  const plain = applyToView(views.plain, text, norm.edits);
  const originalLineStarts = lineStarts(text);
  const images = map.identity
    ? views.images
    : views.images.map((img) => {
        const offset = map.toNormalized(img.offset);
        const end = map.toNormalized(img.offset + img.length);
        const altOffset = map.toNormalized(img.altOffset);
        return { ...img, offset, length: end - offset, altOffset, alt: prose.slice(altOffset, map.toNormalized(img.altOffset + img.alt.length)) };
      });
  return {
    path,
    text: norm.text,
    original: text,
    originalLineStarts,
    offsets: map,
    edits: norm.edits,
    prose,
    plain,
    lineStarts: map.identity ? originalLineStarts : lineStarts(norm.text),
    sentences: splitSentences(plain),
    paragraphs: splitParagraphs(plain),
    images,
    // Offsets into the original text, like the findings lintDocument returns.
    code: views.code,
    frontMatter: views.frontMatter,
    authorization,
  };
}

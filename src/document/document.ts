// Builds the document every detector reads: the text, its prose views, line index, sentences and images.
import { lineStarts } from './lines.js';
import { markdownViews, type ImageRef } from './markdown.js';
import { splitParagraphs, splitSentences, type Range } from './sentences.js';

/** Plain-text `# phi-lint-…` comment lines are instructions, not prose. */
function blankDirectiveLines(text: string): string {
  return text.replace(/^[ \t]*#[ \t]*phi-lint-(?:disable-next-line|disable|enable)\b.*$/gm, (m) => ' '.repeat(m.length));
}

/** A draft ready to lint. All offsets are UTF-16 indices into `text`. */
export interface LintDocument {
  path: string;
  /** The file text as read, BOM removed. */
  text: string;
  /** `text` with non-prose (code, comments, front-matter keys) blanked; same length. */
  prose: string;
  /** `prose` with Markdown punctuation blanked; same length; what NLP reads. */
  plain: string;
  lineStarts: number[];
  sentences: Range[];
  paragraphs: Range[];
  images: ImageRef[];
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

/** Build a document. Markdown handling applies to Markdown (and HTML) files and to standard input. */
export function createDocument(path: string, raw: string, markdown?: boolean): LintDocument {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const isMarkdown = markdown ?? isMarkdownPath(path);
  const views = markdownViews(isMarkdown ? text : blankDirectiveLines(text), isMarkdown);
  const meta = views.frontMatter?.['phi-lint'];
  const authorization =
    meta && typeof meta === 'object' && 'authorization' in meta && (meta as Record<string, unknown>).authorization
      ? String((meta as Record<string, unknown>).authorization)
      : undefined;
  return {
    path,
    text,
    prose: views.prose,
    plain: views.plain,
    lineStarts: lineStarts(text),
    sentences: splitSentences(views.plain),
    paragraphs: splitParagraphs(views.plain),
    images: views.images,
    frontMatter: views.frontMatter,
    authorization,
  };
}

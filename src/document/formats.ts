// Which input format a path is, and the text view the rules read for it, with the map back to the file.
import type { Finding } from '../types.js';
import { csvEscape, csvView, type CsvColumns } from './csv.js';
import { labelledPlace } from './docx.js';
import { htmlView } from './html.js';
import { locationOf } from './lines.js';
import type { MappedRange, PositionMap } from './position-map.js';

/** The formats phi-lint reads. `text` covers Markdown and plain text (read as they are). */
export type FormatKind = 'text' | 'html' | 'csv' | 'docx' | 'image';

/** Extensions by format, with the dot, lower case. */
export const FORMAT_EXTENSIONS: Record<Exclude<FormatKind, 'text'>, string[]> = {
  html: ['.html', '.htm'],
  csv: ['.csv'],
  docx: ['.docx'],
  image: ['.jpg', '.jpeg', '.png', '.heic', '.webp', '.tiff', '.tif'],
};

/** Whether --fix may write `path`: not Word files or photos, whose findings are in a text view of them. */
export const canFix = (path: string) => formatOf(path) !== 'docx' && formatOf(path) !== 'image';

/** The format of `path` in words, for messages. */
export const describeFormat = (path: string) => ({ docx: 'Word files (it would damage them)', image: 'photos (strip their metadata with the command in the suggestion)', html: 'web pages', csv: 'CSV files', text: 'text' })[formatOf(path)];

/** Settings of the formats, from the config. */
export interface FormatOptions {
  csv?: CsvColumns;
}

/** Every extension phi-lint reads, with the dot: what folders are searched for by default. */
export const DEFAULT_EXTENSIONS = ['.md', '.markdown', '.mdx', '.txt', ...Object.values(FORMAT_EXTENSIONS).flat()];

/** The format of `path`, by its extension. */
export function formatOf(path: string): FormatKind {
  const p = path.toLowerCase();
  for (const [kind, exts] of Object.entries(FORMAT_EXTENSIONS)) if (exts.some((e) => p.endsWith(e))) return kind as FormatKind;
  return 'text';
}

/** What the rules read for one file, when it is not the file's text itself. */
export interface FormatView {
  /** The view: read as Markdown (images written `![alt](src)`). */
  text: string;
  /** The file range a view range stands for; absent when positions are in the view itself. */
  map?: PositionMap;
  /** How a file character can be written where a fix replaces text (entities in HTML); undefined: this fix is unsafe. */
  escape?: (replacement: string, range: MappedRange) => string | undefined;
  /** Where a view offset is, in words, when line:column alone does not say it (a CSV row and column). */
  placeAt?: (offset: number) => string | undefined;
  /** Set when the file has nothing to lint or cannot be read as its format: the one-line reason. */
  error?: string;
}

/** HTML: a fix may replace text in a text node or an attribute value; markup characters are written as entities. */
function htmlEscape(source: string) {
  return (replacement: string, { start: at }: MappedRange) => {
    const inAttribute = /=\s*["']?[^"'<>]*$/.test(source.slice(Math.max(0, at - 200), at)) && /<[^>]*$/.test(source.slice(Math.max(0, at - 2000), at));
    const escaped = replacement.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return inAttribute ? escaped.replace(/"/g, '&quot;').replace(/'/g, '&#39;') : escaped;
  };
}

/** The view of `text` (read from `path`), or undefined for Markdown and plain text. */
export function formatView(path: string, text: string, options: FormatOptions = {}): FormatView | undefined {
  switch (formatOf(path)) {
    case 'html': {
      const v = htmlView(text);
      if (v.empty) return { text: '', error: 'the HTML page has no body text, image text or title to lint' };
      return { text: v.text, map: v, escape: htmlEscape(text) };
    }
    case 'csv': {
      const v = csvView(text, options.csv);
      if (v.error) return { text: '', error: v.error };
      return { text: v.text, map: v, escape: csvEscape(v), placeAt: v.placeAt };
    }
    case 'docx':
    case 'image':
      // Already the text view (made when the file was read); positions are in it, places in its labels.
      return { text, placeAt: labelledPlace(text) };
    default:
      return undefined;
  }
}

/** `f` (found in the view) moved to the file range its view range stands for; its fix is kept only where it can be written there. */
export function toSourceFinding(f: Finding, view: FormatView, source: string, starts: number[]): Finding {
  const place = view.placeAt?.(f.offset);
  if (!view.map) return place ? { ...f, message: `${f.message} (${place})` } : f;
  const r = view.map.toSource(f.offset, f.offset + f.length);
  const moved: Finding = { ...f, ...locationOf(starts, r.start, r.end), text: source.slice(r.start, r.end), ...(place ? { message: `${f.message} (${place})` } : {}) };
  delete moved.fix;
  if (f.fix && r.oneSegment) {
    const replacement = view.escape?.(f.fix.replacement, r);
    if (replacement !== undefined) moved.fix = { offset: r.start, length: r.end - r.start, replacement };
  }
  return moved;
}

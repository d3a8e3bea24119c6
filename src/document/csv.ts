// Scheduler bulk-upload CSV files (Hootsuite, Buffer, Sprout Social, Later): each row's message, link and image,
// as a text view mapped to the cells in the file.
//
// csv-parse (the CSV parser of the node-csv project) parses and validates the file: quoted newlines, doubled
// quotes, ragged rows and unclosed quotes. It reports where each record ends, in bytes; within one valid
// record the cells' offsets are then found by walking it with the same delimiter and quote.
import { createRequire } from 'node:module';
import { lastAtOrBefore } from './search.js';
import { viewBuilder, type MappedRange, type PositionMap } from './position-map.js';

const require = createRequire(import.meta.url);
type CsvParse = typeof import('csv-parse/sync');

/** Column names from the config (`csv:` in .phi-lint.yaml) for layouts phi-lint does not know. */
export interface CsvColumns {
  /** The header of the column with the post's text. */
  message?: string;
  /** The header of the column with the post's link. */
  link?: string;
  /** The header of the column with the post's image or media URL. */
  image?: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
/** Headers of the message, link and image columns in the schedulers' templates (Hootsuite, Buffer, Sprout Social, Later), normalised. */
const KNOWN = {
  message: ['message', 'post text', 'text', 'caption', 'content', 'post', 'post content', 'post copy', 'copy', 'body', 'tweet', 'status'],
  link: ['link', 'url', 'link url', 'post link', 'website'],
  image: ['image url', 'image', 'images', 'media url', 'media', 'media urls', 'photo', 'photo url', 'image urls'],
};

/** A CSV draft's view and what each view range is (row and column). */
export interface CsvView extends PositionMap {
  /** "row 3, column "Message"" for a view offset. */
  placeAt(offset: number): string | undefined;
  /** Segments of quoted cells: a fix there must double its quotes. */
  quoted: Set<number>;
  delimiter: string;
  error?: string;
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes. */
function detectDelimiter(text: string): string {
  const line = /^[^\r\n]*/.exec(text.replace(/"[^"]*"/g, ''))?.[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** Cells of one record, [start, end) offsets relative to `record` (quotes included), without the line ending. */
function cellRanges(record: string, delimiter: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let inQuotes = false;
  let i = 0;
  for (; i < record.length; i++) {
    const c = record[i];
    if (inQuotes) {
      if (c === '"' && record[i + 1] === '"') i++;
      else if (c === '"') inQuotes = false;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      out.push({ start, end: i });
      start = i + 1;
    } else if (c === '\n' || c === '\r') break;
  }
  out.push({ start, end: i });
  return out;
}

const isDate = (s: string) => /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(s);

/** Build the view of a CSV draft; `columns` names columns the header does not make clear. */
export function csvView(text: string, columns: CsvColumns = {}): CsvView {
  const fail = (error: string): CsvView => ({ text: '', toSource: () => ({ start: 0, end: 0, oneSegment: false, segment: 0 }), placeAt: () => undefined, quoted: new Set(), delimiter: ',', error });
  if (text.includes('\uFFFD')) return fail('not UTF-8 text; save it from the spreadsheet as "CSV UTF-8" and lint it again');
  const delimiter = detectDelimiter(text);
  const { parse } = require('csv-parse/sync') as CsvParse;
  let rows: { record: string[]; info: { bytes: number; lines: number } }[];
  try {
    rows = parse(text, { delimiter, info: true, bom: true, skip_empty_lines: true, relax_quotes: false }) as never;
  } catch (e) {
    const err = e as { code?: string; lines?: number; message: string; record?: string[] };
    if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return fail(`line ${err.lines}: this row has ${err.record?.length ?? 'a different number of'} cells but the first row has ${(/expect (\d+)/.exec(err.message) ?? [])[1] ?? 'another number'}; every row needs the same columns`);
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') return fail(`a quoted cell is never closed (it starts at or before line ${err.lines}); check the quotes`);
    return fail(`not a readable CSV file: ${err.message.split('\n')[0]}`);
  }
  if (!rows.length) return fail('the CSV file has no rows');
  const header = rows[0].record.map(norm);
  const find = (kind: keyof typeof KNOWN) => {
    const named = columns[kind];
    if (named) return header.indexOf(norm(named));
    for (const h of KNOWN[kind]) {
      const i = header.indexOf(h);
      if (i >= 0) return i;
    }
    return -1;
  };
  let first = 1;
  let message = find('message');
  let link = find('link');
  let image = find('image');
  const names = rows[0].record;
  if (columns.message && message < 0) return fail(`the config names the message column "${columns.message}", but the header has ${names.map((n) => `"${n}"`).join(', ')}`);
  if (message < 0 && isDate(rows[0].record[0] ?? '') && rows[0].record.length >= 2) {
    // Hootsuite's bulk template has no header: date and time, message, link.
    first = 0;
    message = 1;
    link = rows[0].record.length >= 3 ? 2 : -1;
    image = -1;
  }
  if (message < 0) return fail(`no message column found in the header (${names.map((n) => `"${n}"`).join(', ')}); name it in .phi-lint.yaml, for example csv: { message: "${names.find((h) => !/date|time|id$/i.test(h)) ?? 'Post text'}" }`);
  const headerName = (i: number) => (first === 0 ? ['date', 'message', 'link'][i] ?? `${i + 1}` : names[i]);

  const buf = Buffer.from(text, 'utf8');
  const b = viewBuilder();
  const quoted = new Set<number>();
  const places: { view: number; place: string }[] = [];
  let bytePos = 0;
  let charPos = 0;
  rows.forEach((row, n) => {
    const chunk = buf.subarray(bytePos, row.info.bytes).toString('utf8');
    // Skip blank lines csv-parse skipped before this record.
    const lead = /^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(chunk)![0].length;
    const start = charPos + lead;
    bytePos = row.info.bytes;
    charPos += chunk.length;
    if (n < first) return;
    const cells = cellRanges(chunk.slice(lead), delimiter);
    const rowNumber = n + 1;
    for (const [col, kind] of [[message, 'message'], [link, 'link'], [image, 'image']] as const) {
      if (col < 0 || !cells[col]) continue;
      const cell = cells[col];
      const raw = chunk.slice(lead + cell.start, lead + cell.end);
      if (!raw.trim() || raw === '""') continue;
      const seg = b.segment();
      places.push({ view: b.length, place: `row ${rowNumber}, column "${headerName(col)}"` });
      if (kind === 'image') b.separator('![](');
      const at = start + cell.start;
      if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
        quoted.add(seg);
        const inner = raw.slice(1, -1);
        let pos = 0;
        for (const m of inner.matchAll(/""/g)) {
          b.copy(inner.slice(pos, m.index), at + 1 + pos);
          b.unit('"', at + 1 + m.index, 2);
          pos = m.index + 2;
        }
        b.copy(inner.slice(pos), at + 1 + pos);
      } else b.copy(raw, at);
      b.separator(kind === 'image' ? ')\n\n' : '\n\n');
    }
  });
  const map = b.finish();
  return {
    ...map,
    quoted,
    delimiter,
    placeAt(offset) {
      if (!places.length || places[0].view > offset) return undefined;
      return places[lastAtOrBefore(places.length, offset, (i) => places[i].view)].place;
    },
  };
}

/** How a fix's replacement is written into a cell: doubled quotes inside a quoted cell; nothing that would end an unquoted one. */
export function csvEscape(view: CsvView) {
  return (replacement: string, r: MappedRange): string | undefined => {
    if (view.quoted.has(r.segment)) return replacement.replace(/"/g, '""');
    return /["\r\n]/.test(replacement) || replacement.includes(view.delimiter) ? undefined : replacement;
  };
}

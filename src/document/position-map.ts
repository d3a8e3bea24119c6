// A text view built from pieces of an original file (HTML, CSV), and the map from view offsets back to the file.
import { lastAtOrBefore } from './search.js';

/**
 * One piece of the view taken from the file: `viewLength` characters of the view stand for `sourceLength`
 * characters of the file from `source` on. Equal lengths mean character for character; otherwise the piece
 * is one unit (an entity, a run of white space, an escaped quote).
 */
interface Piece {
  view: number;
  viewLength: number;
  source: number;
  sourceLength: number;
  /** Pieces of one segment (a text node, a cell) share it: a fix may not cross segments. */
  segment: number;
}

/** A place in the file a view offset range stands for, and whether a replacement can be written there. */
export interface MappedRange {
  start: number;
  end: number;
  /** The range lies in one segment, so a fix can replace it; false when it crosses tags or cells. */
  oneSegment: boolean;
  segment: number;
}

/** A view under construction: text taken from the file with its offsets, plus separators of its own. */
export interface ViewBuilder {
  /** Text copied from the file at `source`, character for character. */
  copy(text: string, source: number): void;
  /** View text standing for `sourceLength` file characters at `source` as one unit. */
  unit(text: string, source: number, sourceLength: number): void;
  /** Text of the view's own (line breaks between blocks, image syntax); it maps to no file position. */
  separator(text: string): void;
  /** Start a new segment; pieces added after it belong to it. Returns its number. */
  segment(): number;
  /** The view's length so far. */
  readonly length: number;
  finish(): PositionMap;
}

/** The finished view and its map. */
export interface PositionMap {
  text: string;
  /** The file range that view range [start, end) stands for. */
  toSource(start: number, end: number): MappedRange;
}

export function viewBuilder(): ViewBuilder {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let length = 0;
  let segment = 0;
  const push = (text: string, source: number, sourceLength: number) => {
    if (!text.length) return;
    const last = pieces[pieces.length - 1];
    // Merge character-for-character runs that continue each other, to keep the map short.
    if (last && last.segment === segment && last.viewLength === last.sourceLength && text.length === sourceLength && last.view + last.viewLength === length && last.source + last.sourceLength === source) {
      last.viewLength += text.length;
      last.sourceLength += sourceLength;
    } else pieces.push({ view: length, viewLength: text.length, source, sourceLength, segment });
    parts.push(text);
    length += text.length;
  };
  return {
    copy: (text, source) => push(text, source, text.length),
    unit: (text, source, sourceLength) => push(text, source, sourceLength),
    separator(text) {
      parts.push(text);
      length += text.length;
    },
    segment: () => ++segment,
    get length() {
      return length;
    },
    finish: () => ({ text: parts.join(''), toSource: (start, end) => mapRange(pieces, start, end) }),
  };
}

/** The file range of view range [start, end): offsets in separators move to the nearest mapped text inside the range. */
function mapRange(pieces: Piece[], start: number, end: number): MappedRange {
  if (!pieces.length) return { start: 0, end: 0, oneSegment: false, segment: 0 };
  const at = (offset: number) => lastAtOrBefore(pieces.length, offset, (i) => pieces[i].view);
  // First piece that ends after `start`.
  let i = Math.max(0, at(start));
  if (pieces[i].view + pieces[i].viewLength <= start && i + 1 < pieces.length) i++;
  // Last piece that begins before `end`.
  let j = Math.max(0, at(Math.max(start, end - 1)));
  if (j < i) j = i;
  const a = pieces[i];
  const b = pieces[j];
  const exact = (p: Piece) => p.viewLength === p.sourceLength;
  const s = start >= a.view && exact(a) ? a.source + (start - a.view) : a.source;
  const e = end <= b.view + b.viewLength && end > b.view && exact(b) ? b.source + (end - b.view) : b.source + b.sourceLength;
  // Pieces need not be in file order (an image's alt text comes before its src in the view): span them all.
  let lo = s;
  let hi = e;
  for (let k = i + 1; k <= j; k++) lo = Math.min(lo, pieces[k].source);
  for (let k = i; k < j; k++) hi = Math.max(hi, pieces[k].source + pieces[k].sourceLength);
  return { start: lo, end: Math.max(lo, hi), oneSegment: a.segment === b.segment, segment: a.segment };
}

// Converts UTF-16 offsets to 1-based line:column pairs (CRLF, CR and LF all end a line).
import { lastAtOrBefore } from './search.js';

/** Start offsets of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line and column (UTF-16 code units) of `offset`. */
export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  const line = lastAtOrBefore(starts.length, offset, (i) => starts[i]);
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/** Where a span is, in the fields every finding reports: 1-based lines and columns, UTF-16 offset and length. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
}

/** The location of the span [start, end). */
export function locationOf(starts: number[], start: number, end: number): Location {
  const from = positionAt(starts, start);
  const to = positionAt(starts, end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: start, length: end - start };
}

/** The text of 1-based line `line`, without its line ending. */
export function lineText(text: string, starts: number[], line: number): string {
  const start = starts[line - 1] ?? text.length;
  const end = line < starts.length ? starts[line] : text.length;
  return text.slice(start, end).replace(/\r?\n$|\r$/, '');
}

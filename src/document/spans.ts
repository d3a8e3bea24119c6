// Span helpers: trimming punctuation and white space from the ends of a matched range.
import type { Range } from './sentences.js';

const EDGE = /[\s.,;:!?"'“”‘’()[\]{}<>*_~|—–-]/u;

/** Shrink `r` so it neither starts nor ends with white space or punctuation (a lone "." after an initial stays). */
export function trimRange(text: string, r: Range, opts: { possessive?: boolean } = {}): Range {
  let { start, end } = r;
  const keepDot = (e: number) => text[e - 1] === '.' && /(?:^|[\s.])[A-Z]$/.test(text.slice(Math.max(start, e - 3), e - 1));
  let changed = true;
  while (changed && end > start) {
    changed = false;
    if (opts.possessive && /['’]s$/.test(text.slice(start, end))) {
      end -= 2;
      changed = true;
    }
    while (end > start && EDGE.test(text[end - 1]) && !keepDot(end) && !isAbbrevDot(text, start, end) && !closesInside(text, start, end)) {
      end--;
      changed = true;
    }
  }
  while (start < end && EDGE.test(text[start]) && text[start] !== '@' && text[start] !== '#' && !opensInside(text, start, end)) start++;
  return { start, end };
}

// "(773) 555-0187" keeps its opening parenthesis: the bracket at the edge is closed inside the span.
function opensInside(text: string, start: number, end: number): boolean {
  return text[start] === '(' && text.indexOf(')', start) > start && text.indexOf(')', start) < end - 1;
}

// "Suite (2)" keeps its closing parenthesis when the span opened it.
function closesInside(text: string, start: number, end: number): boolean {
  return text[end - 1] === ')' && text.lastIndexOf('(', end - 1) > start;
}

// "Mr." alone at the end of a match keeps its dot.
function isAbbrevDot(text: string, start: number, end: number): boolean {
  return text[end - 1] === '.' && /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr)\.$/.test(text.slice(start, end));
}

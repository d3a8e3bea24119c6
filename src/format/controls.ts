// Control characters from a draft (ESC starting a colour or OSC sequence, other C0 and C1 controls, and
// the bidirectional overrides that reorder a line) are printed as visible escapes, never raw: a draft
// must not be able to recolour, retitle or rewrite the terminal or CI log that shows its findings.

// C0 except tab, LF and CR (callers handle those), DEL, C1, and the bidirectional embedding, override and isolate controls.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const IS_CONTROL = new RegExp(CONTROL.source);

/** `\x1b` for C0, DEL and C1; `\u202e` for the bidirectional controls. */
export function escapeChar(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** `s` with every control character escaped (tab, LF and CR are left as they are). */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escapeChar);
}

/**
 * A line with its control characters escaped, and the columns `from`/`to` (0-based UTF-16) moved so that a
 * caret line drawn under the result still points at the same characters.
 */
export function escapeLine(line: string, from: number, to: number): { text: string; from: number; to: number } {
  if (!IS_CONTROL.test(line)) return { text: line, from, to };
  let text = '';
  let newFrom = from;
  let newTo = to;
  for (let i = 0; i < line.length; i++) {
    if (i === from) newFrom = text.length;
    if (i === to) newTo = text.length;
    text += IS_CONTROL.test(line[i]) ? escapeChar(line[i]) : line[i];
  }
  if (from >= line.length) newFrom = text.length + (from - line.length);
  if (to >= line.length) newTo = text.length + (to - line.length);
  return { text, from: newFrom, to: newTo };
}

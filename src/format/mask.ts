// Masks matched PHI in output (CI logs are widely readable): "Marcus Delgado" → "M***** D******", digits → "#".
import type { FileResult, Finding } from '../types.js';

/** Keep the first letter of each word and all punctuation; other letters become *, digits #. Same length. */
export function maskText(text: string): string {
  let out = '';
  let wordStart = true;
  for (const ch of text) {
    if (/\p{N}/u.test(ch)) {
      out += '#'.repeat(ch.length);
      wordStart = false;
    } else if (/\p{L}/u.test(ch)) {
      out += wordStart ? ch : '*'.repeat(ch.length);
      wordStart = false;
    } else {
      out += ch;
      wordStart = true;
    }
  }
  return out;
}

const replaceAll = (s: string, from: string, to: string) => (from ? s.split(from).join(to) : s);

/** A finding with its matched text masked wherever it is quoted. Offsets and lengths stay exact. */
export function maskFinding(f: Finding): Finding {
  const masked = maskText(f.text);
  return {
    ...f,
    text: masked,
    message: replaceAll(f.message, f.text, masked),
    suggestions: f.suggestions.map((s) => ({ ...s, message: replaceAll(s.message, f.text, masked) })),
  };
}

/** Results with every finding masked, and every matched span masked in the source used for excerpts. */
export function maskResults(results: FileResult[]): FileResult[] {
  return results.map((r) => {
    let source = r.source;
    for (const f of r.findings) source = source.slice(0, f.offset) + maskText(source.slice(f.offset, f.offset + f.length)) + source.slice(f.offset + f.length);
    return { ...r, source, findings: r.findings.map(maskFinding) };
  });
}

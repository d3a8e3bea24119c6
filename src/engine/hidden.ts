// The phi-lint/hidden-characters warning: invisible and bidirectional control characters in a draft.
// They are how a name or number hides from the rules (the normalised view reads through them), and
// bidirectional overrides can make a line display differently from what it says.
import type { LintDocument } from '../document/document.js';
import { locationOf } from '../document/lines.js';
import { BIDI } from '../document/normalize.js';
import type { Finding } from '../types.js';

export const HIDDEN_RULE_ID = 'phi-lint/hidden-characters';

const NAMES: Record<string, string> = {
  '\u200B': 'zero-width space', '\u200C': 'zero-width non-joiner', '\u200D': 'zero-width joiner', '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space', '\u00AD': 'soft hyphen', '\u180E': 'Mongolian vowel separator',
};
const nameOf = (c: string) => NAMES[c] ?? (BIDI.test(c) ? 'bidirectional control' : 'invisible character');

/** One warning per run of adjacent invisible or bidirectional characters, in the document's original text. */
export function hiddenCharacters(doc: LintDocument): Finding[] {
  const out: Finding[] = [];
  const runs: { start: number; end: number }[] = [];
  for (const e of doc.edits) {
    if (e.kind !== 'invisible' && !(e.kind === 'entity' && e.text === '' )) continue;
    const last = runs.at(-1);
    if (last && last.end === e.start) last.end = e.end;
    else runs.push({ start: e.start, end: e.end });
  }
  for (const r of runs) {
    const chars = [...new Set([...doc.original.slice(r.start, r.end)].map(nameOf))];
    out.push({
      ruleId: HIDDEN_RULE_ID,
      severity: 'warning',
      category: 'directive',
      type: 'hidden-characters',
      message: `Hidden characters here (${chars.join(', ')}) can hide a name or number from review and from phi-lint; delete them. phi-lint checked the text as if they were not there.`,
      ...locationOf(doc.originalLineStarts, r.start, r.end),
      text: doc.original.slice(r.start, r.end),
      suggestions: [{ message: 'Delete the hidden characters', replacement: '' }],
    });
  }
  return out;
}

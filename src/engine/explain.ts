// Says in plain words why the people model judged an identifier to be a patient's: the owner and the cues about them.
import type { Owner, Role } from '../analysis/types.js';
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';
import type { FindingEvidence } from '../types.js';

const ROLE_WORDS: Partial<Record<Role, string>> = {
  patient: 'a patient',
  relative: "a patient's relative",
  staff: 'staff',
  reviewer: 'the reviewer',
};

/** The sentence added to a finding's message, and the evidence behind it (at most three cues). */
export function explain(_doc: LintDocument, m: Range, owner: Owner, held: Role[]): { message: string; evidence: FindingEvidence[] } {
  const role = ROLE_WORDS[held[0]] ?? held[0];
  const cues = owner.evidence
    // Cues with digits ("a 45-year-old woman") may themselves be identifiers: never quoted.
    .filter((e) => e.weight > 0 && !/\d/.test(e.text) && (held.includes(e.why as Role) || !['staff', 'donor', 'volunteer', 'public', 'organisation'].includes(e.why)))
    .sort((a, b) => b.weight - a.weight || a.offset - b.offset);
  // "Our patient" and then "patient" say one thing: a cue inside one already quoted is left out.
  const top: typeof cues = [];
  for (const e of cues) {
    const t = e.text.toLowerCase();
    if (top.length < 3 && !top.some((x) => x.text.toLowerCase().includes(t) || t.includes(x.text.toLowerCase()))) top.push(e);
  }
  const quoted = top.map((e) => `"${e.text}"`).join(', ');
  const p = owner.person;
  const inside = p && p.mentions.some((x) => x.start < m.end && m.start < x.end && x.kind !== 'pronoun' && x.kind !== 'you');
  const why = quoted ? ` (${quoted})` : '';
  // Only the finding's own text is quoted (as {match}, which masking covers): another person's name never is.
  let message: string;
  if (inside) message = `"{match}" is named as ${role} here${why}.`;
  else if (p?.addressee) message = `It belongs to the person addressed, ${role} here${why}.`;
  else if (p?.named) message = `It belongs to a person this draft names as ${role}${why}.`;
  else message = `It belongs to ${role} in this draft${why}.`;
  return { message, evidence: top.map((e) => ({ text: e.text, offset: e.offset, why: e.why })) };
}

// Professionalism as a compliance officer reads it: minimal pairs for review replies (who it is about, to
// whom it is said, in what kind of draft), in English and Spanish, and the `about: addressee` condition.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { lintDocument } from '../src/engine/lint.js';
import { setup } from '../src/setup.js';
import { UserError } from '../src/errors.js';
import { tempDir } from './helpers.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
/** The review-response findings shown (warning or error) for a draft, as "rule text". */
const review = (text: string) => lintDocument(createDocument('draft.md', text), env)
  .filter((f) => f.type === 'review-response' && f.severity !== 'info')
  .map((f) => `${f.ruleId.replace('professionalism/', '')} ${f.text}`);

describe('review replies: a finding needs a reply and a disclosure about the person addressed', () => {
  const pairs: [string, string, string][] = [
    ['confirms care / does not',
      'Hi Dana, thanks for the review. So glad your knee replacement went smoothly!',
      'Hi Dana, thanks for the review. We can\'t discuss anyone\'s care online; please call our patient relations office.'],
    ['a reply about their visit / the same words in a FAQ for every reader',
      '@lee_w we\'re sorry about the wait at your appointment on Monday.',
      'FAQ: How early should I arrive? Please come 15 minutes before your appointment and bring a list of your medications.'],
    ['advice to one person / general education',
      '@priya_k since your blood pressure runs high, your lisinopril should be taken in the morning.',
      'Great question! Lisinopril is a blood pressure medication that many people take in the morning.'],
    ['a reply that cites their records / a newsletter reminder about records',
      'We\'re sorry to hear this, Mr. Ames. Our records show you missed two physical therapy sessions.',
      'Staff newsletter: never open your own family\'s records, and forward reviews to the communications team. Read more in this month\'s issue.'],
    ['a post addressed to a named person / a post that only tags an account',
      'Marco, your chemo starts Monday and we are all cheering for you!',
      'New study from our team in @JournalOfCare: text reminders raised flu vaccine rates by 8 points.'],
  ];
  it.each(pairs)('%s', (_, flagged, clean) => {
    expect(review(flagged).length).toBeGreaterThan(0);
    expect(review(clean)).toEqual([]);
  });

  it('a public figure speaking of their own illness is not disclosed by a thank-you post', () => {
    expect(review('Thank you, Senator Alvarez, for speaking openly in your interview about your own colon cancer diagnosis. Screening starts at 45!')).toEqual([]);
  });
});

describe('Spanish review replies', () => {
  const pairs: [string, string, string][] = [
    ['reviewed their history / a general promise',
      'Hola Carmen, gracias por su reseña. Revisamos su historial y todo estaba en orden.',
      'Hola Carmen, gracias por su reseña. Por ley no podemos hablar de la atención de nadie en línea; llámenos.'],
    ['their Tuesday appointment / any reader\'s appointment',
      'Lamentamos la espera, Sr. Ruiz. Su cita del martes empezó tarde por una emergencia.',
      'Recordatorio para todos: traiga su tarjeta del seguro a su cita.'],
    ['thanks for visiting / thanks for the kind words',
      '¡Gracias por visitarnos, Elena! Nos alegra que su tratamiento vaya bien.',
      '¡Gracias por sus comentarios, Elena! Nos alegra leerlos.'],
    ['we cared for them / we read their words',
      '¡Mil gracias por su comentario! Fue un placer atenderlos a usted y a su hija.',
      '¡Mil gracias por su comentario! Fue un placer leerlo.'],
    ['their file / our office hours',
      'Estimado Sr. Vega: su expediente muestra que la factura se pagó.',
      'Estimado Sr. Vega: nuestra oficina abre de lunes a viernes.'],
  ];
  it.each(pairs)('%s', (_, flagged, clean) => {
    expect(review(flagged).map((f) => f.split(' ')[0])).toContain('review-confirms-care-es');
    expect(review(clean)).toEqual([]);
  });
});

describe('the about: addressee condition', () => {
  /** A team rule that flags "chemo" only when its sentence is about the person addressed (its own type, so no built-in finding contains it). */
  async function teamEnv(condition: string) {
    const dir = tempDir({
      '.phi-lint.yaml': 'ruleDirs: [team-rules]\n',
      'team-rules/team/chemo.yaml': [
        'kind: terms', 'category: professionalism', 'type: boundary', 'severity: error',
        'message: chemo said to someone', 'description: test rule', 'terms: [chemo]',
        'context:', '  require:', condition, '  otherwise: off',
        "examples: {flag: ['Hi Ann, your chemo is Monday.'], pass: ['Chemo is given in our infusion center.']}", '',
      ].join('\n'),
    });
    return { dir, env: (await setup({ cwd: dir, overrides: [] })).env };
  }
  const team = (e: Awaited<ReturnType<typeof teamEnv>>['env'], text: string) =>
    lintDocument(createDocument('draft.md', text), e).filter((f) => f.ruleId === 'team/chemo').map((f) => f.severity);

  it('holds in the sentence that speaks to the reader of a reply, not in the next one or in a general post', async () => {
    const { env: e } = await teamEnv('    - about: addressee');
    expect(team(e, 'Hi Ann, thanks for the kind review! Your chemo nurses loved meeting you.')).toEqual(['error']);
    expect(team(e, 'Hi Ann, thanks for the kind review! Chemo nurses are the best people we know.')).toEqual([]);
    expect(team(e, 'What to expect at your first chemo visit: bring a snack and a book.')).toEqual([]);
  });

  it('scope paragraph widens it; with any, both must hold', async () => {
    const wide = await teamEnv('    - about: addressee\n      scope: paragraph');
    expect(team(wide.env, 'Hi Ann, thanks for the kind review! Chemo nurses are the best people we know.')).toEqual(['error']);
    const both = await teamEnv("    - about: addressee\n      any: ['nurses']");
    expect(team(both.env, 'Hi Ann, thanks for the review! Your chemo nurses loved meeting you.')).toEqual(['error']);
    expect(team(both.env, 'Hi Ann, thanks for the review! Your chemo went well.')).toEqual([]);
  });

  it('a condition with neither any nor about is a one-line error naming the file', async () => {
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [team-rules]\n' });
    const rule = path.join(dir, 'team-rules', 'team', 'chemo.yaml');
    fs.mkdirSync(path.dirname(rule), { recursive: true });
    fs.writeFileSync(rule, [
      'kind: terms', 'category: professionalism', 'type: review-response', 'severity: error', 'message: m', 'description: d',
      'terms: [chemo]', 'context:', '  require:', '    - scope: paragraph', "examples: {flag: [], pass: []}", '',
    ].join('\n'));
    const err = await setup({ cwd: dir, overrides: [] }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/a condition needs "any" \(cues\) or "about"/);
    expect((err as UserError).file ?? (err as Error).message).toContain('chemo.yaml');
  });
});

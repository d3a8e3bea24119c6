// The professionalism classifier: features, scoring, the committed weights reproducible from the training
// sentences, the classifier rule kind, and minimal pairs for every topic it reads.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featuresOf, featureWords, words } from '../src/classify/features.js';
import { loadModel, score, strongest } from '../src/classify/model.js';
import { createDocument } from '../src/document/document.js';
import { lintDocument } from '../src/engine/lint.js';
import { MODELS_DIR } from '../src/rules/compile.js';
import { preferExact } from '../src/engine/postprocess.js';
import { setup } from '../src/setup.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
const model = loadModel(path.join(MODELS_DIR, 'professionalism.json'));
/** The topics shown (warning or error) for a draft. */
const topics = (text: string) => [...new Set(lintDocument(createDocument('draft.md', text), env)
  .filter((f) => f.category === 'professionalism' && f.severity !== 'info').map((f) => f.type))].sort();

describe('features', () => {
  it.each([
    ['Take 2 more pills tonight', ['w:take', 'b:take_<num>', 'x:dose']],
    ['You\u2019ll never need glasses again', ['w:you\'ll', 'x:you', 'x:absolute', 'x:future', 'x:you&absolute', 'x:future&absolute']],
    ['#ad Paid partnership with Glow', ['x:disclosed']],
    ['use my code GLOW20 for 20% off', ['x:code', 'w:<pct>']],
  ])('%s has %j', (text, expected) => {
    expect(featuresOf(text, env.lexicons)).toEqual(expect.arrayContaining(['bias', ...expected]));
  });
  it('numbers are one word whatever their value', () => {
    expect(words('Took 400 mg at 3:15, 50% better')).toEqual(['took', '<num>', 'mg', 'at', '<num>', '<num>', '<pct>', 'better']);
  });
  it('explanations name shapes and lexicons in plain words, never the draft\'s own words', () => {
    expect(featureWords('x:you&dose')).toBe('speaks to "you" with names a dose');
    expect(featureWords('x:health-terms')).toBe('a health term');
    expect(featureWords('w:marcus')).toBeUndefined();
    expect(featureWords('b:dear_marcus')).toBeUndefined();
  });
});

describe('the model', () => {
  it('gives probabilities that sum to 1 over its labels', () => {
    const s = score(model, featuresOf('So glad your new hip is holding up!', env.lexicons));
    expect(Object.keys(s.p).sort()).toEqual([...model.labels].sort());
    expect(Object.values(s.p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it('names the features that weighed most towards a label', () => {
    const f = featuresOf('you can double your dose of prednisone tonight', env.lexicons);
    const top = strongest(model, f, 'medical-advice', 3);
    expect(top).toHaveLength(3);
    expect(top.every((x) => f.includes(x))).toBe(true);
  });
  it('the committed weights are what the training sentences give (node scripts/train-classifier.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/train-classifier.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('the committed weights match the training data');
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('minimal pairs: one detail flips the verdict', () => {
  it.each([
    ['a reply that confirms care / one that does not',
      'Thanks Dana! So glad your new knee is holding up on those hikes.',
      'Thanks Dana! We can\'t discuss anyone\'s care online, but we\'d love to hear more: please call us at 555-0100.', 'review-response'],
    ['advice to one person / general education',
      '@jenna_runs you\'d be fine to take a second ibuprofen tonight, it won\'t hurt.',
      'Most adults can take ibuprofen with food; ask your pharmacist before combining medicines.', 'medical-advice'],
    ['a claim / a hedged statement',
      'After one session you\'ll never need reading glasses again.',
      'Many patients see clearer vision within a few weeks; results vary from person to person.', 'outcome-claim'],
    ['undisclosed / disclosed sponsorship',
      'Obsessed with the collagen powder I helped formulate, use my code GLOW20 for 20% off, link in bio!',
      '#ad Paid partnership: obsessed with the collagen powder I helped formulate, use my code GLOW20 for 20% off, link in bio!', 'conflict-of-interest'],
    ['mockery of patients / praise of the team',
      'Pet peeve: patients who google their symptoms and then argue with the triage nurse 🙄',
      'Our triage nurses are here around the clock, and no question is too small.', 'disparagement'],
    ['care moved to DMs / the official channel',
      'Just DM me a pic of the rash and I\'ll tell you what cream to grab.',
      'Please do not send medical questions by direct message; call our nurse line instead.', 'boundary'],
    ['a board behind the team / nothing in view',
      'Team selfie at the nurses\' station 📸 (yes, that\'s the patient census board behind us)',
      'Team photo taken in our break room, with no patients, screens or boards in view.', 'photo-consent'],
  ])('%s', (_, flagged, clean, topic) => {
    expect(topics(flagged)).toContain(topic);
    expect(topics(clean)).not.toContain(topic);
  });
});

describe('the classifier rule kind', () => {
  const rule = (extra: string) => `kind: classifier\ncategory: professionalism\nlabel: medical-advice\ntype: medical-advice\nseverity: warning\nmessage: 'Advice ({group.why})'\ndescription: d\nexamples: { flag: [], pass: [] }\n${extra}`;
  it('a team rule can use the built-in model with its own threshold', () => {
    // The built-in professionalism rules are off, so the team rule's finding is not merged into theirs.
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [team]\nrules:\n  "professionalism/*": off\n', 'team/care/advice.yaml': rule('threshold: 0.3\n'), 'a.md': '@kim you should double your metformin dose tonight.\n' });
    const r = runCli(['--format', 'json', 'a.md'], { cwd: dir });
    const f = JSON.parse(r.stdout).files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'care/advice');
    expect(f.message).toMatch(/^Advice \(.+\)$/);
  });
  it('thresholds: a kind of draft can ask the model to be surer (the same sentence, a post and a published page)', () => {
    const advice = '@kim you should double your metformin dose tonight.';
    const page = `Home | Find Care | Pharmacy | Contact\n\nDiabetes basics\nBy the Lakemont pharmacy team | October 2, 2025\n\n${advice}\n\nShare this post: Facebook | Email\n`;
    const files = { '.phi-lint.yaml': 'ruleDirs: [team]\nrules:\n  "professionalism/*": off\n', 'team/care/advice.yaml': rule('threshold: 0.3\nthresholds: { article: 0.999 }\n'), 'post.md': `${advice}\n`, 'page.md': page };
    const r = runCli(['--format', 'json', 'post.md', 'page.md'], { cwd: tempDir(files) });
    const hits = (name: string) => JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith(name)).findings.filter((x: { ruleId: string }) => x.ruleId === 'care/advice').length;
    expect(hits('post.md')).toBe(1);
    expect(hits('page.md')).toBe(0);
  });
  it('unit: paragraph reads each paragraph as a whole and reports it', () => {
    const text = 'Excited to share that I am now a paid advisor to GlowLab, the skin app.\nI recommend it to every patient. Link in bio for 20% off!\n\nSee you at clinic.\n';
    const coi = rule('threshold: 0.3\nunit: paragraph\n').replace(/medical-advice/g, 'conflict-of-interest');
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [team]\nrules:\n  "professionalism/*": off\n', 'team/care/advice.yaml': coi, 'a.md': text });
    const r = runCli(['--format', 'json', 'a.md'], { cwd: dir });
    const found = JSON.parse(r.stdout).files[0].findings.filter((x: { ruleId: string }) => x.ruleId === 'care/advice');
    expect(found.map((x: { text: string }) => x.text)).toEqual([text.split('\n\n')[0].replace(/!$/, '')]);
  });
  it.each([
    ['label: nonsense\n', 'has no label "nonsense"'],
    ['model: nope\n', 'unknown model "nope"'],
  ])('%s is a positioned one-line error', (extra, why) => {
    const text = rule('').replace('label: medical-advice\n', extra.startsWith('label') ? extra : `label: medical-advice\n${extra}`);
    const dir = tempDir({ '.phi-lint.yaml': 'ruleDirs: [team]\n', 'team/care/advice.yaml': text, 'a.md': 'hello\n' });
    const r = runCli(['a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`advice\\.yaml:\\d+:\\d+: .*${why}`));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a whole-sentence finding and exact ones inside it', () => {
  const f = (offset: number, length: number, severity: 'error' | 'warning' = 'warning') =>
    ({ ruleId: 'r', severity, category: 'professionalism', type: 'outcome-claim', message: 'm', line: 1, column: offset + 1, endLine: 1, endColumn: offset + length + 1, offset, length, text: 'x', suggestions: [] });
  it.each([
    ['mostly covered by exact findings: the sentence finding goes', [f(0, 10), f(10, 8)], false],
    ['exact findings cover little of it: it stays, it says more', [f(0, 4)], true],
    ['the exact finding is less severe: it stays', [f(0, 18)], true],
  ])('%s', (_, exact, kept) => {
    const broad = { finding: f(0, 20, exact.length === 1 && exact[0].length === 18 ? 'error' : 'warning'), excused: false, broad: true };
    const out = preferExact([broad, ...exact.map((finding) => ({ finding, excused: false }))]);
    expect(out.includes(broad)).toBe(kept);
  });
});

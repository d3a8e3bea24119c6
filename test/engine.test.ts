// The engine end to end in memory: a table of drafts and the findings (rule, text, severity) they must give.
import { describe, expect, it } from 'vitest';
import { createDocument } from '../src/document/document.js';
import { lintDocument } from '../src/engine/lint.js';
import { allowed, dedupe, applyConsent, EMPTY_ALLOW } from '../src/engine/postprocess.js';
import { setup } from '../src/setup.js';
import type { Finding } from '../src/types.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
const lint = (text: string, path = 'draft.md') => lintDocument(createDocument(path, text), env);
const shown = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.type} ${f.text}`);

describe('context decides severity', () => {
  const cases: [string, string, string[]][] = [
    ['patient name with care', 'Our patient Tommy Alvarez starts chemo next week.', ['error name Tommy Alvarez', 'error date next week']],
    ['staff name with credential', 'Meet Tasha Greene, RN, who has worked nights in our ICU for 22 years.', []],
    ['staff name stays staff later in the draft', 'Meet Tasha Greene, RN, our ICU night nurse.\n![Tasha Greene in the ICU lounge](t.jpg)', []],
    ['donor', 'Thank you to Margaret Whitfield, whose gift established our new cancer pavilion.', []],
    ['event date', 'Save the date! Our free health fair is Saturday, May 18, 9am-1pm.', []],
    ['organisation phone', 'Questions about flu shots? Call (773) 555-0140.', []],
    ['patient phone', 'Refill reminders for his insulin go to his cell, 312-555-0193.', ['error phone 312-555-0193']],
    ['SSN anywhere', 'Form sample: SSN 412-38-7719', ['error ssn 412-38-7719']],
    ['invalid SSN is not one', 'Order 900-12-3456 shipped.', []],
    ['founder turning 90', 'Happy 90th birthday to our founder, Dr. Samuel Okoro, who turns 90 today!', []],
    ['resident turning 101', 'Happy birthday to our resident Dorothy Pruitt, who turns 101 today!', ['error name Dorothy Pruitt', 'error age 101', 'error date today']],
    ['general age advice', 'Most adults should start colon cancer screening at 45.', []],
    ['public ZIP statistic', 'In ZIP codes like 40831 and 40828, the nearest hospital can be 45 minutes away.', []],
    ['code is linted (it is published with the post)', 'Our template:\n```\nMRN 12345678\n```\n', ['error mrn 12345678']],
  ];
  it.each(cases)('%s', (_, text, expected) => {
    expect(shown(lint(text))).toEqual(expected);
  });

  it('a signed authorization downgrades names but not never-publishable identifiers', () => {
    const text = '---\nphi-lint:\n  authorization: HIPAA-AUTH-2026-118\n---\nOur patient Maria Lopez rang the bell after chemo! MRN 00482913';
    const fs = lint(text);
    expect(shown(fs)).toEqual(['warning name Maria Lopez', 'error mrn 00482913']);
    expect(fs[0].message).toContain('HIPAA-AUTH-2026-118');
  });

  it('several quasi-identifiers with a condition become errors without a name', () => {
    const fs = shown(lint('A 47-year-old roofer from Millbrook came in after a fall and broke his hip.'));
    expect(fs).toContain('error age 47-year-old');
    expect(fs).toContain('error geo Millbrook');
  });

  it('offsets are exact with emoji, CRLF and hashtags', () => {
    const text = '🎉👩‍⚕️ Hi!\r\nOur patient Ann Lee had chemo today. #PrayForAnn\r\n';
    for (const f of lint(text)) {
      expect(text.slice(f.offset, f.offset + f.length)).toBe(f.text);
      const lineStart = text.split(/\r\n/).slice(0, f.line - 1).reduce((n, l) => n + l.length + 2, 0);
      expect(lineStart + f.column - 1).toBe(f.offset);
    }
    expect(shown(lint(text))).toEqual(['error name Ann Lee', 'error date today', 'error name #PrayForAnn']);
  });
});

describe('post-processing', () => {
  const f = (over: Partial<Finding>): Finding => ({
    ruleId: 'r', severity: 'error', category: 'phi', type: 'name', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2,
    offset: 0, length: 1, text: 'x', suggestions: [], ...over,
  });
  const allowCases: [Partial<Finding>, Partial<typeof EMPTY_ALLOW>, boolean][] = [
    [{ type: 'name', text: 'Dr. Anjali Mehta' }, { names: ['Anjali Mehta'] }, true],
    [{ type: 'name', text: 'Mehta' }, { names: ['Anjali Mehta'] }, true],
    [{ type: 'name', text: 'Mehtab Singh' }, { names: ['Mehta'] }, false],
    [{ type: 'phone', text: '(773) 555-0140' }, { phones: ['773-555-0140'] }, true],
    [{ type: 'phone', text: '(773) 555-0141' }, { phones: ['773-555-0140'] }, false],
    [{ type: 'url', text: 'www.riverbendhealth.org/fair' }, { domains: ['riverbendhealth.org'] }, true],
    [{ type: 'email', text: 'privacy@mail.riverbendhealth.org' }, { domains: ['riverbendhealth.org'] }, true],
    [{ type: 'url', text: 'notriverbendhealth.org' }, { domains: ['riverbendhealth.org'] }, false],
    [{ type: 'name', text: '#WillowCreekFamily' }, { hashtags: ['WillowCreekFamily'] }, true],
    [{ type: 'geo', text: '2200 Elm Street' }, { addresses: ['2200 elm street'] }, true],
  ];
  it.each(allowCases)('allow %j with %j → %s', (finding, allow, expected) => {
    expect(allowed(f(finding), { ...EMPTY_ALLOW, ...allow })).toBe(expected);
  });

  it('dedupe keeps the most severe finding per span and drops contained spans', () => {
    const out = dedupe([
      f({ ruleId: 'a', severity: 'info', offset: 5, length: 4 }),
      f({ ruleId: 'b', severity: 'error', offset: 5, length: 4 }),
      f({ ruleId: 'c', severity: 'error', offset: 0, length: 20 }),
      f({ ruleId: 'd', severity: 'warning', type: 'date', offset: 6, length: 2 }),
    ]);
    expect(out.map((x) => x.ruleId)).toEqual(['c', 'd']);
  });

  it('consent downgrades only authorizable types', () => {
    const out = applyConsent([{ finding: f({ type: 'name' }), excused: false }, { finding: f({ type: 'ssn' }), excused: false }], 'authorization X');
    expect(out.map((m) => m.finding.severity)).toEqual(['warning', 'error']);
  });
});

describe('consent counts only when affirmative and recorded as a reference', () => {
  const story = 'Our patient Maria Lopez rang the bell after chemo today!';
  it.each([
    [`Shared with permission. ${story}`, 'warning'],
    [`NOT shared with permission. ${story}`, 'error'],
    [`We did not get written permission yet. ${story}`, 'error'],
    [`Photo release pending. ${story}`, 'error'],
    [`---\nphi-lint:\n  authorization: HIPAA-AUTH-2026-118\n---\n${story}`, 'warning'],
    [`---\nphi-lint:\n  authorization: x\n---\n${story}`, 'error'],
    [`---\nphi-lint:\n  authorization: yes\n---\n${story}`, 'error'],
  ])('%s', (text, severity) => {
    const name = lint(text).find((f) => f.type === 'name')!;
    expect(name.severity).toBe(severity);
  });
});

// Names found by where they stand (src/analysis/name-layouts.ts): lists, dialogue labels, address blocks, lower case.
import { describe, expect, it } from 'vitest';
import { contactBlocks, dialogueLabels, listMembers, lowerCaseNames } from '../src/analysis/name-layouts.js';
import { tokenize } from '../src/analysis/tokens.js';
import { createDocument } from '../src/document/document.js';
import { ordinaryWord } from '../src/nlp/entities.js';
import { setup } from '../src/setup.js';

const { env } = await setup({ cwd: process.cwd(), overrides: [] });
const res = env.resources;
const notName = (w: string) => ordinaryWord(w.toLowerCase().replace(/['’]s$/, ''), res);
const words = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));

describe('names by where they stand', () => {
  it.each([
    ['Our 3 founders: Kónya, Becker and Vasquez.', ['Kónya', 'Vasquez']],
    ['Gaetane, Hannah, Anthony and Derek came to the picnic.', ['Gaetane']],
    ['Cardiology, Oncology and Rehab moved to the east wing.', []],
    ['in Tamsin and Hale counties nearly one in five adults', []],
    ['50 units of Xeomin, and Lan cried happy tears', []],
  ])('lists: %j → %j', (text, expected) => {
    // Becker, Hannah, Anthony and Derek are found by the name lists already (given here as found).
    const found = ['Becker', 'Hannah', 'Anthony', 'Derek', 'Lan'].flatMap((w) => (text.includes(w) ? [{ start: text.indexOf(w), end: text.indexOf(w) + w.length }] : []));
    expect(words(text, listMembers(text, found, res, notName))).toEqual(expected);
  });
  it.each([
    ['Ubul: What a wife.\nNicole: Remember me, Mary?', ['Ubul', 'Nicole']],
    ['Note: parking is free.\nUpdate: the lot is open.', []],
    ['Nicole: Remember me?', []],
  ])('dialogue labels: %j → %j', (text, expected) => {
    expect(words(text, dialogueLabels(text, res, notName))).toEqual(expected);
  });
  it.each([
    ['Julcsa Kárpáthy\nMhealthcoach\n50668 Kiannonkatu 98 Apt. 105\nMobile: 03.93.92.16.85', ['Julcsa Kárpáthy']],
    ['leone mazzi\n\nnurse\n\npersonal info:\nphone:\n0393 1144137', ['leone mazzi']],
    ['Westside Clinic\n1200 Harbor Road\nPhone: 555-0142', []],
    ['Julcsa Kárpáthy\nloves the new garden', []],
  ])('address and signature blocks: %j → %j', (text, expected) => {
    expect(words(text, contactBlocks(text, notName))).toEqual(expected);
  });
  it.each([
    ['follow up with patricia desrosiers in a couple of months.', ['patricia desrosiers']],
    ['follow up with benjamin a seiler in a couple of months.', ['benjamin a seiler']],
    ['grace period ends soon, so mark your calendar.', []],
  ])('lower case: %j → %j', (text, expected) => {
    const doc = createDocument('d.md', text);
    expect(words(doc.plain, lowerCaseNames(doc.plain, tokenize(doc), res))).toEqual(expected);
  });
});

// The README's input-format examples, run as written: each example file block, then the command and its output.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx, type DocxSpec } from './docx-fixture.js';
import { makeJpeg } from './jpeg-fixture.js';
import { ROOT, runCli, tempDir } from './helpers.js';

/** The photo the README's example lints. */
export const README_PHOTO = { gps: { lat: 40.7128, lon: -74.006 }, iptc: { caption: 'Our patient Marcus Delgado rings the bell after his last chemo' } };

/** The Word file the README's example lints (a binary file cannot be shown in the README; this is what it holds). */
export const README_DOCX: DocxSpec = {
  body: [
    { p: 'Rehab week', heading: true },
    { p: 'Our patient ', inserted: 'Marcus Delgado finished cardiac rehab.', comment: 0 },
  ],
  comments: [{ author: 'Dana Reviewer', text: 'Check his MRN 00482913 is not in the photo.' }],
  core: { title: 'Rehab week', creator: 'Jane Writer' },
};

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Input formats'), readme.indexOf('## Config file'));

/** Example files: fenced blocks with `title=PATH` after the language. */
function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of section.matchAll(/```\w+ title=(\S+)\n([\s\S]*?)```/g)) files[m[1]] = m[2];
  return files;
}

describe('README input formats', () => {
  const commands = [...section.matchAll(/```\n\$ (phi-lint [^\n]+)\n([\s\S]*?)```/g)];
  it('has an example per text format', () => {
    expect(Object.keys(exampleFiles())).toEqual(expect.arrayContaining(['drafts/rehab-week.html', 'drafts/march.csv', '.phi-lint.yaml']));
    expect(commands.length).toBeGreaterThan(0);
  });
  for (const [, command, output] of commands) {
    it(command, () => {
      const dir = tempDir(exampleFiles());
      fs.writeFileSync(path.join(dir, 'drafts', 'rehab-story.docx'), makeDocx(README_DOCX));
      fs.writeFileSync(path.join(dir, 'drafts', 'bell.jpg'), makeJpeg(README_PHOTO));
      const args = command.split(' ').slice(1);
      const r = runCli(args, { cwd: dir });
      expect(r.stdout).toBe(output);
    });
  }
});

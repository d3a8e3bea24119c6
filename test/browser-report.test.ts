// The HTML report in real headless Chromium: every finding of the JSON report is highlighted, nothing loads, axe passes.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, seriousViolations, WAIT } from './browser.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const FOLDER = path.join(ROOT, 'fixtures', 'report');

interface JsonFinding { offset: number; length: number; text: string; severity: string }
interface JsonFile { path: string; findings: JsonFinding[]; directives?: JsonFinding[] }

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

/** Open `file` and record every request the page makes besides the file itself. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.setViewport({ width: 1280, height: 900 });
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== `file://${file}`) requests.push(r.url());
  });
  await page.goto(`file://${file}`, { waitUntil: 'load', timeout: WAIT.timeout });
  return { page, requests };
}

describe('--format html in a browser', () => {
  for (const min of ['warning', 'info']) {
    it(`highlights exactly the findings of the JSON report (--min-severity ${min})`, async () => {
      const out = tempDir();
      const report = path.join(out, 'report.html');
      const html = runCli(['fixtures/report', '--format', 'html', '-o', report, '--min-severity', min]);
      expect(html.stderr).toBe('');
      const json = JSON.parse(runCli(['fixtures/report', '--format', 'json', '--min-severity', min]).stdout) as { files: JsonFile[]; summary: { errors: number; warnings: number; infos: number } };
      const { page, requests } = await open(report);
      const shown = await page.$$eval('section.file', (sections) =>
        sections.map((s) => ({
          path: s.querySelector('h2')!.childNodes[0].textContent!.trim(),
          markers: [...s.querySelectorAll('.marker')].map((m) => m.textContent),
          cards: s.querySelectorAll('li.finding').length,
          // The text each finding highlights: its marks, joined in order.
          spans: [...s.querySelectorAll('mark')].flatMap((m) => (m.getAttribute('data-f') ?? '').split(' ').map((n) => [Number(n), m.textContent ?? ''] as const)),
        })),
      );
      expect(shown.map((s) => s.path)).toEqual(json.files.map((f) => f.path));
      let total = 0;
      for (const f of json.files) {
        const s = shown.find((x) => x.path === f.path)!;
        const problems = [...f.findings, ...(f.directives ?? [])].sort((a, b) => a.offset - b.offset);
        expect(s.cards).toBe(problems.length);
        expect(s.markers).toHaveLength(problems.filter((p) => p.length > 0).length);
        problems.forEach((p, i) => {
          const text = s.spans.filter(([n]) => n === i + 1).map(([, t]) => t).join('');
          expect(text).toBe(p.text);
        });
        total += problems.length;
      }
      expect(total).toBeGreaterThan(min === 'info' ? 9 : 5);
      const totals = await page.$eval('.totals', (el) => el.textContent);
      expect(totals).toContain(`${json.summary.errors} errors`);
      expect(requests).toEqual([]);
      if (min === 'warning') {
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, 'html-report');
      }
      await page.close();
    }, 180_000);
  }

  it('a masked report shows no matched text, in the page or its source', async () => {
    const out = tempDir();
    const report = path.join(out, 'masked.html');
    expect(runCli(['fixtures/report', '--format', 'html', '-o', report, '--mask']).code).toBe(1);
    const source = fs.readFileSync(report, 'utf8');
    for (const secret of ['Marcus Delgado', 'Jordan', '77120-31', '10/14']) expect(source).not.toContain(secret);
    const { page } = await open(report);
    const marks = await page.$$eval('mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks).toContain('M***** D******');
    await page.close();
  }, 180_000);
});

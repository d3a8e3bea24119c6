// phi-lint serve in real headless Chromium: paste, see the highlight, apply the suggestion by keyboard, copy, drop a file, axe.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshot, seriousViolations, WAIT } from './browser.js';
import { ROOT, tempDir } from './helpers.js';
import { startServe, type Served } from './serve-helpers.js';

const DRAFT = 'Big news from cardiac rehab: Marcus Delgado walked out on his own after his triple bypass. So proud of him!';

let browser: Browser;
let s: Served;
beforeAll(async () => {
  [browser, s] = await Promise.all([launch(['--host-resolver-rules=MAP rebind.test 127.0.0.1']), startServe(tempDir())]);
}, 180_000);
afterAll(async () => {
  await Promise.all([browser?.close(), s?.stop()]);
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  await page.setViewport({ width: 1280, height: 860 });
  await browser.defaultBrowserContext().overridePermissions(s.origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`${s.origin}/`)) outside.push(r.url());
  });
  (page as Page & { outside: string[] }).outside = outside;
  await page.goto(s.url, { waitUntil: 'load', timeout: WAIT.timeout });
  await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('Type or paste'));
  return page;
}

/** The highlighted spans on the page, as their text. */
const highlights = (page: Page) => page.$$eval('#highlighted button.hl', (bs) => bs.map((b) => b.textContent));

describe('phi-lint serve in a browser', () => {
  it('paste a draft, see the name highlighted, Tab to it, Enter applies the suggestion, copy the text', async () => {
    const page = await openPage();
    await page.focus('#draft');
    // sendCharacter inserts the whole text at once, as a paste does.
    await page.keyboard.sendCharacter(DRAFT);
    await page.waitForFunction(() => [...document.querySelectorAll('#highlighted button.hl')].some((b) => b.textContent === 'Marcus Delgado'));
    const status = await page.$eval('#status', (e) => e.textContent ?? '');
    const counted = /^(\d+) errors? and (\d+) warnings? found\.$/.exec(status);
    expect(counted, status).not.toBeNull();
    const cards = await page.$$eval('#findings li.finding', (l) => l.length);
    expect(cards).toBe(Number(counted![1]) + Number(counted![2]));
    expect(await page.$eval('#status', (e) => e.getAttribute('aria-live'))).toBe('polite');

    // Keyboard only: Tab from the draft box until the highlight has the focus.
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'Marcus Delgado'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.classList.contains('hl') ? document.activeElement.textContent ?? '' : ''));
    }
    expect(focused).toBe('Marcus Delgado');
    await page.waitForFunction(() => !document.getElementById('tip')!.hidden && document.getElementById('tip')!.textContent!.includes('one of our patients'));
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'serve-page');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('draft') as HTMLTextAreaElement).value.includes('rehab: one of our patients walked'));
    // The finding is gone (and any that only the name made: a case told with that name), the list and the
    // announced count agree again.
    await page.waitForFunction((n) => {
      const shown = document.querySelectorAll('#findings li.finding').length;
      const said = /^(\d+) errors? and (\d+) warnings? found\.$/.exec(document.getElementById('status')!.textContent ?? '');
      const counted = said ? Number(said[1]) + Number(said[2]) : /^No problems found\.$/.test(document.getElementById('status')!.textContent ?? '') ? 0 : -1;
      return shown < n && shown === counted;
    }, {}, cards);
    expect(await highlights(page)).not.toContain('Marcus Delgado');
    expect(await page.$eval('#draft', (e) => (e as HTMLTextAreaElement).value)).toBe(DRAFT.replace('Marcus Delgado', 'one of our patients'));

    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('copy-status')!.textContent === 'Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(DRAFT.replace('Marcus Delgado', 'one of our patients'));
    expect(await seriousViolations(page)).toEqual([]);
    expect((page as Page & { outside: string[] }).outside).toEqual([]);
    await screenshot(page, 'serve-page-fixed', false);
    await page.close();
  }, 240_000);

  it('typing lints as you go; a suggestion button in the list rewrites its span', async () => {
    const page = await openPage();
    await page.type('#draft', 'Thanks to our patient Ana Ruiz for her kind words after her knee surgery.', { delay: 5 });
    await page.waitForFunction(() => document.querySelectorAll('#findings button.suggest').length > 0);
    const before = await highlights(page);
    expect(before).toContain('Ana Ruiz');
    await page.click('#findings button.suggest');
    await page.waitForFunction(() => !(document.getElementById('draft') as HTMLTextAreaElement).value.includes('Ana Ruiz'));
    await page.waitForFunction(() => ![...document.querySelectorAll('#highlighted button.hl')].some((b) => b.textContent === 'Ana Ruiz'));
    await page.close();
  }, 240_000);

  it('opening a file shows its text checked; a binary file gets a clear message', async () => {
    const page = await openPage();
    const input = await page.$('#file');
    await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(path.join(ROOT, 'fixtures', 'report', 'review-reply.md'));
    await page.waitForFunction(() => document.getElementById('file-name')!.textContent === '(review-reply.md)');
    await page.waitForFunction(() => document.querySelectorAll('#highlighted button.hl').length >= 5);
    expect(await page.$eval('#draft', (e) => (e as HTMLTextAreaElement).value)).toBe(fs.readFileSync(path.join(ROOT, 'fixtures', 'report', 'review-reply.md'), 'utf8'));
    // Dropping a file on the page opens it the same way.
    const box = (await (await page.$('#draft'))!.boundingBox())!;
    const point = { x: box.x + 30, y: box.y + 30 };
    const data = { items: [], files: [path.join(ROOT, 'fixtures', 'report', 'patient-story.md')], dragOperationsMask: 1 };
    await page.mouse.dragEnter(point, data);
    await page.mouse.dragOver(point, data);
    await page.mouse.drop(point, data);
    await page.waitForFunction(() => document.getElementById('file-name')!.textContent === '(patient-story.md)');
    await page.waitForFunction(() => [...document.querySelectorAll('#highlighted button.hl')].some((b) => b.textContent === 'Marcus Delgado'));
    expect(page.url()).toBe(s.url);
    const bin = path.join(tempDir(), 'photo.png');
    fs.writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    await (input as unknown as { uploadFile: (p: string) => Promise<void> }).uploadFile(bin);
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('binary'));
    await page.close();
  }, 240_000);

  it('a page reached through another host name (DNS rebinding) and an API call without the token are refused', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    const res = await page.goto(`http://rebind.test:${s.port}/`, { waitUntil: 'load', timeout: WAIT.timeout });
    expect(res?.status()).toBe(403);
    await page.goto(`${s.origin}/`, { waitUntil: 'load', timeout: WAIT.timeout });
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('needs its key'));
    const status = await page.evaluate(async () => (await fetch('/api/lint', { method: 'POST', body: '{"text":"x"}' })).status);
    expect(status).toBe(401);
    await page.close();
  }, 240_000);
});

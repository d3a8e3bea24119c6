// Browser-test helpers: Debian's headless Chromium driven by puppeteer-core, axe-core checks, and screenshots.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from './helpers.js';

/** Generous waits: the suite must pass on a loaded 2-core machine. */
export const WAIT = { timeout: 60_000 };

/** The Chromium to drive: $PHI_LINT_CHROMIUM, else Debian's package (.ci/run installs it). */
export function chromiumPath(): string {
  const candidates = [process.env.PHI_LINT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('browser tests need Chromium: apt-get install chromium (or set PHI_LINT_CHROMIUM to its path)');
  return found;
}

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', ...extraArgs],
    protocolTimeout: 120_000,
    timeout: 120_000,
  });
}

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page (WCAG 2 A and AA rules), as "id: help (n nodes)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Injected through DevTools, which the pages' Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  const results = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Screenshot into test-artifacts/ (gitignored) for a person to look at; with PHI_LINT_DOCS_SCREENSHOTS=1
 * (npm run screenshots) the README's pictures (`forReadme`) also into docs/images/.
 */
export async function screenshot(page: Page, name: string, forReadme = true): Promise<string> {
  const dir = path.join(ROOT, 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file as `${string}.png`, fullPage: true });
  if (forReadme && process.env.PHI_LINT_DOCS_SCREENSHOTS === '1') {
    fs.mkdirSync(path.join(ROOT, 'docs', 'images'), { recursive: true });
    fs.copyFileSync(file, path.join(ROOT, 'docs', 'images', `${name}.png`));
  }
  return file;
}

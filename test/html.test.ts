// HTML drafts: the text view and its map to the source, page furniture left out, and the CLI in every format.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlView } from '../src/document/html.js';
import { expectInEveryFormat, jsonFindings } from './format-reports.js';
import { runCli, tempDir } from './helpers.js';

const ARTICLE = `<article>
<h1>Cardiac rehab week</h1>
<p>Our patient Marcus&nbsp;Delgado finished cardiac rehab on March 3rd. Call him at 555-201-3344.</p>
<p>The team runs the   class
   every Tuesday.</p>
<img src="rehab.jpg" alt="Marcus Delgado and his mom in the rehab gym">
</article>`;

const CLEAN_ARTICLE = `<article>
<h1>Cardiac rehab week</h1>
<p>Our cardiac rehab team runs a class for heart patients every Tuesday morning.</p>
<p>Ask your cardiologist whether rehab is right for you, and bring a water bottle.</p>
<img src="gym.jpg" alt="Exercise bikes in the rehab gym">
</article>`;

const page = (article: string, furniture: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cardiac rehab week</title>
<script>var trackingName = "Marcus Delgado";</script><style>.x{content:"Jane Roe"}</style></head>
<body>
${furniture ? `<div id="cookie-banner" class="cookie-consent">We use cookies. Questions? Ask privacy officer Jane Roe at 555-867-5309. <button>Accept</button></div>
<header class="site-header"><a href="/" title="Home of Saint Mary Clinic">Saint Mary Clinic</a>
<nav class="menu"><ul><li><a href="/patients">Patients</a></li><li><a href="/visit">Visitors</a></li><li><a href="tel:5551112222">Call 555-111-2222</a></li></ul></nav></header>
<main>` : ''}
${article.replace('</article>', furniture ? '<div class="share-buttons social"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>\n</article>' : '</article>')}
${furniture ? `<aside class="related-articles"><h3>Related stories</h3><ul><li><a href="/x">Mr. Tom Baker beat cancer at our clinic on May 5</a></li></ul></aside>
<section id="comments" class="comments"><h3>Leave a comment</h3><form><label>Name</label><input name="n"><textarea>Dr. Kim Lee</textarea><button>Post comment</button></form>
<div class="comment">Grandma Rose Hill was in room 12 last week for her chemo!</div></section>
</main>
<footer class="site-footer"><p>Saint Mary Clinic, 12 Oak Street, Springfield. Phone 555-333-4444. Copyright 2026.</p></footer>` : ''}
</body></html>
`;

describe('htmlView', () => {
  it('reads visible text, titles and alt text; skips scripts and styles; decodes entities and collapses white space', () => {
    const src = page(ARTICLE, false);
    const v = htmlView(src);
    expect(v.text).toContain('Our patient Marcus Delgado finished cardiac rehab on March 3rd.');
    expect(v.text).toContain('The team runs the class every Tuesday.');
    expect(v.text).toContain('![Marcus Delgado and his mom in the rehab gym](rehab.jpg)');
    expect(v.text.startsWith('Cardiac rehab week\n\n')).toBe(true);
    expect(v.text).not.toContain('trackingName');
    expect(v.text).not.toContain('Jane Roe');
  });
  it('maps view ranges back to the source, entities and white space included', () => {
    const src = page(ARTICLE, false);
    const v = htmlView(src);
    const at = v.text.indexOf('Marcus Delgado finished');
    const r = v.toSource(at, at + 'Marcus Delgado'.length);
    expect(src.slice(r.start, r.end)).toBe('Marcus&nbsp;Delgado');
    expect(r.oneSegment).toBe(true);
    const c = v.text.indexOf('class every');
    const cr = v.toSource(c, c + 'class every'.length);
    expect(src.slice(cr.start, cr.end)).toBe('class\n   every');
    const alt = v.text.indexOf('his mom');
    const ar = v.toSource(alt, alt + 'his mom'.length);
    expect(src.slice(ar.start, ar.end)).toBe('his mom');
  });
  it('keeps link and image titles, and reads a fragment without html or body tags', () => {
    const v = htmlView('<p>See <a href="/x" title="Dana Whitfield&#39;s story">her story</a>.</p>');
    expect(v.text).toContain("Dana Whitfield's story");
    expect(v.text).toContain('See her story.');
    expect(htmlView('SSN 412-38-7719').text.trim()).toBe('SSN 412-38-7719');
  });
  it('a page with no body text is empty', () => {
    expect(htmlView('<html><head><script>x()</script></head></html>').empty).toBe(true);
    expect(htmlView('<html><head><title>Visit us</title></head><body></body></html>').empty).toBe(false);
  });
});

describe('HTML page furniture', () => {
  it('the same article with and without menus, cookie banner, share buttons, related list, comments and footer gives the same findings', () => {
    const dir = tempDir({ 'bare.html': page(ARTICLE, false), 'site.html': page(ARTICLE, true) });
    const key = (file: string) => jsonFindings(dir, file).findings.map((f) => [f.ruleId, f.severity, f.text]);
    const bare = key('bare.html');
    expect(bare.length).toBeGreaterThan(3);
    expect(key('site.html')).toEqual(bare);
    // And the clean article stays clean inside the same furniture, which itself holds names and phone numbers.
    const clean = tempDir({ 'site.html': page(CLEAN_ARTICLE, true) });
    expect(jsonFindings(clean, 'site.html').findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
  it('furniture text is not in the view', () => {
    const v = htmlView(page(ARTICLE, true));
    for (const s of ['Jane Roe', 'Tom Baker', 'Rose Hill', 'Kim Lee', 'Oak Street', 'Share on Facebook', 'Visitors']) expect(v.text).not.toContain(s);
    expect(v.text).toContain('Marcus Delgado finished');
  });
});

describe('HTML through the CLI', () => {
  it('reports line:column in the HTML source in every output format; the clean twin is clean', () => {
    const dir = tempDir({ 'post.html': page(ARTICLE, true), 'clean.html': page(CLEAN_ARTICLE, true) });
    const line = (s: string) => page(ARTICLE, true).split('\n').findIndex((l) => l.includes(s)) + 1;
    expectInEveryFormat(dir, 'post.html', [
      { ruleId: 'phi/patient-name', line: line('Marcus&nbsp;Delgado'), column: 16 },
      { ruleId: 'phi/care-date', line: line('Marcus&nbsp;Delgado') },
      { ruleId: 'phi/contact-phone', line: line('Marcus&nbsp;Delgado') },
      { ruleId: 'phi/patient-photo', line: line('alt="Marcus') },
      { ruleId: 'professionalism/patient-image', line: line('alt="Marcus') },
      { ruleId: 'phi/patient-name', line: line('alt="Marcus') },
    ]);
    const { findings } = jsonFindings(dir, 'post.html');
    const src = fs.readFileSync(path.join(dir, 'post.html'), 'utf8');
    for (const f of findings) expect(src.slice(f.offset, f.offset + f.length)).toBe(f.text);
    expect(findings[0].text).toBe('Marcus&nbsp;Delgado');
    expectInEveryFormat(dir, 'clean.html', []);
  });
  it('is found in folders by default, and a disable comment in the HTML works', () => {
    const dir = tempDir({
      'site/a.html': '<p>Our patient Marcus Delgado starts chemo.</p>',
      'site/b.htm': '<!-- phi-lint-disable-next-line phi/patient-name -- signed authorization #118 on file -->\n<p>Our patient Marcus Delgado starts chemo.</p>',
    });
    const report = JSON.parse(runCli(['--format', 'json', 'site'], { cwd: dir }).stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['site/a.html', 'site/b.htm']);
    expect(report.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('phi/patient-name');
    expect(report.files[1].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('phi/patient-name');
  });
  it('--fix writes fixes into the HTML, escaping markup, and leaves the tags alone', () => {
    const html = '<html><body>\n<p>We found a <b>hearing aid</b> (serial 1824X7731) &amp; returned it.</p>\n</body></html>\n';
    const dir = tempDir({ 'found.html': html });
    const r = runCli(['--fix', 'found.html'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, 'found.html'), 'utf8')).toBe(html.replace('1824X7731', '[serial removed]'));
  });
  it('a page with no body text: a one-line error naming it, the other files still linted, exit 2', () => {
    const dir = tempDir({ 'empty.html': '<html><head><script>track()</script></head></html>', 'post.html': '<p>Our patient Marcus Delgado starts chemo.</p>' });
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('phi-lint: empty.html: the HTML page has no body text, image text or title to lint\nphi-lint: 1 file could not be linted (see above); exit code 2\n');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['post.html']);
  });
});

// Photos: EXIF, XMP and IPTC metadata read into a labelled text view; GPS, names in captions, camera owner; bad photos refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoView } from '../src/document/image.js';
import { expectInEveryFormat, jsonFindings } from './format-reports.js';
import { runCli, tempDir } from './helpers.js';
import { makeJpeg, type PhotoSpec } from './jpeg-fixture.js';

const PHI_PHOTO: PhotoSpec = {
  gps: { lat: 40.7128, lon: -74.006 },
  artist: 'Jane Photographer',
  cameraOwner: 'Dana Smith',
  bodySerial: '123456789',
  xmp: { title: 'Bell day', persons: ['Marcus Delgado'] },
  iptc: { caption: 'Our patient Marcus Delgado rings the bell after his last chemo', keywords: ['chemo', 'oncology'] },
};
const CLEAN_PHOTO: PhotoSpec = { artist: 'Jane Photographer', iptc: { caption: 'The new garden outside the main entrance', keywords: ['garden'] } };

const withPhotos = (photos: Record<string, PhotoSpec | Buffer>, files: Record<string, string> = {}) => {
  const dir = tempDir(files);
  for (const [name, spec] of Object.entries(photos)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), Buffer.isBuffer(spec) ? spec : makeJpeg(spec));
  }
  return dir;
};

describe('photoView', () => {
  it('labels GPS, captions, titles, keywords, people shown, author, camera owner and serial', () => {
    const v = photoView({ gps: { latitude: 40.7128, longitude: -74.006 }, ifd0: { Artist: 'Jane P' }, iptc: { Caption: 'Rose at home', Keywords: ['a', 'b'] }, Iptc4xmpExt: { PersonInImage: ['Rose Hill', 'Tom Hill'] }, dc: { title: { lang: 'x-default', value: 'Home visit' } }, exif: { OwnerName: 'Dana', SerialNumber: 'X1' } }, 'photos/visit.jpg');
    expect(v).toBe([
      '<!-- photo metadata: EXIF GPS -->\nGPS position 40.712800, -74.006000 recorded in visit.jpg',
      '<!-- photo metadata: EXIF artist -->\nAuthor: Jane P',
      '<!-- photo metadata: IPTC caption -->\nRose at home',
      '<!-- photo metadata: IPTC keywords -->\nKeywords: a, b',
      '<!-- photo metadata: XMP title -->\nHome visit',
      '<!-- photo metadata: XMP person shown -->\nShows Rose Hill, Tom Hill',
      '<!-- photo metadata: EXIF camera owner -->\nCamera owner recorded in the photo, author: Dana',
      '<!-- photo metadata: EXIF camera serial -->\nCamera serial number recorded in the photo: X1',
    ].join('\n\n') + '\n');
    expect(photoView({}, 'x.jpg')).toBe('');
  });
});

describe('photos through the CLI', () => {
  it('GPS is an error in a patient photo, names in the caption and XMP people too, camera owner and serial are info; every format; the clean twin is clean', () => {
    const dir = withPhotos({ 'bell.jpg': PHI_PHOTO, 'garden.jpg': CLEAN_PHOTO });
    expectInEveryFormat(dir, 'bell.jpg', [
      { ruleId: 'phi/photo-gps', line: 2, column: 14 },
      { ruleId: 'phi/patient-name', line: 8 },
      { ruleId: 'phi/patient-name', line: 17 },
    ]);
    const { findings } = jsonFindings(dir, 'bell.jpg');
    const gps = findings.find((f) => f.ruleId === 'phi/photo-gps')!;
    expect([gps.severity, gps.text]).toEqual(['error', '40.712800, -74.006000']);
    expect(JSON.stringify(findings)).toContain('exiftool -all= bell.jpg');
    expect(findings.find((f) => f.ruleId === 'phi/patient-name' && f.line === 17)!.message).toContain('(photo metadata: XMP person shown)');
    expect(findings.filter((f) => f.ruleId === 'phi/photo-camera').map((f) => [f.severity, f.text])).toEqual([['info', 'Dana Smith'], ['info', '123456789']]);
    expectInEveryFormat(dir, 'garden.jpg', []);
  });
  it('GPS in a photo with nothing about a patient is a warning', () => {
    const dir = withPhotos({ 'lobby.jpg': { gps: { lat: 41.88, lon: -87.63 }, iptc: { caption: 'The new lobby' } } });
    const { findings } = jsonFindings(dir, 'lobby.jpg');
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['phi/photo-gps', 'warning']]);
  });
  it('photos that Markdown, HTML and CSV drafts show are linted with them, wherever they are', () => {
    const dir = withPhotos(
      { 'media/bell.jpg': PHI_PHOTO, 'media/page.jpg': { gps: { lat: 1.5, lon: 2.5 } }, 'media/row.jpeg': { gps: { lat: 3.5, lon: 4.5 } }, 'media/unused.jpg': PHI_PHOTO },
      {
        'drafts/post.md': 'Big day!\n\n![The bell](../media/bell.jpg)\n',
        'drafts/page.html': '<p>Our garden.</p><img src="../media/page.jpg" alt="garden">',
        'drafts/plan.csv': 'Text,Image URL\nOur garden is open.,../media/row.jpeg\n',
      },
    );
    const report = JSON.parse(runCli(['--format', 'json', 'drafts'], { cwd: dir }).stdout);
    expect(report.files.map((f: { path: string }) => f.path).sort()).toEqual(['drafts/page.html', 'drafts/plan.csv', 'drafts/post.md', 'media/bell.jpg', 'media/page.jpg', 'media/row.jpeg']);
  });
  it('--fix never edits a photo', () => {
    const dir = withPhotos({ 'bell.jpg': PHI_PHOTO });
    const before = fs.readFileSync(path.join(dir, 'bell.jpg'));
    runCli(['--fix', 'bell.jpg'], { cwd: dir });
    expect(fs.readFileSync(path.join(dir, 'bell.jpg')).equals(before)).toBe(true);
  });
  it('broken EXIF and a file that is not a photo: one line naming each, the others still linted, exit 2', () => {
    const broken = Buffer.concat([Buffer.from('ffd8ffe10010457869660000', 'hex'), Buffer.from('4d4d002a00000008ffff', 'hex'), Buffer.alloc(20)]);
    const dir = withPhotos({ 'broken.jpg': broken, 'notaphoto.png': Buffer.from('hello, not a picture'), 'bell.jpg': PHI_PHOTO });
    const r = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^phi-lint: broken\.jpg: the photo's metadata cannot be read \(damaged metadata: .+\)$/);
    expect(lines.slice(1)).toEqual(["phi-lint: notaphoto.png: the photo's metadata cannot be read (it is not a photo phi-lint can read)", 'phi-lint: 2 files could not be linted (see above); exit code 2']);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['bell.jpg']);
  });
});

// Photos that drafts point to (Markdown and HTML images, image columns of scheduler CSVs): linted with the drafts.
import fs from 'node:fs';
import path from 'node:path';
import { FORMAT_EXTENSIONS, formatOf } from '../document/formats.js';

const PHOTO = new RegExp(`(?:${FORMAT_EXTENSIONS.image.map((e) => e.slice(1)).join('|')})$`, 'i');
const REFS = [
  /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)/g, // Markdown ![alt](photo.jpg)
  /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi, // HTML <img src="photo.jpg">
  /(?:^|[,;\t"])\s*([^\s,;\t"]+\.(?:jpe?g|png|heic|webp|tiff?))\s*(?=["\r\n,;\t]|$)/gim, // a CSV cell naming a photo
];

/** Local photos the drafts in `files` (relative to `cwd`) refer to, that exist, relative to `cwd`, not already in `files`. */
export function referencedPhotos(files: string[], cwd: string): string[] {
  const have = new Set(files);
  const found = new Set<string>();
  for (const file of files) {
    const kind = formatOf(file);
    if (kind !== 'text' && kind !== 'html' && kind !== 'csv') continue;
    const abs = path.resolve(cwd, file);
    let text: string;
    try {
      // Only regular files: a FIFO named like a draft would block here (it is reported when it is read).
      const st = fs.statSync(abs);
      if (!st.isFile() || st.size > 10 * 1024 * 1024) continue;
      text = fs.readFileSync(abs, 'utf8');
    } catch {
      continue; // reported when the draft itself is read
    }
    if (!PHOTO.test(text) && !/\.(?:jpe?g|png|heic|webp|tiff?)\b/i.test(text)) continue;
    for (const re of REFS) {
      for (const m of text.matchAll(re)) {
        const ref = m[1].replace(/[?#].*$/, '');
        if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//') || !PHOTO.test(ref)) continue;
        let decoded = ref;
        try {
          decoded = decodeURI(ref);
        } catch {
          // a malformed escape: use the reference as written
        }
        const target = path.resolve(path.dirname(abs), decoded);
        const rel = path.relative(cwd, target).split(path.sep).join('/');
        if (have.has(rel) || found.has(rel)) continue;
        try {
          if (fs.statSync(target).isFile()) found.add(rel.startsWith('..') ? target : rel);
        } catch {
          // a photo that is not here (a URL-like path, not uploaded yet): nothing to read
        }
      }
    }
  }
  return [...found];
}

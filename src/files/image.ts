// Reads a photo's metadata with exifr (a maintained, fast EXIF/XMP/IPTC reader that reads only the bytes it needs)
// into the text view the rules lint, or a one-line error naming the photo.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { photoView, type PhotoMetadata } from '../document/image.js';
import { sizeRefusal, type ReadResult } from './read.js';

const require = createRequire(import.meta.url);
type Exifr = { parse(input: Buffer | string, options: object): Promise<PhotoMetadata | undefined> };

const JPEG_HEAD = 4 * 1024 * 1024;
const OPTIONS = { tiff: true, ifd0: true, exif: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false, mergeOutput: false, multiSegment: true, silentErrors: false };

/** The metadata view of a photo given as bytes (a staged blob) or a path on disk. */
export async function readPhoto(input: Buffer | string, name: string, maxBytes: number): Promise<ReadResult> {
  if (typeof input === 'string') {
    try {
      const stat = fs.statSync(input);
      if (!stat.isFile()) return { ok: false, skipped: false, error: `${name}: cannot read the file (it is not a regular file)` };
      // A JPEG's metadata is at its start: read the first 4 MB of a big one. Other formats are read whole, within the limit.
      const jpeg = /\.jpe?g$/i.test(name);
      if (!jpeg) {
        const refused = sizeRefusal(stat.size, name, maxBytes);
        if (refused) return refused;
      }
      const fd = fs.openSync(input, 'r');
      try {
        const buf = Buffer.alloc(jpeg ? Math.min(stat.size, JPEG_HEAD) : stat.size);
        fs.readSync(fd, buf, 0, buf.length, 0);
        input = buf;
      } finally {
        fs.closeSync(fd);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, skipped: false, error: `${name}: cannot read the file (${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'file not found (a broken link?)' : (code ?? 'cannot read')})` };
    }
  }
  const exifr = require('exifr') as Exifr;
  try {
    const meta = (await exifr.parse(input, OPTIONS)) ?? {};
    return { ok: true, text: photoView(meta, name) };
  } catch (e) {
    const why = (e as Error).message.split('\n')[0];
    if (/unknown file format/i.test(why) && /\.webp$/i.test(name)) {
      return { ok: true, text: '', note: `${name}: the metadata of WebP photos is not read; strip it before posting (exiftool -all= ${name})` };
    }
    return { ok: false, skipped: false, error: `${name}: the photo's metadata cannot be read (${/unknown file format/i.test(why) ? 'it is not a photo phi-lint can read' : `damaged metadata: ${why}`})` };
  }
}

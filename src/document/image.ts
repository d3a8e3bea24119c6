// Photos: the text view of a photo's metadata (EXIF, XMP, IPTC) — GPS position, captions, titles, keywords, people
// shown, artist, camera owner and serial — labelled with where each value was found.
import path from 'node:path';
import { labelledPlace } from './docx.js';

/** Metadata as exifr returns it with `mergeOutput: false`: blocks by kind (ifd0, exif, gps, iptc) and XMP namespace. */
export type PhotoMetadata = Record<string, Record<string, unknown> | undefined>;

/** A metadata value as text: strings, numbers, language alternatives ({ value }) and lists; undefined for binary data. */
function asText(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.replace(/\u0000+$/g, '').replace(/\s+/g, ' ').trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asText).filter(Boolean).join(', ') || undefined;
  if (typeof v === 'object' && 'value' in (v as object)) return asText((v as { value: unknown }).value);
  return undefined;
}

/**
 * [block, field, label, text before the value]: every metadata field that can hold words about a person.
 * Who took the photo is written as a byline ("Author: …"), which the name rules read as the author, not as someone shown.
 */
const TEXT_FIELDS: [string, string, string, string][] = [
  ['ifd0', 'ImageDescription', 'EXIF image description', ''],
  ['ifd0', 'XPTitle', 'EXIF title', ''],
  ['ifd0', 'XPSubject', 'EXIF subject', ''],
  ['ifd0', 'XPComment', 'EXIF comment', ''],
  ['ifd0', 'XPKeywords', 'EXIF keywords', 'Keywords: '],
  ['exif', 'UserComment', 'EXIF user comment', ''],
  ['ifd0', 'Artist', 'EXIF artist', 'Author: '],
  ['ifd0', 'XPAuthor', 'EXIF author', 'Author: '],
  ['iptc', 'Headline', 'IPTC headline', ''],
  ['iptc', 'Caption', 'IPTC caption', ''],
  ['iptc', 'ObjectName', 'IPTC title', ''],
  ['iptc', 'Keywords', 'IPTC keywords', 'Keywords: '],
  ['iptc', 'Byline', 'IPTC by-line', 'Author: '],
  ['dc', 'title', 'XMP title', ''],
  ['dc', 'description', 'XMP description', ''],
  ['dc', 'subject', 'XMP keywords', 'Keywords: '],
  ['dc', 'creator', 'XMP creator', 'Author: '],
  ['photoshop', 'Headline', 'XMP headline', ''],
  ['Iptc4xmpExt', 'PersonInImage', 'XMP person shown', 'Shows '],
];

/** The text view of a photo's metadata; '' when it has none that phi-lint reads. */
export function photoView(meta: PhotoMetadata, file: string): string {
  const blocks: string[] = [];
  const name = path.basename(file);
  const gps = meta.gps;
  const lat = gps?.latitude;
  const lon = gps?.longitude;
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    blocks.push(`<!-- photo metadata: EXIF GPS -->\nGPS position ${lat.toFixed(6)}, ${lon.toFixed(6)} recorded in ${name}`);
  }
  const seen = new Set<string>();
  for (const [block, field, label, prefix] of TEXT_FIELDS) {
    const text = asText(meta[block]?.[field]);
    if (!text || seen.has(`${prefix}${text}`)) continue;
    seen.add(`${prefix}${text}`);
    blocks.push(`<!-- photo metadata: ${label} -->\n${prefix}${text.replace(/<!--|-->/g, ' ')}`);
  }
  const owner = asText(meta.exif?.OwnerName ?? meta.exif?.CameraOwnerName);
  if (owner) blocks.push(`<!-- photo metadata: EXIF camera owner -->\nCamera owner recorded in the photo, author: ${owner}`);
  const serial = asText(meta.exif?.SerialNumber ?? meta.exif?.BodySerialNumber);
  if (serial) blocks.push(`<!-- photo metadata: EXIF camera serial -->\nCamera serial number recorded in the photo: ${serial}`);
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** Where a view offset is: the metadata field ("photo metadata: IPTC caption"). */
export const photoPlace = labelledPlace;

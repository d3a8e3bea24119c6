// Test helper: JPEGs with EXIF (written with piexifjs), XMP (an APP1 packet) and IPTC (an APP13 Photoshop block) metadata.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const piexif = require('piexifjs') as any;

export interface PhotoSpec {
  gps?: { lat: number; lon: number };
  description?: string;
  artist?: string;
  cameraOwner?: string;
  bodySerial?: string;
  /** XMP: dc:description, dc:title, Iptc4xmpExt:PersonInImage. */
  xmp?: { description?: string; title?: string; persons?: string[] };
  /** IPTC IIM: 2:120 caption, 2:25 keywords, 2:05 object name. */
  iptc?: { caption?: string; keywords?: string[]; objectName?: string };
}

/** The smallest JPEG: start of image, one 1x1 grey baseline frame, end of image. */
const BASE = Buffer.from(
  'ffd8ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9',
  'hex',
);

const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

const rational = (x: number): [number, number][] => {
  const a = Math.abs(x);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return [[d, 1], [m, 1], [s, 100]];
};

function exifSegment(spec: PhotoSpec): Buffer | undefined {
  const zeroth: Record<number, unknown> = {};
  const exif: Record<number, unknown> = {};
  const gps: Record<number, unknown> = {};
  if (spec.description) zeroth[piexif.ImageIFD.ImageDescription] = spec.description;
  if (spec.artist) zeroth[piexif.ImageIFD.Artist] = spec.artist;
  if (spec.cameraOwner) exif[0xa430] = spec.cameraOwner;
  if (spec.bodySerial) exif[0xa431] = spec.bodySerial;
  if (spec.gps) {
    gps[piexif.GPSIFD.GPSLatitudeRef] = spec.gps.lat >= 0 ? 'N' : 'S';
    gps[piexif.GPSIFD.GPSLatitude] = rational(spec.gps.lat);
    gps[piexif.GPSIFD.GPSLongitudeRef] = spec.gps.lon >= 0 ? 'E' : 'W';
    gps[piexif.GPSIFD.GPSLongitude] = rational(spec.gps.lon);
  }
  if (!Object.keys(zeroth).length && !Object.keys(exif).length && !Object.keys(gps).length) return undefined;
  // piexif.dump gives the APP1 payload ("Exif\0\0" and the TIFF structure) as a binary string.
  return segment(0xe1, Buffer.from(piexif.dump({ '0th': zeroth, Exif: exif, GPS: gps }), 'binary'));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function xmpSegment(x: NonNullable<PhotoSpec['xmp']>): Buffer {
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(s)}</rdf:li></rdf:Alt>`;
  const packet = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">${x.description ? `<dc:description>${alt(x.description)}</dc:description>` : ''}${x.title ? `<dc:title>${alt(x.title)}</dc:title>` : ''}${x.persons ? `<Iptc4xmpExt:PersonInImage><rdf:Bag>${x.persons.map((p) => `<rdf:li>${esc(p)}</rdf:li>`).join('')}</rdf:Bag></Iptc4xmpExt:PersonInImage>` : ''}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]));
}

function iptcSegment(i: NonNullable<PhotoSpec['iptc']>): Buffer {
  const dataset = (tag: number, value: string) => {
    const v = Buffer.from(value, 'utf8');
    const h = Buffer.from([0x1c, 2, tag, 0, 0]);
    h.writeUInt16BE(v.length, 3);
    return Buffer.concat([h, v]);
  };
  // 1:90 says the text is UTF-8.
  const records = [Buffer.from([0x1c, 1, 90, 0, 3, 0x1b, 0x25, 0x47])];
  if (i.objectName) records.push(dataset(5, i.objectName));
  for (const k of i.keywords ?? []) records.push(dataset(25, k));
  if (i.caption) records.push(dataset(120, i.caption));
  const iim = Buffer.concat(records);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const block = Buffer.concat([Buffer.from('8BIM', 'latin1'), Buffer.from([0x04, 0x04, 0, 0]), size, iim, iim.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
  return segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), block]));
}

/** A JPEG carrying `spec`'s metadata. */
export function makeJpeg(spec: PhotoSpec): Buffer {
  const segments = [exifSegment(spec), spec.xmp && xmpSegment(spec.xmp), spec.iptc && iptcSegment(spec.iptc)].filter((s): s is Buffer => Boolean(s));
  return Buffer.concat([BASE.subarray(0, 2), ...segments, BASE.subarray(2)]);
}

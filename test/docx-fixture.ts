// Test helper: writes real .docx files (a zip of WordprocessingML parts, the way Word lays them out) with fflate.
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** One body block: a paragraph (optionally a heading, with a tracked insertion, a comment anchor or a picture), or a table. */
export type Block =
  | { p: string; heading?: boolean; inserted?: string; deleted?: string; comment?: number; imageAlt?: string }
  | { table: string[][] };

export interface DocxSpec {
  body: Block[];
  comments?: { author: string; text: string }[];
  core?: { title?: string; creator?: string; keywords?: string };
}

const run = (t: string) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
function paragraph(b: Extract<Block, { p: string }>): string {
  const ppr = b.heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
  const ins = b.inserted ? `<w:ins w:id="90" w:author="Editor" w:date="2026-03-01T10:00:00Z">${run(b.inserted)}</w:ins>` : '';
  const del = b.deleted ? `<w:del w:id="91" w:author="Editor" w:date="2026-03-01T10:00:00Z"><w:r><w:delText>${esc(b.deleted)}</w:delText></w:r></w:del>` : '';
  const c = b.comment !== undefined ? [`<w:commentRangeStart w:id="${b.comment}"/>`, `<w:commentRangeEnd w:id="${b.comment}"/><w:r><w:commentReference w:id="${b.comment}"/></w:r>`] : ['', ''];
  const pic = b.imageAlt ? `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1" descr="${esc(b.imageAlt)}"/><a:graphic/></wp:inline></w:drawing></w:r>` : '';
  return `<w:p>${ppr}${c[0]}${run(b.p)}${ins}${del}${c[1]}${pic}</w:p>`;
}

/** The bytes of a .docx with `spec`'s content. */
export function makeDocx(spec: DocxSpec): Buffer {
  const body = spec.body
    .map((b) => ('table' in b ? `<w:tbl>${b.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>` : paragraph(b)))
    .join('');
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (spec.comments) {
    files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W}>${spec.comments.map((c, i) => `<w:comment w:id="${i}" w:author="${esc(c.author)}" w:initials="X"><w:p>${run(c.text)}</w:p></w:comment>`).join('')}</w:comments>`);
  }
  const core = spec.core ?? {};
  files['docProps/core.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${core.title ? `<dc:title>${esc(core.title)}</dc:title>` : ''}${core.creator ? `<dc:creator>${esc(core.creator)}</dc:creator>` : ''}${core.keywords ? `<cp:keywords>${esc(core.keywords)}</cp:keywords>` : ''}</cp:coreProperties>`);
  return Buffer.from(zipSync(files));
}

// Word files: the text view of a .docx's parts — body paragraphs (headings and tables included), tracked
// insertions, image alt text, reviewers' comments and the core document properties — labelled with where each
// piece is (paragraph numbers count every paragraph of the body, as Word does).
//
// The view is Markdown: labels are HTML comments, which the rules never read, and alt text is `![alt](image)`.
import { createRequire } from 'node:module';
import type { ChildNode, Element } from 'domhandler';

const require = createRequire(import.meta.url);
type Htmlparser2 = typeof import('htmlparser2');

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

/** Text of a run-level subtree: text, tabs and breaks; deleted text and field codes are not what the document says. */
function textOf(nodes: ChildNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.type === 'text') continue; // white space between tags; text is only inside w:t
    if (!isElement(n)) continue;
    switch (n.name) {
      case 'w:t':
        out.push(n.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        out.push(' ');
        break;
      case 'w:del':
      case 'w:delText':
      case 'w:instrText':
      case 'w:pPr':
      case 'w:rPr':
        break;
      default:
        textOf(n.children, out);
    }
  }
  return out;
}

/** Alt text (description, then title) of the pictures in a paragraph. */
function altTexts(nodes: ChildNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name === 'wp:docPr') {
      const alt = [n.attribs.descr, n.attribs.title].filter((s) => s && s.trim()).join(' — ');
      out.push(alt || n.attribs.name || 'image');
    } else if (n.name !== 'w:del') altTexts(n.children, out);
  }
  return out;
}

function firstElement(nodes: ChildNode[], name: string): Element | undefined {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (n.name === name) return n;
    const found = firstElement(n.children, name);
    if (found) return found;
  }
  return undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A label comment: HTML comments cannot contain "--". */
const label = (s: string) => `<!-- ${oneLine(s).replace(/--+/g, '-')} -->`;
/** Text in the view: one line, and nothing that would open or close a label. */
const body = (s: string) => oneLine(s).replace(/<!--|-->/g, (m) => m.replace(/-/g, '‐'));

/** The text view of a Word file's parts (`word/document.xml` required; comments and properties when present). */
export function docxView(parts: Map<string, string>): string {
  const { parseDocument } = require('htmlparser2') as Htmlparser2;
  const xml = (name: string) => {
    const text = parts.get(name);
    return text === undefined ? undefined : parseDocument(text, { xmlMode: true, decodeEntities: true });
  };
  const blocks: string[] = [];
  const doc = xml('word/document.xml')!;
  const bodyEl = firstElement(doc.children, 'w:body');
  let paragraph = 0;
  const walk = (nodes: ChildNode[], where: string) => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'w:p') {
        paragraph++;
        const style = firstElement(n.children, 'w:pStyle')?.attribs['w:val'] ?? '';
        const kind = /^(heading|title)/i.test(style) ? 'heading' : where;
        const text = body(textOf(n.children).join(''));
        if (text) blocks.push(`${label(`paragraph ${paragraph}${kind ? ` (${kind})` : ''}`)}\n${text}`);
        for (const alt of altTexts(n.children)) blocks.push(`${label(`paragraph ${paragraph}, image alt text`)}\n![${body(alt).replace(/[[\]]/g, ' ')}](image)`);
      } else if (n.name === 'w:tbl') walk(n.children, 'table');
      else if (n.name !== 'w:sectPr') walk(n.children, where);
    }
  };
  if (bodyEl) walk(bodyEl.children, '');

  const comments = xml('word/comments.xml');
  if (comments) {
    let k = 0;
    for (const c of (firstElement(comments.children, 'w:comments')?.children ?? []).filter(isElement)) {
      if (c.name !== 'w:comment') continue;
      k++;
      const text = body(c.children.filter(isElement).map((p) => textOf(p.children).join('')).join(' '));
      const by = c.attribs['w:author'] ? ` by ${c.attribs['w:author']}` : '';
      if (text) blocks.push(`${label(`comment ${k}${by}`)}\n${text}`);
    }
  }

  const core = xml('docProps/core.xml');
  if (core) {
    const props: [string, string][] = [['dc:title', 'title'], ['dc:subject', 'subject'], ['dc:creator', 'author'], ['cp:lastModifiedBy', 'last modified by'], ['cp:keywords', 'keywords'], ['dc:description', 'comments']];
    for (const [tag, name] of props) {
      const el = firstElement(core.children, tag);
      const text = el ? body(textOf([el]).join('') || el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('')) : '';
      // The people who wrote the file are staff: their names are read as a byline, not as someone the post is about.
      const byline = name === 'author' ? 'Author: ' : name === 'last modified by' ? 'Last modified by: ' : '';
      if (text) blocks.push(`${label(`document property: ${name}`)}\n${byline}${text}`);
    }
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** Where a view offset is: the label of the block it is in ("paragraph 3", "comment 1 by Dana Lee"). */
export function labelledPlace(view: string): (offset: number) => string | undefined {
  const labels = [...view.matchAll(/^<!-- (.*?) -->$/gm)].map((m) => ({ at: m.index, text: m[1] }));
  return (offset) => {
    let found: string | undefined;
    for (const l of labels) {
      if (l.at > offset) break;
      found = l.text;
    }
    return found;
  };
}

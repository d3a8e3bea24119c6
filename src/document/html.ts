// HTML drafts: the article's visible text, image alt text and link titles as a text view mapped to the HTML source,
// with page furniture (menus, headers, footers, cookie banners, share buttons, comment forms) left out.
//
// Two parsers, each for what it does best: htmlparser2 (the parser linkedom itself is built on) gives every
// node's offsets in the source, and @mozilla/readability (Firefox Reader View, run on a linkedom DOM) decides
// which elements are the article. Elements are matched between the two by a numbered attribute added to a copy
// of the source, so the view keeps exact source offsets.
import { createRequire } from 'node:module';
import type { ChildNode, Element } from 'domhandler';
import { viewBuilder, type PositionMap, type ViewBuilder } from './position-map.js';

const require = createRequire(import.meta.url);
type Htmlparser2 = typeof import('htmlparser2');
type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');
type Entities = typeof import('entities');

/** Elements whose content is never prose. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'option', 'textarea']);
/** Page furniture by element, used when Readability finds no article. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'menu', 'dialog']);
/** Elements that end a block of text: a paragraph break in the view. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);
const ID = 'data-phi-lint-n';

/** An HTML draft's view: the text the rules read, as a Markdown-like text (images as `![alt](src)`), and its map to the source. */
export interface HtmlView extends PositionMap {
  /** Set when the page has nothing to lint: no body text, no images. */
  empty?: boolean;
}

/** Elements of the parsed source in document order (the order their start tags appear). */
function elementsInOrder(nodes: ChildNode[], out: Element[] = []): Element[] {
  for (const n of nodes) {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      out.push(n as Element);
      elementsInOrder((n as Element).children, out);
    }
  }
  return out;
}

/** The numbers of the elements Readability keeps as the article, or undefined when it finds none. */
function articleElements(source: string, elements: Element[]): Set<number> | undefined {
  const { parseHTML } = require('linkedom') as Linkedom;
  const { Readability } = require('@mozilla/readability') as ReadabilityModule;
  // Number each element on a copy of the source: insert the attribute right after the tag name.
  const parts: string[] = [];
  let pos = 0;
  elements.forEach((el, n) => {
    const at = el.startIndex! + 1 + el.name.length;
    parts.push(source.slice(pos, at), ` ${ID}="${n}"`);
    pos = at;
  });
  parts.push(source.slice(pos));
  const { document } = parseHTML(parts.join(''));
  let article: { content: unknown } | null = null;
  try {
    article = new Readability(document as unknown as Document, { serializer: (el: Node) => el, charThreshold: 0 } as never).parse() as { content: unknown } | null;
  } catch {
    // Readability failing on odd markup is no reason not to lint: fall back to the furniture elements.
    return undefined;
  }
  const root = article?.content as Element & { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }>; getAttribute(n: string): string | null } | undefined;
  if (!root) return undefined;
  const kept = new Set<number>();
  const add = (v: string | null) => v !== null && kept.add(Number(v));
  add(root.getAttribute(ID));
  for (const el of Array.from(root.querySelectorAll(`[${ID}]`))) add(el.getAttribute(ID));
  return kept.size ? kept : undefined;
}

/** Attribute values of a start tag with their source offsets. */
function attributes(source: string, el: Element): Map<string, { value: string; offset: number }> {
  const out = new Map<string, { value: string; offset: number }>();
  const re = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;
  re.lastIndex = el.startIndex! + 1 + el.name.length;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const offset = m.index + m[0].length - value.length - (m[2] !== undefined || m[3] !== undefined ? 1 : 0);
    out.set(m[1].toLowerCase(), { value, offset });
  }
  return out;
}

/** Copy file text at `offset` into the view: entities become their characters, runs of white space one space. */
function copyText(b: ViewBuilder, raw: string, offset: number, entities: Entities): void {
  const re = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|\s{2,}|[\t\n\r\f]/g;
  let pos = 0;
  for (const m of raw.matchAll(re)) {
    b.copy(raw.slice(pos, m.index), offset + pos);
    const decoded = m[0].startsWith('&') ? entities.decodeHTML(m[0]) : ' ';
    // Non-breaking spaces read as spaces, so "Mrs.&nbsp;Lopez" is a name like "Mrs. Lopez".
    b.unit(decoded.replace(/\u00a0/g, ' '), offset + m.index, m[0].length);
    pos = m.index + m[0].length;
  }
  b.copy(raw.slice(pos), offset + pos);
}

/** Build the view of an HTML draft. */
export function htmlView(source: string): HtmlView {
  const { parseDocument } = require('htmlparser2') as Htmlparser2;
  const entities = require('entities') as Entities;
  const dom = parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const elements = elementsInOrder(dom.children);
  const number = new Map(elements.map((el, n) => [el, n]));
  const kept = articleElements(source, elements);
  const b = viewBuilder();
  let content = 0;
  let lastBreak = true;
  // Titles of links and images are read as paragraphs of their own after the block they are in, so they do not split its sentences.
  let pending: { value: string; offset: number }[] = [];
  const blockBreak = () => {
    if (!lastBreak) b.separator('\n\n');
    lastBreak = true;
    for (const a of pending) {
      b.segment();
      copyText(b, a.value, a.offset, entities);
      b.separator('\n\n');
    }
    pending = [];
  };
  const textAttr = (el: Element, name: string) => {
    const a = attributes(source, el).get(name);
    if (!a || !a.value.trim()) return;
    pending.push(a);
    content++;
  };
  const walk = (nodes: ChildNode[], inArticle: boolean, inFurniture: boolean) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (!inArticle || inFurniture) continue;
        const raw = source.slice(n.startIndex!, n.endIndex! + 1);
        if (!raw.trim()) {
          if (!lastBreak) b.separator(' ');
          continue;
        }
        b.segment();
        copyText(b, raw, n.startIndex!, entities);
        lastBreak = false;
        content++;
        continue;
      }
      if (n.type !== 'tag') continue;
      const el = n as Element;
      const name = el.name;
      if (name === 'head') {
        for (const c of el.children) if (c.type === 'tag' && (c as Element).name === 'title') walk([c], inArticle, false);
        continue;
      }
      if (name === 'title' && !inFurniture) {
        // The page title is read even though it is not in the body: it is what a share card shows.
        blockBreak();
        walk(el.children, true, false);
        blockBreak();
        continue;
      }
      if (SKIP.has(name)) continue;
      const here = kept ? kept.has(number.get(el)!) : !FURNITURE.has(name);
      // Readability drops an h1 that repeats the title; the heading is still the article's.
      const keep = here || (kept !== undefined && name === 'h1' && !inFurniture && !hasFurnitureAncestor(el));
      const furniture = inFurniture || (kept === undefined && FURNITURE.has(name));
      const isBlock = BLOCKS.has(name);
      if (isBlock) blockBreak();
      if (name === 'br' && keep && !lastBreak) b.separator('\n');
      if (name === 'img' && keep && !furniture) {
        const attrs = attributes(source, el);
        const alt = attrs.get('alt');
        const src = attrs.get('src');
        blockBreak();
        b.segment();
        b.separator('![');
        if (alt) copyText(b, alt.value, alt.offset, entities);
        b.separator('](');
        if (src) b.copy(src.value.replace(/[\s()]/g, '_'), src.offset);
        b.separator(')\n\n');
        content++;
        if (attrs.get('title')) textAttr(el, 'title');
        continue;
      }
      if (name === 'a' && keep && !furniture) textAttr(el, 'title');
      walk(el.children, kept ? keep : !furniture, furniture);
      if (isBlock) blockBreak();
    }
  };
  walk(dom.children, kept === undefined, false);
  blockBreak();
  const map = b.finish();
  return { ...map, empty: content === 0 };
}

function hasFurnitureAncestor(el: Element): boolean {
  for (let p = el.parent; p && p.type !== 'root'; p = (p as Element).parent) {
    if (FURNITURE.has((p as Element).name)) return true;
  }
  return false;
}

// Disable comments: `<!-- phi-lint-disable-next-line RULE -- reason -->`, disable/enable blocks, and `# …` in plain text.
import { locationOf, positionAt } from '../document/lines.js';
import { keyMatches } from '../config/config.js';
import type { Finding } from '../types.js';

/** One disable or enable comment in a draft. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule ids or globs; empty means every rule. */
  rules: string[];
  reason?: string;
  /** Where the comment is (UTF-16 offsets) and its 1-based lines. */
  offset: number;
  length: number;
  line: number;
  endLine: number;
}

const MARKDOWN_RE = /<!--\s*phi-lint-(disable-next-line|disable|enable)\b([\s\S]*?)-->/g;
const TEXT_RE = /^[ \t]*#[ \t]*phi-lint-(disable-next-line|disable|enable)\b(.*)$/gm;

/** Every directive in `text`; Markdown and HTML comments, or `#` lines in plain text. */
export function parseDirectives(text: string, lineStarts: number[], markdown: boolean): Directive[] {
  const re = markdown ? MARKDOWN_RE : TEXT_RE;
  const out: Directive[] = [];
  for (const m of text.matchAll(re)) {
    const [body, reason] = splitReason(m[2]);
    out.push({
      kind: m[1] as Directive['kind'],
      rules: body.split(/[\s,]+/).filter(Boolean),
      reason,
      offset: m.index,
      length: m[0].length,
      line: positionAt(lineStarts, m.index).line,
      endLine: positionAt(lineStarts, m.index + m[0].length).line,
    });
  }
  return out;
}

function splitReason(s: string): [string, string | undefined] {
  const i = s.search(/(?:^|\s)--(?:\s|$)/);
  if (i < 0) return [s.trim(), undefined];
  const reason = s.slice(i).replace(/^\s*--/, '').trim();
  return [s.slice(0, i).trim(), reason || undefined];
}

/** The ranges of text (for `#` lines) that directives occupy, so they are not linted as prose. */
export function directiveLines(text: string): { start: number; end: number }[] {
  return [...text.matchAll(TEXT_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const applies = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.some((r) => keyMatches(r, ruleId));

/**
 * Findings the directives suppress, and the directives that suppressed nothing. Directives without a reason
 * suppress nothing; `locked` findings are never suppressed, and `refused` says which directives tried (and the types).
 */
export function applyDirectives(
  findings: Finding[], directives: Directive[], locked: (f: Finding) => boolean = () => false,
): { kept: Finding[]; unused: Directive[]; used: Set<Directive>; refused: Map<Directive, Set<string>> } {
  // An enable comment ends a block and hides nothing, so it needs no reason.
  const valid = directives.filter((d) => d.reason || d.kind === 'enable');
  const used = new Set<Directive>();
  const suppressedBy = (f: Finding): Directive | undefined => {
    for (const d of valid) {
      if (d.kind === 'disable-next-line' && f.line === d.endLine + 1 && applies(d, f.ruleId)) return d;
    }
    // Blocks: the last disable before the finding that no later enable (before the finding) closed.
    let open: Directive | undefined;
    for (const d of valid) {
      if (d.offset >= f.offset) break;
      if (d.kind === 'disable' && applies(d, f.ruleId)) open = d;
      else if (d.kind === 'enable' && open && (d.rules.length === 0 || applies(d, f.ruleId))) open = undefined;
    }
    return open;
  };
  const kept: Finding[] = [];
  const refused = new Map<Directive, Set<string>>();
  for (const f of findings) {
    const d = valid.length ? suppressedBy(f) : undefined;
    if (d && locked(f)) {
      refused.set(d, (refused.get(d) ?? new Set()).add(f.type));
      kept.push(f);
    } else if (d) used.add(d);
    else kept.push(f);
  }
  const unused = valid.filter((d) => d.kind !== 'enable' && !used.has(d));
  return { kept, unused, used, refused };
}

/** A warning about a directive (missing reason, or unused), shaped like a finding for the formatters. */
export function directiveProblem(d: Directive, text: string, lineStarts: number[], message: string): Finding {
  return {
    ruleId: 'phi-lint/directive',
    severity: 'warning',
    category: 'directive',
    type: 'directive',
    message,
    ...locationOf(lineStarts, d.offset, d.offset + d.length),
    text: text.slice(d.offset, d.offset + d.length),
    suggestions: [],
  };
}

// Page furniture: the lines a web page or blog export carries around the article (menus, bylines, comment forms, footers).
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';

/**
 * Lines that are furniture whatever surrounds them. Each is a whole line; text copied from a web page keeps
 * them on lines of their own.
 */
const FURNITURE_LINE: RegExp[] = [
  /^\s*(?:leave a (?:reply|comment)|post a comment|add a comment|comments?(?: \(\d+\))?|\d+ comments?|reply|cancel reply|submit|post comment|join the discussion|load more comments?)\s*[:.]?\s*$/i,
  /your email address will not be published|required fields are marked|you are commenting using your|notify me of (?:new|follow-up) (?:comments|posts)|save my name, email,? and website|this site uses akismet|log in to reply|logged in as|you must be logged in/i,
  /^\s*(?:share(?: this(?: (?:post|article|story|page))?)?|share on|tweet|pin it|print|email this|like this|follow us|connect with us|subscribe|sign up for our newsletter|related (?:posts|articles|stories|news|content|links)|you (?:may|might) also like|more (?:news|stories|from)|read more|continue reading|back to top|skip to (?:main )?content|search|menu|main menu|toggle navigation|breadcrumbs?|previous (?:post|article)|next (?:post|article)|tags?|categories|filed under|posted in|recent posts|archives|popular posts|in this section|on this page)\b[^.!?]{0,120}$/i,
  /^\s*(?:facebook|twitter|x|linkedin|instagram|youtube|tiktok|pinterest|email|print|whatsapp|reddit|threads|copy link)(?:\s*[|•·,/]?\s*(?:facebook|twitter|x|linkedin|instagram|youtube|tiktok|pinterest|email|print|whatsapp|reddit|threads|copy link))+\s*$/i,
  /(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])|all rights reserved|privacy policy|terms of (?:use|service)|cookie (?:policy|settings|preferences)|we use cookies|accept (?:all )?cookies|non-discrimination notice|notice of privacy practices|accessibility statement/i,
  /^\s*(?:[Bb]y|[Ww]ritten by|[Pp]osted by|[Aa]uthor:?|[Rr]eviewed by|[Mm]edically reviewed by)\s+[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}(?:,\s*[A-Z][A-Za-z-]{1,8})*\s*(?:[|•·—–-]\s*.{0,60})?$/u,
  /^\s*(?:posted|published|updated|last updated|last reviewed)(?: on)?:?\s+.{0,40}\d{4}.{0,40}$/i,
  /^\s*(?:home|about(?: us)?|services|find a doctor|locations|patients(?: & visitors)?|careers|news|contact(?: us)?|donate|giving|events|blog|resources|pay (?:my|your) bill|mychart|log ?in)(?:\s*[|•·›»>/]\s*[\p{L}&'’ -]{2,30}){2,}\s*$/iu,
  /^\s*(?:[\p{Lu}][\p{L}&'’-]*(?: [\p{L}&'’-]+){0,2}\s*(?:[|•·›»>]\s*)){2,}[\p{Lu}][\p{L}&'’-]*(?: [\p{L}&'’-]+){0,3}\s*$/u,
  /^\s*(?:tel|phone|fax|call|main|toll[- ]free)\s*[:.]?\s*[\d(+][\d()\s.-]{6,}\s*$/i,
];

/** Ranges (of the plain view) that are page furniture. */
export function findFurniture(doc: LintDocument): Range[] {
  const text = doc.plain;
  const out: Range[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim() && line.length < 400 && FURNITURE_LINE.some((re) => re.test(line))) out.push({ start, end });
    start = end + 1;
  }
  // A press release's dateline ("BRIGHTON HILLS, Mich. (April 7, 2026) —") dates the release, not anyone's care.
  for (const m of text.matchAll(/^[ \t]*[A-Z][A-Z .'’-]{2,40}(?:,\s[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,12})?)?\s?[(–—-]\s?[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}\)?\s?[—–-]/gm)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  // A comment's header ("Tricia Bellamy · May 4, 2025", "Evergreen Dental | 2 days ago") dates the comment, not care.
  for (const h of commentHeaders(text)) if (!out.some((r) => r.start <= h.date.start && h.date.start < r.end)) out.push(h.date);
  return out.sort((a, b) => a.start - b.start);
}

const COMMENT_HEADER = /^[ \t]*[^\n·|•]{2,60}?[ \t][·|•][ \t]((?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]\d{1,2}(?:,[ \t]\d{4})?|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}[ \t](?:minutes?|hours?|days?|weeks?|months?)[ \t]ago)(?:,?[ \t](?:at[ \t])?\d{1,2}:\d{2}[ \t]?(?:[ap]\.?m\.?)?)?)[ \t]*$/gim;

/**
 * The header lines of comments under a page ("Ken Adeyemi, MD · July 9"): the whole line (whose name is
 * the comment's writer, not someone the comment talks about) and its date.
 */
export function commentHeaders(text: string): { line: Range; date: Range }[] {
  return [...text.matchAll(COMMENT_HEADER)].map((m) => {
    const at = m.index + m[0].lastIndexOf(m[1]);
    return { line: { start: m.index, end: m.index + m[0].length }, date: { start: at, end: at + m[1].length } };
  });
}

/** Whether `offset` lies in one of the (sorted) furniture ranges. */
export function inRanges(ranges: Range[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= offset) lo = mid + 1;
    else if (ranges[mid].start > offset) hi = mid - 1;
    else return true;
  }
  return false;
}

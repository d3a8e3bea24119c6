// The kind of draft (review reply, article, obituary…), judged from its text with the evidence that decided it.
import type { LintDocument } from '../document/document.js';
import { inRanges } from './furniture.js';
import type { DraftKind, Evidence } from './types.js';
import type { Range } from '../document/sentences.js';

interface KindCue {
  kind: DraftKind;
  weight: number;
  re: RegExp;
  why: string;
  /** Counts only in a text as short as a reply (SHORT_REPLY). */
  short?: boolean;
  /** Counts only near the start of the draft (a greeting). */
  opening?: boolean;
  /** The first word must be a name, not an ordinary word (see `isOrdinary`). */
  name?: boolean;
}

/** Characters: longer than this, a text is not one reply (a page with replies under it may be). */
const SHORT_REPLY = 1200;

/** Cues of each kind of draft. Weights add up; the highest kind at 3 or more wins, else `post`. */
const CUES: KindCue[] = [
  { kind: 'review-reply', weight: 3, why: 'thanks the writer for a review', re: /\b(?:thank(?:s| you) (?:so much )?for (?:your|the|this|taking the time to (?:leave|write|share))(?: \w+){0,3} (?:review|feedback|stars?|rating|comments?)|for (?:your|the) (?:\d[- ]star|five[- ]star|one[- ]star|kind) (?:review|rating|words))/i },
  { kind: 'review-reply', weight: 3, why: 'answers a complaint', re: /\b(?:we(?:'re| are)|I(?:'m| am)) (?:so |very |truly |deeply )?sorry (?:to hear|that you|you|for (?:your|the)|about (?:your|the))|\bwe apologi[sz]e\b|\bour apologies\b|\bsorry (?:you|your) (?:had|felt|experienced)|\bdisappointed to (?:read|hear)|\bwe hear (?:you|your)|\b(?:please|kindly) (?:call|contact|reach out to|email|message) (?:us|our (?:office|practice|patient|team|manager|clinic)|me)\b|\bgive us (?:another|a second) chance|\bmake (?:this|it|things) right\b/i },
  { kind: 'review-reply', weight: 2, why: 'mentions a review', re: /\b(?:your|this|the) (?:review|rating|\d[- ]star|one[- ]star|five[- ]star)|\b(?:yelp|google review|review)\b/i },
  { kind: 'comment-reply', weight: 3, why: 'starts by addressing someone', opening: true, re: /^\s*(?:@[A-Za-z0-9_][\w.]*|(?:hi|hello|hey|dear|hola|thanks|thank you|congrats|congratulations)\s(?!(?:everyone|all|friends|families|folks|team|neighbors|neighbours)\b)[A-Z][\p{L}'’-]+[,!:])/mu },
  // "Marcus, we're glad…": a bare name and a comma, but not an ordinary word ("Free, family-friendly").
  { kind: 'comment-reply', weight: 3, why: 'starts by addressing someone', opening: true, name: true, re: /^\s*(?:(?!(?:Welcome|Yes|No|Well|So|Also|Today|Now|First|Second|Finally|However|Sadly|Reminder|Update|Note|Remember|Meanwhile|Plus|Next|Last|Yesterday|Tonight|Tomorrow|Recently|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][\p{L}'’-]+,\s)/mu },
  { kind: 'comment-reply', weight: 3, why: 'thanks someone by name for their trust or words', short: true, re: /\b(?:[Tt]hank you|[Tt]hanks)(?: so much)? for (?:trusting|choosing|letting|sharing|your|the kind)\b[^.!?\n]{0,60},\s(?:the\s)?\p{Lu}[\p{L}'’-]+(?:\s(?:family|\p{Lu}[\p{L}'’-]+))?\s*(?:[.!]|\p{Extended_Pictographic}|$)/mu },
  { kind: 'comment-reply', weight: 2, why: 'answers a question', re: /\b(?:great question|good question|thanks for asking|thanks for (?:reaching out|your (?:question|message|comment)))\b/i },
  { kind: 'article', weight: 4, why: 'a press release', re: /\bfor immediate release\b|\bmedia contacts?:|\bpress contacts?:|^\s*#{3}\s*$|\babout [A-Z][\p{L}'’ .&-]{2,60}\n/imu },
  { kind: 'article', weight: 2, why: 'quotes people as a reporter does', re: /[”"],?\s(?:said|says|added|explained|noted)\s[A-Z]|[”"],?\s(?:(?:Dr|Mr|Mrs|Ms)\.\s)?[A-Z][\p{L}'’-]+(?:\s[A-Z][\p{L}'’-]+){0,2}\s(?:said|says|added|explained|noted|told)\b|\b(?:said|says) [A-Z][a-z]+ [A-Z][a-z]+,/u },
  { kind: 'article', weight: 3, why: 'a newsletter or web article', re: /\b(?:newsletter|in this issue|this month(?:'|’)s issue|staff (?:news|spotlight|anniversaries)|work anniversaries|milestones|meet our (?:new )?(?:physicians|providers|doctors|team)|read more|related (?:articles|posts|stories))\b/i },
  { kind: 'obituary', weight: 3, why: 'an obituary or memorial', re: /\b(?:survived by|preceded in death|celebration of (?:her|his|their) life|in lieu of flowers|obituary|in loving memory|rest in peace|we mourn|mourn the (?:loss|passing))\b/i },
  { kind: 'donor-list', weight: 3, why: 'thanks donors', re: /\b(?:honor roll|donor (?:list|wall|roll)|thank (?:you )?(?:to )?our (?:generous )?donors|whose (?:generous )?gifts?|gifts? (?:of|totaling) \$|giving society|capital campaign)\b/i },
  { kind: 'event-notice', weight: 3, why: 'announces an event', re: /\b(?:join us|save the date|register (?:now|today|at|online|here)|rsvp|free (?:and open to|admission)|open to the public|doors open|health fair|blood drive|open house|ribbon[- ]cutting)\b/i },
  { kind: 'event-notice', weight: 1, why: 'names an event', re: /\b(?:webinar|workshop|seminar|5k|walk-?a-?thon|gala|fundraiser|class(?:es)? (?:start|begin|meet))\b/i },
  { kind: 'job-posting', weight: 3, why: 'a job posting', re: /\b(?:we(?:'re| are) hiring|now hiring|job (?:opening|posting)|apply (?:now|today|at|online)|full[- ]time|part[- ]time|sign-on bonus|requirements?:|qualifications?:|equal opportunity employer)\b/i },
  { kind: 'promotion', weight: 3, why: 'a promotion', re: /\b(?:\d{1,2}% off|promo code|use code|discount code|limited time|book (?:now|today|your)|special offer|this month only|buy one|free consult(?:ation)?s?)\b/i },
  { kind: 'internal-note', weight: 3, why: 'an internal note', re: /\b(?:internal(?: only| use| draft| note)?|do not (?:post|publish|share)|for staff only|fyi team|note to (?:self|team|marketing|comms)|draft for review|pending approval|needs approval|team huddle)\b/i },
];

/**
 * Words of a text about the rules: privacy law, consent, policy, what must never be posted. A draft with
 * three different ones discusses the rules (an explainer, a training post), unless it is a reply.
 */
const POLICY_CUES: [RegExp, string][] = [
  [/\bHIPAA\b/, 'HIPAA'],
  [/\bprivacy (?:law|laws|rule|rules|policy|regulations?)\b|\bprivacy\b/i, 'privacy'],
  [/\b(?:our|social media|the|this) polic(?:y|ies)\b|\bguidelines?\b/i, 'a policy'],
  [/\bsocial media\b/i, 'social media'],
  [/\bregulators?\b|\bfined\b|\benforcement\b|\bOCR\b/, 'regulators'],
  [/\b(?:written |signed )?(?:authori[sz]ation|consent (?:form|forms|to share|to post|to use))\b/i, 'authorization'],
  [/\bprofessionalism\b|\bconfidential(?:ity)?\b/i, 'confidentiality'],
  [/\b(?:never|don['’]t|do not|we can['’]t|we cannot|we won['’]t|must not|shouldn['’]t) (?:post|share|confirm|discuss|accept|move|give)\b/i, 'what not to post'],
  [/\bbefore (?:posting|you post|we post|any (?:picture|photo|post))\b/i, 'before posting'],
  [/\bthe rules?\b|\blesson\b|\btraining\b/i, 'the rules'],
];

/**
 * The kind of draft and the cues that decided it. Furniture lines ("Leave a Reply") never count.
 * `isOrdinary` tells an ordinary English word from a name ("Free" from "Marcus").
 */
export function draftKind(doc: LintDocument, furniture: Range[], isOrdinary: (word: string) => boolean = () => false): { kind: DraftKind; evidence: Evidence[] } {
  const text = doc.plain;
  const score = new Map<DraftKind, number>();
  const evidence: Evidence[] = [];
  for (const cue of CUES) {
    const re = new RegExp(cue.re.source, cue.re.flags.includes('g') ? cue.re.flags : cue.re.flags + 'g');
    for (const m of text.matchAll(re)) {
      if (inRanges(furniture, m.index) || (cue.name && isOrdinary(m[0].trim().replace(/,$/, '')))) continue;
      // A greeting only makes a reply when it opens the draft (or the text after a quoted comment).
      if (cue.opening && m.index > Math.min(200, text.length / 3)) continue;
      // Thanks to a commenter under a long page is a reply in its thread, not what the page is.
      if (cue.short && text.length > SHORT_REPLY) continue;
      // A call to action at the end of a story ("Register at…", "Book now") does not make it a notice or an ad.
      if ((cue.kind === 'event-notice' || cue.kind === 'promotion' || cue.kind === 'donor-list') && m.index > text.length / 2 && text.length > 400) continue;
      score.set(cue.kind, (score.get(cue.kind) ?? 0) + cue.weight);
      evidence.push({ text: m[0].trim(), offset: m.index, why: cue.why, weight: cue.weight });
      break;
    }
  }
  // A greeting plus a complaint answer is a review reply; a long text with quotes is an article, not a reply.
  const reply = score.get('comment-reply') ?? 0;
  const review = score.get('review-reply') ?? 0;
  if (reply && review >= 2) score.set('review-reply', review + reply);
  const policy: Evidence[] = [];
  for (const [re, why] of POLICY_CUES) {
    const m = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    for (const hit of text.matchAll(m)) {
      if (inRanges(furniture, hit.index)) continue;
      policy.push({ text: hit[0], offset: hit.index, why: `discusses the rules (${why})`, weight: 1 });
      break;
    }
  }
  // A reply that cites privacy law is still a reply: the rules never outrank one.
  if (policy.length >= 3 && Math.max(score.get('review-reply') ?? 0, score.get('comment-reply') ?? 0) < 3) {
    return { kind: 'policy', evidence: policy };
  }
  // Two or more lines of page furniture (a share bar, a byline, "Related stories") make it a web page.
  const furnitureLines = new Set(furniture.map((r) => text.lastIndexOf('\n', r.start))).size;
  if (furnitureLines >= 2) {
    score.set('article', (score.get('article') ?? 0) + 3);
    evidence.push({ text: text.slice(furniture[0].start, furniture[0].end).trim().slice(0, 60), offset: furniture[0].start, why: 'a web page (page furniture)', weight: 3 });
  }
  const words = text.split(/\s+/).length;
  if (words > 350) score.set('article', (score.get('article') ?? 0) + 2);
  let best: DraftKind = 'post';
  let bestScore = 2;
  for (const [k, v] of score) if (v > bestScore) [best, bestScore] = [k, v];
  return { kind: best, evidence: evidence.filter((e) => CUES.some((c) => c.kind === best && c.why === e.why) || (best === 'article' && e.why === 'a web page (page furniture)')) };
}

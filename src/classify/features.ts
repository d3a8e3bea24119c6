// The features a sentence is classified by: its words and word pairs, plus what the shared lexicons and a
// few shapes say about it (spoken to "you", a dose, a product code, a disclosure) and the kind of draft.
import type { DraftKind } from '../analysis/types.js';
import { finds } from '../document/search.js';

/** What the classifier needs of a lexicon: its compiled regexes (rules/lexicons.ts's Lexicon has them). */
export interface LexiconRegexes {
  regexes: RegExp[];
}


/** What the sentence's surroundings say, beyond its own words. */
export interface FeatureContext {
  /** Kind of draft the sentence is in (people model); absent when unknown (training sentences give a channel). */
  kind?: DraftKind;
}

/** Shapes the classifier weighs, each with the plain words an explanation uses. */
export const SHAPES: Record<string, { re: RegExp; words: string }> = {
  you: { re: /(?<![\p{L}'])(?:you|your|yours|you're|you'll|you'd|you've|ya|u|ur|usted|ustedes|su|sus|tu|tus|te|le)(?![\p{L}'])/iu, words: 'speaks to "you"' },
  i: { re: /(?<![\p{L}'])(?:i|my|me|mine|i'm|i've|i'd|i'll|mi|mis|yo)(?![\p{L}'])/iu, words: 'speaks for the writer' },
  we: { re: /(?<![\p{L}'])(?:we|our|us|we're|we've|we'll|nuestro|nuestra|nuestros|nuestras|nos)(?![\p{L}'])/iu, words: 'speaks for the team' },
  dose: { re: /\b\d+(?:\.\d+)?\s?(?:mg|mcg|ml|g|units?|iu|tabs?|tablets?|pills?|capsules?|caps|puffs?|drops?|doses?)\b|\b(?:double|half|second|extra|another|higher|lower|more)\s+(?:dose|pill|tablet|one|puff|shot)s?\b|\b(?:dose|dosage)\b/iu, words: 'names a dose' },
  neg: { re: /(?<![\p{L}'])(?:not|never|no|don't|doesn't|didn't|won't|can't|cannot|isn't|aren't|n't|nunca|nada)(?![\p{L}'])/iu, words: 'a negation' },
  future: { re: /(?<![\p{L}'])(?:will|won't|you'll|going to|gonna)(?![\p{L}'])/iu, words: 'a promise of what will happen' },
  absolute: { re: /(?<![\p{L}'])(?:never|always|every|everyone|everybody|forever|permanent(?:ly)?|for life|for good|100 ?%|guarante\w*|zero|all)(?![\p{L}'])/iu, words: 'an absolute word' },
  hedge: { re: /(?<![\p{L}'])(?:may|might|can|many|most|some|often|usually|results vary|individual results|not everyone|depends|talk to your|ask your)(?![\p{L}'])/iu, words: 'a hedge' },
  disclosed: { re: /#(?:ad|ads|sponsored|partner|paidpartnership|gifted)\b|paid partnership|sponsored by|i was paid|(?:no|have no|don't have any) financial|in partnership with|disclos/iu, words: 'a disclosure' },
  code: { re: /\b(?:code|promo|coupon)\s+[A-Z0-9]{3,}\b|\blink in (?:my )?bio\b|\buse my\b|\baffiliate\b|\b\d{1,2}\s?% off\b/iu, words: 'a code, link or discount' },
  dm: { re: /\b(?:dm|dms|inbox|message me|text me|pm me|hmu|whatsapp|snap|personal (?:cell|phone|number)|my cell|my number)\b/iu, words: 'a private channel' },
  board: { re: /\b(?:board|whiteboard|screen|monitor|census|wristband|chart|label|x-ray|xray|scan|card|sign-in sheet|schedule)\b/iu, words: 'a board, screen or record' },
  picture: { re: /\b(?:photo|pic|picture|selfie|video|image|shot|swipe|behind (?:us|me|them)|in the background|caption)\b/iu, words: 'a picture' },
  when: { re: /\b(?:tonight|today|yesterday|last night|this morning|this week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?::\d\d)?\s?(?:am|pm))\b/iu, words: 'a time' },
  caps: { re: /\b[A-Z]{3,}\b/u, words: 'shouting' },
  eyeroll: { re: /🙄|🤦|😒|🤡|smh|\bsmdh\b|\bugh\b|\blol\b|\blmao\b|\bsmh\b|\/s\b|\bsure,|\bbless (?:her|his|their) heart/iu, words: 'an eye-roll' },
  handle: { re: /@\w{2,}/u, words: 'an @handle' },
};

/** Lexicons whose terms count as evidence (file stems in rules/lexicons). */
export const LEXICON_FEATURES: Record<string, string> = {
  'health-terms': 'a health term',
  'patient-cues': 'a patient word',
  'staff-cues': 'a staff word',
  'care-confirmation': 'a word confirming care',
  'reply-cues': 'reply wording',
  'event-cues': 'event wording',
  'consent-cues': 'a consent statement',
  'public-cues': 'a public figure',
  'patient-slang': 'slang for patients',
};

/**
 * Lexicons a feature also reads: a health term to the classifier is any word of health or care, places
 * included; slang for patients includes the ordinary insults (rules judge whom those are said of).
 */
const FEATURE_ALSO: Record<string, string[]> = { 'health-terms': ['care-settings'], 'patient-slang': ['insults'] };

/** Pairs of shapes whose meeting means more than each alone (a linear model cannot form them itself). */
const PAIRS: [string, string][] = [
  ['you', 'health-terms'], ['you', 'dose'], ['you', 'future'], ['you', 'absolute'], ['i', 'code'], ['we', 'code'],
  ['you', 'care-confirmation'], ['you', 'dm'], ['health-terms', 'when'], ['patient-cues', 'eyeroll'], ['picture', 'board'],
  ['you', 'neg'], ['future', 'absolute'],
];

const REPLY_KINDS = new Set<DraftKind>(['review-reply', 'comment-reply']);

/** Lower-case words; numbers become `<num>` (a figure's value says nothing about the topic). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'#@%]+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '')
    .map((w) => (/^\d[\d.,]*%?$/.test(w) ? (w.endsWith('%') ? '<pct>' : '<num>') : w));
}

/** The features of one sentence, each a string (`w:` word, `b:` word pair, `x:` shape, `k:` draft kind). */
export function featuresOf(text: string, lexicons: ReadonlyMap<string, LexiconRegexes>, ctx: FeatureContext = {}): string[] {
  const ws = words(text);
  const out = new Set<string>(['bias']);
  ws.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i > 0) out.add(`b:${ws[i - 1]}_${w}`);
  });
  const held = new Set<string>();
  // Curly apostrophes are straight ones to the shapes ("you’ll" is "you'll").
  const straight = text.replace(/[’‘]/g, "'");
  for (const [name, s] of Object.entries(SHAPES)) if (s.re.test(straight)) held.add(name);
  for (const name of Object.keys(LEXICON_FEATURES)) {
    const lexs = [lexicons.get(name), ...(FEATURE_ALSO[name] ?? []).map((n) => lexicons.get(n))];
    if (lexs.some((lex) => lex?.regexes.some((re) => finds(re, text)))) held.add(name);
  }
  for (const h of held) out.add(`x:${h}`);
  for (const [a, b] of PAIRS) if (held.has(a) && held.has(b)) out.add(`x:${a}&${b}`);
  if (ctx.kind) {
    out.add(`k:${ctx.kind}`);
    if (REPLY_KINDS.has(ctx.kind)) {
      out.add('k:reply');
      for (const h of ['you', 'health-terms', 'care-confirmation', 'when']) if (held.has(h)) out.add(`k:reply&${h}`);
    }
  }
  return [...out];
}

/** Plain words for a feature, for explanations; undefined for words and word pairs (never quoted). */
export function featureWords(feature: string): string | undefined {
  if (!feature.startsWith('x:') && !feature.startsWith('k:')) return undefined;
  const parts = feature.slice(2).split('&');
  if (feature.startsWith('k:')) return parts[0] === 'reply' || REPLY_KINDS.has(parts[0] as DraftKind) ? 'in a reply' : undefined;
  return parts.map((p) => SHAPES[p]?.words ?? LEXICON_FEATURES[p]).filter(Boolean).join(' with ');
}

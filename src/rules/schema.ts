// The rule-file and lexicon schemas (zod): what a rule YAML may say, checked with positioned errors.
// zod loads on first use: a run whose rules come from the prebuilt bundle and that has no config file
// never needs it (start-up time matters for a pre-commit hook).
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { DRAFT_KINDS, ROLES } from '../analysis/types.js';
import { IDENTIFIER_TYPES, TOPIC_TYPES } from '../types.js';

/** `mention` is every named reference to a person the people model found (names, @handles, name hashtags, families, initials). */
export const ENTITY_KINDS = ['person', 'mention', 'place', 'organization', 'date', 'phone', 'email', 'url', 'handle', 'hashtag', 'value', 'age'] as const;

function build(z: typeof Zod.z) {
  const severity = z.enum(['error', 'warning', 'info']);
  const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);

  /** A cue: a literal word or phrase, `@lexicon` (a file in rules/lexicons), or `/regex/flags`. */
  const cue = z.string().min(1);

  /** One context condition: cues looked for in a scope around the match. */
  const conditionSchema = z.strictObject({
    any: z.array(cue).min(1).optional(),
    /**
     * `addressee`: holds when the scope (the match's sentence by default) mentions the person a reply answers
     * or a post addresses by name ("your crown", "Mark, you arrived"); "you" in a general post (every reader) never counts.
     * `patient`: holds when the scope mentions a person the people model holds to be a patient or a patient's
     * relative (by name, description or pronoun); `unnamed-patient`: such a person the draft never names
     * (a named one is already a name finding). With `any`, both must hold.
     */
    about: z.enum(['addressee', 'patient', 'unnamed-patient']).optional(),
    /**
     * Where to look: the match's sentence (default), paragraph, the whole draft, the match itself, `near`
     * (a window either side, the match blanked), or only `before` / `after` it (so `$` / `^` anchor at the match).
     */
    scope: z.enum(['sentence', 'paragraph', 'draft', 'near', 'match', 'before', 'after']).default('sentence'),
    /** With scope `near`: characters before the match to look in (default 40). */
    before: z.number().int().min(0).max(2000).optional(),
    /** With scope `near`: characters after the match to look in (default 40). */
    after: z.number().int().min(0).max(2000).optional(),
  }).refine((c) => c.any !== undefined || c.about !== undefined, { message: 'a condition needs "any" (cues) or "about"' });

  const conditionList = z.union([conditionSchema, z.array(conditionSchema).min(1)]);

  const contextSchema = z.strictObject({
    /** Every listed condition must hold for the rule's own severity (a single condition may be written inline). */
    require: conditionList.optional(),
    /** Shorthand for one `require` condition. */
    any: z.array(cue).min(1).optional(),
    scope: z.enum(['sentence', 'paragraph', 'draft', 'near', 'match', 'before', 'after']).optional(),
    before: z.number().int().min(0).max(2000).optional(),
    after: z.number().int().min(0).max(2000).optional(),
    /** If any of these conditions holds, the match is harmless: it gets `otherwise` instead. */
    unless: conditionList.optional(),
    /** Conditions that raise the match back to the rule's severity even when `unless` holds. */
    override: conditionList.optional(),
    /** Severity without the context (default `info`; `off` drops the match). */
    otherwise: severityOrOff.default('info'),
    /**
     * Severity when no other identifier (another type, warning or error) is in the same paragraph: for
     * details that identify a person only together with others, like an age under 90.
     */
    alone: severityOrOff.optional(),
  });

  const suggestion = z.strictObject({
    message: z.string().min(1),
    /** Replacement text; `{match}` and `{group.NAME}` are filled in; absent means "rewrite by hand". */
    replacement: z.string().optional(),
    /** A named transformation of the match that computes the replacement (see src/rules/transforms.ts). */
    transform: z.string().optional(),
  });

  const termEntry = z.union([
    z.string().min(1),
    z.strictObject({ term: z.string().min(1), replacement: z.string().optional() }),
  ]);

  /**
   * Whose the identifier must be for the rule's severity: the people model decides the owner (the person,
   * event or organisation it belongs to) and its roles. `[patient, relative]` is shorthand for `{ roles: … }`.
   */
  const ownerSchema = z.union([
    z.array(z.enum(ROLES)).min(1).transform((roles) => ({ roles, otherwise: 'info' as const })),
    z.strictObject({ roles: z.array(z.enum(ROLES)).min(1), otherwise: severityOrOff.default('info') }),
    /** `except`: any person but one in these roles (an age over 89 is PHI unless it is staff's, a volunteer's…). */
    z.strictObject({ except: z.array(z.enum(ROLES)).min(1), otherwise: severityOrOff.default('info') }),
  ]);

  /** The kinds of draft the rule's severity applies in (review-reply, article, …); elsewhere `otherwise`. */
  const draftSchema = z.union([
    z.array(z.enum(DRAFT_KINDS)).min(1).transform((kinds) => ({ kinds, otherwise: 'info' as const })),
    z.strictObject({ kinds: z.array(z.enum(DRAFT_KINDS)).min(1), otherwise: severityOrOff.default('info') }),
    // `except`: every kind but these ("not in a post about the rules").
    z.strictObject({ except: z.array(z.enum(DRAFT_KINDS)).min(1), otherwise: severityOrOff.default('info') })
      .transform(({ except, otherwise }) => ({ kinds: DRAFT_KINDS.filter((k) => !except.includes(k)), otherwise })),
  ]);

  const common = {
    category: z.enum(['phi', 'professionalism']).optional(),
    type: z.string().min(1),
    severity: severity,
    message: z.string().min(1),
    /** Message when context lowers the finding to `info` (default: a plain "no patient context" note). */
    infoMessage: z.string().min(1).optional(),
    description: z.string().min(1),
    link: z.string().url().optional(),
    suggest: z.union([suggestion, z.array(suggestion)]).optional(),
    fix: z.strictObject({ replacement: z.string().optional(), transform: z.string().optional() }).optional(),
    context: contextSchema.optional(),
    owner: ownerSchema.optional(),
    draft: draftSchema.optional(),
    /** Trim these characters from the ends of each match (default: white space and punctuation). */
    examples: z.strictObject({
      flag: z.array(z.string()).default([]),
      pass: z.array(z.string()).default([]),
    }),
    /** Read the Markdown prose (default), or the images (alt text and file name) only. */
    target: z.enum(['prose', 'images']).default('prose'),
  };

  const patternRuleSchema = z.strictObject({
    kind: z.literal('pattern'),
    ...common,
    regex: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/, 'only the flags i, m, s and u are allowed').default(''),
    /** Capture group (number, name, or names tried in order) that is the finding's span; default the whole match. */
    group: z.union([z.number().int().min(0), z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** Named validators from src/rules/validators.ts; every one must accept the span. */
    validate: z.array(z.string().min(1)).optional(),
  });

  const termsRuleSchema = z.strictObject({
    kind: z.literal('terms'),
    ...common,
    terms: z.array(termEntry).optional(),
    /** Lexicons (file stems in rules/lexicons) whose terms are matched too. */
    lexicons: z.array(z.string().min(1)).optional(),
    /** Match inflections too (plural nouns, verb tenses) via simple English endings. */
    inflect: z.boolean().default(true),
    caseSensitive: z.boolean().default(false),
  });

  const entityRuleSchema = z.strictObject({
    kind: z.literal('entity'),
    ...common,
    entity: z.enum(ENTITY_KINDS),
    /** Drop entities whose text matches any of these cues (e.g. recurring weekdays). */
    exclude: z.array(cue).optional(),
  });

  const matchRuleSchema = z.strictObject({
    kind: z.literal('match'),
    ...common,
    /** compromise match syntax, e.g. `you should (stop|double|skip) #Possessive? #Noun`. */
    match: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  });

  /**
   * Sentences a trained classifier (rules/models/<model>.json) gives this label: for topics whose wording
   * varies too much for patterns (advice, claims, mockery). The words of a sentence are its evidence.
   */
  const classifierRuleSchema = z.strictObject({
    kind: z.literal('classifier'),
    ...common,
    /** The label of the built-in model this rule reports. */
    label: z.string().min(1),
    /** Probability (0 to 1) the model must give the label; default 0.5. */
    threshold: z.number().min(0).max(1).default(0.5),
    /**
     * A different threshold in some kinds of draft (`article: 0.9`): published pages have longer, richer
     * sentences than the posts the model learned from. Absent kinds use `threshold`.
     */
    thresholds: z.partialRecord(z.enum(DRAFT_KINDS), z.number().min(0).max(1)).optional(),
    /**
     * What the model reads: each `sentence` (default), or each `paragraph` as a whole, for topics whose
     * parts sit in different sentences (a tie in one, the product's discount code in the next).
     */
    unit: z.enum(['sentence', 'paragraph']).default('sentence'),
    /** The model: a file stem in the built-in rules/models folder; default `professionalism`. */
    model: z.string().regex(/^[a-z0-9-]+$/, 'a model name is lower-case letters, digits and dashes').default('professionalism'),
  });

  const ruleSchema = z.discriminatedUnion('kind', [patternRuleSchema, termsRuleSchema, entityRuleSchema, matchRuleSchema, classifierRuleSchema]);

  const lexiconSchema = z.strictObject({
    description: z.string().min(1),
    /** Where the terms come from (a standard, a vocabulary, or "written by the phi-lint team"). */
    source: z.string().min(1),
    caseSensitive: z.boolean().default(false),
    terms: z.array(z.string().min(1)).min(1),
    /** Regular expressions (JavaScript syntax, matched case-insensitively unless caseSensitive). */
    patterns: z.array(z.string().min(1)).optional(),
    /** Regular expressions always matched case-sensitively (abbreviations such as ER and OR, which are words in lower case). */
    caseSensitivePatterns: z.array(z.string().min(1)).optional(),
  });
  return { conditionSchema, contextSchema, patternRuleSchema, termsRuleSchema, entityRuleSchema, matchRuleSchema, classifierRuleSchema, ruleSchema, lexiconSchema, suggestion };
}

type Schemas = ReturnType<typeof build>;
let built: Schemas | undefined;

/** The zod schemas, built (and zod loaded) on first use. */
export function schemas(): Schemas {
  built ??= build((createRequire(import.meta.url)('zod') as typeof Zod).z);
  return built;
}

export type RuleSpec = Zod.infer<Schemas['ruleSchema']>;
export type ContextSpec = Zod.infer<Schemas['contextSchema']>;
export type ConditionSpec = Zod.infer<Schemas['conditionSchema']>;
export type SuggestionSpec = Zod.infer<Schemas['suggestion']>;
export type LexiconSpec = Zod.infer<Schemas['lexiconSchema']>;

export const KNOWN_TYPES: Record<'phi' | 'professionalism', readonly string[]> = {
  phi: IDENTIFIER_TYPES,
  professionalism: TOPIC_TYPES,
};

// The compiled form of a rule: what the engine runs. Built once per run by src/rules/compile.ts.
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';
import type { EntityKind, EntityResources } from '../nlp/entities.js';
import type { Tagged } from '../nlp/compromise.js';
import type { Analysis, DraftKind, Role } from '../analysis/types.js';
import type { Category, Severity, SeverityOrOff } from '../types.js';
import type { SuggestionSpec, RuleSpec } from './schema.js';

/** A raw match of a rule: a range plus its named capture groups. */
export interface RuleMatch extends Range {
  groups?: Record<string, string>;
}

/** What a rule may ask for while matching one document. */
export interface MatchInput {
  doc: LintDocument;
  /** compromise over the document's plain view, or over just `ranges` of it (much faster); cached. */
  tagged(ranges?: Range[]): Tagged;
  entities(kind: EntityKind): Range[];
  resources: EntityResources;
  /** The people model of the document, built on first use. */
  analysis(): Analysis;
}

/** A context condition with its cues compiled. */
export interface Condition {
  regexes: RegExp[];
  scope: 'sentence' | 'paragraph' | 'draft' | 'near' | 'match' | 'before' | 'after';
  /** Characters before and after the match, for scope `near` (default 40). */
  before: number;
  after: number;
  /** `addressee` / `patient`: the scope must mention the person addressed, or a patient (people model). */
  about?: 'addressee' | 'patient' | 'unnamed-patient';
}

export interface CompiledContext {
  require: Condition[];
  unless: Condition[];
  override: Condition[];
  otherwise: SeverityOrOff;
  /** Severity when no other identifier is in the same paragraph (see the schema). */
  alone?: SeverityOrOff;
}

export interface CompiledRule {
  id: string;
  /** The rule file it came from. */
  file: string;
  kind: RuleSpec['kind'];
  category: Category;
  type: string;
  /** Severity in context (after config overrides). */
  severity: Severity;
  /** Severity the rule file gave, before overrides. */
  defaultSeverity: Severity;
  message: string;
  /** Message for findings that context lowered to `info`. */
  infoMessage: string;
  description: string;
  link?: string;
  suggestions: SuggestionSpec[];
  fix?: { replacement?: string; transform?: string };
  context?: CompiledContext;
  /** Whose the identifier must be (people model); otherwise the finding gets `otherwise`. */
  owner?: { roles: Role[]; otherwise: SeverityOrOff } | { except: Role[]; otherwise: SeverityOrOff };
  /** The kinds of draft the rule's severity applies in. */
  draft?: { kinds: DraftKind[]; otherwise: SeverityOrOff };
  examples: { flag: string[]; pass: string[] };
  /** Whether matching needs compromise (decides whether NLP is loaded at all). */
  needsNlp: boolean;
  find(input: MatchInput): RuleMatch[];
}

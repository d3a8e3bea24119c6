// Shared data types of the lint pipeline: severities, findings, rules and documents.

/** How bad a finding is. `off` only appears in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

/** Numeric rank of a severity: error 2, warning 1, info 0. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** `directive` marks problems with disable comments; they are reported apart from findings in JSON. */
export type Category = 'phi' | 'professionalism' | 'directive';

/** The 18 HIPAA Safe Harbor identifier ids (shared/docs/json-report.md). */
export const IDENTIFIER_TYPES = [
  'name', 'geo', 'date', 'age', 'phone', 'fax', 'email', 'ssn', 'mrn', 'health-plan', 'account',
  'license', 'vehicle', 'device', 'url', 'ip', 'biometric', 'photo', 'other-id',
] as const;

/** The 9 professionalism topic ids (shared/docs/json-report.md). */
export const TOPIC_TYPES = [
  'disparagement', 'medical-advice', 'outcome-claim', 'review-response', 'confidentiality',
  'boundary', 'conflict-of-interest', 'profanity', 'photo-consent',
] as const;

export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];
export type TopicType = (typeof TOPIC_TYPES)[number];

/** A replacement offered to a person. `replacement` absent means "rewrite by hand". */
export interface Suggestion {
  message: string;
  replacement?: string;
}

/** An edit safe to apply unattended. Offsets are UTF-16 indices into the file text. */
export interface Fix {
  offset: number;
  length: number;
  replacement: string;
}

/** One piece of evidence behind a finding. */
export interface FindingEvidence {
  /** The words as they stand in the draft. */
  text: string;
  /** 0-based UTF-16 offset of those words in the file text. */
  offset: number;
  /** What they showed: a role ("patient", "staff"), "a care event", "review reply"… */
  why: string;
}

/** One problem found in one file; the shape of a JSON report finding. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  category: Category;
  type: string;
  message: string;
  /** 1-based line and column (UTF-16 code units) of the first character. */
  line: number;
  column: number;
  /** 1-based line and column just past the last character. */
  endLine: number;
  endColumn: number;
  /** 0-based UTF-16 index into the file text (BOM removed). */
  offset: number;
  /** Length in UTF-16 code units. */
  length: number;
  /** Exactly `content.slice(offset, offset + length)`. */
  text: string;
  suggestions: Suggestion[];
  fix?: Fix;
  /**
   * Why the people model decided as it did: the words about the owner of the identifier (or the kind of
   * draft), each with its offset and what it showed. Added field of the JSON report.
   */
  evidence?: FindingEvidence[];
  /**
   * Never printed: HMAC-SHA-256 (hex, under the user's hash key, src/hash.ts) of the rule id, the
   * normalised match and its normalised sentence. SARIF fingerprints and baselines are built from it, so
   * they survive lines moving; being keyed, it can be cached and passed between threads without carrying
   * PHI in a form that can be brute-forced.
   */
  key?: string;
}

/** The lint result of one file. */
export interface FileResult {
  path: string;
  findings: Finding[];
  /** Warnings about disable comments (missing reason, unused), category `directive`. */
  directives?: Finding[];
  /** Info findings dropped early because no output shows them (cached runs); counted in "infos not shown". */
  omittedInfos?: number;
  /** The text as linted (kept for the stylish formatter's excerpts and for --fix). */
  source: string;
  /** Set when the file could not be read as its format (a corrupt Word file, a page with no body): the one-line reason. */
  error?: string;
}

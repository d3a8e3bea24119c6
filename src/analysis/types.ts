// The people model's data: who is in a draft, what role each plays, and who owns each identifier.
import type { Range } from '../document/sentences.js';

/** Roles a person can play in a draft; not exclusive (a patient who donates is both). */
export const ROLES = ['patient', 'relative', 'staff', 'volunteer', 'donor', 'public', 'author', 'reviewer', 'organisation'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of draft, judged from the text alone (the linter never knows the channel). */
export const DRAFT_KINDS = [
  'review-reply', 'comment-reply', 'post', 'article', 'internal-note', 'obituary', 'donor-list', 'event-notice', 'job-posting', 'promotion',
  // A post or page about the rules themselves (privacy, consent, what staff must not post): it names the
  // violations it warns against, so its words are not violations.
  'policy',
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** Kinds of draft that tell someone's story: an unexplained name or detail there defaults to the patient's. */
export const STORY_KINDS: ReadonlySet<DraftKind> = new Set<DraftKind>(['post', 'comment-reply', 'review-reply', 'internal-note', 'obituary']);

/** Kinds of draft that answer one person: there "you" is someone, not every reader. */
export const REPLY_KINDS: ReadonlySet<DraftKind> = new Set<DraftKind>(['review-reply', 'comment-reply']);

/** One piece of evidence behind a decision: the words, where they are, and what they showed. */
export interface Evidence {
  /** The cue as it stands in the draft. */
  text: string;
  /** 0-based UTF-16 offset of the cue in the draft. */
  offset: number;
  /** What the cue showed, in plain words ("patient", "staff", "review reply"). */
  why: string;
  /** Its weight towards that conclusion (negative when negated). */
  weight: number;
}

/** A word of the draft. `start`/`end` are offsets into the plain view. */
export interface Token extends Range {
  /** Lower-case text. */
  lower: string;
  /** Clause number (clauses end at sentence ends, `;`, `:`, dashes, brackets and some comma joints). */
  clause: number;
  /** Sentence number. */
  sentence: number;
  /** Paragraph number. */
  paragraph: number;
}

/** How a mention was found. */
export type MentionKind = 'name' | 'handle' | 'hashtag' | 'family' | 'initials' | 'role-phrase' | 'pronoun' | 'you' | 'author';

/** A reference to a person in the text: a name, an @handle, "the X family", "a 72-year-old man", a pronoun. */
export interface Mention extends Range {
  kind: MentionKind;
  /** Token indices [first, last] the mention covers. */
  first: number;
  last: number;
  /** The person it refers to (index into Analysis.persons). */
  person: number;
  /** Possessive form ("his", "Marcus's", "your"). */
  possessive: boolean;
  /** Paragraph number of the first token. */
  paragraph?: number;
}

/** A person: mentions clustered, with role scores from evidence about them. */
export interface Person {
  id: number;
  /** The longest name it goes by, or a description ("the person addressed", "a 72-year-old man"). */
  label: string;
  /** Whether it is named (a name, handle, family name or initials), not only described. */
  named: boolean;
  mentions: Mention[];
  /** Role → score (sum of evidence weights). */
  scores: Partial<Record<Role, number>>;
  /** Role → score of evidence that asserts the role whatever else is said ("our patient", "was admitted"). */
  strong: Partial<Record<Role, number>>;
  /** Score of evidence that the person is in the organisation's care (not only ill). */
  care?: number;
  /** Score of strong patient evidence that is only something of theirs ("her asthma", "his inhaler"), not an event of care. */
  owned?: number;
  /** Roles held, decided from the scores. */
  roles: Set<Role>;
  /** Evidence per role. */
  evidence: Evidence[];
  /** For relatives: the person they are related to. */
  relativeOf?: number;
  /** The person addressed ("you") in a reply or a post addressed to someone. */
  addressee?: boolean;
  /** Known only by pronouns ("her daughter", "his cell"): never named, but their details are theirs. */
  anonymous?: boolean;
  /** A couple or pair named together ("Daniela and Marco"), known by "they": what is said of them is said of each member. */
  members?: number[];
}

/** Who owns an identifier: a person, an event, the organisation, or nobody the draft says. */
export interface Owner {
  kind: 'person' | 'event' | 'organisation' | 'none';
  person?: Person;
  /** Roles that count for the identifier (a relative of a patient counts as `relative`). */
  roles: Role[];
  evidence: Evidence[];
}

/** The people model of one draft, built once and read by every rule. */
export interface Analysis {
  kind: DraftKind;
  kindEvidence: Evidence[];
  /** Page furniture (menus, bylines, comment forms, share lines, footers): never read as a reply or a patient's details. */
  furniture: Range[];
  tokens: Token[];
  mentions: Mention[];
  persons: Person[];
  /** The owner of the identifier at `range` of the given identifier type. */
  ownerOf(range: Range, type: string): Owner;
  /** Whether `offset` lies in page furniture. */
  inFurniture(offset: number): boolean;
}

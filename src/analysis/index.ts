// The analysis stage: builds the people model of one draft once (kind, furniture, mentions, persons, roles, owners).
import type { LintDocument } from '../document/document.js';
import type { Range } from '../document/sentences.js';
import type { EntityResources } from '../nlp/entities.js';
import type { EvidenceModel } from './evidence.js';
import { findFurniture, inRanges } from './furniture.js';
import { draftKind } from './kind.js';
import { findMentions } from './mentions.js';
import { findAnchors, ownerOf } from './owners.js';
import { cluster } from './persons.js';
import { assignRoles } from './roles.js';
import { tokenize } from './tokens.js';
import type { Analysis, Owner } from './types.js';

export type { Analysis, Owner } from './types.js';

/** What building the model needs besides the document. */
export interface AnalysisInput {
  /** Person-name ranges from the entity detector (NLP and name lists). */
  names: Range[];
  resources: EntityResources;
  evidence: EvidenceModel;
}

/** Build the people model of `doc`. Owners are computed on demand and remembered. */
export function analyse(doc: LintDocument, input: AnalysisInput): Analysis {
  const text = doc.plain;
  const furniture = findFurniture(doc);
  const res = input.resources;
  // Narrower than notAName (nlp/entities.ts) on purpose: a greeting word that is also a surname or a
  // not-a-name word still opens a reply here. Using notAName was measured: fewer replies found (blind round 1 C
  // prof.recall 0.741 -> 0.704).
  const ordinary = (w: string) => res.commonWords.has(w.toLowerCase()) && !res.firstNames.has(w.toLowerCase()) && !res.wordNames?.has(w.toLowerCase());
  const { kind, evidence: kindEvidence } = draftKind(doc, furniture, ordinary);
  const tokens = tokenize(doc);
  const raw = findMentions(doc, tokens, input.names.filter((r) => !inRanges(furniture, r.start)), input.resources, input.evidence);
  const clustered = cluster(text, tokens, raw, kind, input.resources.gender, (w) => input.resources.firstNames.has(w));
  assignRoles(text, tokens, clustered, input.evidence, furniture);
  const anchors = findAnchors(text, tokens, input.evidence);
  const owners = new Map<string, Owner>();
  return {
    kind,
    kindEvidence,
    furniture,
    tokens,
    mentions: clustered.mentions,
    persons: clustered.persons,
    ownerOf(range, type) {
      const key = `${range.start}:${range.end}:${type}`;
      let o = owners.get(key);
      if (!o) owners.set(key, (o = ownerOf(range, type, text, tokens, clustered, anchors, furniture)));
      return o;
    },
    inFurniture: (offset) => inRanges(furniture, offset),
  };
}

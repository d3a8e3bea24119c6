#!/usr/bin/env node
// Converts a labeled drafts.yaml ([label, "substring"] pairs) into the scorer's JSONL with character offsets.
// usage: node scripts/corpus-to-jsonl.mjs fixtures/corpus/drafts.yaml > fixtures/corpus/drafts.jsonl
import fs from 'node:fs';
import { parse } from 'yaml';

const TOPICS = new Set(['disparagement', 'medical-advice', 'outcome-claim', 'review-response', 'confidentiality', 'boundary', 'conflict-of-interest', 'profanity', 'photo-consent']);
const file = process.argv[2];
if (!file) {
  console.error('usage: corpus-to-jsonl.mjs drafts.yaml');
  process.exit(2);
}
for (const d of parse(fs.readFileSync(file, 'utf8'))) {
  const spans = [];
  const used = new Map();
  for (const [label, sub] of [...(d.phi ?? []), ...(d.prof ?? [])]) {
    const key = `${label}\u0000${sub}`;
    const from = used.get(key) ?? 0;
    const start = d.text.indexOf(sub, from);
    if (start < 0) {
      console.error(`${d.id}: "${sub}" not found in the text${from ? ' again' : ''}`);
      process.exit(1);
    }
    used.set(key, start + sub.length);
    spans.push({ start, end: start + sub.length, category: TOPICS.has(label) ? 'professionalism' : 'phi', type: label, text: sub });
  }
  console.log(JSON.stringify({ id: d.id, channel: d.channel, expect: d.expect, text: d.text, spans }));
}

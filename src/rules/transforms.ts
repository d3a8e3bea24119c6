// Named replacement transforms for suggestions and fixes (e.g. the Safe Harbor ZIP rule).

/** Three-digit ZIP areas with 20,000 people or fewer (45 CFR 164.514(b)(2)(i)(B), 2000 census list used by HHS). */
export const RESTRICTED_ZIP3 = new Set([
  '036', '059', '063', '102', '203', '556', '692', '790', '821', '823', '830', '831', '878', '879', '884', '890', '893',
]);

/** Safe Harbor ZIP: keep the first three digits unless the area is restricted, in which case `000`. */
export function safeHarborZip(match: string): string {
  const zip3 = match.replace(/\D/g, '').slice(0, 3);
  return RESTRICTED_ZIP3.has(zip3) ? '000' : `${zip3}`;
}

/** Safe Harbor age: ages over 89 become "90 or older". */
export function ageOver89(): string {
  return '90 or older';
}

/** Initials only: "Walter Kim" → "W. K.". */
export function initials(match: string): string {
  return match.split(/\s+/).filter(Boolean).map((w) => `${w[0].toUpperCase()}.`).join(' ');
}

/** The year alone, for a full date ("04/12/1958" → "1958"); undefined (no suggestion) when there is no year. */
export function yearOnly(match: string): string | undefined {
  return /(?:19|20)\d{2}/.exec(match)?.[0];
}

/** A transform computes a replacement from the matched text; undefined means it does not apply to this match. */
export const TRANSFORMS: Record<string, (match: string) => string | undefined> = {
  'safe-harbor-zip': safeHarborZip,
  'age-90-or-older': ageOver89,
  initials,
  'year-only': yearOnly,
};

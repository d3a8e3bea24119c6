// Named checks that pattern rules run on a candidate match: checksums and sanity tests that reject look-alikes.

/** A validator gets the matched text (digits and separators as written) and says whether it is real. */
export type Validator = (text: string) => boolean;

const digits = (s: string) => s.replace(/\D/g, '');

/** US Social Security number: area not 000, 666 or 9xx; group not 00; serial not 0000; not a known advertising number. */
export function ssn(text: string): boolean {
  const d = digits(text);
  if (d.length !== 9) return false;
  const area = d.slice(0, 3);
  const group = d.slice(3, 5);
  const serial = d.slice(5);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (group === '00' || serial === '0000') return false;
  return d !== '078051120' && d !== '219099999';
}

/** Luhn checksum (payment cards, NPI with prefix, many device and account numbers). */
export function luhn(text: string): boolean {
  const d = digits(text);
  if (d.length < 8) return false;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let n = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Vehicle identification number: 17 characters, no I/O/Q, check digit (position 9) correct. */
export function vin(text: string): boolean {
  const v = text.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const value = /\d/.test(c) ? Number(c) : VIN_VALUES[c];
    sum += value * VIN_WEIGHTS[i];
  }
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  return v[8] === check;
}

/** Medicare Beneficiary Identifier (CMS format): 11 characters, dashes allowed after positions 4 and 7. */
export function mbi(text: string): boolean {
  const v = text.toUpperCase().replace(/-/g, '');
  // C = 1-9, A = letters except S L O I B Z, N = 0-9, AN = either.
  const A = '[AC-HJKMNP-RT-Y]';
  const AN = '[AC-HJKMNP-RT-Y0-9]';
  return new RegExp(`^[1-9]${A}${AN}[0-9]${A}${AN}[0-9]${A}${A}[0-9][0-9]$`).test(v);
}

/** IPv4 address with every octet 0-255 and no leading zeros; not a version number like 1.2.3.4 in prose. */
export function ipv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** IPv6 address (full or compressed form, at least two groups and one colon pair). */
export function ipv6(text: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(text) || !text.includes(':')) return false;
  const double = text.split('::');
  if (double.length > 2) return false;
  const groups = double.flatMap((s) => (s ? s.split(':') : []));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return double.length === 2 ? groups.length < 8 && groups.length >= 1 : groups.length === 8;
}

/** A calendar date that exists (month 1-12, day within the month); accepts m/d, m/d/yy, m/d/yyyy, yyyy-mm-dd. */
export function calendarDate(text: string): boolean {
  let m: RegExpExecArray | null;
  text = text.replace(/^(?:on|since|before|after|by)\s+/i, '');
  // Month-name dates are checked by their pattern; only the numeric forms need a calendar check.
  if (/[A-Za-z]{3,}/.test(text)) return true;
  // A bare ordinal ("the 14th") names a day of the month.
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(text))) return Number(m[1]) >= 1 && Number(m[1]) <= 31;
  let month: number;
  let day: number;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) {
    month = Number(m[2]);
    day = Number(m[3]);
  } else if ((m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
  } else return false;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

/** A US phone number: NANP area code and exchange do not start with 0 or 1. Bare 7-digit numbers pass. */
export function nanp(text: string): boolean {
  let d = digits(text);
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  if (d.length === 7) return /^[2-9]/.test(d);
  return d.length === 10 && /^[2-9]\d{2}[2-9]/.test(d);
}

/** Not a run of one repeated digit or a simple sequence (1234567): sample numbers, not identifiers. */
export function notTrivial(text: string): boolean {
  const d = digits(text);
  if (d.length < 4) return true;
  if (/^(\d)\1+$/.test(d)) return false;
  return !'01234567890123456789'.includes(d) && !'98765432109876543210'.includes(d);
}

/** Looks like an identifier: at least 5 letters or digits, 3 or more of them digits. */
export function idLike(text: string): boolean {
  const alnum = text.replace(/[^A-Za-z0-9]/g, '');
  return alnum.length >= 5 && digits(text).length >= 3;
}

/** Contains at least one digit (identifiers, not words). */
export function hasDigit(text: string): boolean {
  return /\d/.test(text);
}

/** International bank account number: country, check digits and the ISO 13616 mod-97 checksum. */
export function iban(text: string): boolean {
  const v = text.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v)) return false;
  const moved = v.slice(4) + v.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const n = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of n) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

export const VALIDATORS: Record<string, Validator> = {
  iban, ssn, luhn, 'id-like': idLike, vin, mbi, ipv4, ipv6, 'calendar-date': calendarDate, nanp, 'not-trivial': notTrivial, 'has-digit': hasDigit,
};

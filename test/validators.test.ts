// Tables for the named validators and replacement transforms.
import { describe, expect, it } from 'vitest';
import { TRANSFORMS, safeHarborZip } from '../src/rules/transforms.js';
import { calendarDate, iban, ipv4, ipv6, luhn, mbi, nanp, notTrivial, ssn, vin } from '../src/rules/validators.js';

const table = (name: string, fn: (s: string) => boolean, cases: [string, boolean][]) =>
  describe(name, () => {
    it.each(cases)('%j → %s', (input, expected) => expect(fn(input)).toBe(expected));
  });

table('ssn', ssn, [
  ['412-38-7719', true], ['529-11-0384', true], ['000-12-3456', false], ['666-12-3456', false],
  ['912-12-3456', false], ['123-00-4567', false], ['123-45-0000', false], ['078-05-1120', false], ['12-345-678', false],
]);
table('iban', iban, [['GB82 WEST 1234 5698 7654 32', true], ['GB82WEST12345698765432', true], ['GB82 WEST 1234 5698 7654 33', false], ['DE89370400440532013000', true]]);
table('luhn', luhn, [['4539 1488 0343 6467', true], ['4539 1488 0343 6468', false], ['79927398713', true], ['1234', false]]);
table('vin', vin, [['2T1BURHE9JC014892', true], ['2T1BURHE8JC014892', false], ['1HGCM82633A004352', true], ['IHGCM82633A004352', false]]);
table('mbi', mbi, [['3QK7-RN2-WD85', true], ['1EG4TE5MK73', true], ['1SG4TE5MK73', false], ['0EG4TE5MK73', false], ['1EG4TE5MK7', false]]);
table('ipv4', ipv4, [['73.152.40.118', true], ['10.44.3.187', true], ['256.1.1.1', false], ['01.2.3.4', false], ['1.2.3', false]]);
table('ipv6', ipv6, [['2001:db8:85a3::8a2e:370:7334', true], ['fe80::1', true], ['2001:db8:85a3:0:0:8a2e:370:7334', true], ['1::2::3', false], ['12:30', false]]);
table('calendarDate', calendarDate, [
  ['3/14', true], ['04/12/1958', true], ['2026-03-04', true], ['2/30', false], ['24/7', false], ['13/1', false],
  ['on 1/6', true], ['March 3rd', true], ['14th', true], ['32nd', false],
]);
table('nanp', nanp, [['(773) 555-0187', true], ['555-0184', true], ['123-456-7890', false], ['+1 312 555 0193', true]]);
table('notTrivial', notTrivial, [['1234567', false], ['0000000', false], ['2847719403', true]]);

describe('transforms', () => {
  const zips: [string, string][] = [['60631', '606'], ['40831', '408'], ['03601', '000'], ['89012-1234', '000'], ['10201', '102'.replace('102', '000')]];
  it.each(zips)('safe-harbor-zip %s → %s', (zip, expected) => expect(safeHarborZip(zip)).toBe(expected));
  it('aggregates ages and keeps years', () => {
    expect(TRANSFORMS['age-90-or-older']('94')).toBe('90 or older');
    expect(TRANSFORMS['year-only']('04/12/1958')).toBe('1958');
    expect(TRANSFORMS['year-only']('3/14')).toBeUndefined();
    expect(TRANSFORMS.initials('Walter Kim')).toBe('W. K.');
  });
});

import { describe, expect, it } from 'vitest';
import { dateContext, formatDate } from './format.ts';

describe('dates', () => {
  it('writes a year alone as it is, with the catalogs\' "year" context; a day has none', () => {
    // SAMHSA dates its directory by year: "Data of 2022", not an invented "Jun 1, 2022".
    expect(formatDate('2022')).toBe('2022');
    expect(dateContext('2022')).toBe('year');
    expect(dateContext('2022-06-01')).toBeUndefined();
    expect(dateContext('20220601')).toBeUndefined();
  });
});

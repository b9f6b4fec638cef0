import { describe, expect, it } from 'vitest';
import { countyName } from './county-outlines.ts';

describe('county names', () => {
  it('tells an independent city from the county of its name ("Baltimore City", as SAMHSA writes it)', () => {
    expect(countyName('24510', 'Baltimore')).toBe('Baltimore City');
    expect(countyName('24005', 'Baltimore')).toBe('Baltimore');
    expect(countyName('51760', 'Richmond')).toBe('Richmond City');
    expect(countyName('51159', 'Richmond')).toBe('Richmond');
    expect(countyName('29510', 'St. Louis')).toBe('St. Louis City');
    expect(countyName('21019', 'Boyd')).toBe('Boyd');
  });
});

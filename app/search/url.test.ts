import { describe, expect, it } from 'vitest';
import { searchFromUrl, searchToUrl } from './url.ts';
import { EMPTY_SEARCH, MAX_TEXT, type SearchState } from './state.ts';

describe('search ⇄ URL', () => {
  it('round-trips every part of a search', () => {
    const s: SearchState = {
      where: '02139', at: null, radius: 10, types: ['treatment_center'], text: 'harbor & co',
      filters: { pay: ['medicaid', 'sliding'], service: ['buprenorphine'] }, mentalHealthOnly: true, selected: 'SAMHSA_OUT_000001',
    };
    expect(searchFromUrl(searchToUrl(s))).toEqual(s);
    expect(searchToUrl(EMPTY_SEARCH)).toBe('');
    expect(searchFromUrl('')).toEqual(EMPTY_SEARCH);
  });

  it('keeps the browser location only to about a kilometre', () => {
    const s = searchFromUrl('at=42.36012,-71.05891');
    expect(s.at).toEqual({ label: 'the chosen point', lat: 42.36, lon: -71.06 });
    expect(searchToUrl({ ...EMPTY_SEARCH, at: { label: 'x', lat: 42.36012, lon: -71.05891 } })).toBe('at=42.36%2C-71.06');
  });

  it('drops whatever it does not know, and cuts long text', () => {
    const s = searchFromUrl(new URLSearchParams({
      r: '7', type: 'treatment_center,<script>', pay: "medicaid,'; DROP TABLE x; --", level: 'x'.repeat(10),
      org: "1' OR '1'='1", at: '999,999', q: 'é'.repeat(1000), where: ' 02139 ',
    }));
    expect(s).toEqual({
      ...EMPTY_SEARCH, where: '02139', types: ['treatment_center'], filters: { pay: ['medicaid'] }, text: 'é'.repeat(MAX_TEXT),
    });
  });
});

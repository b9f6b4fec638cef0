import { describe, expect, it } from 'vitest';
import { consoleUrl, pageFromUrl, pageToUrl, placesWords, searchFromUrl, searchToUrl, sortFromUrl, sortToUrl, type Page } from './url.ts';
import { DEFAULT_SORT, EMPTY_SEARCH, MAX_TEXT, SORT_KEYS, type SearchState } from './state.ts';

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

  it('reads a ZIP among a link\'s words with no place as its place, as the form does', () => {
    // `?q=detox 10001` kept 10001 as a required word: nothing in the whole country.
    expect(searchFromUrl('q=detox+10001')).toEqual({ ...EMPTY_SEARCH, where: '10001', text: 'detox' });
    expect(searchFromUrl('q=detox+10001-2345&r=25')).toEqual({ ...EMPTY_SEARCH, where: '10001', radius: 25, text: 'detox' });
    expect(searchFromUrl('q=02139')).toEqual({ ...EMPTY_SEARCH, where: '02139' });
    expect(searchFromUrl('q=aa+near+boston')).toEqual({ ...EMPTY_SEARCH, where: 'boston', text: 'aa' });
    // The page rewrites the address bar to the form's link (shell/use-page-url.ts).
    expect(placesWords('?q=detox+10001&lang=es')).toBe(true);
    expect(pageToUrl(pageFromUrl('?q=detox+10001'))).toBe('where=10001&q=detox');
    // A place given keeps the ZIP a word, as in the form, and so does an embed's locked place, even an empty one.
    for (const query of ['where=02139&q=detox+10001', 'at=42.36,-71.06&q=detox+10001', 'q=detox', 'q=detox+10001&embed=1&lock=type,where']) {
      expect(placesWords(query), query).toBe(false);
      expect(searchFromUrl(query).text, query).toBe(new URLSearchParams(query).get('q'));
    }
  });
});

describe('the table order ⇄ URL', () => {
  it('round-trips every column both ways, and writes nothing for relevance', () => {
    for (const key of SORT_KEYS.filter((k) => k !== 'relevance')) {
      for (const desc of [false, true]) expect(sortFromUrl(new URLSearchParams(sortToUrl({ key, desc })).get('sort'))).toEqual({ key, desc });
    }
    expect(sortToUrl({ key: 'name', desc: false })).toBe('sort=name');
    expect(sortToUrl({ key: 'distance', desc: true })).toBe('sort=-distance');
    expect(sortToUrl(DEFAULT_SORT)).toBe('');
  });

  it('drops an order it does not know', () => {
    for (const bad of [null, '', '-', 'relevance', '-relevance', 'phone', '--name', 'name ', 'NAME']) expect(sortFromUrl(bad)).toEqual(DEFAULT_SORT);
  });
});

describe('the page ⇄ URL', () => {
  const search: SearchState = { ...EMPTY_SEARCH, where: '10001', types: ['narr_residence'], selected: 'NARR_000001' };

  it('keeps the search, its open organization and its order together, the embed\'s flags after', () => {
    const page: Page = { view: 'search', search, sort: { key: 'city', desc: true }, consoleSql: '', all: false };
    const url = pageToUrl(page, 'embed=1&lock=type');
    expect(url).toBe('where=10001&type=narr_residence&org=NARR_000001&sort=-city&embed=1&lock=type');
    expect(pageFromUrl(url)).toEqual(page);
  });

  it('keeps the national list in its link', () => {
    const national: Page = { view: 'search', search: EMPTY_SEARCH, sort: { key: 'name', desc: false }, consoleSql: '', all: true };
    expect(pageToUrl(national)).toBe('all=1&sort=name');
    expect(pageFromUrl(pageToUrl(national))).toEqual(national);
  });

  it('writes the console and the dashboards as their own links, leaving the search behind', () => {
    const sql = "SELECT 'a&b' AS x, 1 + 1";
    const console = pageFromUrl(pageToUrl({ view: 'sql', search, sort: DEFAULT_SORT, consoleSql: sql, all: false }));
    expect(console).toEqual({ view: 'sql', search: EMPTY_SEARCH, sort: DEFAULT_SORT, consoleSql: sql, all: false });
    expect(consoleUrl('  ')).toBe('view=sql');
    expect(pageFromUrl(`view=sql&sql=${'x'.repeat(30_000)}`).consoleSql).toHaveLength(20_000);
    expect(pageToUrl({ view: 'dashboards', search, sort: { key: 'name', desc: false }, consoleSql: '', all: false })).toBe('view=dashboards');
    expect(pageFromUrl('view=bogus&all=1')).toMatchObject({ view: 'search', all: true });
  });
});

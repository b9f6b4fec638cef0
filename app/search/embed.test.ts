import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyLocks, embedSnippet, searchFromMessage, trustedSender } from './embed.ts';
import { EMPTY_SEARCH } from './state.ts';
import { embedFromUrl, embedParams, searchFromUrl } from './url.ts';

const preset = searchFromUrl('where=02139&r=10&type=narr_residence&gender=women');

describe('embed configuration', () => {
  it('reads embed, known locks and well-formed origins only', () => {
    const config = embedFromUrl('embed=1&lock=type,gender,bogus&origins=https://a.org,javascript:alert(1),https://b.org/path,http://127.0.0.1:4183');
    expect(config.embed).toBe(true);
    expect([...config.locked]).toEqual(['type', 'gender']);
    expect(config.origins).toEqual(['https://a.org', 'http://127.0.0.1:4183']);
    expect(embedParams(config)).toBe('embed=1&lock=type%2Cgender&origins=https%3A%2F%2Fa.org%2Chttp%3A%2F%2F127.0.0.1%3A4183');
    expect(embedParams(embedFromUrl('where=02139'))).toBe('');
  });
});

describe('locks', () => {
  it('keep the locked parts of the preset whatever comes next', () => {
    const next = searchFromUrl('where=60601&r=50&type=treatment_center&pay=medicaid');
    const locked = applyLocks(preset, next, new Set(['type', 'gender']));
    expect(locked.types).toEqual(['narr_residence']);
    expect(locked.filters).toEqual({ pay: ['medicaid'], gender: ['women'] });
    expect(locked.where).toBe('60601');
    const place = applyLocks(preset, next, new Set(['where']));
    expect([place.where, place.radius, place.types]).toEqual(['02139', 10, ['treatment_center']]);
    // A locked group the preset leaves empty stays empty.
    expect(applyLocks(EMPTY_SEARCH, next, new Set(['pay'])).filters).toEqual({});
  });
});

describe('messages', () => {
  it('take a search as link parameters, parsed distrustfully and under the locks', () => {
    const next = searchFromMessage({ type: 'nrd:search', query: 'where=60601&type=treatment_center&org=X&pay=<script>' }, preset, new Set(['type']));
    expect(next).toMatchObject({ where: '60601', types: ['narr_residence'], selected: null, filters: {} });
    expect(searchFromMessage({ type: 'nrd:other', query: '' }, preset, new Set())).toBeNull();
    expect(searchFromMessage('where=60601', preset, new Set())).toBeNull();
    expect(searchFromMessage({ type: 'nrd:search', query: 'x'.repeat(3000) }, preset, new Set())).toBeNull();
  });

  it('keep a place among the words as words when the place is locked, even to none', () => {
    // Moved into the place, the lock put the empty place back and "10001" was gone from the search.
    const national = searchFromUrl('embed=1&lock=where');
    expect(searchFromMessage({ type: 'nrd:search', query: 'q=detox+10001' }, national, new Set(['where'])))
      .toMatchObject({ where: '', text: 'detox 10001' });
    expect(searchFromMessage({ type: 'nrd:search', query: 'q=detox+10001' }, national, new Set(['type'])))
      .toMatchObject({ where: '10001', text: 'detox' });
  });

  it('come only from the allowed origins, or from the parent when none are set', () => {
    const open = embedFromUrl('embed=1');
    const strict = embedFromUrl('embed=1&origins=https://a.org');
    expect(trustedSender('https://evil.example', true, open)).toBe(true);
    expect(trustedSender('https://a.org', false, open)).toBe(false);
    expect(trustedSender('https://a.org', false, strict)).toBe(true);
    expect(trustedSender('https://evil.example', true, strict)).toBe(false);
  });
});

describe('snippet', () => {
  it('is an iframe of this search with the embed parameters, and a resize listener for its origin', () => {
    const snippet = embedSnippet('https://directory.example/app/', { ...preset, selected: 'ORG' }, ['type']);
    expect(snippet).toContain('src="https://directory.example/app/?where=02139&amp;r=10&amp;type=narr_residence&amp;gender=women&amp;embed=1&amp;lock=type"');
    expect(snippet).not.toContain('ORG');
    expect(snippet).toContain(`e.origin !== "https://directory.example"`);
  });

  it('is what the README shows site owners, whole (an example without its script showed no results)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = /## Embedding[\s\S]*?```html\n([\s\S]*?)\n```/.exec(readme)![1];
    const search = searchFromUrl('where=Boston%2C+MA&type=narr_residence&gender=women');
    expect(example).toBe(embedSnippet('https://directory.example/', search, ['type', 'gender']));
  });
});

import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title.ts';

describe('pageTitle', () => {
  it('names the place searched', () => {
    expect(pageTitle('search', '60601', '')).toBe('Treatment near 60601 — National Recovery Directory');
  });
  it('names the words searched, with or without a place', () => {
    expect(pageTitle('search', 'Boston, MA', 'detox')).toBe('“detox” near Boston, MA — National Recovery Directory');
    expect(pageTitle('search', null, 'detox')).toBe('“detox” — National Recovery Directory');
  });
  it('is the site alone on the first screen, and names the analysts’ views', () => {
    expect(pageTitle('search', null, '')).toBe('National Recovery Directory');
    expect(pageTitle('sql', '60601', '')).toBe('SQL console — National Recovery Directory');
  });
});

import { describe, expect, it } from 'vitest';
import { testI18n } from '../i18n/test-i18n.ts';
import { pageTitle } from './page-title.ts';

describe('pageTitle', async () => {
  const en = await testI18n('en');
  const es = await testI18n('es');
  it('names the place searched', () => {
    expect(pageTitle(en, 'search', '60601', '')).toBe('Treatment near 60601 — National Recovery Directory');
    expect(pageTitle(es, 'search', '60601', '')).toBe('Tratamiento cerca de 60601 — Directorio Nacional de Recuperación');
  });
  it('says a whole state is searched in, not near', () => {
    expect(pageTitle(en, 'search', 'Wyoming', '', true)).toBe('Treatment in Wyoming — National Recovery Directory');
    expect(pageTitle(es, 'search', 'Wyoming', 'detox', true)).toBe('«detox» en Wyoming — Directorio Nacional de Recuperación');
  });
  it('names the words searched, with or without a place', () => {
    expect(pageTitle(en, 'search', 'Boston, MA', 'detox')).toBe('“detox” near Boston, MA — National Recovery Directory');
    expect(pageTitle(en, 'search', null, 'detox')).toBe('“detox” — National Recovery Directory');
    expect(pageTitle(es, 'search', 'Boston, MA', 'detox')).toBe('«detox» cerca de Boston, MA — Directorio Nacional de Recuperación');
  });
  it('is the site alone on the first screen, and names the analysts’ views', () => {
    expect(pageTitle(en, 'search', null, '')).toBe('National Recovery Directory');
    expect(pageTitle(en, 'sql', '60601', '')).toBe('SQL console — National Recovery Directory');
    expect(pageTitle(es, 'dashboards', null, '')).toBe('Paneles — Directorio Nacional de Recuperación');
  });
});

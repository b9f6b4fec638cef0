// Every language is complete: each key of the English catalog (its file and the data words of
// data-catalog.ts), each service code and category of data/service_codes.csv and of SAMHSA's own
// code reference, each organization type and level of care has an entry in every other catalog,
// with the same placeholders and every plural form the language needs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORG_TYPES } from '../search/state.ts';
import { englishData, flatKeys } from './data-catalog.ts';
import { LANGUAGES } from './languages.ts';
import en from './locales/en.json';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const SERVICE_CODES = here('../../data/service_codes.csv');
// SAMHSA's own code reference (shared/real-world, beside the project; not copied into it).
const SAMHSA_CODES = here('../../../shared/real-world/samhsa_national_directory_su_2022_service_codes.csv');

/** RFC 4180 rows as objects by header: quoted fields may hold commas, quotes and newlines. */
function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1)!.push(field); field = ''; } else if (c === '\n') { rows.at(-1)!.push(field.replace(/\r$/, '')); field = ''; rows.push([]); } else field += c;
  }
  if (field || rows.at(-1)!.length) rows.at(-1)!.push(field);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

type Catalog = { [key: string]: string | Catalog };
const lookup = (catalog: Catalog, key: string): string | undefined => {
  let at: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' ? at : undefined;
};
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

const project = readCsv(SERVICE_CODES);
const samhsa = existsSync(SAMHSA_CODES) ? readCsv(SAMHSA_CODES) : [];
const english = { ...(en as Catalog), data: englishData() as Catalog };
const others = readdirSync(here('./locales')).filter((f) => f.endsWith('.json') && f !== 'en.json').map((f) => f.replace(/\.json$/, ''));

/** The keys a catalog must hold: the English catalog's (plural forms as the language needs them) and the data's codes. */
function requiredKeys(language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const bases = new Set<string>();
  const keys: string[] = [];
  for (const key of flatKeys(english)) {
    if (PLURAL.test(key)) bases.add(key.replace(PLURAL, ''));
    else keys.push(key);
  }
  for (const base of bases) keys.push(...forms.map((f) => `${base}_${f}`));
  for (const r of [...project, ...samhsa]) {
    keys.push(`services.${r.code ?? r.service_code}`, `serviceCategories.${r.category_code}`);
  }
  for (const type of ORG_TYPES) keys.push(`data.orgType.${type}`, `data.orgTypeHint.${type}`);
  for (const level of ['outpatient', 'residential', 'inpatient']) keys.push(`data.level.${level}`);
  return [...new Set(keys)];
}

describe('catalogs', () => {
  it('find every language file listed in languages.ts, and each listed language has a file', () => {
    expect(others.sort()).toEqual(Object.keys(LANGUAGES).filter((l) => l !== 'en').sort());
  });

  it('read both code lists: the project’s 226 codes and SAMHSA’s reference, which has none the project lacks', () => {
    expect(project.length).toBe(226);
    expect(new Set(project.map((r) => r.category_code)).size).toBe(31);
    if (!samhsa.length) return; // the reference is beside the project on the team's machines
    const known = new Set(project.map((r) => r.code));
    expect(samhsa.map((r) => r.service_code).filter((c) => !known.has(c))).toEqual([]);
  });

  describe.each(others)('%s', (language) => {
    const catalog = JSON.parse(readFileSync(here(`./locales/${language}.json`), 'utf8')) as Catalog;

    it('has a non-empty entry for every key, service, category, type and level of care', () => {
      const missing = requiredKeys(language).filter((key) => !lookup(catalog, key)?.trim());
      expect(missing).toEqual([]);
    });

    it('keeps every placeholder and tag of the English entry', () => {
      const differ = flatKeys(english).filter((key) => !PLURAL.test(key) && lookup(catalog, key) !== undefined)
        .filter((key) => placeholders(lookup(english, key)!).join() !== placeholders(lookup(catalog, key)!).join());
      expect(differ).toEqual([]);
    });

    it('holds no key English lacks (a typo would never be shown)', () => {
      const known = new Set([...requiredKeys(language), ...flatKeys(english)]);
      const plural = (key: string) => known.has(`${key.replace(PLURAL, '')}_other`);
      expect(flatKeys(catalog).filter((key) => !known.has(key) && !plural(key))).toEqual([]);
    });
  });
});

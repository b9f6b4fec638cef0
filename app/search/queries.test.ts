// The search SQL, run on the browser's own engine (duckdb-wasm in Node) over a release built
// from the hostile fixtures, and checked against answers computed independently.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetRows, runTableRead } from '../db/early-reads.ts';
import { attachRelease } from '../db/catalog.ts';
import type { Engine } from '../db/engine.ts';
import type { Manifest } from '../release/manifest.ts';
import { startNodeWasmEngine } from '../../scripts/engines/node-wasm-engine.ts';
import { statesNear } from '../release/geo.ts';
import { buildRelease } from '../../scripts/build/pipeline.ts';
import { scratchDir, scratchSources } from '../../scripts/build/test-release.ts';
import { countOf, countQuery, DETAIL_COLUMNS, exportQuery, facetKey, facetsQuery, locationQuery, MENTAL_HEALTH_ONLY, placeLookups, nearestQuery, nearestReaches, otherWordsQuery, widerReaches, networkQuery, organizationQuery, placeKey, placeOf, placeSuggestionsQuery, pointsQuery, offeredServices, PAGE_SIZE, positionsQuery, resolveSearch, resultsQuery, serviceCodesQuery, categoriesOf, type ServiceCategory, withRelated, type ResolvedSearch } from './queries.ts';
import { join as joinSql, likeLiteral, raw, sql, type Sql } from '../release/sql.ts';
import { readText } from './keywords.ts';
import { bindRelations, filesRelation, keptName, keyRelation, Relation, relationsIn, writeOtherwise } from '../release/relation.ts';
import { quoteIdent } from '../release/sql-text.ts';
import type { ReadSql, TableRead } from '../release/table-read.ts';
import { SEARCH_ROWS } from './search-rows.ts';
import { keywordInName, textRank } from './text-match.ts';
import { correctedText, spellingQueries, type Correction } from './spelling.ts';
import { STATE_CODES } from './place-in-text.ts';
import { TYPE_TABLES } from '../release/org-types.ts';
import { DEFAULT_SORT, EMPTY_SEARCH, type OrgType, type SearchState } from './state.ts';
import { TYPE_FIELDS, typeDetailOf } from '../release/detail-fields.ts';
import { OPENING_COLUMNS } from '../release/tables.ts';

// The copy of the search rows made at once (db/catalog.ts): the queries below read it as the app
// does once it is made; `files` reads the release's files, as the app does until then.
let engine: Engine;
let files: Engine;
let manifest: Manifest;
const BOSTON = { label: 'Boston, MA 02108', lat: 42.3572, lon: -71.0649 };

let outDir: string;

beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  ({ manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir }));
  const wasm = await startNodeWasmEngine((name) => join(outDir, name));
  engine = await attachRelease(wasm, manifest, new URL('file:///data/'), 'at-once');
  files = await attachRelease(wasm, manifest, new URL('file:///data/'), 'never');
});

/** A one-file table's Parquet file, as the browser fetches it. */
const releaseFile = (table: string) => {
  const bytes = readFileSync(join(outDir, manifest.tables[table].files[0].path));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const run = <T extends Record<string, unknown>>(q: Sql) => engine.query<T>(q.text, q.params);
const search = (state: Partial<SearchState>, near: ResolvedSearch['near'] = null): ResolvedSearch =>
  ({ state: { ...EMPTY_SEARCH, ...state }, near });
/** An organization's services as the detail panel lists them: its row's codes, named and ordered by serviceCodesQuery. */
const servicesOf = async (id: string) =>
  offeredServices(await run<{ code: string; name: string; category_name: string }>(serviceCodesQuery()), (await run(organizationQuery(id)))[0]);
const categories = async () => categoriesOf(await run<{ category_code: string; category_name: string }>(serviceCodesQuery()));
const ids = async (s: ResolvedSearch) =>
  (await run<{ org_id: string }>(resultsQuery(s, { limit: 100, offset: 0 }))).map((r) => r.org_id);

describe('results near a place', () => {
  it('returns what lies within the radius, nearest first, with distances', async () => {
    const rows = await run<{ org_id: string; distance_miles: number }>(resultsQuery(search({ radius: 5 }, BOSTON), { limit: 50, offset: 0 }));
    expect(rows.map((r) => r.org_id).sort()).toEqual(['NARR_00001', 'RCC_0001', 'RCC_0002', 'RCO_0001', 'SAMHSA_OUT_000001']);
    const distances = rows.map((r) => r.distance_miles);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d >= 0 && d <= 5)).toBe(true);
  });

  it('counts what it lists', async () => {
    for (const s of [search({}), search({ radius: 5 }, BOSTON), search({ radius: 100, filters: { pay: ['medicaid'] } }, BOSTON)]) {
      const n = countOf(await run(countQuery(s)));
      expect(n).toBeGreaterThan(0);
      expect(n).toBe((await ids(s)).length);
      expect((await run(pointsQuery(s))).length).toBe(n);
    }
    // Near a place, by the table's first page as it first shows: one statement for the count and the rows.
    for (const s of [search({ radius: 5 }, BOSTON), search({ radius: 100, filters: { pay: ['medicaid'] } }, BOSTON)]) {
      expect(countQuery(s)).toEqual(resultsQuery(s, { limit: PAGE_SIZE, offset: 0, sort: DEFAULT_SORT.key, desc: DEFAULT_SORT.desc }));
    }
  });

  it('counts a text search on its first page: as many as it finds, on every page', async () => {
    for (const text of ['recovery', 'hope center', 'boston', 'medicaid outpatient', 'zzzz']) {
      for (const mentalHealthOnly of [true, false]) {
        const s = search({ text, mentalHealthOnly });
        const found = await run<{ total: number }>(resultsQuery(s, {}));
        expect(countOf(await run(countQuery(s))), text).toBe(found.length);
        expect((await run<{ total: number }>(resultsQuery(s, { limit: 2, offset: 1 }))).every((r) => r.total === found.length), text).toBe(true);
        // The table's first page as it first shows: the page's cache answers both with one statement.
        expect(countQuery(s)).toEqual(resultsQuery(s, { limit: PAGE_SIZE, offset: 0, sort: DEFAULT_SORT.key, desc: DEFAULT_SORT.desc }));
      }
    }
  });

  it('combines choices in a group with OR and groups with AND', async () => {
    expect(await ids(search({ filters: { pay: ['medicaid'] } }))).toEqual(['SAMHSA_OUT_000001']);
    expect((await ids(search({ filters: { level: ['outpatient', 'residential'] } }))).length).toBe(4);
    expect(await ids(search({ filters: { level: ['residential'], pay: ['medicaid'] } }))).toEqual([]);
    expect(await ids(search({ filters: { gender: ['women'] } }))).toEqual(['NARR_00001']);
    expect((await ids(search({ types: ['recovery_center'] }))).sort()).toEqual(['RCC_0001', 'RCC_0002']);
  });
});

describe('the nearest results', () => {
  it('says how far the nearest match is when the radius holds none', async () => {
    const s = search({ radius: 5, types: ['treatment_center'], text: 'harbor' }, { label: 'x', lat: 47.6, lon: -122.3 });
    expect(await ids(s)).toEqual([]);
    // Harbor House is in Boston: far beyond 500 miles, so only the last reach, everywhere, finds it.
    const reaches = nearestReaches(s.state.radius);
    expect(reaches).toEqual([10, 25, 50, 100, 250, 500, null]);
    const found = await Promise.all(reaches.map(async (reach) => (await run<{ miles: number | null }>(nearestQuery(s, manifest, reach)!))[0].miles));
    expect(found.slice(0, -1)).toEqual([null, null, null, null, null, null]);
    const [{ expected }] = await run<{ expected: number }>(sql`SELECT min(distance_miles) AS expected
      FROM (${resultsQuery({ ...s, state: { ...s.state, radius: 5000 as 500 } }, {})})`);
    expect(found.at(-1)).toBeCloseTo(expected, 6);
    expect(nearestQuery(search({}), manifest, null)).toBeNull();
  });

  it('finds the nearest at the first reach that holds one, reading only the states that far', async () => {
    // Around Billings, MT, 5 miles, and around a point in the sea off Boston: each reach's answer
    // is the nearest of all when it finds one, and the reaches before it find none.
    for (const [near, radius] of [[{ label: 'x', lat: 45.78, lon: -108.5 }, 5], [{ label: 'y', lat: 42.2, lon: -70.3 }, 5],
      [BOSTON, 5]] as const) {
      const s = search({ radius, types: ['recovery_center'] }, near);
      const [{ everywhere }] = await run<{ everywhere: number | null }>(sql`SELECT min(distance_miles) AS everywhere
        FROM (${resultsQuery({ ...s, state: { ...s.state, radius: 5000 as 500 } }, {})})`);
      const found: (number | null)[] = [];
      for (const reach of nearestReaches(radius)) {
        const query = nearestQuery(s, manifest, reach)!;
        if (reach !== null) expect([...new Set(relationsIn(query.params).flatMap((r) => r.states ?? []))].sort(), `${near.label} ${reach} mi`).toEqual([...statesNear(manifest, near.lat, near.lon, reach)].sort());
        found.push((await run<{ miles: number | null }>(query))[0].miles);
      }
      const first = found.findIndex((m) => m !== null);
      expect(first, near.label).toBeGreaterThanOrEqual(0);
      expect(found.slice(0, first).every((m) => m === null)).toBe(true);
      expect(found[first]).toBeCloseTo(everywhere!, 6);
    }
  });
});

describe('a wider radius for a few results', () => {
  it('asks the next two radii how many each holds, as the search would count them there', async () => {
    expect(widerReaches(5)).toEqual([10, 25]);
    expect(widerReaches(250)).toEqual([500]);
    expect(widerReaches(500)).toEqual([]);
    for (const radius of [5, 25] as const) {
      const s = search({ radius }, BOSTON);
      for (const reach of widerReaches(radius)) {
        const [row] = await run<{ reach: number; found: number }>(nearestQuery(s, manifest, reach)!);
        const there = { ...s, state: { ...s.state, radius: reach }, states: statesNear(manifest, BOSTON.lat, BOSTON.lon, reach) };
        expect(row, `${radius} → ${reach} mi`).toMatchObject({ reach, found: countOf(await run(countQuery(there))) });
      }
    }
  });
});

describe('words that found nothing', () => {
  it('counts, for each of other texts, what the search finds with it in the words\' place', async () => {
    const s = search({ radius: 25, text: 'harbor zzqx' }, BOSTON);
    expect(await ids(s)).toEqual([]);
    const texts = ['harbor', 'zzqx', 'recovery'];
    const rows = await run<{ i: number; found: number }>(otherWordsQuery(s, manifest, texts)!);
    const expected = await Promise.all(texts.map(async (text) => countOf(await run(countQuery({ ...s, state: { ...s.state, text } })))));
    expect(rows.sort((a, b) => a.i - b.i).map((r) => r.found)).toEqual(expected);
    expect(expected[0]).toBeGreaterThan(0);
    expect(otherWordsQuery(search({ text: 'a b' }), manifest, ['a'])).toBeNull();
  });
});

describe('partition pruning by state', () => {
  it('finds the states within reach, and limiting to them changes no result', async () => {
    const states = statesNear(manifest, BOSTON.lat, BOSTON.lon, 25);
    expect(states).toContain('MA');
    expect(states).not.toContain('IL');
    for (const filters of [{}, { pay: ["medicaid"] }, { gender: ["women"] }] as Record<string, string[]>[]) {
      const open = search({ radius: 25, filters }, BOSTON);
      const pruned = { ...open, states };
      expect(await ids(pruned)).toEqual(await ids(open));
      expect(await run(facetsQuery(pruned))).toEqual(await run(facetsQuery(open)));
    }
    expect(await ids({ ...search({ filters: { pay: ['medicaid'] } }, BOSTON), states: [] })).toEqual([]);
  });
});

describe('the search rows kept in memory', () => {
  const pruned = (s: ResolvedSearch) => ({ ...s, states: statesNear(manifest, BOSTON.lat, BOSTON.lon, s.state.radius) });

  it('answer every panel as the release\'s files do', async () => {
    const searches = [search({}), search({ types: ['narr_residence'] }), pruned(search({ radius: 25 }, BOSTON)),
      pruned(search({ radius: 100, filters: { pay: ['medicaid'] } }, BOSTON)), search({ filters: { gender: ['women'], cert: ['2'] } }),
      search({ text: 'boston' }), search({ text: 'recovery', mentalHealthOnly: true }), search({ text: 'medicaid outpatient' }),
      pruned(search({ radius: 50, text: 'center', mentalHealthOnly: true }, BOSTON)), search({ filters: { level: ['outpatient', 'inpatient'] } })];
    for (const s of searches) {
      const label = JSON.stringify(s.state);
      // A page near a place, from the copy here and from the files there: by distance, a slice, and by city.
      const pages = [resultsQuery(s, { limit: 100, offset: 0 }), resultsQuery(s, { limit: 3, offset: 2 }), resultsQuery(s, { limit: 100, offset: 0, sort: 'city' })];
      for (const q of [...pages, countQuery(s), facetsQuery(s), exportQuery(s, {}, await categories())]) {
        expect(await engine.query(q.text, q.params), label).toEqual(await files.query(q.text, q.params));
      }
      // The map's points come in no order.
      const points = sql`SELECT * FROM (${pointsQuery(s)}) ORDER BY org_id`;
      expect(await engine.query(points.text, points.params), label).toEqual(await files.query(points.text, points.params));
    }
    // The copy was made (a copy that fails leaves the queries on the files, and this would compare the files to themselves).
    const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${keptName(SEARCH_ROWS)}`);
    expect(n).toBe(manifest.tables.organizations_by_id.rows);
    const q = resultsQuery(search({ radius: 25 }, BOSTON), { limit: 10 });
    expect(bindRelations(q.text, q.params, (r) => filesRelation(manifest, r, () => true)).text).toContain(keptName(SEARCH_ROWS));
    expect(bindRelations(q.text, q.params, (r) => filesRelation(manifest, r)).text).not.toContain(keptName(SEARCH_ROWS));
    // A word is looked up in the word index made from the copy (text-terms.ts), once it is made.
    const t = resultsQuery(search({ text: 'boston' }), { limit: 10 });
    expect(bindRelations(t.text, t.params, (r) => filesRelation(manifest, r, () => true)).text).toContain('kept_text_terms');
    expect(bindRelations(t.text, t.params, (r) => filesRelation(manifest, r)).text).not.toContain('kept_text_terms');
  });

  it('answer a search near a place from a copy of its states alone, as the release\'s files do', async () => {
    const wasm = await startNodeWasmEngine((name) => join(outDir, name));
    const asked: string[] = [];
    const partial = await attachRelease({ ...wasm, query: (text, params, options) => { asked.push(text); return wasm.query(text, params, options); } },
      manifest, new URL('file:///data/'), 'at-once');
    const searches = [pruned(search({ radius: 25 }, BOSTON)), pruned(search({ radius: 100, filters: { pay: ['medicaid'] } }, BOSTON))];
    for (const s of searches) {
      const points = sql`SELECT * FROM (${pointsQuery(s)}) ORDER BY org_id`;
      for (const q of [resultsQuery(s, { limit: 100, offset: 0 }), countQuery(s), facetsQuery(s), points]) {
        asked.length = 0;
        expect(await partial.query(q.text, q.params), JSON.stringify(s.state)).toEqual(await files.query(q.text, q.params));
        expect(asked.at(-1), 'read from the copy').toContain(keptName(SEARCH_ROWS));
      }
    }
    const held = await partial.query<{ state: string }>(`SELECT DISTINCT state FROM ${keptName(SEARCH_ROWS)} ORDER BY state`);
    expect(held.map((r) => r.state)).toEqual([...new Set(searches.flatMap((s) => s.states))].sort());
    expect(held.length).toBeLessThan(new Set(manifest.tables.organizations.files.map((f) => f.partition.state)).size);
  });
});

describe('facets', () => {
  it('counts each choice as if it were added, leaving a group\'s own choices out', async () => {
    const [facets] = await run<Record<string, number>>(facetsQuery(search({ filters: { pay: ['medicaid'] } })));
    expect(facets[facetKey('pay', 'medicaid')]).toBe(1);
    expect(facets[facetKey('pay', 'cash')]).toBe(1); // SAMHSA_OUT_000001 takes cash (CASH → SF)
    expect(facets[facetKey('level', 'outpatient')]).toBe(1);
    expect(facets[facetKey('level', 'residential')]).toBe(0);
    expect(facets[facetKey('type', 'treatment_center')]).toBe(1);
    expect(facets[facetKey('type', 'narr_residence')]).toBe(0);
    const [open] = await run<Record<string, number>>(facetsQuery(search({})));
    expect(open[facetKey('type', 'treatment_center')]).toBe(4);
    expect(open[facetKey('type', 'narr_residence')]).toBe(2);
  });

  it('says 0, not NULL, for a choice no row could take: none matched, or every row\'s answer is unknown', async () => {
    // Residences only: a treatment center's options are NULL for each of them.
    for (const s of [search({ types: ['narr_residence'] }), search({ text: 'no such word anywhere' })]) {
      const [facets] = await run<Record<string, number | null>>(facetsQuery(s));
      expect(Object.entries(facets).filter(([, n]) => n === null), JSON.stringify(s.state)).toEqual([]);
      expect(facets[facetKey('level', 'outpatient')]).toBe(0);
    }
  });
});

describe('text search', () => {
  it('matches names, other names, streets and cities, exact and prefix matches first', async () => {
    expect(await ids(search({ text: 'harbor' }))).toEqual(['SAMHSA_OUT_000001']);
    expect(await ids(search({ text: 'CRCC' }))).toEqual(['RCC_0001']);
    expect(await ids(search({ text: 'oak ave' }))).toEqual(['NARR_00001']);
    // "Boston Peer Center" starts with the text; the others are only in Boston.
    const boston = await ids(search({ text: 'boston' }));
    expect(boston[0]).toBe('RCC_0002');
    expect(boston.slice(1).sort()).toEqual(['RCO_0001', 'SAMHSA_OUT_000001']);
    // A name typed in quotes, or a word before a full stop, is the same words, and ranks the same (it found nothing).
    expect(await ids(search({ text: '"boston"' }))).toEqual(boston);
    expect(await ids(search({ text: '“harbor.”' }))).toEqual(['SAMHSA_OUT_000001']);
  });

  it.each(['%', '_', "'; DROP TABLE organizations; --", '\\', 'a'.repeat(500), '🌅', 'حديقة', '"', '%_%'])(
    'treats %j as plain text', async (text) => {
      const s = search({ text });
      await expect(run(resultsQuery(s, { limit: 10, offset: 0 }))).resolves.toBeDefined();
      await expect(run(facetsQuery(s))).resolves.toBeDefined();
      if (['%', '_', '%_%', '"'].includes(text)) expect(await ids(s)).toEqual([]);
    });

  it('finds in the copy kept in memory what ILIKE finds in each field, and nothing across two fields', async () => {
    const orgs = await run<{ name: string; street: string | null; city: string | null }>(
      sql`SELECT name, address_line1 AS street, city FROM organizations_by_id`);
    // Pieces of names and cities, and the end of one field run into the start of the next.
    const words = [...new Set(orgs.flatMap((o) => [o.name.slice(1, 5), (o.city ?? '').slice(1, 4),
      `${o.name.slice(-2)}${(o.street ?? o.city ?? '').slice(0, 2)}`.toUpperCase(), `${(o.street ?? '').slice(-2)}${(o.city ?? '').slice(0, 2)}`]))]
      .filter((w) => w.length > 1 && !/\s/.test(w) && readText(w).words.length === 1);
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) {
      const pattern = `%${likeLiteral(word)}%`;
      const expected = await run<{ org_id: string }>(sql`SELECT o.org_id FROM organizations_by_id o
        WHERE o.name ILIKE ${pattern} ESCAPE '\\' OR o.program_name ILIKE ${pattern} ESCAPE '\\' OR array_to_string(o.other_names, ' ') ILIKE ${pattern} ESCAPE '\\'
          OR o.address_line1 ILIKE ${pattern} ESCAPE '\\' OR o.city ILIKE ${pattern} ESCAPE '\\'
          OR o.org_id IN (SELECT s.org_id FROM organization_services s JOIN service_codes c ON c.code = s.code
            WHERE c.name ILIKE ${pattern} ESCAPE '\\')
        ORDER BY 1`);
      expect((await ids(search({ text: word, mentalHealthOnly: true }))).sort(), word).toEqual(expected.map((r) => r.org_id));
    }
  });

  it('finds a word typed with accents, or a Spanish word of names, in each of its forms as ILIKE does', async () => {
    // "centro de recuperación" found nothing near 10001: SAMHSA's names say "center" and "recovery", and carry no accents.
    for (const [typed, forms] of [['centro', ['centro', 'center']], ['Bóston', ['bóston', 'boston']], ['esperanza', ['esperanza', 'hope']]] as const) {
      const any = (column: string) => raw(forms.map((f) => `${column} ILIKE '%${f}%'`).join(' OR '));
      const expected = await run<{ org_id: string }>(sql`SELECT o.org_id FROM organizations_by_id o
        WHERE ${any('o.name')} OR ${any('o.program_name')} OR ${any("array_to_string(o.other_names, ' ')")} OR ${any('o.address_line1')} OR ${any('o.city')}
          OR o.org_id IN (SELECT s.org_id FROM organization_services s JOIN service_codes c ON c.code = s.code WHERE ${any('c.name')})
        ORDER BY 1`);
      expect(expected.length, typed).toBeGreaterThan(0);
      expect((await ids(search({ text: typed, mentalHealthOnly: true }))).sort(), typed).toEqual(expected.map((r) => r.org_id));
    }
  });

  it('finds a phone number typed in any form among the phones as published, whatever their form', async () => {
    // A pasted "(212) 268-8830" found nothing near 10001 in SAMHSA's 2022 directory: it was looked for in names and streets.
    const orgs = await run<{ org_id: string; phone: string | null }>(sql`SELECT org_id, phone FROM organizations_by_id`);
    const digits = [...new Set(orgs.map((o) => (o.phone ?? '').replace(/\D/g, '')).filter((d) => d.length >= 10).map((d) => d.slice(-10)))];
    expect(digits.length).toBeGreaterThan(1);
    for (const d of digits) {
      const expected = orgs.filter((o) => (o.phone ?? '').replace(/\D/g, '').includes(d)).map((o) => o.org_id).sort();
      for (const typed of [`(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`, `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`, d]) {
        expect((await ids(search({ text: typed, mentalHealthOnly: true }))).sort(), typed).toEqual(expected);
      }
    }
  });

  it('lists the matches of a rank by name without regard to case, then id, as the names order them here', async () => {
    // The release's name_order (views.sql, DuckDB 1.5) against the names as this engine lower-cases them, in both tables.
    for (const table of ['organizations', 'organizations_by_id']) {
      const [{ n }] = await run<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM (SELECT name_order,
        row_number() OVER (ORDER BY lower(name), org_id) AS listed FROM ${raw(table)}) WHERE name_order <> listed`);
      expect(n, table).toBe(0);
    }
    // Ranked by the names' ILIKEs here, by the lower-cased name's starts_with/contains in the app (textRank).
    for (const text of ['center', 'recovery', 'e', 'boston', 'Boston Peer Center', 'harbor', 'حديقة', '🌅']) {
      const s = search({ text, mentalHealthOnly: true });
      const found = (await run<{ org_id: string }>(resultsQuery(s, {}))).map((r) => r.org_id);
      expect(found.length, text).toBeGreaterThan(0);
      const byName = await run<{ org_id: string }>(sql`SELECT o.org_id FROM organizations_by_id o
        WHERE o.org_id IN (${joinSql(found.map((id) => sql`${id}`), ', ')}) ORDER BY CASE WHEN lower(o.name) = lower(${text}) THEN 0 WHEN o.name ILIKE ${`${text}%`} THEN 1
          WHEN o.name ILIKE ${`% ${text}%`} THEN 2 ELSE 3 END, lower(o.name), o.org_id`);
      expect(found, text).toEqual(byName.map((r) => r.org_id));
      for (const [limit, offset] of [[3, 0], [2, 1]]) {
        const page = await run<{ org_id: string }>(resultsQuery(s, { limit, offset }));
        expect(page.map((r) => r.org_id), text).toEqual(found.slice(offset, offset + limit));
      }
    }
  });

  it('ranks a name as ILIKE does, whatever the other fields hold', async () => {
    const rows = sql`SELECT * FROM (VALUES ('a', 'Hope Center', ['Center of Hope'], '1 Center St', 'Center City'),
      ('b', 'CENTER', NULL::VARCHAR[], NULL, NULL), ('c', 'The Center Of Ñandú', NULL, '9 Hope Rd', NULL),
      ('d', 'Centerville Clinic', ['Hope'], NULL, 'Hope'), ('e', 'École Hope', NULL, '2 Center Ave', 'Ñandú'),
      ('f', 'hope', ['Centre'], 'Hope St', 'Hopewell')) AS o(org_id, name, other_names, address_line1, city)`;
    const byName = (text: string) => sql`CASE WHEN lower(o.name) = lower(${text}) THEN 0 WHEN o.name ILIKE ${`${text}%`} THEN 1
      WHEN o.name ILIKE ${`% ${text}%`} THEN 2 ELSE 3 END`;
    for (const text of ['center', 'CENTER', 'cent', 'hope', 'hope center', 'centre', 'ñandú', 'école', 'of ñandú', 'st', 'city', 'hopewell']) {
      const ranks = await run<{ org_id: string; ranked: number; name: number }>(sql`SELECT o.org_id, ${textRank(text)} AS ranked, ${byName(text)} AS name
        FROM (${rows}) o ORDER BY 1`);
      expect(ranks.map((r) => [r.org_id, r.ranked]), text).toEqual(ranks.map((r) => [r.org_id, r.name]));
    }
  });

  it('finds a keyword in a name as a whole word, never in a longer word, a street or a town', async () => {
    // "free" near Freeport, NY and "spanish" near Spanish Fork, UT listed places for their town (SAMHSA's 2022 directory).
    const rows = sql`SELECT * FROM (VALUES ('Freeport Recovery', false), ('Free Clinic of Hope', true), ('Hope (free)', true),
      ('Carefree Living', false), ('Spanish Fork Counseling', true), ('Hope House', false), ('Women''s Center', true),
      ('Womenspace', false), ('Teens Count', true), ('NA Hall', true), ('Nashville Rehab', false)) AS o(name, found)`;
    for (const phrase of ['free', 'spanish', 'women', 'teen', 'na']) {
      const read = await run<{ name: string; hit: boolean; found: boolean }>(sql`SELECT name, ${keywordInName(phrase)} AS hit, found
        FROM (${rows}) o WHERE contains(lower(name), ${phrase}) ORDER BY 1`);
      expect(read.length, phrase).toBeGreaterThan(0);
      expect(read.map((r) => [r.name, r.hit]), phrase).toEqual(read.map((r) => [r.name, r.found]));
    }
  });

  it('finds names with emoji and right-to-left text', async () => {
    expect(await ids(search({ text: '🌅' }))).toHaveLength(1);
    expect(await ids(search({ text: 'حديقة' }))).toEqual(['SAMHSA_OUT_000010']);
  });
});

describe('a whole state', () => {
  const inState = (code: string, state: Partial<SearchState> = {}) => resolveSearch({ ...EMPTY_SEARCH, ...state }, null, manifest, code);

  it('lists every organization of the state, read from its file or from the engine\'s copy of every state', async () => {
    const expected = await run<{ org_id: string }>(sql`SELECT org_id FROM organizations_by_id WHERE state = 'MA' AND NOT mental_health_only ORDER BY 1`);
    expect(expected.length).toBeGreaterThan(3);
    for (const on of [engine, files]) {
      const rows = await on.query<{ org_id: string; state: string }>(resultsQuery(inState('MA'), {}).text, resultsQuery(inState('MA'), {}).params);
      expect(rows.map((r) => r.org_id).sort()).toEqual(expected.map((r) => r.org_id));
      expect(countOf(await on.query(countQuery(inState('MA')).text, countQuery(inState('MA')).params))).toBe(expected.length);
    }
    const words = await run<{ state: string }>(resultsQuery(inState('MA', { text: 'recovery' }), {}));
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words.map((r) => r.state))).toEqual(new Set(['MA']));
  });

  it('finds nothing, and fails nothing, in a state the release holds no file of', async () => {
    const empty = STATE_CODES.find((code) => !manifest.tables.organizations.files.some((f) => f.path.includes(`state=${code}/`)))!;
    expect(empty).toBeDefined();
    expect(countOf(await run(countQuery(inState(empty))))).toBe(0);
    expect(await run(pointsQuery(inState(empty)))).toEqual([]);
  });
});

describe('did you mean', () => {
  const count = async (s: ResolvedSearch) => countOf(await run(countQuery(s)));
  /** The first of the queries to find a correction, as the page asks them (db/use-query.ts useFirstFound). */
  const correction = async (text: string, near: ResolvedSearch['near'] = null) => {
    for (const query of spellingQueries(resolveStates(search({ text }, near)))) {
      const rows = await run<Correction>(query);
      if (rows.length) return { text: correctedText(text, rows), farther: rows[0].farther };
    }
    return null;
  };
  const suggest = async (text: string, near: ResolvedSearch['near'] = null) => (await correction(text, near))?.text ?? null;
  /** The search's states as the page resolves them (use-resolved-search.ts). */
  const resolveStates = (s: ResolvedSearch): ResolvedSearch => (s.near ? { ...s, states: [...statesNear(manifest, s.near.lat, s.near.lon, s.state.radius)] } : s);

  it('offers the nearest word the listings hold for each word none holds, capitalized as typed, and it finds them', async () => {
    for (const [typed, meant] of [['Massachusets Alliance', 'Massachusetts Alliance'], ['cmabridge recovery', 'cambridge recovery'],
      ['Boston Peer Cenetr', 'Boston Peer Center'], ['recovey cambridge', 'recovery cambridge']] as const) {
      expect(await count(search({ text: typed, mentalHealthOnly: true })), typed).toBe(0);
      expect(await suggest(typed), typed).toBe(meant);
      expect(await count(search({ text: meant, mentalHealthOnly: true })), meant).toBeGreaterThan(0);
    }
  });

  it('puts a correction in its word\'s place, punctuation and the other words as typed', () => {
    expect(correctedText('“Nroth” charles, MD', [{ typed: 'nroth', term: 'north' }])).toBe('“North” charles, MD');
    expect(correctedText('nroth', [])).toBeNull();
  });

  it('offers the words of the listings within the radius first, then, marked farther, the country\'s', async () => {
    expect(await correction('Cmabridge', BOSTON)).toEqual({ text: 'Cambridge', farther: false });
    // Its states have files, and the engine's copy holds Massachusetts' rows too: within 25 miles
    // of Chicago no listing's words hold "cambridge", so the first query finds none.
    const chicago = { label: 'Chicago, IL 60601', lat: 41.8858, lon: -87.6181 };
    expect(statesNear(manifest, chicago.lat, chicago.lon, 25).length).toBeGreaterThan(0);
    const [inReach] = spellingQueries(resolveStates(search({ text: 'Cmabridge' }, chicago)));
    expect(await run(inReach)).toEqual([]);
    expect(await correction('Cmabridge', chicago)).toEqual({ text: 'Cambridge', farther: true });
    // With no place the first query is the whole country's: nothing farther to ask.
    expect(spellingQueries(search({ text: 'Cmabridge' }))).toHaveLength(1);
  });

  it('offers nothing for a word found, one too far from every word, a short word, a keyword or a Spanish word of names', async () => {
    for (const text of ['boston zzzqqq', 'xqzvbnm', 'bstn', 'detox', 'methadone boston', 'centro']) expect(await suggest(text), text).toBeNull();
    // A piece of a word is found ("burrel" in "burrell"), as a service's name is.
    expect(await suggest('cambrid')).toBeNull();
    expect(spellingQueries(search({ text: 'aa na' }, BOSTON))).toEqual([]);
  });
});

describe('text search for services', () => {
  // Independent answers: the organizations whose services say so, by code or by name.
  const offering = async (where: string) => (await run<{ org_id: string }>(sql`SELECT DISTINCT s.org_id FROM organization_services s
    JOIN service_codes c ON c.code = s.code JOIN organizations o ON o.org_id = s.org_id
    LEFT JOIN treatment_centers t ON t.org_id = o.org_id
    WHERE ${raw(where)} AND t.facility_type IS DISTINCT FROM 'MH' ORDER BY 1`)).map((r) => r.org_id);

  it('finds what a keyword stands for: the same organizations as its filter', async () => {
    for (const [text, filters] of [['Suboxone', { service: ['buprenorphine'] }], ['opioid treatment program', { service: ['otp'] }],
      ['medicaid', { pay: ['medicaid'] }], ['español', { spoken: ['es'] }],
      ['Buprenorfina', { service: ['buprenorphine'] }], ['programa de tratamiento de opioides', { service: ['otp'] }], ['Medicaid ambulatorio', { pay: ['medicaid'], level: ['outpatient'] }]] as [string, Record<string, string[]>][]) {
      const byFilter = (await ids(search({ filters }))).sort();
      expect(byFilter.length, text).toBeGreaterThan(0);
      expect((await ids(search({ text }))).sort(), text).toEqual(byFilter);
    }
  });

  it('finds words in SAMHSA\'s service names, and keywords by their codes', async () => {
    const intensive = await offering(`c.name ILIKE '%intensive%'`);
    expect(intensive.length).toBeGreaterThan(0);
    expect((await ids(search({ text: 'intensive' }))).sort()).toEqual(intensive);
    expect(await ids(search({ text: 'intensive harbor' }))).toEqual(['SAMHSA_OUT_000001']);
    const veterans = await offering(`c.code IN ('VET', 'ADM', 'MF', 'VAMC', 'MI')`);
    expect((await ids(search({ text: 'veterans' }))).sort()).toEqual(expect.arrayContaining(veterans));
    // Before the copies the services are read from the codes organizations_by_id lists (text-match.ts).
    for (const text of ['intensive', 'intensive harbor', 'veterans', 'NA', 'alcohol', 'recovery']) {
      const q = resultsQuery(search({ text }), { limit: 100, offset: 0 });
      expect(await files.query(q.text, q.params), text).toEqual(await engine.query(q.text, q.params));
    }
  });

  it('leaves out words that ask for nothing, so a search of them alone finds what a search of no words finds', async () => {
    const all = (await ids(search({}))).sort();
    for (const text of ['ayuda', 'help', 'I need help near me', 'busco ayuda cerca de mí']) expect((await ids(search({ text }))).sort(), text).toEqual(all);
    expect(await ids(search({ text: 'help harbor please' }))).toEqual(await ids(search({ text: 'harbor' })));
  });

  it('finds for a misspelled or Spanish keyword what the keyword finds', async () => {
    const methadone = (await ids(search({ text: 'methadone' }))).sort();
    expect(methadone).toEqual(expect.arrayContaining(await ids(search({ filters: { service: ['methadone'] } }))));
    expect(methadone.length).toBeGreaterThan(0);
    for (const text of ['metadone', 'methadon', 'metadona', 'metadona clinica']) expect((await ids(search({ text }))).sort(), text).toEqual(methadone);
  });

  it('reads a phrase as one keyword, and a short keyword only as a whole word', async () => {
    const residences = (await ids(search({ types: ['narr_residence'] }))).sort();
    expect(await ids(search({ text: 'sober living' }))).toEqual(expect.arrayContaining(residences));
    const aa = await ids(search({ text: 'NA' }));
    const twelveStep = await offering(`c.code IN ('TWFA', 'SHG')`);
    expect(aa.sort()).toEqual(twelveStep);
  });
});

describe('mental-health-only facilities', () => {
  it('are left out unless asked for, and counted beside the choice', async () => {
    // The fixtures hold no such facility: one is made so, in views read in the tables' place:
    // its type's row, and the mark the organizations carry (the state files and the one by id).
    const ONE = `CASE WHEN org_id = 'SAMHSA_OUT_000001' THEN`;
    await run(sql`CREATE OR REPLACE TEMP VIEW tc_one_mh AS SELECT * REPLACE (${raw(ONE)} 'MH' ELSE facility_type END AS facility_type) FROM treatment_centers`);
    await run(sql`CREATE OR REPLACE TEMP VIEW o_one_mh AS SELECT * REPLACE (${raw(ONE)} true ELSE mental_health_only END AS mental_health_only) FROM organizations`);
    await run(sql`CREATE OR REPLACE TEMP VIEW obi_one_mh AS SELECT * REPLACE (${raw(ONE)} true ELSE mental_health_only END AS mental_health_only) FROM organizations_by_id`);
    // The kept copies as the catalog makes them, by a search; every relation of those tables in
    // the query reads its view instead, and the search rows are read from the files.
    await ids(search({ text: 'harbor' }));
    const marked: Record<string, string> = { treatment_centers: 'tc_one_mh', organizations: 'o_one_mh' };
    const write = (r: Relation): string => (r.copy ? writeOtherwise(r, write) : r.select ? quoteIdent(keptName(r))
      : marked[r.table] ?? quoteIdent(r.table));
    const runMh = <T extends Record<string, unknown>>(q: Sql) => {
      const bound = bindRelations(q.text, q.params, write);
      // A search of every state reads organizations_by_id by its name (search-rows.ts).
      return engine.query<T>(bound.text.replace(/\borganizations_by_id\b/g, 'obi_one_mh'), bound.params);
    };
    // By type: the national list's first page by name comes from the release (first_pages).
    const idsMh = async (s: ResolvedSearch) =>
      (await runMh<{ org_id: string }>(resultsQuery(s, { limit: 100, offset: 0, sort: 'type' }))).map((r) => r.org_id);
    const all = await idsMh(search({ mentalHealthOnly: true }));
    expect(all).toContain('SAMHSA_OUT_000001');
    expect(await idsMh(search({}))).toEqual(all.filter((id) => id !== 'SAMHSA_OUT_000001'));
    const [facets] = await runMh<Record<string, number>>(facetsQuery(search({})));
    expect(facets[facetKey(MENTAL_HEALTH_ONLY, 'include')]).toBe(1);
    expect(facets[facetKey('type', 'treatment_center')]).toBe(3);
    expect(await idsMh(search({ text: 'harbor', mentalHealthOnly: true }))).toEqual(['SAMHSA_OUT_000001']);
    expect(await idsMh(search({ text: 'harbor' }))).toEqual([]);
  });
});

describe('location lookup', () => {
  it.each([
    ['02108', 'Boston, MA 02108'],
    ['02108-1234', 'Boston, MA 02108'],
    ['Cambridge, MA', 'Cambridge, MA'],
    ['cambridge ma', 'Cambridge, MA'],
    ['Cambridge, Massachusetts', 'Cambridge, MA'],
  ])('finds %s', async (where, label) => {
    const [place] = (await run(locationQuery(where)!)).map(placeOf);
    expect(place.label).toBe(label);
    expect(place.latitude).toBeCloseTo(42.37, 0);
  });

  // Against the gazetteer the build publishes (from the npm packages: the real one).
  it.each([
    ['St. Louis, MO', 'Saint Louis, MO', 0],
    ['Saint Louis, MO', 'Saint Louis, MO', 0],
    ['st louis mo', 'Saint Louis, MO', 0],
    ['Boston', 'Boston, MA', 0],
    ['Bostn, MA', 'Boston, MA', 1],
    ['Cambrige, MA', 'Cambridge, MA', 1],
    ['Kansas City', 'Kansas City, MO', 0],
    // Two letters swapped are one typo: "lousia ky" was not a city (a walkthrough).
    ['lousia ky', 'Louisa, KY', 1],
    ['Chilicothe, OH', 'Chillicothe, OH', 1],
  ])('forgives %s', async (where, label, typos) => {
    const [place, ...others] = await run<{ label: string; typos: number }>(locationQuery(where)!);
    expect(place).toMatchObject({ label, typos });
    if (where === 'Boston') expect(others.map((o) => o.label)).toContain('Boston, NY');
  });

  it('looks a city up among its first letter\'s keys, and forgiving typos among every city only when none matches exactly', async () => {
    const places = ['St. Louis, MO', 'Saint Louis, MO', 'st louis mo', 'Boston', 'Bostn, MA', 'Cambrige, MA', 'Kansas City', 'Springfield',
      'Portland', 'Billings, MT', 'Fort Worth TX', 'Ft Worth', 'Mt Vernon', 'Coeur d\'Alene, ID', 'Vostok', 'Atlantis, ZZ', 'O\'Fallon'];
    for (const where of places) {
      const [exact, forgiving] = placeLookups(where);
      const all = await run<{ label: string; typos: number }>(forgiving);
      const first = await run<{ label: string; typos: number }>(exact);
      // The exact lookup finds every match the forgiving one ranks without a typo, in its order.
      expect(first, where).toEqual(all.filter((p) => p.typos === 0));
    }
    expect(placeLookups('02108')).toHaveLength(1);
    expect(placeLookups('!!')).toEqual([]);
    // What people call it, where the Postal Service says "New York".
    for (const where of ['NYC', 'new york  city', 'Nueva York, NY']) expect((await run<{ label: string }>(placeLookups(where)[0]))[0]?.label, where).toBe('New York, NY');
    expect((await run<{ label: string }>(placeLookups('Nueva Orleans')[0]))[0]?.label).toBe('New Orleans, LA');
    // A state after the town by its name in the page's language, or by another it goes by (a walkthrough: "El Paso, Tejas").
    const spanish = STATE_CODES.map((code) => ({ NY: 'Nueva York', PA: 'Pensilvania' })[code] ?? '');
    for (const [where, label] of [['Buffalo, Nueva York', 'Buffalo, NY'], ['erie pensilvania', 'Erie, PA'], ['El Paso, Tejas', 'El Paso, TX']]) {
      expect((await run<{ label: string }>(placeLookups(where, spanish)[0]))[0]?.label, where).toBe(label);
    }
    // Manhattan, NY before Manhattan, KS (which has more ZIP codes), the other Manhattans offered beside it.
    expect((await run<{ label: string }>(placeLookups('manhattan')[0])).map((r) => r.label).slice(0, 2)).toEqual(['Manhattan, NY', 'Manhattan, KS']);
    const [exact] = placeLookups('Billings MT');
    const plan = (await engine.query<{ explain_value: string }>(`EXPLAIN ${exact.text}`, exact.params)).map((r) => r.explain_value).join('\n');
    expect(plan.replace(/[│\s]/g, '')).toMatch(/READ_PARQUET.*Filters:key>=bANDkey<cANDkeyISNOTNULL/);
  });

  it('suggests places as they are typed, the larger first', async () => {
    const cities = await run<{ value: string }>(placeSuggestionsQuery('st lou')!);
    expect(cities[0].value).toBe('Saint Louis, MO');
    expect((await run<{ value: string }>(placeSuggestionsQuery('Boston, M')!)).map((r) => r.value)).toEqual(['Boston, MA']);
    expect(await run(placeSuggestionsQuery('0210')!)).toContainEqual({ value: '02108', label: 'Boston, MA' });
    expect(placeSuggestionsQuery('b')).toBeNull();
  });

  it('suggests the cities a prefix begins, reading only the keys of its first letter', async () => {
    // What the range relies on: every city's key begins with its place key's first letter.
    const [{ n }] = await run<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM gazetteer
      WHERE kind = 'city' AND NOT starts_with(key, left(${placeKey(raw('city'))}, 1))`);
    expect(n).toBe(0);
    const every = async (prefix: string) => run<{ value: string }>(sql`SELECT g.city || ', ' || g.state AS value FROM gazetteer g
      LEFT JOIN (SELECT city, state, count(*) AS zips FROM gazetteer WHERE kind = 'zip' GROUP BY ALL) z ON z.city = g.city AND z.state = g.state
      WHERE g.kind = 'city' AND starts_with(${placeKey(raw('g.city'))}, ${placeKey(sql`${prefix.replace(/,.*$/, '')}`)})
        AND (${!prefix.includes(',')} OR starts_with(lower(g.city || ', ' || g.state), lower(${prefix})))
      ORDER BY coalesce(z.zips, 0) DESC, g.city, g.state LIMIT 8`);
    for (const prefix of ['bo', 'Bost', 'st lou', 'St. Lou', 'Mt Ver', 'ft w', 'Cañon', 'ÉL P', 'zz', '9 p', 'Boston, M', 'kansas c']) {
      expect((await run<{ value: string }>(placeSuggestionsQuery(prefix)!)).map((r) => r.value), prefix)
        .toEqual((await every(prefix)).map((r) => r.value));
    }
    expect(placeSuggestionsQuery('--')).toBeNull();
    // The letter's bounds reach the Parquet scan of the city rows.
    const typed = placeSuggestionsQuery('St. Lou')!;
    const plan = (await engine.query<{ explain_value: string }>(`EXPLAIN ${typed.text}`, typed.params)).map((r) => r.explain_value).join('\n');
    expect(plan.replace(/[│\s]/g, '')).toMatch(/READ_PARQUET.*Filters:key>=sANDkey<tANDkeyISNOTNULL/);
  });

  it('suggests the ZIPs a prefix begins, reading only the row groups their keys are in', async () => {
    const every = async (prefix: string) => run<{ value: string; label: string }>(sql`SELECT key AS value,
      coalesce(city || ', ' || state, '') AS label FROM gazetteer WHERE kind = 'zip' AND starts_with(key, ${prefix}) ORDER BY key LIMIT 8`);
    for (const prefix of ['00', '02', '021', '0213', '02139', '59301', '99', '995', '99999', '021390']) {
      expect(await run(placeSuggestionsQuery(prefix)!), prefix).toEqual(await every(prefix));
    }
    // The key's bounds reach the Parquet scan, whose row-group statistics then skip the rest.
    const typed = placeSuggestionsQuery('593')!;
    const plan = (await engine.query<{ explain_value: string }>(`EXPLAIN ${typed.text}`, typed.params)).map((r) => r.explain_value).join('\n');
    // The plan's boxes wrap their text: read without them.
    expect(plan.replace(/[│\s]/g, '')).toMatch(/READ_PARQUET.*Filters:key>=59300ANDkey<=59399/);
  });

  it('finds nothing for what is not a place', async () => {
    expect(locationQuery('')).toBeNull();
    expect(await run(locationQuery('Atlantis, ZZ')!)).toEqual([]);
    expect(await run(locationQuery("x' OR 1=1 --, MA")!)).toEqual([]);
  });
});

describe('the national list', () => {
  it('shows the release\'s first page and length, as the tables themselves order and count them', async () => {
    for (const mentalHealthOnly of [false, true]) {
      const national = search({ mentalHealthOnly });
      const page = resultsQuery(national, { limit: 100, offset: 0 });
      expect(page.text).toContain('first_pages');
      const listed = sql`FROM organizations_by_id o LEFT JOIN treatment_centers t ON t.org_id = o.org_id
        WHERE ${mentalHealthOnly} OR t.facility_type IS DISTINCT FROM 'MH'`;
      const expected = await run<{ org_id: string }>(sql`SELECT o.org_id ${listed} ORDER BY lower(o.name), o.org_id LIMIT 100`);
      expect(expected.length).toBeGreaterThan(5);
      expect((await run<{ org_id: string }>(page)).map((r) => r.org_id)).toEqual(expected.map((r) => r.org_id));
      const tail = await run<{ org_id: string }>(resultsQuery(national, { limit: 5, offset: 3 }));
      expect(tail.map((r) => r.org_id)).toEqual(expected.slice(3, 8).map((r) => r.org_id));
      // Painted before the engine starts: the file read in JavaScript gives the engine's rows, value for value.
      for (const slice of [{ limit: 100, offset: 0 }, { limit: 5, offset: 3 }]) {
        const read = resultsQuery(national, slice) as ReadSql & { read: TableRead };
        expect(runTableRead(read.read, await parquetRows(releaseFile('first_pages')))).toEqual(await run(read));
      }
      // Counted by that first page, read before the engine starts too: every row carries the length.
      const [{ n: counted }] = await run<{ n: number }>(sql`SELECT count(*)::INTEGER AS n ${listed}`);
      expect(countQuery(national)).toEqual(resultsQuery(national, { limit: PAGE_SIZE, offset: 0, sort: DEFAULT_SORT.key, desc: DEFAULT_SORT.desc }));
      expect(countOf(await run(countQuery(national)))).toBe(counted);
      const early = runTableRead((countQuery(national) as ReadSql & { read: TableRead }).read, await parquetRows(releaseFile('first_pages')));
      expect(countOf(early)).toBe(counted);
    }
    // Past the stored rows, in another order or with a filter: the tables themselves.
    expect(resultsQuery(search({}), { limit: 100, offset: 100 }).text).not.toContain('first_pages');
    expect(resultsQuery(search({}), { limit: 100, offset: 0, sort: 'city' }).text).not.toContain('first_pages');
    expect(countQuery(search({ types: ['narr_residence'] })).text).not.toContain('first_pages');
  });
});

describe('detail', () => {
  it('lists services with their categories and nearby supports by strength', async () => {
    const services = await servicesOf('SAMHSA_OUT_000001');
    expect(services.find((s) => s.code === 'MD')?.category_name).toBe('Payment/Insurance/Funding Accepted');
    // By category in SAMHSA's order (Service Setting before Payment), not by category code.
    const categories = [...new Set(services.map((s) => s.category_name))];
    const order = await run<{ category_name: string }>(sql`SELECT category_name FROM service_codes GROUP BY ALL ORDER BY min(category_order)`);
    expect(categories).toEqual(order.map((r) => r.category_name).filter((c) => categories.includes(c)));
    expect(categories[0]).toMatch(/^Service Setting/);
    expect(categories.indexOf('Payment/Insurance/Funding Accepted')).toBeGreaterThan(1);
    const network = await run<{ related_org_id: string; strength: number }>(networkQuery('SAMHSA_OUT_000001'));
    expect(network.map((n) => n.related_org_id)).toContain('NARR_00001');
    expect(network.map((n) => n.strength)).toEqual([...network.map((n) => n.strength)].sort((a, b) => b - a));
  });

  it('reads each organization\'s fields of its type with its row, as its type\'s table holds them (a date as its ISO day)', async () => {
    const orgs = await run<{ org_id: string; org_type: OrgType }>(sql`SELECT org_id, org_type FROM organizations_by_id`);
    const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    for (const org of orgs) {
      const columns = TYPE_FIELDS[org.org_type].map(([column]) => column);
      const oracle = await run(sql`SELECT ${raw(columns.join(', '))} FROM ${raw(quoteIdent(TYPE_TABLES[org.org_type]))} WHERE org_id = ${org.org_id}`);
      expect(oracle).toHaveLength(1);
      const fields = typeDetailOf((await run(organizationQuery(org.org_id)))[0]);
      expect(fields, org.org_id).toEqual(Object.fromEntries(columns.map((c) => [c, day(oracle[0][c])])));
    }
    const one = organizationQuery(orgs[0].org_id);
    expect(bindRelations(one.text, one.params, (r) => filesRelation(manifest, r)).text.match(/\.parquet'/g)).toHaveLength(1);
  });

  it('reads each organization\'s rows of the tables split by key as the whole tables hold them', async () => {
    const orgs = await run<{ org_id: string }>(sql`SELECT org_id FROM organizations_by_id`);
    for (const { org_id: id } of orgs) {
      expect(await run(organizationQuery(id)), id).toEqual(await run(sql`SELECT ${raw([...DETAIL_COLUMNS, ...OPENING_COLUMNS].join(', '))} FROM organizations_by_id WHERE org_id = ${id}`));
      expect((await servicesOf(id)).map((r) => r.code).sort(), id)
        .toEqual((await run<{ code: string }>(sql`SELECT code FROM organization_services WHERE org_id = ${id}`)).map((r) => r.code).sort());
      expect((await run(networkQuery(id))).length, id)
        .toBe((await run(sql`SELECT 1 FROM network_relationships WHERE org_id = ${id}`)).length);
    }
  });

  it('opens only the file(s) whose key range holds the key, none when no file does', () => {
    const file = (name: string, org_keys: [number, number]) => ({ path: `t/${name}.parquet`, partition: {}, rows: 1, bytes: 1, sha256: name, org_keys });
    const split = { tables: { t: { partitioned_by: [], rows: 3, columns: [], files: [file('a', [0, 10]), file('b', [10, 20]), file('c', [21, 30])] } } };
    const files = (key: number) => filesRelation(split, new Relation({ table: 't', key }));
    expect(files(5)).toBe("read_parquet(['t/a.parquet'])");
    expect(files(10)).toBe("read_parquet(['t/a.parquet', 't/b.parquet'])"); // an organization whose rows two files share
    expect(files(25)).toBe("read_parquet(['t/c.parquet'])");
    expect(files(35)).toBe('(SELECT * FROM "t" WHERE FALSE)');
    expect(filesRelation(split, keyRelation('t', 'SAMHSA_OUT_000001'))).toMatch(/^read_parquet|WHERE FALSE/);
  });

  it('names each nearby support as its organization\'s row does, with the links in one scan of one file', async () => {
    const links = await run<{ related_org_id: string; name: string; city: string | null; state: string }>(networkQuery('SAMHSA_OUT_000001'));
    expect(links.length).toBeGreaterThan(1);
    const oracle = await run<{ org_id: string; name: string; city: string | null; state: string }>(sql`SELECT org_id, name, city, state FROM organizations_by_id
      WHERE org_id IN (SELECT related_org_id FROM network_relationships WHERE org_id = 'SAMHSA_OUT_000001')`);
    expect(links.map(({ related_org_id: id, name, city, state }) => ({ org_id: id, name, city, state })))
      .toEqual(links.map((l) => oracle.find((o) => o.org_id === l.related_org_id)));
    const q = networkQuery('SAMHSA_OUT_000001');
    expect(bindRelations(q.text, q.params, (r) => filesRelation(manifest, r)).text.match(/\.parquet'/g)).toHaveLength(1);
  });

  type Placed = { org_id: string; latitude: number; longitude: number; program_name: string | null; address_line1: string | null };
  it('places the nearby supports, with their programs and streets, from the copy the engine keeps in memory, and from their states\' files until it holds them', async () => {
    const links = await run<{ related_org_id: string; state: string }>(networkQuery('SAMHSA_OUT_000001'));
    const q = positionsQuery(links.map((l) => ({ orgId: l.related_org_id, state: l.state })))!;
    const oracle = await run<Placed>(sql`SELECT org_id, latitude, longitude, program_name, address_line1 FROM organizations_by_id
      WHERE org_id IN (SELECT related_org_id FROM network_relationships WHERE org_id = 'SAMHSA_OUT_000001')`);
    const shown = (r: Placed) => [r.latitude, r.longitude, r.program_name, r.address_line1];
    const expected = links.map((l) => [l.related_org_id, ...shown(oracle.find((p) => p.org_id === l.related_org_id)!)]);
    expect(oracle.some((r) => r.address_line1)).toBe(true);
    // Held: point lookups in the copy. Not yet: its state's file of organizations, never a whole table.
    expect(bindRelations(q.text, q.params, (r) => filesRelation(manifest, r, () => true)).text).toContain(keptName(SEARCH_ROWS));
    const unheld = bindRelations(q.text, q.params, (r) => filesRelation(manifest, r)).text;
    expect(unheld).not.toContain(keptName(SEARCH_ROWS));
    expect(unheld).not.toMatch(/"organizations(_by_id)?"/);
    const read = [...new Set(unheld.match(/organizations\/state=\w+/g))].sort();
    expect(read).toEqual([...new Set(links.map((l) => `organizations/state=${l.state}`))].sort());
    // Held for its state alone (a copy of the states searched), a lookup reads the copy.
    const ma = links.find((l) => l.state === 'MA')!;
    const one = positionsQuery([{ orgId: ma.related_org_id, state: 'MA' }])!;
    expect(bindRelations(one.text, one.params, (r) => filesRelation(manifest, r, (_, states) => states?.join() === 'MA')).text).toContain(keptName(SEARCH_ROWS));
    // Without a state: by its key, in its file of organizations_by_id.
    const byKey = positionsQuery([{ orgId: ma.related_org_id, state: null }])!;
    expect(bindRelations(byKey.text, byKey.params, (r) => filesRelation(manifest, r)).text).toMatch(/organizations_by_id\/[^']*\.parquet/);
    for (const on of [engine, files]) {
      const positions = await on.query<Placed>(q.text, q.params);
      expect(withRelated(links, positions).map((r) => [r.related_org_id, ...shown(r)])).toEqual(expected);
    }
    expect(positionsQuery([])).toBeNull();
  });
});

describe('export', () => {
  let named: ServiceCategory[];
  beforeAll(async () => { named = await categories(); });

  it('lists the results in the table\'s order with distances to a tenth, the website and services by name, a column for each category', async () => {
    const s = search({ radius: 5 }, BOSTON);
    const rows = await run<Record<string, string | number | null>>(exportQuery(s, {}, named));
    expect(rows.map((r) => r.org_id)).toEqual(await ids(s));
    const exact = await run<{ distance_miles: number; program_name: string | null }>(resultsQuery(s, {}));
    expect(rows.map((r) => r.program_name)).toEqual(exact.map((r) => r.program_name));
    rows.forEach((r, i) => expect(r.distance_miles).toBe(Math.round(exact[i].distance_miles * 10) / 10));
    expect(rows.some((r) => Number(r.distance_miles) !== exact[rows.indexOf(r)].distance_miles)).toBe(true);
    // Each category's services in its own column, by name, as the details group them.
    expect(named.length).toBeGreaterThan(5);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(named.map((c) => c.name)));
    expect(Object.keys(rows[0])).not.toContain('services');
    const outpatient = rows.find((r) => r.org_id === 'SAMHSA_OUT_000001')!;
    const offered = await servicesOf('SAMHSA_OUT_000001');
    for (const { name } of named) {
      const inCategory = offered.filter((c) => c.category_name === name).map((c) => c.name).sort();
      expect(outpatient[name] === null ? [] : String(outpatient[name]).split('; '), name).toEqual(inCategory);
    }
    expect(offered.length).toBeGreaterThan(5);
    expect(rows.some((r) => typeof r.website === 'string' && r.website.startsWith('http'))).toBe(true);
    // The rest of the organization's row: its suite, county and level of care (a county analyst found none).
    const own = await run<{ org_id: string; address_line2: string | null; county: string | null; level_of_care: string | null }>(
      sql`SELECT o.org_id, o.address_line2, o.county, w.level_of_care FROM organizations o JOIN organizations_by_id w USING (org_id)`);
    const byId = new Map(own.map((r) => [r.org_id, r]));
    for (const r of rows) for (const column of ['address_line2', 'county', 'level_of_care'] as const) expect(r[column], `${r.org_id} ${column}`).toBe(byId.get(String(r.org_id))![column]);
    expect(rows.some((r) => r.level_of_care)).toBe(true);
    // Positions to six decimals, not a float's noise.
    const placed = await run<{ latitude: number | null; longitude: number | null }>(exportQuery(search({}), {}, named));
    for (const r of placed) for (const v of [r.latitude, r.longitude]) if (v !== null) expect(String(v)).toMatch(/^-?\d+(\.\d{1,6})?$/);
    // A search with text reads a copy without websites (text-match.ts): the download still has them.
    const found = await run<{ org_id: string; website: string | null }>(exportQuery(search({ text: 'boston' }), {}, named));
    expect(found.map((r) => r.org_id)).toEqual(await ids(search({ text: 'boston' })));
    const sites = await run<{ org_id: string; website: string | null }>(sql`SELECT org_id, website FROM organizations_by_id`);
    expect(found.map((r) => r.website)).toEqual(found.map((r) => sites.find((o) => o.org_id === r.org_id)!.website));
    expect(found.some((r) => r.website)).toBe(true);
    // In every order the list offers, the list's rows.
    for (const sort of ['name', 'city', 'type', 'distance'] as const) {
      const sorted = await run<{ org_id: string }>(exportQuery(s, { sort, desc: true }, named));
      expect(sorted.map((r) => r.org_id), sort).toEqual((await run<{ org_id: string }>(resultsQuery(s, { sort, desc: true }))).map((r) => r.org_id));
    }
  });

  it('marks each generated listing first, when asked (a release holding any)', async () => {
    const s = search({ radius: 5 }, BOSTON);
    const marked = await run<Record<string, unknown>>(exportQuery(s, {}, named, true));
    const plain = await run<Record<string, unknown>>(exportQuery(s, {}, named));
    expect(Object.keys(marked[0])[0]).toBe('generated_sample');
    expect(Object.keys(plain[0])).not.toContain('generated_sample');
    const byId = await run<{ org_id: string; generated: boolean }>(sql`SELECT org_id, generated FROM organizations_by_id`);
    expect(marked.map((r) => r.generated_sample)).toEqual(marked.map((r) => byId.find((o) => o.org_id === r.org_id)!.generated));
    // The fixtures are real listings (false here); the sample's download is all true (e2e/export.spec.ts).
    expect(marked.every((r) => r.generated_sample === false)).toBe(true);
  });

  it('heads the services\' columns with the release\'s categories in its order, and reads no services with none', async () => {
    // A name two codes share ("In-network prescribing entity": opioid medications, and alcohol's)
    // was listed twice in one cell (a person test): each is in its category's column now.
    const codes = await run<{ category_name: string; category_order: number }>(sql`SELECT category_name, category_order FROM service_codes`);
    const order = [...new Set(codes.sort((a, b) => a.category_order - b.category_order).map((c) => c.category_name))];
    expect(named.map((c) => c.name)).toEqual(order);
    expect(exportQuery(search({}), {}, []).text).not.toContain('organization_services');
    expect(Object.keys((await run(exportQuery(search({ radius: 5 }, BOSTON), {}, [])))[0])).not.toContain(named[0].name);
  });
});


// dedupe.sql's blocked joins against the rule they stand for, applied the slow way: every
// record against every better-ranked one, on records whose keys are present, absent or shared
// in every combination (few values each, so most records have many near-twins).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, rows, runFile, type Db } from '../build/db.ts';
import { seededRandom } from '../build/seeded-random.ts';

interface Located {
  rid: number; rejection: string | null; nkey: string | null; state: string; zip: string | null; ckey: string | null;
  skey: string | null; suite_key: string | null; program_key: string | null; phone_key: string | null;
  level_of_care: string | null; services: string[];
}

function records(count: number): Located[] {
  const next = seededRandom(15);
  const pick = <T,>(values: T[]) => values[Math.floor(next() * values.length)];
  return Array.from({ length: count }, (_, i) => ({
    rid: i + 1,
    rejection: next() < 0.03 ? 'rejected' : null,
    nkey: pick(['harbor', 'harbor', 'harbor', 'akeela', null]),
    state: pick(['AK', 'AK', 'AL']),
    zip: pick(['99501', '99501', '99502', null]),
    ckey: pick(['anchorage', 'anchorage', 'juneau', null]),
    skey: pick(['1 main st', '1 main st', '2 elm st', null]),
    suite_key: pick([null, null, 'ste 210']),
    program_key: pick([null, null, 'outpatient services']),
    phone_key: pick(['(907) 555-0110', '(907) 555-0110', '(907) 555-0120', null]),
    level_of_care: pick(['outpatient', 'outpatient', 'residential', null]),
    services: pick([[], ['OP'], ['OP', 'SA'], ['OP', 'SA']]),
  }));
}

/** The rule (README, "Duplicates"), record by record; then each chain followed to its end. */
function theSlowWay(all: Located[]): { dupOf: Map<number, number>; survivors: Map<number, number> } {
  const same = (a: string | null, b: string | null) => a === b;
  const equal = (a: string | null, b: string | null) => a !== null && a === b;
  const services = (r: Located) => (r.services.length ? [...new Set(r.services)].sort().join(' ') : null);
  const matches = (a: Located, b: Located) => b.rid < a.rid && !a.rejection && !b.rejection
    && equal(a.nkey, b.nkey) && a.state === b.state
    && (equal(a.zip, b.zip) || ((a.zip === null || b.zip === null) && equal(a.ckey, b.ckey)))
    && (a.skey === null || b.skey === null || a.skey === b.skey)
    && same(a.suite_key, b.suite_key) && same(a.program_key, b.program_key)
    && (a.phone_key === null || a.phone_key === b.phone_key)
    && (a.level_of_care === null || a.level_of_care === b.level_of_care)
    && (services(a) === null || services(a) === services(b));
  const dupOf = new Map<number, number>();
  for (const a of all) {
    const better = all.find((b) => matches(a, b)); // in rid order: the best-ranked match
    if (better) dupOf.set(a.rid, better.rid);
  }
  const survivors = new Map<number, number>();
  for (const [rid, target] of dupOf) {
    let end = target;
    while (dupOf.has(end)) end = dupOf.get(end)!;
    survivors.set(rid, end);
  }
  return { dupOf, survivors };
}

const located = records(1500);
let db: Db;
beforeAll(async () => {
  db = await openDb();
  await db.run(`CREATE TABLE located AS SELECT 0 AS file_order, rid AS src_index, *
    FROM (SELECT unnest(from_json($json, '[{"rid":"INTEGER","rejection":"VARCHAR","nkey":"VARCHAR","state":"VARCHAR",
      "zip":"VARCHAR","ckey":"VARCHAR","skey":"VARCHAR","suite_key":"VARCHAR","program_key":"VARCHAR",
      "phone_key":"VARCHAR","level_of_care":"VARCHAR"}]'), recursive := true))`, { json: JSON.stringify(located) });
  await db.run(`CREATE TABLE claimed_codes AS SELECT 0 AS file_order, rid AS src_index, unnest(services) AS code
    FROM (SELECT unnest(from_json($json, '[{"rid":"INTEGER","services":["VARCHAR"]}]'), recursive := true))`,
  { json: JSON.stringify(located) });
  await runFile(db, 'dedupe.sql');
});
afterAll(() => db.closeSync());

describe('duplicates', () => {
  it('are the records the rule matches with a better-ranked one, each merged into its chain\'s end', async () => {
    const { dupOf, survivors: expected } = theSlowWay(located);
    const actual = await rows<{ rid: number; survivor_rid: number }>(db, 'SELECT rid, survivor_rid FROM survivor_of ORDER BY rid');
    expect(expected.size).toBeGreaterThan(300);
    expect([...dupOf].filter(([rid, better]) => expected.get(rid) !== better).length).toBeGreaterThan(10); // chains
    expect(actual).toEqual([...expected].sort(([a], [b]) => a - b).map(([rid, survivor_rid]) => ({ rid, survivor_rid })));
  });

  it('are found through every way a ZIP or a street can be absent', () => {
    const byRid = new Map(located.map((r) => [r.rid, r]));
    const ways = new Set([...theSlowWay(located).dupOf].map(([rid, better]) => {
      const [a, b] = [byRid.get(rid)!, byRid.get(better)!];
      return `${a.zip === null ? 'a' : b.zip === null ? 'b' : '-'} zip, ${a.skey === null ? 'a' : b.skey === null ? 'b' : '-'} street`;
    }));
    expect([...ways].sort()).toEqual(['- zip, - street', '- zip, a street', '- zip, b street', 'a zip, - street',
      'a zip, a street', 'a zip, b street', 'b zip, - street', 'b zip, a street', 'b zip, b street']);
  });

  it('leave only survivor_of and the services compared behind', async () => {
    expect(await rows(db, `SELECT table_name FROM duckdb_tables() ORDER BY table_name`)).toEqual([
      { table_name: 'claimed' }, { table_name: 'claimed_codes' }, { table_name: 'located' }, { table_name: 'survivor_of' },
    ]);
  });
});

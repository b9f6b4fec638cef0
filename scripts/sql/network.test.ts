// network.sql's grid passes against the definition they stand for, computed the slow way:
// every pair, the 3 nearest of each kind within 25.1 flat-earth miles (ties by org_id),
// kept if the great circle says 25 miles or less.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG_TYPES } from '../../app/release/org-types.ts';
import { openDb, rows, runFile, sqlFile, type Db } from '../build/db.ts';
import { seededRandom } from '../build/seeded-random.ts';

/**
 * The network's flat earth: miles a degree of latitude, as network.sql writes it (SQL cannot
 * import a constant; the last test holds the file to it). Not the search's sphere (app/release/geo.ts).
 */
const MILES_PER_DEGREE = 69.17;

interface Org { org_id: string; org_type: string; level_of_care: string | null; latitude: number; longitude: number }

const LEVELS = ['outpatient', 'residential', 'inpatient'];

/**
 * Organizations where the passes differ: a city packed with treatment centers (settled in the
 * first passes), scattered towns (settled in the wide ones), residences and centers too few
 * to be near most origins (the widest pass, from their side), in Alaska and south of the
 * equator (American Samoa); then, alone, one treatment center with others stacked on its
 * point (ties) and one with others about 25 flat-earth miles north and east.
 */
function organizations(): Org[] {
  const next = seededRandom(15);
  const orgs: Org[] = [];
  const add = (org_id: string, org_type: string, latitude: number, longitude: number, level?: string) => orgs.push({
    org_id, org_type, latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6,
    level_of_care: org_type === 'treatment_center' ? level ?? LEVELS[Math.floor(next() * 3)] : null,
  });
  const scatter = (count: number, lat: number, lon: number, dLat: number, dLon: number) => {
    for (let k = 0; k < count; k++) {
      const type = next() < 0.9 ? ORG_TYPES[0] : ORG_TYPES[1 + Math.floor(next() * 3)];
      add(`ORG_${String(orgs.length).padStart(5, '0')}`, type, lat + next() * dLat, lon + next() * dLon);
    }
  };
  scatter(1000, 42.34, -71.085, 0.04, 0.05);
  scatter(400, 41, -73.5, 2, 3);
  scatter(200, 61, -150, 4, 3);
  scatter(100, -14.35, -170.8, 0.2, 0.3);
  add('STACK_TC', 'treatment_center', 39.5, -105, 'outpatient');
  for (const k of [5, 3, 1, 4, 2]) add(`STACK_NARR_${k}`, 'narr_residence', 39.5, -105);
  add('EDGE_TC', 'treatment_center', 35, -90, 'outpatient');
  for (const miles of [24.99, 25.02, 25.08, 25.12]) add(`EDGE_RCC_${miles}`, 'recovery_center', 35 + miles / MILES_PER_DEGREE, -90);
  for (const miles of [24.9, 25.05, 25.11]) {
    add(`EDGE_NARR_${miles}`, 'narr_residence', 35, -90 + miles / (MILES_PER_DEGREE * Math.cos((35 * Math.PI) / 180)));
  }
  return orgs;
}

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await runFile(db, 'macros.sql');
  await db.run(/CREATE TABLE network_relationships \([\s\S]*?\n\);/.exec(sqlFile('schema.sql'))![0]);
  await db.run(`CREATE TABLE orgs AS SELECT unnest(from_json($json,
    '[{"org_id":"VARCHAR","org_type":"VARCHAR","level_of_care":"VARCHAR","latitude":"DOUBLE","longitude":"DOUBLE"}]'),
    recursive := true)`, { json: JSON.stringify(organizations()) });
  await db.run(`CREATE TABLE organizations AS SELECT org_id, org_type, latitude, longitude FROM orgs
    UNION ALL SELECT 'ORG_UNLOCATED', 'narr_residence', NULL, NULL`);
  await db.run(`CREATE TABLE treatment_centers AS SELECT org_id, level_of_care FROM orgs WHERE level_of_care IS NOT NULL`);
  await runFile(db, 'network.sql');
});
afterAll(() => db.closeSync());

const EVERY_PAIR = `
  WITH pairs AS (
    SELECT a.org_id, f.relationship, f.related_type, f.fit, a.latitude AS lat1, a.longitude AS lon1,
      {related_org_id: b.org_id, lat2: b.latitude, lon2: b.longitude} AS b,
      pow((b.latitude - a.latitude) * ${MILES_PER_DEGREE}, 2) + pow((b.longitude - a.longitude) * ${MILES_PER_DEGREE} * cos(radians(a.latitude)), 2) AS d2
    FROM orgs a JOIN fits f ON CAST(f.org_type AS VARCHAR) = a.org_type AND (f.level_of_care IS NULL OR f.level_of_care = a.level_of_care)
    JOIN orgs b ON b.org_type = CAST(f.related_type AS VARCHAR)
    WHERE b.org_id <> a.org_id AND d2 <= 25.1 * 25.1
      AND NOT (a.org_type = 'treatment_center' AND b.org_type = 'treatment_center' AND a.level_of_care = b.level_of_care)
  ), nearest AS (
    SELECT org_id, relationship, related_type, fit, lat1, lon1, unnest(min_by(b, (d2, b.related_org_id), 3)) AS b
    FROM pairs GROUP BY ALL
  ), measured AS (
    SELECT *, b.related_org_id, haversine_miles(lat1, lon1, b.lat2, b.lon2) AS miles FROM nearest
  )
  SELECT org_id, related_org_id, relationship, related_type::VARCHAR AS related_type,
    CAST(round(miles, 2) AS FLOAT) AS distance_miles,
    CAST(round(3 + 1.3 * miles / 35 * 60) AS SMALLINT) AS travel_minutes,
    CAST(round(0.6 * (1 - miles / 25) + 0.4 * fit, 3) AS FLOAT) AS strength
  FROM measured WHERE miles <= 25`;

describe('network relationships', () => {
  it('are exactly the nearest 3 of each kind that every pair compared gives', async () => {
    const order = 'ORDER BY org_id, related_org_id';
    const expected = await rows(db, `${EVERY_PAIR} ${order}`);
    const actual = await rows(db, `SELECT * FROM network_relationships ${order}`);
    expect(expected.length).toBeGreaterThan(10_000);
    expect(actual).toEqual(expected);
  });

  it('come from organizations packed closer than the first pass and spread further than the last but one', async () => {
    // The third nearest of a kind: within 0.1 mile a kind settles in the first pass, past
    // 12.55 miles only in the widest (the passes themselves are gone with their tables).
    const [span] = await rows<{ nearest: number; furthest: number; kinds: number }>(db, `
      SELECT min(third) AS nearest, max(third) AS furthest, count(*) AS kinds FROM (
        SELECT org_id, related_type, max(distance_miles) AS third FROM network_relationships GROUP BY ALL HAVING count(*) = 3)`);
    expect(span.nearest).toBeLessThan(0.098);
    expect(span.furthest).toBeGreaterThan(12.55);
    expect(await rows(db, `SELECT table_name FROM duckdb_tables() WHERE table_name NOT IN ('orgs', 'organizations', 'treatment_centers', 'network_relationships', 'fits')`)).toEqual([]);
  });

  it('break ties by org_id', async () => {
    expect(await rows(db, `SELECT related_org_id, distance_miles FROM network_relationships
      WHERE org_id = 'STACK_TC' ORDER BY strength DESC, related_org_id`)).toEqual([
      { related_org_id: 'STACK_NARR_1', distance_miles: 0 },
      { related_org_id: 'STACK_NARR_2', distance_miles: 0 },
      { related_org_id: 'STACK_NARR_3', distance_miles: 0 },
    ]);
  });

  it('rank by flat-earth miles up to 25.1 and keep 25 great-circle miles or less', async () => {
    const edge = await rows<{ related_org_id: string; distance_miles: number }>(db, `
      SELECT related_org_id, round(distance_miles::DOUBLE, 2) AS distance_miles FROM network_relationships
      WHERE org_id = 'EDGE_TC' ORDER BY distance_miles`);
    // North, the great circle is 0.11% shorter than the flat earth's 69.17 miles a degree:
    // 25.08 flat is 25.05 and dropped; 25.12 flat is beyond the margin and never ranked.
    expect(edge).toEqual([
      { related_org_id: 'EDGE_NARR_24.9', distance_miles: 24.87 },
      { related_org_id: 'EDGE_RCC_24.99', distance_miles: 24.96 },
      { related_org_id: 'EDGE_RCC_25.02', distance_miles: 24.99 },
    ]);
  });

  it('measure with one flat-earth figure for miles a degree, the one this file uses', () => {
    const network = readFileSync('scripts/sql/network.sql', 'utf8').replace(/--[^\n]*/g, '');
    const perDegree = [...network.matchAll(/\b6\d\.\d+\b/g)].map((m) => Number(m[0]));
    expect(perDegree.length).toBeGreaterThan(4);
    expect(new Set(perDegree)).toEqual(new Set([MILES_PER_DEGREE]));
  });
});

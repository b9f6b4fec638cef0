// views.sql's aggregates are published, so the same rows must give the same bytes whatever
// order DuckDB's threads reach them in.
import { describe, expect, it } from 'vitest';
import { openDb, rows, sqlFile } from '../build/db.ts';

/** mv_treatment_capacity over treatment centers of one state and level with these quality scores, scanned in their order. */
async function averageQuality(scores: number[]): Promise<number> {
  const db = await openDb();
  try {
    await db.run('SET threads = 1'); // one thread scans in insertion order: the order is the test's
    await db.run(`CREATE TABLE treatment_centers (state VARCHAR, level_of_care VARCHAR, outpatient_capacity INTEGER,
      residential_capacity INTEGER, inpatient_capacity INTEGER, current_census INTEGER, quality_score DOUBLE,
      accepts_medicaid BOOLEAN, medication_assisted_treatment BOOLEAN)`);
    for (const score of scores) {
      await db.run(`INSERT INTO treatment_centers VALUES ('CA', 'outpatient', 10, NULL, NULL, NULL, $1, true, false)`, [score]);
    }
    await db.run(/CREATE OR REPLACE TEMP TABLE mv_treatment_capacity AS[\s\S]*?;/.exec(sqlFile('views.sql'))![0]);
    const [{ avg_quality_score }] = await rows<{ avg_quality_score: number }>(db, 'SELECT avg_quality_score FROM mv_treatment_capacity');
    return avg_quality_score;
  } finally {
    db.closeSync();
  }
}

describe('mv_treatment_capacity', () => {
  it('averages quality scores to the same value in any order (summed as doubles, 2.475 came out 2.47 or 2.48)', async () => {
    const scores = [1.5, 3.3, 4.9, 0.2];
    expect(await averageQuality(scores)).toBe(2.48);
    expect(await averageQuality([...scores].reverse())).toBe(2.48);
  });
});

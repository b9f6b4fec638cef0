// sources → normalize → resolve → populate → publish, as one function the CLI, the
// benchmark and the tests share.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Extent, type Manifest } from '../../app/release/manifest.ts';
import { literal } from '../../app/release/sql-text.ts';
import { FIRST_PAGE_ROWS } from '../../app/release/tables.ts';
import { openDb, rows, runFile, type Db } from './db.ts';
import { prepareDatabase } from './reference.ts';
import { describeChecks } from './zip-crosscheck.ts';
import { loadSources, SOURCE_FILES, type OrgType, type SourceInfo } from './sources.ts';
import { totalBytes, writeHashed, writeTables } from './publish.ts';
import { publishInto } from './release-folder.ts';
import { releaseFolder } from './out-dir.ts';
import { countFates, mergeEvidence, writeDetails, type FileCounts } from './report.ts';
import { checkReferences } from './integrity.ts';

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  /**
   * DuckDB's memory limit once the sources are read (`3GB`); past it, temporary tables spill to
   * the staging folder. Reading a source file needs about 8× its size whatever the limit (one
   * JSON value, then its records), hence after. DuckDB's own default: 80% of the machine.
   */
  memoryLimit?: string;
  log?: (line: string) => void;
}

export interface BuildResult {
  manifest: Manifest;
  fates: FileCounts[];
  seconds: number;
}


export async function buildRelease({ sourcesDir, outDir: out, memoryLimit, log = () => {} }: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const step = (what: string) => log(`  ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);
  const outDir = releaseFolder(out, sourcesDir);
  return publishInto(outDir, async (releaseDir, scratchDir) => {
    const db = await openDb(scratchDir);
    try {
      const zipChecks = await prepareDatabase(db);
      step(`reference tables loaded (states, service codes, gazetteer: ${describeChecks(zipChecks)})`);
      const { sources, notProvided } = await loadSources(db, sourcesDir);
      step(`read ${sources.reduce((s, f) => s + f.records, 0).toLocaleString('en-US')} source records`);
      if (memoryLimit) await db.run(`SET memory_limit = ${literal(memoryLimit)}`);
      for (const file of ['bidi.sql', 'stage.sql', 'resolve.sql', 'merges.sql', 'populate.sql', 'warnings.sql']) await runFile(db, file);
      step('normalized, located, deduplicated and loaded');
      await runFile(db, 'network.sql');
      await db.run(`SET VARIABLE first_page_rows = ${FIRST_PAGE_ROWS}`);
      await runFile(db, 'views.sql');
      step('network relationships and aggregates computed');
      const fates = await countFates(db, sources);
      const integrity = await checkReferences(db);
      const tables = await writeTables(db, releaseDir);
      const details = await writeDetails(db, releaseDir);
      step('Parquet written');

      const manifest: Manifest = {
        schema_version: SCHEMA_VERSION,
        built_at: new Date().toISOString(),
        data_date: dataDate(sources),
        // Only the generator marks its files synthetic; real extracts never carry the key.
        synthetic: sources.every((s) => s.synthetic),
        generated_records: (await rows<{ n: number }>(db, 'SELECT count(*) AS n FROM organizations WHERE generated'))[0].n,
        org_type_counts: await orgTypeCounts(db),
        engine: (await rows<{ v: string }>(db, 'SELECT version() AS v'))[0].v,
        sources: sources.map(({ header, ...s }) => ({ ...s, extraction_date: header.extraction_date ?? null })),
        not_provided: notProvided,
        counts: fates,
        reports: { report: '', ...details },
        tables,
        state_extents: Object.fromEntries((await rows<Extent & { state: string }>(db,
          'SELECT state, min_lat, max_lat, min_lon, max_lon FROM mv_state_extents ORDER BY state'))
          .map(({ state, ...extent }) => [state, extent])),
        total_bytes: totalBytes(tables),
      };
      manifest.reports.report = writeHashed(releaseDir, 'build-report', 'json', JSON.stringify({
        counts: fates,
        not_provided: notProvided,
        merges: await mergeEvidence(db),
        header_mismatches: sources.flatMap((s) => s.header_mismatches.map((m) => ({ file: s.file, ...m }))),
        warnings_by_field: await rows(db, 'SELECT field, count(*) AS n FROM warnings GROUP BY field ORDER BY n DESC, field'),
        rejects_by_reason: await rows(db, `SELECT rejection.field AS field, regexp_replace(rejection.reason, '"[^"]*"', '"…"', 'g') AS reason,
          count(*) AS n FROM resolved WHERE status = 'rejected' GROUP BY ALL ORDER BY n DESC, reason, field`),
        geo_precision: await rows(db, 'SELECT geo_precision, count(*) AS n FROM organizations GROUP BY ALL ORDER BY geo_precision'),
        gazetteer_checks: zipChecks,
        referential_integrity: integrity,
      }, null, 2));
      writeFileSync(join(releaseDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      step(`release complete: ${(manifest.total_bytes / 1e6).toFixed(2)} MB of Parquet`);
      return { manifest, fates, seconds: (performance.now() - started) / 1000 };
    } finally {
      db.closeSync();
    }
  }, log);
}

/**
 * The data's own date: the latest extraction date among the real sources, so a generated
 * file's newer header never dates real listings; among all sources when every one is generated.
 */
function dataDate(sources: SourceInfo[]): string | null {
  const real = sources.filter((s) => !s.synthetic);
  const dates = (real.length ? real : sources).map((s) => String(s.header.extraction_date ?? ''))
    .filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
  return dates.length ? dates.sort().at(-1)!.slice(0, 10) : null;
}

async function orgTypeCounts(db: Db): Promise<Record<OrgType, number>> {
  const counted = await rows<{ org_type: OrgType; n: number }>(db, 'SELECT org_type, count(*) AS n FROM organizations GROUP BY org_type');
  return Object.fromEntries(SOURCE_FILES.map(({ orgType }) =>
    [orgType, counted.find((c) => c.org_type === orgType)?.n ?? 0])) as Record<OrgType, number>;
}

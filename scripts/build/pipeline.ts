// sources → normalize → resolve → populate → publish, as one function the CLI, the
// benchmark and the tests share.
import { existsSync, statSync, writeFileSync } from 'node:fs';
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
import { checkKeys, checkLinkNames, checkOpenings, checkReferences } from './integrity.ts';

export interface BuildOptions {
  sourcesDir: string;
  outDir: string;
  /**
   * DuckDB's memory limit (`3GB`); past it, temporary tables spill to the staging folder.
   * Default: defaultMemoryLimit(the sources' bytes).
   */
  memoryLimit?: string;
  log?: (line: string) => void;
}

// The SQL files in the order they run, each with what it did (the step lines bench:build times).
const STEPS = [
  ['bidi.sql', 'bidirectional controls removed'],
  ['stage.sql', 'normalized'],
  ['locate.sql', 'located'],
  ['dedupe.sql', 'deduplicated'],
  ['resolve.sql', 'ids and fates given'],
  ['merges.sql', 'merges explained'],
  ['populate.sql', 'published tables loaded'],
  ['warnings.sql', 'warnings listed'],
] as const;

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
      await db.run(`SET memory_limit = ${literal(memoryLimit ?? defaultMemoryLimit(sourceBytes(sourcesDir)))}`);
      // DuckDB's allocator keeps up to 128 MB per thread and 512 MB after a bulk free for reuse,
      // outside the memory limit: at ×10 the process held 1.25–1.5 GB against a 1 GB limit.
      // Returned sooner (and by a background thread), the same steps peaked 80–230 MB lower.
      await db.run(`SET allocator_flush_threshold = '32MB'; SET allocator_bulk_deallocation_flush_threshold = '32MB';
        SET allocator_background_threads = true`);
      const zipChecks = await prepareDatabase(db);
      step(`reference tables loaded (states, service codes, gazetteer: ${describeChecks(zipChecks)})`);
      const { sources, notProvided } = await loadSources(db, sourcesDir, scratchDir);
      step(`read ${sources.reduce((s, f) => s + f.records, 0).toLocaleString('en-US')} source records`);
      for (const [file, what] of STEPS) {
        await runFile(db, file);
        step(what);
      }
      await runFile(db, 'network.sql');
      step('network relationships computed');
      await db.run(`SET VARIABLE first_page_rows = ${FIRST_PAGE_ROWS}`);
      await runFile(db, 'views.sql');
      step('aggregates computed');
      const fates = await countFates(db, sources);
      const integrity = await checkReferences(db);
      await checkKeys(db);
      step('counts reconciled and references checked');
      const tables = await writeTables(db, releaseDir, log);
      step('tables written');
      await checkOpenings(db, tables.organizations_by_id.files.map((f) => join(releaseDir, f.path)));
      await checkLinkNames(db, tables.network_relationships.files.map((f) => join(releaseDir, f.path)));
      step('openings and link names checked against the written files');
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
          count(*) AS n FROM fates WHERE status = 'rejected' GROUP BY ALL ORDER BY n DESC, reason, field`),
        geo_precision: await rows(db, 'SELECT geo_precision, count(*) AS n FROM organizations GROUP BY ALL ORDER BY geo_precision'),
        // How many counties the files gave, how many were taken from where each organization is placed, and how many are unknown.
        county_source: await rows(db, `SELECT coalesce(county_source, 'none') AS county_source, count(*) AS n FROM organizations GROUP BY ALL ORDER BY 1`),
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
 * DuckDB's own default is 80% of the machine, and it took it: 7 GB at ×10 before the sources
 * were streamed. One and a half times the sources' size, between 1 and 4 GB: ×1 (55 MB of
 * sources) needs about 1 GB of working memory, and so does ×10 (0.54 GB) since Parquet is
 * written on one thread (publish.ts; with the order-keeping writer ×10 needed 2.2 GB, peak RSS
 * 2.6 GB); ×100 (5.4 GB) spills past 4 GB.
 */
export function defaultMemoryLimit(sourceBytes: number): string {
  return `${Math.round(Math.min(4, Math.max(1, (1.5 * sourceBytes) / 2 ** 30)) * 10) / 10}GiB`;
}

function sourceBytes(dir: string): number {
  return SOURCE_FILES.reduce((sum, { file }) => sum + (existsSync(join(dir, file)) ? statSync(join(dir, file)).size : 0), 0);
}

/**
 * The data's own date: the latest extraction date among the real sources, so a generated
 * file's newer header never dates real listings; among all sources when every one is generated.
 * A day, or a year alone where that is all the source knows ("2022": SAMHSA's yearly directory;
 * "20241101" is neither).
 */
export function dataDate(sources: Pick<SourceInfo, 'synthetic' | 'header'>[]): string | null {
  const real = sources.filter((s) => !s.synthetic);
  const dates = (real.length ? real : sources).map((s) => /^(?:\d{4}-\d{2}-\d{2}|\d{4}$)/.exec(String(s.header.extraction_date ?? ''))?.[0])
    .filter((d) => d !== undefined);
  return dates.length ? dates.sort().at(-1)! : null;
}

async function orgTypeCounts(db: Db): Promise<Record<OrgType, number>> {
  const counted = await rows<{ org_type: OrgType; n: number }>(db, 'SELECT org_type, count(*) AS n FROM organizations GROUP BY org_type');
  return Object.fromEntries(SOURCE_FILES.map(({ orgType }) =>
    [orgType, counted.find((c) => c.org_type === orgType)?.n ?? 0])) as Record<OrgType, number>;
}

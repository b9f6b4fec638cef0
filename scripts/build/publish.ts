// Writing a release: Parquet per table (hive-partitioned where the app filters by the
// partition), every file renamed to its content hash, all into the staging folder that
// release-folder.ts publishes once everything succeeded.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { ManifestFile, ManifestTable } from '../../app/release/manifest.ts';
import { literal } from '../../app/release/sql-text.ts';
import { connectAgain, rows, type Db } from './db.ts';
import { ORG_KEYS, PUBLISHED, TABLES, type TableSpec } from '../../app/release/tables.ts';
import { ORG_KEY } from '../../app/release/org-key.ts';

/** `log` hears of each table as it is written, so a build that fails here says which table it was on. */
export async function writeTables(db: Db, releaseDir: string, log: (line: string) => void = () => {}): Promise<Record<string, ManifestTable>> {
  await db.run('SET threads = 1; SET preserve_insertion_order = false');
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ORG_KEYS.table} AS ${ORG_KEYS.select}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW ${PUBLISHED.view} AS ${PUBLISHED.select}`);
  const other = await connectAgain(db);
  try {
    return await writeEach([db, other], releaseDir, log);
  } finally {
    other.closeSync();
    await db.run(`DROP TABLE ${ORG_KEYS.table}; DROP VIEW ${PUBLISHED.view}; RESET threads; RESET preserve_insertion_order`);
  }
}

/**
 * `dbs`: two connections, so two files are written at once, each on one thread (the machine's
 * two cores): the COPYs of a table's files. The first holds the build's TEMP tables and views;
 * the second reads only its regular tables and the scratch files.
 */
async function writeEach(dbs: Db[], releaseDir: string, log: (line: string) => void): Promise<Record<string, ManifestTable>> {
  const [db] = dbs;
  const out: Record<string, ManifestTable> = {};
  for (const spec of TABLES) {
    const started = performance.now();
    log(`         ${spec.table}…`);
    const rawDir = join(releaseDir, '.raw', spec.table);
    mkdirSync(rawDir, { recursive: true });
    const rowsOf = spec.select ?? `SELECT * FROM ${spec.table}`;
    const select = `${rowsOf} ORDER BY ${spec.order}`;
    // A table with no rows (no source of its type) is still published, as one empty file: the
    // app's views need a file to read the columns from. Its partition columns go where a
    // hive-partitioned read puts them: last, by name (DuckDB 0.9.1 in the browser and 1.5 here alike).
    const [{ n }] = await rows<{ n: number }>(db, `SELECT count(*) AS n FROM ${spec.table}`);
    // Row groups of 8k rows: small enough for the geohash statistics to prune.
    const rowGroupSize = spec.rowGroupSize ?? 8192;
    let written: Written[];
    if (spec.partitionBy && n > 0) written = await writePartitions(dbs, spec.partitionBy, rowsOf, spec.order, rawDir, rowGroupSize);
    else if (spec.rowGroupsPerFile && n > 0) written = await writeByKey(dbs, select, n, spec, rawDir);
    else {
      const query = spec.partitionBy
        ? `SELECT * EXCLUDE (${spec.partitionBy.join(', ')}), ${[...spec.partitionBy].sort().join(', ')} FROM (${select})` : select;
      written = [await copyParquet(db, query, join(rawDir, 'data.parquet'), rowGroupRows(n, rowGroupSize))];
    }
    const files: ManifestFile[] = written.sort((a, b) => (a.path < b.path ? -1 : 1)).map((file) => {
      const parts = relative(rawDir, dirname(file.path)).split(sep).filter(Boolean);
      const content = readFileSync(file.path);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const path = [spec.table, ...parts, `${sha256.slice(0, 16)}.parquet`].join('/');
      mkdirSync(join(releaseDir, dirname(path)), { recursive: true });
      renameSync(file.path, join(releaseDir, path));
      return {
        path,
        partition: Object.fromEntries(parts.map((p) => p.split('=') as [string, string])),
        rows: file.rows,
        bytes: content.length,
        sha256,
        ...(spec.rowGroupsPerFile && file.rows > 0 ? { org_keys: file.keys } : {}),
      };
    });
    // In key order, so the files read as one table keep the rows' order.
    if (spec.rowGroupsPerFile) files.sort((a, b) => (a.org_keys?.[0] ?? 0) - (b.org_keys?.[0] ?? 0));
    if (spec.indexedBy) for (const file of files) file.row_index = await rowIndex(db, join(releaseDir, file.path), spec.indexedBy);
    const columns = await rows<{ name: string; type: string }>(db,
      `SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${rowsOf})`);
    out[spec.table] = {
      partitioned_by: spec.partitionBy ?? [],
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      columns,
      files,
    };
    log(`         ${spec.table}: ${out[spec.table].rows.toLocaleString('en-US')} rows, ${files.length} files, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  rmSync(join(releaseDir, '.raw'), { recursive: true, force: true });
  return out;
}

/** A file a COPY wrote: its rows and, when it has the key column, its first and last key (from the COPY's own statistics). */
interface Written {
  path: string;
  rows: number;
  keys?: [number, number];
}

/**
 * A table sorted on org_key in files of `groups` row groups each, no key in two files: the rows
 * are sorted once into a scratch Parquet file (stageRows), so the key at every `groups` row
 * groups' worth of rows is a file's first key; each file is then a COPY of its key range, which
 * reads only its own stretch of the scratch file (sorted on the key, its statistics skip the
 * rest). COPY's ROW_GROUPS_PER_FILE split the sorted rows out of order on two threads (files'
 * key ranges overlapping) and keeps them only on one.
 */
async function writeByKey(dbs: Db[], select: string, n: number, spec: TableSpec, rawDir: string): Promise<Written[]> {
  const [db] = dbs;
  const [groups, order, rowGroupSize] = [spec.rowGroupsPerFile!, spec.order, spec.rowGroupSize ?? 8192];
  const staged = await stageRows(db, select, rawDir, rowGroupRows(n, rowGroupSize));
  try {
    // A key whose rows run across two files' groups goes to the later file whole.
    const starts = (await rows<{ first: number }>(db, `SELECT DISTINCT ${ORG_KEY} AS first FROM ${staged.withRowNumbers}
      WHERE file_row_number % ${groups * rowGroupRows(n, rowGroupSize)} = 0 ORDER BY first`)).map((g) => g.first);
    return await eachOn(dbs, starts.map((start, i) => async (on: Db) => {
      const range = `${ORG_KEY} >= ${start}${i + 1 < starts.length ? ` AND ${ORG_KEY} < ${starts[i + 1]}` : ''}`;
      const [{ n: inRange }] = await rows<{ n: number }>(on, `SELECT count(*) AS n FROM ${staged.read} WHERE ${range}`);
      return copyParquet(on, `SELECT * FROM ${staged.read} WHERE ${range} ORDER BY ${order}`,
        join(rawDir, `part-${String(i).padStart(5, '0')}.parquet`), rowGroupRows(inRange, rowGroupSize), [], true);
    }));
  } finally {
    rmSync(staged.path, { force: true });
  }
}

/**
 * One COPY per partition, into the folders a hive-partitioned COPY makes (`state=CA/`), each
 * of its own rows sorted. COPY … PARTITION_BY wrote rows in the order its threads reached them:
 * under load 1–2 of 168 files differed between two builds of the same sources. The rows are
 * made once into a scratch file clustered by partition (organizations join treatment centers,
 * the others compute their key), and each COPY sorts only its own: a COPY of the query itself
 * made the join or the keys again for every partition, and read every row of every column to
 * find its own: ×10's Parquet step 44.2 → 35.9 CPU s (×1, treatment centers' 171 files: 1.7 → 1.2).
 */
async function writePartitions(dbs: Db[], columns: string[], rowsOf: string, order: string, rawDir: string, rowGroupSize: number): Promise<Written[]> {
  const [db] = dbs;
  const staged = await stageRows(db, `SELECT * FROM (${rowsOf}) ORDER BY ${columns.join(', ')}`, rawDir, rowGroupSize);
  try {
    const partitions = await rows<Record<string, unknown> & { n: number }>(db,
      `SELECT ${columns.join(', ')}, count(*) AS n FROM ${staged.read} GROUP BY ALL`);
    return await eachOn(dbs, partitions.map((partition) => (on: Db) => {
      const dir = join(rawDir, ...columns.map((c) => `${c}=${partitionValue(partition[c])}`));
      mkdirSync(dir, { recursive: true });
      const where = columns.map((c, i) => `${c} = $${i + 1}`).join(' AND ');
      return copyParquet(on, `SELECT * EXCLUDE (${columns.join(', ')}) FROM ${staged.read} WHERE ${where} ORDER BY ${order}`,
        join(dir, 'data.parquet'), rowGroupRows(partition.n, rowGroupSize), columns.map((c) => partition[c]));
    }));
  } finally {
    rmSync(staged.path, { force: true });
  }
}

/**
 * The rows of the table being written, made once for all its files, as a scratch Parquet file
 * beside its folder (both connections read it), in the query's order: one thread, as
 * copyParquet. A table took the rows into DuckDB's memory, the build's tables' too, and the
 * ×100 build (4 GB limit) then failed to allocate in the Parquet step (issue 15): a file holds
 * them outside it, and each COPY's filter skips the row groups not its own. Snappy: written
 * once and read a few times, not published.
 */
async function stageRows(db: Db, query: string, rawDir: string, rowGroupRows: number) {
  const path = `${rawDir}.staged.parquet`;
  await db.run(`COPY (${query}) TO ${literal(path)} (FORMAT PARQUET, COMPRESSION SNAPPY,
    ROW_GROUP_SIZE ${rowGroupRows}, ROW_GROUP_SIZE_BYTES ${2 ** 40})`);
  return { path, read: `read_parquet(${literal(path)})`, withRowNumbers: `read_parquet(${literal(path)}, file_row_number = true)` };
}

/**
 * Runs the jobs, each connection taking the next as it finishes one. A job that fails stops the
 * others taking more, and the failure is thrown once no COPY is running: the connections
 * close after this.
 */
async function eachOn<T>(dbs: Db[], jobs: ((db: Db) => Promise<T>)[]): Promise<T[]> {
  const done: T[] = [];
  let next = 0;
  const settled = await Promise.allSettled(dbs.map(async (db) => {
    while (next < jobs.length) {
      try {
        done.push(await jobs[next++](db));
      } catch (error) {
        next = jobs.length;
        throw error;
      }
    }
  }));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return done;
}

/**
 * A sorted query to one Parquet file, on the one thread writeTables leaves DuckDB, so rows go
 * in the query's order with no insertion order to keep. The order-keeping writer that several
 * threads need held the batches a fast thread had read until a slow one's were written: at a
 * 1 GB limit on the loaded machine it stopped the ×10 build in four runs of five ("failed to
 * allocate data of size 1.0 MiB"), and that memory does not spill. One thread holds one row
 * group. zstd level 9: level 19 saved 6% of the bytes and cost 4 s more of the build. Row groups
 * close on rows alone (ROW_GROUP_SIZE_BYTES past any row group), as the order-keeping writer's did.
 */
async function copyParquet(db: Db, query: string, path: string, rowGroupRows: number, params: unknown[] = [], withKeys = false): Promise<Written> {
  const copy = `COPY (${query}) TO ${literal(path)} (FORMAT PARQUET, COMPRESSION ZSTD, COMPRESSION_LEVEL 9,
    ROW_GROUP_SIZE ${rowGroupRows}, ROW_GROUP_SIZE_BYTES ${2 ** 40}${withKeys ? ', RETURN_STATS true' : ''})`;
  // Only the files split by key need their keys: every column's statistics, read into JavaScript,
  // were a sixth of a partition file's cost (×1's 171 treatment-center files, one thread: 1.63–1.67 → 1.37–1.46 s of CPU).
  if (!withKeys) return { path, rows: (await rows<{ Count: number }>(db, copy, params))[0].Count };
  const [{ count, column_statistics: stats }] = await rows<{ count: number; column_statistics: { key: string; value: { key: string; value: string }[] }[] }>(db,
    copy, params);
  const key = stats.find((c) => c.key === `"${ORG_KEY}"`)?.value;
  const stat = (name: string) => Number(key?.find((s) => s.key === name)?.value);
  return { path, rows: count, ...(key && count > 0 ? { keys: [stat('min'), stat('max')] as [number, number] } : {}) };
}

/**
 * The file's row groups by `column` (ManifestFile's row_index), from its footer: a group's bytes
 * run from its first column chunk's first page (the dictionary's, when it has one: an offset of
 * 0 is none, as hyparquet reads it) to its last chunk's end, as a reader asks for them.
 */
async function rowIndex(db: Db, path: string, column: string): Promise<NonNullable<ManifestFile['row_index']>> {
  const groups = await rows<{ min: string; max: string; start: bigint; end: bigint }>(db, `
    SELECT any_value(stats_min_value) FILTER (WHERE path_in_schema = $1) AS min, any_value(stats_max_value) FILTER (WHERE path_in_schema = $1) AS max,
      min(coalesce(nullif(dictionary_page_offset, 0), data_page_offset)) AS start,
      max(coalesce(nullif(dictionary_page_offset, 0), data_page_offset) + total_compressed_size) AS end
    FROM parquet_metadata(${literal(path)}) GROUP BY row_group_id ORDER BY row_group_id`, [column]);
  return { column, groups: groups.map((g) => [g.min, g.max, Number(g.start), Number(g.end)]) };
}

/**
 * Rows per row group for a file of `rows`: `size`, except that a file of less than one vector
 * (2,048 rows) past it is one row group, as the order-keeping writer left it (it kept a batch
 * within a vector of the size whole). The same layout, so the same bytes, as releases built
 * before: every file of the ×1 and ×10 samples and SAMHSA's 2022 directory (720) follows it.
 */
export function rowGroupRows(rows: number, size: number): number {
  return rows < size + 2048 ? Math.max(rows, size) : size;
}

/** A partition's folder name, as DuckDB writes it: plain codes such as CA or outpatient. */
function partitionValue(value: unknown): string {
  const text = String(value);
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error(`partition value ${JSON.stringify(text)} needs escaping in a folder name`);
  return text;
}

/** A file named by its content, so caches never serve an old release's copy. */
export function writeHashed(releaseDir: string, stem: string, ext: string, content: string | Buffer): string {
  const sha = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const name = `${stem}-${sha}.${ext}`;
  writeFileSync(join(releaseDir, name), content);
  return name;
}

export function totalBytes(tables: Record<string, ManifestTable>): number {
  return Object.values(tables).reduce((sum, t) => sum + t.files.reduce((s, f) => s + f.bytes, 0), 0);
}


// A stand-in for MotherDuck's MDConnection over native DuckDB, for the contract tests: the
// release loaded as plain tables (as publish:motherduck uploads it), queries queued and
// answered with DuckDB values as the client library gives them (primitives, BIGINTs as
// bigint, everything else a value object with toJson; DATEs with their `days`), and exports as files in a scratch folder.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VirtualFiles } from '../../app/db/exports.ts';
import type { Manifest } from '../../app/release/manifest.ts';
import { loadTableSql } from '../publish/load-table.ts';
import type { CloudConnection } from '../../app/cloud/cloud-engine.ts';

export async function nativeCloudConnection(releaseDir: string, manifest: Manifest): Promise<{ connection: CloudConnection; files: VirtualFiles }> {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const [table, entry] of Object.entries(manifest.tables)) await conn.run(loadTableSql(releaseDir, 'main', table, entry));
  // Export files are written where the engine names them: here, in a scratch folder.
  const scratch = mkdtempSync(join(tmpdir(), 'nrd-cloud-'));
  const queued = new Map<string, string>();
  const connection: CloudConnection = {
    enqueueQuery(sql) {
      const id = crypto.randomUUID();
      queued.set(id, sql.replace(/TO '(export-[^']+)'/, (_, file) => `TO '${join(scratch, file)}'`));
      return id;
    },
    async evaluateQueuedQuery(id) {
      const reader = await conn.runAndReadAll(queued.get(id)!);
      queued.delete(id);
      const values = reader.getRowObjects();
      const json = reader.getRowObjectsJson();
      const rows = values.map((row, i) => Object.fromEntries(Object.entries(row).map(([k, v]) =>
        [k, v === null || typeof v !== 'object' ? v : Object.assign(v, { toJson: () => json[i][k] })])));
      return { data: { toRows: () => rows } };
    },
    cancelQuery: async () => false,
  };
  const files: VirtualFiles = {
    registerEmptyFileBuffer: async () => {},
    copyFileToBuffer: async (name) => new Uint8Array(readFileSync(join(scratch, name))),
    dropFile: async (name) => rmSync(join(scratch, name), { force: true }),
  };
  return { connection, files };
}

// The statement that loads one table of a release into a database as a plain table, as
// `npm run publish:motherduck` uploads it (and as the cloud engine's contract test mirrors it).
import { join } from 'node:path';
import { quoteIdent } from '../../app/db/catalog.ts';
import type { Manifest } from '../../app/db/manifest.ts';
import { literal } from '../build/db.ts';

export function loadTableSql(release: string, schema: string, table: string, { files, partitioned_by }: Manifest['tables'][string]): string {
  const list = files.map((f) => literal(join(release, f.path))).join(', ');
  return `CREATE OR REPLACE TABLE ${schema}.${quoteIdent(table)} AS
    SELECT * FROM read_parquet([${list}], hive_partitioning = ${partitioned_by.length > 0})`;
}

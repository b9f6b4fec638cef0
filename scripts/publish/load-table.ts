// The statement that loads one table of a release into a database as a plain table, as
// `npm run publish:motherduck` uploads it (and as the cloud engine's contract test mirrors it).
import { join } from 'node:path';
import type { ManifestTable } from '../../app/release/manifest.ts';
import { readParquet } from '../../app/release/relation.ts';
import { quoteIdent } from '../../app/release/sql-text.ts';

export function loadTableSql(release: string, schema: string, name: string, table: ManifestTable): string {
  return `CREATE OR REPLACE TABLE ${schema}.${quoteIdent(name)} AS
    SELECT * FROM ${readParquet(table, (path) => join(release, path))}`;
}

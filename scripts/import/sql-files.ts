// The importer's SQL lives in .sql files beside it, as the build's does in scripts/sql/.
import { readFileSync } from 'node:fs';
import type { Db } from '../build/db.ts';

export async function runImportSql(db: Db, name: string): Promise<void> {
  await db.run(readFileSync(new URL(name, import.meta.url), 'utf8'));
}

// Console SQL that names another website: `read_csv_auto('https://…')`, `ATTACH 's3://…'`,
// `FROM "https://….parquet"`. DuckDB would fetch it from the visitor's browser, so the console
// runs such a query only when the visitor ticks "Allow this query to read from other
// websites". This check says why before anything is sent; the engine's worker refuses other
// origins by itself too (app/db/guarded-reads.ts), which also covers a URL the text only
// builds (`'https:' || '//…'`).

const COMMENT = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g;
const ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`(),;]*/gi;

/** The addresses of other websites the SQL names, each once, comments aside. */
export function otherSitesIn(sql: string): string[] {
  return [...new Set(sql.replace(COMMENT, ' ').match(ADDRESS) ?? [])];
}

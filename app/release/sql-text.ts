// SQL text: values as typed literals, identifiers quoted, and the one scanner every place that
// reads SQL goes through (placeholders, the names a query uses, the console's read-only check),
// so strings, comments and quoted names are skipped the same way everywhere.
//
// Parameters are written as literals because duckdb-wasm 1.28 plans a prepared statement
// without its values, so Parquet row-group statistics cannot skip anything: `org_id = ?` read
// the whole column (343 ms cold, 41 ms warm at x10), `org_id = '…'` one row group (16 ms).
// Values still never reach SQL by hand: every caller passes parameters, and only `literal`
// writes them.

export class LiteralError extends Error {}

export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new LiteralError(`Cannot use ${value} as a SQL value.`);
    // Integers stay integers (LIMIT, OFFSET); other numbers are doubles, as a bound JS number was.
    return Number.isInteger(value) ? String(value) : `CAST('${value}' AS DOUBLE)`;
  }
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new LiteralError(`Cannot use a ${typeof value} as a SQL value.`);
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export type TokenKind = 'comment' | 'string' | 'quoted' | 'placeholder' | 'semicolon' | 'word';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Where the token starts in the SQL. */
  index: number;
}

// Comments, 'strings' ('' inside), "quoted names" ("" inside), $tag$ dollar strings $tag$, `;`,
// `?` and bare words. An unterminated string or comment runs to the end, as DuckDB reads it.
const TOKEN = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|\$([A-Za-z_]*)\$[\s\S]*?(?:\$\1\$|$)|;|\?|[A-Za-z_][A-Za-z0-9_$]*/g;

/** The tokens of `sql` that matter to this codebase; whitespace and punctuation are passed over. */
export function* sqlTokens(sql: string): Generator<Token> {
  for (const match of sql.matchAll(TOKEN)) {
    const text = match[0];
    const c = text[0];
    const kind: TokenKind = text.startsWith('--') || text.startsWith('/*') ? 'comment'
      : c === "'" || c === '$' ? 'string'
        : c === '"' ? 'quoted'
          : c === '?' ? 'placeholder'
            : c === ';' ? 'semicolon' : 'word';
    yield { kind, text, index: match.index };
  }
}

/** The names a query uses, lower-cased: bare words and quoted names, never text in strings or comments. */
export function namesIn(sql: string): Set<string> {
  const names = new Set<string>();
  for (const token of sqlTokens(sql)) {
    if (token.kind === 'word') names.add(token.text.toLowerCase());
    if (token.kind === 'quoted') names.add(token.text.slice(1, token.text.endsWith('"') && token.text.length > 1 ? -1 : undefined).replaceAll('""', '"').toLowerCase());
  }
  return names;
}

/** Replaces each `?` outside strings, quoted names and comments with the next parameter's SQL. */
export function inlineParams(text: string, params: readonly unknown[], write: (value: unknown) => string = literal): string {
  if (!params.length) return text;
  let out = '';
  let from = 0;
  let next = 0;
  for (const token of sqlTokens(text)) {
    if (token.kind !== 'placeholder') continue;
    if (next >= params.length) throw new LiteralError(`The SQL has more placeholders than the ${params.length} parameters given.`);
    out += text.slice(from, token.index) + write(params[next++]);
    from = token.index + 1;
  }
  if (next !== params.length) throw new LiteralError(`The SQL has ${next} placeholders for ${params.length} parameters.`);
  return out + text.slice(from);
}

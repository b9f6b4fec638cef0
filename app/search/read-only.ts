// Whether console SQL only reads. A pasted or shared statement could drop or overwrite tables
// (in cloud mode, in the analyst's own MotherDuck account), so the console, local or cloud,
// only reads until writes are unlocked. The check is deliberately strict: one
// statement, starting with a reading keyword, and no writing keyword anywhere outside strings,
// comments and quoted names (a column named like one can be quoted). Its verdicts are checked
// against DuckDB's own parser in read-only.test.ts.
import { sqlTokens } from '../release/sql-text.ts';
import { oneEditApart } from './edits.ts';

const READS = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'desc', 'show', 'summarize', 'explain', 'pivot', 'unpivot', 'pivot_wider', 'pivot_longer']);
const WRITES = new Set([
  'insert', 'update', 'delete', 'create', 'drop', 'alter', 'truncate', 'merge', 'upsert', 'copy', 'export', 'import',
  'attach', 'detach', 'use', 'install', 'load', 'set', 'reset', 'pragma', 'call', 'checkpoint', 'vacuum',
  'begin', 'commit', 'rollback', 'grant', 'revoke', 'comment',
]);
/** DuckDB's other statements: neither a query nor, as the console counts, a write. */
const OTHERS = new Set(['analyze', 'prepare', 'execute', 'deallocate', 'abort', 'start', 'end', 'release', 'savepoint', 'transaction', 'force']);

/**
 * Why `sql` is refused, as a reason the console words in the page's language (the catalog's
 * `console.why.<reason>`, with the keyword it stopped on); null when it only reads.
 */
export type NotReadOnly = { reason: 'empty' | 'several' } | { reason: 'notRead' | 'writes'; word: string }
  /** No statement DuckDB knows starts so ("SELEC"): a typo, not a write, with the reading keyword it is one letter from. */
  | { reason: 'unknown'; word: string; meant: string | null };

export function whyNotReadOnly(sql: string): NotReadOnly | null {
  // The DuckDB shell's own commands (".tables") are no SQL.
  const dot = /^\s*(\.\w+)/.exec(sql);
  if (dot) return { reason: 'unknown', word: dot[1], meant: null };
  const statements = words(sql);
  if (statements.length === 0) return { reason: 'empty' };
  if (statements.length > 1) return { reason: 'several' };
  const [first, ...rest] = statements[0];
  if (!READS.has(first)) {
    // Refused as a write, "SELEC count(*)" sent an analyst to unlock changes (a walkthrough).
    if (WRITES.has(first) || OTHERS.has(first)) return { reason: 'notRead', word: first };
    return { reason: 'unknown', word: first, meant: [...READS].find((read) => oneEditApart(first, read)) ?? null };
  }
  const write = rest.find((word) => WRITES.has(word));
  return write ? { reason: 'writes', word: write } : null;
}

/** The bare words of each non-empty statement, lower-cased; strings, comments and quoted names skipped. */
function words(sql: string): string[][] {
  const statements: string[][] = [[]];
  for (const token of sqlTokens(sql)) {
    if (token.kind === 'semicolon') statements.push([]);
    else if (token.kind === 'word') statements.at(-1)!.push(token.text.toLowerCase());
  }
  return statements.filter((s) => s.length > 0);
}

// The statements that make a kept relation's copy (release/relation.ts), each a part the engine
// runs between the page's queries (copy-scheduler.ts): a query that comes while one is made
// waits for the rest of it. One part a state left California's as the longest (×1: 4,858 rows,
// 70–180 ms of CPU in duckdb-wasm) and made Wyoming's 71 rows a part of their own (~25 ms, most
// of it reading the files' footers). So states go together, in order, up to PART_ROWS rows, and
// a state with more is split by a hash of the copy's key: each slice reads the state's files
// again, but computes and stores only its own rows, where most of a part's time goes.
import type { Manifest } from '../release/manifest.ts';
import { bindRelations, filesRelation, relationsIn, type Relation } from '../release/relation.ts';
import { quoteIdent } from '../release/sql-text.ts';

/** Rows a part holds at most (a state split by key may hold a few more in one of its slices). */
export const PART_ROWS = 4096;

type Tables = Pick<Manifest, 'tables'>;

/** The rows of each state the relation reads (the most of any table it reads a state at a time). */
function rowsByState(manifest: Tables, r: Relation): Map<string, number> {
  if (r.after) return rowsByState(manifest, r.after);
  const rows = new Map<string, number>();
  if (!r.byState) return rows;
  for (const { table } of relationsIn(r.byState(null).params)) {
    const t = manifest.tables[table];
    if (!t?.partitioned_by.includes('state')) continue;
    const own = new Map<string, number>();
    for (const f of t.files) own.set(f.partition.state, (own.get(f.partition.state) ?? 0) + f.rows);
    own.forEach((n, state) => rows.set(state, Math.max(n, rows.get(state) ?? 0)));
  }
  return rows;
}

/** States in order, grouped up to `partRows` rows; a state past it alone. */
function groups(rows: Map<string, number>, partRows: number): { states: string[]; rows: number }[] {
  const out: { states: string[]; rows: number }[] = [];
  for (const state of [...rows.keys()].sort()) {
    const n = rows.get(state)!;
    const open = out.at(-1);
    if (open && open.rows + n <= partRows) {
      open.states.push(state);
      open.rows += n;
    } else out.push({ states: [state], rows: n });
  }
  return out;
}

/** The SQL of each part of `r`'s copy, in order: the first creates the table, the rest insert. */
export function copyParts(manifest: Tables, r: Relation, partRows = PART_ROWS): string[] {
  const rows = rowsByState(manifest, r);
  if (!r.byState || !rows.size) return [r.select!];
  return groups(rows, partRows).flatMap(({ states, rows: n }) => {
    const part = r.byState!(states);
    const text = bindRelations(part.text, part.params, (x) => filesRelation(manifest, x)).text;
    const slices = r.indexedOn ? Math.ceil(n / partRows) : 1;
    if (slices <= 1) return [text];
    return Array.from({ length: slices }, (_, i) => `SELECT * FROM (${text}) WHERE hash(${quoteIdent(r.indexedOn!)}) % ${slices} = ${i}`);
  });
}

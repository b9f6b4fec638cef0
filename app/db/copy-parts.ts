// The statements that make a kept relation's copy (release/relation.ts), each a part the engine
// runs between the page's queries (copy-scheduler.ts): a query that comes while one is made
// waits for the rest of it. One part a state made Wyoming's 71 rows a part of their own (~25 ms
// of CPU in duckdb-wasm, most of it reading the files' footers), 59 parts at ×1. So states go
// together, in order, up to PART_ROWS rows; a state with more is a part alone, as before. In
// the browser a part's time grows with its rows and files far more than its CPU does: parts of
// up to 4,096 rows took 0.6 s p50 and 1.8 s at most at ×1 (npm run bench, load 12), where the
// CPU was 0.1 s and California's part alone as long, so a part stays near one state's size.
// Slicing a state by a hash of its key bounded the parts but read its files again for each
// slice: ×10's search rows took 7.8 s of CPU against 4.5 (a filter on a hash prunes no row group).
import type { Manifest } from '../release/manifest.ts';
import { bindRelations, filesRelation, relationsIn, type Relation } from '../release/relation.ts';

/** Rows a part holds at most, unless one state holds more. */
export const PART_ROWS = 1024;

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
  return groups(rows, partRows).map(({ states }) => {
    const part = r.byState!(states);
    return bindRelations(part.text, part.params, (x) => filesRelation(manifest, x)).text;
  });
}

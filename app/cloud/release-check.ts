// Whether a MotherDuck database holds what this page's release asks of it. Table names alone
// let a database published from an older release through: its text searches and openings then
// failed on columns it lacks (name_order, type_detail, offered_codes), each as a raw SQL error.

/** Each table and column the release has that the database lacks, as `table` or `table.column`. */
export function lacking(release: Record<string, readonly string[]>, found: readonly { table: string; column: string }[]): string[] {
  const held = new Map<string, Set<string>>();
  for (const { table, column } of found) held.set(table, (held.get(table) ?? new Set()).add(column));
  return Object.entries(release).flatMap(([table, columns]) => {
    const has = held.get(table);
    return has ? columns.filter((c) => !has.has(c)).map((c) => `${table}.${c}`) : [table];
  });
}

// Every engine's values → plain JS, so rows look alike whichever engine answered: BIGINT to
// number (every count here fits a double), lists to arrays, structs to objects; Arrow's
// vectors and rows (duckdb-wasm), @duckdb/node-api's JS values, and MotherDuck's value
// objects (a DATE as a Date at midnight UTC; decimals and nested values by their JSON form).
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(plain);
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    if ('days' in value && typeof value.days === 'number') return new Date(value.days * 86_400_000);
    if ('toJson' in value && typeof value.toJson === 'function') return value.toJson();
    if ('toArray' in value && typeof value.toArray === 'function') return Array.from(value.toArray() as Iterable<unknown>, plain);
    if ('toJSON' in value && typeof value.toJSON === 'function') return plain(value.toJSON());
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/** A row with every value plain. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]));
}

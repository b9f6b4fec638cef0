/** Arrow row values → plain JS: BigInt to number, vectors to arrays, structs to objects. */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(plain);
  if ('toArray' in value && typeof value.toArray === 'function') return Array.from(value.toArray() as Iterable<unknown>, plain);
  if ('toJSON' in value && typeof value.toJSON === 'function') return plain(value.toJSON());
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

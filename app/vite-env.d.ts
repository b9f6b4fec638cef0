/// <reference types="vite/client" />
// import.meta.env and `?url`/`?worker` imports, the only ambient types the browser code gets.

/** The map's town names, written at build time (scripts/build/vite-towns.ts). */
declare module 'virtual:towns' {
  const towns: { names: string; at: number[]; zooms: string };
  export default towns;
}

/** The smaller places, by square of the map (scripts/build/vite-towns.ts): each square's loader, keyed "-108,44". */
declare module 'virtual:places' {
  export const cellDegrees: number;
  const cells: Record<string, () => Promise<{ default: { names: string; at: number[] } }>>;
  export default cells;
}

// duckdb-wasm 1.28 exports its Node bundle without types: the parts the tests use.
declare module '@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs' {
  import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm';
  export { DuckDBDataProtocol, VoidLogger } from '@duckdb/duckdb-wasm';
  export const NODE_RUNTIME: DuckDBRuntime;
  export function createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
}

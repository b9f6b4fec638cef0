import { describe, expect, it } from 'vitest';
import { startWasmEarly } from './early-wasm.ts';

// The smallest module: its magic number and version.
const EMPTY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const ORIGIN = 'https://directory.test/assets/engine-worker.js';

function worker(answer: (url: string) => Response) {
  const asked: string[] = [];
  const scope = {
    location: new URL(ORIGIN) as unknown as Location,
    fetch: (async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      asked.push(url);
      return answer(url);
    }) as typeof fetch,
  };
  // A namespace of its own, so the test's WebAssembly keeps its real instantiateStreaming.
  const wasm = Object.create(WebAssembly) as typeof WebAssembly;
  return { scope, wasm, asked };
}

const wasmResponse = () => new Response(EMPTY_MODULE, { headers: { 'content-type': 'application/wasm' } });

describe('the wasm fetched and compiled as the worker starts', () => {
  it('is fetched once: the engine\'s own fetch and instantiation get that download', async () => {
    const { scope, wasm, asked } = worker((url) => (url.endsWith('.wasm') ? wasmResponse() : new Response('other')));
    startWasmEarly(scope, wasm, '/assets/duckdb-eh.wasm');
    expect(asked).toEqual(['https://directory.test/assets/duckdb-eh.wasm']);
    const response = scope.fetch(new Request('https://directory.test/assets/duckdb-eh.wasm'));
    const { instance, module } = await wasm.instantiateStreaming(response, {});
    expect(instance).toBeInstanceOf(WebAssembly.Instance);
    expect(module).toBeInstanceOf(WebAssembly.Module);
    expect(await (await scope.fetch('/data/manifest.json')).text()).toBe('other');
    expect(asked).toHaveLength(2);
  });

  it('fails when the engine asks for it, not before', async () => {
    const { scope, wasm } = worker(() => new Response('not found', { status: 404 }));
    startWasmEarly(scope, wasm, '/assets/duckdb-eh.wasm');
    await new Promise((resolve) => setTimeout(resolve, 10)); // an unhandled rejection would fail the run here
    await expect(wasm.instantiateStreaming(scope.fetch('/assets/duckdb-eh.wasm'), {})).rejects.toThrow();
  });
});

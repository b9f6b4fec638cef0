// In the engine's worker: the wasm's download and compile begin when the worker starts, not
// when the page's engine asks for it (its JavaScript arrives later, engine-worker-start.ts).
// duckdb-wasm 1.28 then fetches the file (it gets this response, its bytes counted as its
// progress) and instantiates it with `WebAssembly.instantiateStreaming` (it gets this module).
// A failure stays quiet until duckdb-wasm asks, so it is reported where it was before.

interface WorkerScope {
  fetch: typeof fetch;
  location: Location;
}

type Instantiate = typeof WebAssembly.instantiateStreaming;

export function startWasmEarly(scope: WorkerScope, wasm: typeof WebAssembly, url: string): void {
  const href = new URL(url, scope.location.href).href;
  const fetchFirst = scope.fetch;
  const response = fetchFirst(href, { credentials: 'same-origin' });
  const compiled = response.then((r) => wasm.compileStreaming(r.clone()));
  response.catch(() => {});
  compiled.catch(() => {});

  let handed = false;
  scope.fetch = (input, init) => {
    const asked = new URL(input instanceof Request ? input.url : String(input), scope.location.href).href;
    if (handed || asked !== href) return fetchFirst(input, init);
    handed = true;
    return response;
  };
  const instantiate: Instantiate = wasm.instantiateStreaming.bind(wasm);
  wasm.instantiateStreaming = (async (source: Response | PromiseLike<Response>, imports?: WebAssembly.Imports) => {
    if (!handed) return instantiate(source, imports);
    // The bytes are the compiled module's; read through so duckdb-wasm's progress sees them arrive.
    await (await source).arrayBuffer();
    const module = await compiled;
    return { module, instance: await wasm.instantiate(module, imports) };
  }) as Instantiate;
}

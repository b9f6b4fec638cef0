// npx tsx scripts/bench/trace-cold.ts [query] [trace.json] [site folder] [--slow4g]
// One cold load of the built site, traced: when each request left and ended (the page's and its
// workers'), the app's marks, and a Chrome trace (open it in DevTools' Performance panel or
// Perfetto: the main thread, the engine's worker, the wasm's compile). It waits for the first
// result row, or with --slow4g (Chrome's Slow 4G profile) for the form to be usable.
// Where issue 16's first-row time went was found with it; `npm run bench` gives the figures.
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createStaticServer } from '../serve/static-server.ts';
import { withBrowser } from './browser.ts';
import { FORM_USABLE, markWhenShown, SLOW_4G } from './slow-network.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { slow4g: { type: 'boolean', default: false } } });
const [query = '?all=1', tracePath = 'bench/trace.json', root = 'dist'] = positionals;
const ROW = '.results-table tbody button.link-button';

const server = createStaticServer({ root });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const awaited = values.slow4g ? 'bench:form' : 'bench:first-row';

await withBrowser(async (page) => {
  if (values.slow4g) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  await markWhenShown(page, values.slow4g ? FORM_USABLE : ROW, awaited);
  const requests: { url: string; start: number; end: number; bytes: number }[] = [];
  page.on('requestfinished', (r) => void r.sizes().then((s) => requests.push(
    { url: r.url().replace(base, ''), start: r.timing().startTime, end: r.timing().startTime + r.timing().responseEnd, bytes: s.responseBodySize })));
  const browser = page.context().browser()!;
  await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute', 'blink.user_timing', 'loading'] });
  await page.goto(base + '/' + query);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, awaited, { timeout: 120_000 });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').reverse().map((m) => [m.name, Math.round(m.startTime)])));
  await browser.stopTracing();
  console.log('marks (ms from navigation):', JSON.stringify(marks));
  console.log(' start     end      bytes  request');
  for (const r of requests.sort((a, b) => a.start - b.start)) {
    console.log(`${String(Math.round(r.start - origin)).padStart(6)}  ${String(Math.round(r.end - origin)).padStart(6)}  ${String(r.bytes).padStart(9)}  ${r.url}`);
  }
  console.log(`trace: ${tracePath}`);
}, { timeoutMs: 180_000, maxBytes: 4 * 1024 ** 3 }, { serviceWorkers: 'block' });
server.close();

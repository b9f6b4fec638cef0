// Headless Debian Chromium driven by Playwright, one fresh browser per measurement so no
// compiled wasm, HTTP cache or warm process carries over from one run to the next.
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from '@playwright/test';
import { browserMemory, killBrowsers, type BrowserMemory } from './browser-memory.ts';
import type { BenchCase, Timed } from './mix.ts';
import type {} from './pages/expose.ts'; // window.benchMix

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * How long one measurement may take and how much memory its browser may use. Past either the
 * browser is killed and the measurement reported as failed: a page too big for a tab must not
 * stall the run, nor take the shared machine's memory from everything else on it.
 */
export interface Limits {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * A measurement that did not complete. `limit` says the page itself gave up (its own error, a
 * crash, the memory cap): a limit of that approach a team would hit too. A timeout is not.
 */
export class BrowserFailure extends Error {
  constructor(message: string, readonly limit: boolean) {
    super(message);
  }
}

export async function withBrowser<T>(fn: (page: Page) => Promise<T>, limits: Limits, context: BrowserContextOptions = {}): Promise<T> {
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  let fail!: (failure: BrowserFailure) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const timer = setTimeout(() => fail(new BrowserFailure(`no answer within ${limits.timeoutMs / 1000} s: browser killed`, false)), limits.timeoutMs);
  const watch = setInterval(() => {
    const bytes = browserMemory().pssBytes;
    peakBrowserBytes = Math.max(peakBrowserBytes, bytes);
    if (bytes > limits.maxBytes) fail(new BrowserFailure(`out of memory: the browser passed the bench's ${gb(limits.maxBytes)} cap (${gb(bytes)}): killed`, true));
  }, 1000);
  try {
    const page = await (await browser.newContext(context)).newPage();
    page.on('crash', () => fail(new BrowserFailure('the tab crashed (Chromium\'s out-of-memory or renderer limit)', true)));
    return await Promise.race([fn(page), failed]);
  } catch (error) {
    // A killed or crashed browser does not answer close(): end its processes first.
    if (error instanceof BrowserFailure) killBrowsers();
    throw error;
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
    await browser.close().catch(() => {});
  }
}

const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/** The most memory any measured browser used this run (PSS, sampled every second). */
export let peakBrowserBytes = 0;

/** What a bench page reports when it could not load its data (pages/expose.ts). */
async function pageFailure(page: Page): Promise<never> {
  const handle = await page.waitForFunction(() => window.benchFailed, null, { timeout: 0 });
  throw new BrowserFailure(String(await handle.jsonValue()), true);
}

export type ByteKind = 'wasm' | 'js' | 'data' | 'other';

export interface Transfer {
  requests: number;
  bytes: Record<ByteKind, number>;
}

function kindOf(url: string): ByteKind {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(path)) return 'js';
  if (path.startsWith('/data/') || path.startsWith('/alt/')) return 'data';
  return 'other';
}

/** Counts every request the page (and its workers) makes, with the bytes that crossed the wire. */
export function recordTransfer(page: Page) {
  const pending: Promise<void>[] = [];
  const transfer: Transfer = { requests: 0, bytes: { wasm: 0, js: 0, data: 0, other: 0 } };
  const onFinished = (request: Request) => {
    transfer.requests++;
    pending.push(request.sizes().then((s) => {
      transfer.bytes[kindOf(request.url())] += s.responseBodySize + s.responseHeadersSize;
    }, () => {}));
  };
  page.on('requestfinished', onFinished);
  return {
    async stop(): Promise<Transfer> {
      page.off('requestfinished', onFinished);
      await Promise.all(pending);
      return transfer;
    },
  };
}

export interface ColdRun {
  /** Milliseconds from navigation start, by mark: engine ready, tables ready, first row painted. */
  marks: Record<string, number>;
  transfer: Transfer;
}

/** Opens `url` in a fresh browser and waits for the first result row (`rowSelector`) to be painted. */
export async function coldRun(url: string, rowSelector: string, limits: Limits): Promise<ColdRun> {
  return withBrowser(async (page) => {
    await page.addInitScript((selector) => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        // The next frame is when the row is on screen.
        requestAnimationFrame(() => performance.mark('bench:first-row'));
      }).observe(document, { childList: true, subtree: true });
    }, rowSelector);
    const transfer = recordTransfer(page);
    await page.goto(url, { waitUntil: 'commit', timeout: 0 });
    await Promise.race([page.waitForFunction(() => performance.getEntriesByName('bench:first-row').length > 0, null, { timeout: 0 }), pageFailure(page)]);
    // The first of each mark: a later search marks again.
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').reverse().map((m) => [m.name, m.startTime])));
    return { marks, transfer: await transfer.stop() };
  }, limits);
}

export interface WarmRun {
  startMs: number;
  /** One entry per pass over the mix; the first pass is each query's first touch. */
  passes: Timed[][];
  /** After the mix, once the page collected its garbage (browser-memory.ts). */
  memory: BrowserMemory;
  /** What the browser's processes had allocated as the mix ended, garbage included (private bytes). */
  memoryAsLeft: number;
  /** Data fetched by one single-state search once the engine is up. */
  singleState?: Transfer;
  /** Milliseconds after the first pass until the copies the page began were made (see settled). */
  settleMs: number;
}

export async function warmRun(url: string, cases: BenchCase[], passes: number, limits: Limits, singleState?: BenchCase): Promise<WarmRun> {
  return withBrowser(async (page) => {
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit', timeout: 0 });
    await Promise.race([page.waitForFunction(() => window.benchReady === true, null, { timeout: 0 }), pageFailure(page)]);
    const startMs = Date.now() - started;
    let single: Transfer | undefined;
    if (singleState) {
      const transfer = recordTransfer(page);
      await page.evaluate((c) => window.benchMix!([c]), singleState);
      single = await transfer.stop();
    }
    const results: Timed[][] = [];
    let settleMs = 0;
    for (let i = 0; i < passes; i++) {
      results.push(await page.evaluate((all) => window.benchMix!(all), cases));
      if (i === 0) settleMs = await settled(page);
    }
    const memoryAsLeft = browserMemory().privateBytes;
    return { startMs, passes: results, memory: await settledMemory(page), memoryAsLeft, singleState: single, settleMs };
  }, limits);
}

/**
 * Waits until every copy the page's engine began is made (db/catalog.ts marks each one's begin
 * and end) and none has begun for a second; returns how long that took. The directory makes its
 * in-memory copies once no query waits, and the mix leaves no such moment between its cases: the
 * pass after the first waited behind them query by query (×10: radius p50 109 ms, 13–17 once
 * they were made). A person's pause between two searches gives the page that time; the
 * alternatives make no copies, and their pages mark none.
 */
async function settled(page: Page): Promise<number> {
  const started = Date.now();
  let last = '';
  for (let quiet = 0; quiet < 2;) {
    await page.waitForTimeout(500);
    const counts = await page.evaluate(() => ['nrd:copy-begin', 'nrd:copy-end'].map((n) => performance.getEntriesByName(n).length));
    quiet = counts.join() === last && counts[0] === counts[1] ? quiet + 1 : 0;
    last = counts.join();
  }
  return Date.now() - started;
}

/**
 * The browser's memory once its page has collected its garbage. Sampled as the mix ends, it
 * counted whatever garbage V8 had not yet collected: the JSON file's page held 70 MB of it
 * (287 MB private, 215 MB after a collection), the directory's 20 MB. DevTools' collection
 * (V8's low-memory one) also hands the freed heap back; `gc()` kept it (JSON: 290 MB after it).
 * The engine's worker is left alone: its JavaScript heap is 3 MB, and no collection shrinks
 * DuckDB's wasm memory.
 */
async function settledMemory(page: Page): Promise<BrowserMemory> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  // Freed pages go back to the system as the allocators get to it.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return browserMemory();
}

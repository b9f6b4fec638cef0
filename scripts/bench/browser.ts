// Headless Debian Chromium driven by Playwright, one fresh browser per measurement so no
// compiled wasm, HTTP cache or warm process carries over from one run to the next.
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import type { BenchCase, Timed } from './mix.ts';
import type {} from './pages/expose.ts'; // window.benchMix

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export async function withBrowser<T>(fn: (page: Page) => Promise<T>, context: BrowserContextOptions = {}): Promise<T> {
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await (await browser.newContext(context)).newPage();
    return await fn(page);
  } finally {
    await browser.close();
  }
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
export async function coldRun(url: string, rowSelector: string): Promise<ColdRun> {
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
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:first-row').length > 0, null, { timeout: 180_000 });
    // The first of each mark: a later search marks again.
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').reverse().map((m) => [m.name, m.startTime])));
    return { marks, transfer: await transfer.stop() };
  });
}

export interface WarmRun {
  startMs: number;
  /** One entry per pass over the mix; the first pass is each query's first touch. */
  passes: Timed[][];
  memoryBytes: number;
  /** Data fetched by one single-state search once the engine is up. */
  singleState?: Transfer;
}

export async function warmRun(url: string, cases: BenchCase[], passes: number, singleState?: BenchCase): Promise<WarmRun> {
  return withBrowser(async (page) => {
    const started = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 600_000 });
    const startMs = Date.now() - started;
    let single: Transfer | undefined;
    if (singleState) {
      const transfer = recordTransfer(page);
      await page.evaluate((c) => window.benchMix!([c]), singleState);
      single = await transfer.stop();
    }
    const results: Timed[][] = [];
    for (let i = 0; i < passes; i++) {
      results.push(await page.evaluate((all) => window.benchMix!(all), cases));
    }
    return { startMs, passes: results, memoryBytes: browserMemory(), singleState: single };
  });
}

/** Proportional set size of every Chromium process this benchmark started (Linux /proc). */
function browserMemory(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium') || !descends(Number(pid))) continue;
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += pss ? Number(pss[1]) * 1024 : 0;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

function descends(pid: number): boolean {
  for (let p = pid; p > 1;) {
    if (p === process.pid) return true;
    p = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  }
  return false;
}

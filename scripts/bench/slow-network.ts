// A first visit on a phone network: Chrome DevTools' "Slow 4G" profile (1.6 Mbps × 0.9 down,
// 750 kbps × 0.9 up, 150 ms × 3.75 latency) applied through CDP before the navigation, in a
// fresh browser (cold HTTP cache, no service worker). What it measures is the issue's
// promise: the search form is usable, i.e. drawn by the app with its place box enabled.
import type { Page } from '@playwright/test';
import { recordTransfer, withBrowser, type Limits, type Transfer } from './browser.ts';

/** The search form drawn by the app with its place box enabled. */
export const FORM_USABLE = 'form[role="search"] input[name="where"]:not([disabled])';

export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

export interface SlowRun {
  /** Milliseconds from navigation start: the form usable; the first result row painted (if waited for). */
  formMs: number;
  firstRowMs?: number;
  /** What crossed the wire until the form was usable. */
  toForm: Transfer;
}

/** Marks `name` in the page's timeline on the first frame after `selector` matches. */
export async function markWhenShown(page: Page, selector: string, name: string) {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.addInitScript(([s, n]) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(s)) return;
      observer.disconnect();
      requestAnimationFrame(() => performance.mark(n));
    }).observe(document, { childList: true, subtree: true, attributes: true });
  }, [selector, name] as const);
}

const markAt = (page: Page, name: string, timeout: number) =>
  page.waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { timeout }).then((h) => h.jsonValue() as Promise<number>);

/** Opens `url` on Slow 4G; waits for the form, and for a result row too when `rowSelector` is given. */
export async function slowFirstVisit(url: string, limits: Limits, rowSelector?: string): Promise<SlowRun> {
  return withBrowser(async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await markWhenShown(page, FORM_USABLE, 'bench:form');
    if (rowSelector) await markWhenShown(page, rowSelector, 'bench:first-row');
    const transfer = recordTransfer(page);
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    const formMs = await markAt(page, 'bench:form', 120_000);
    const toForm = await transfer.stop();
    const firstRowMs = rowSelector ? await markAt(page, 'bench:first-row', 300_000) : undefined;
    return { formMs, firstRowMs, toForm };
    // The app's service worker takes the page over on its first load (public/sw.js), and what it
    // fetches escapes the page's emulated network: blocked, every byte goes through Slow 4G.
  }, limits, { serviceWorkers: 'block' });
}

// Shared by every spec: a page that records each request it makes and, after the test,
// fails if any went to an origin other than the app's own. Privacy is checked everywhere, and
// so is the servers' Content-Security-Policy: anything it refuses fails the test.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export const test = base.extend<{ requests: string[]; otherOrigins: string[]; offlineCopy: boolean; cspViolations: string[] }>({
  /** Origins a spec serves itself besides the app's (an embedding host page). */
  otherOrigins: [[], { option: true }],
  /**
   * Whether the app may copy the whole release for offline use by itself, as on a first visit.
   * Off except in the offline spec: a 33 MB copy per test would only slow the others down.
   */
  offlineCopy: [false, { option: true }],
  page: async ({ page, offlineCopy }, use) => {
    if (!offlineCopy) {
      await page.addInitScript(() => {
        if (localStorage.getItem('nrd:offline-copy') === null) localStorage.setItem('nrd:offline-copy', 'off');
      });
    }
    await use(page);
  },
  requests: [
    async ({ page, baseURL, otherOrigins }, use) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.context().on('request', (request) => requests.push(request.url()));
      await use(requests);
      const own = new URL(baseURL!).origin;
      const foreign = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== own
        && !otherOrigins.includes(new URL(url).origin));
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
  /**
   * What the page's policy refused, in any frame or worker: requests the browser blocked
   * (a worker's refusals reach no console Playwright hears), and everything else, such as an
   * inline script, as the console message or `securitypolicyviolation` event of its frame. A
   * spec that provokes a refusal on purpose checks this list and empties it.
   */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.context().on('requestfailed', (request) => {
        if (request.failure()?.errorText === 'csp') violations.push(`refused request: ${request.url()}`);
      });
      page.on('console', (message: ConsoleMessage) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content-Security-Policy violation: ${event.effectiveDirective} refused ${event.blockedURI}`);
      }));
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the engine is up and the directory is open. */
// A release's date as the English page writes it (Intl's medium style, the day as published).
/** A downloaded CSV's text without the byte order mark it starts with (for Excel: download-buttons.tsx). */
export const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/** The org_id column of a downloaded CSV (a sample's has generated_sample first), its ids and the cells before them without commas. */
export function csvIds(text: string): string[] {
  const [header, ...lines] = withoutBom(text).trim().split('\n');
  const at = header.split(',').indexOf('org_id');
  return lines.map((line) => line.split(',')[at]);
}

export function englishDate(isoDay: string): string {
  const day = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

export async function openDirectory(page: import('@playwright/test').Page, path = './') {
  // A page opened over another one still running its engine was, twice in one CI run on a loaded
  // machine, aborted by Chromium itself (net::ERR_ABORTED, no URL written by the page, which writes
  // none at load: checked): asked once more, as a person would press Enter again.
  await page.goto(path).catch((error: Error) => {
    if (!/ERR_ABORTED/.test(error.message)) throw error;
    return page.goto(path);
  });
  await expect(page.locator('.starting')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * axe-core on the page as it is, with WCAG 2.2's target-size rule turned on (axe leaves it
 * off by default): no serious or critical finding, and no target too small, or the test fails
 * naming the rule and the first elements. The map's canvas is left out (a WebGL surface).
 */
export async function expectNoSeriousAxeFindings(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas')
    .options({ rules: { 'target-size': { enabled: true } } }).analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  expect(ran, 'the target-size rule ran').toContain('target-size');
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'target-size');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), state).toEqual([]);
}

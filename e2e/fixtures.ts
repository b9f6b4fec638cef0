// Shared by every spec: a page that records each request it makes and, after the test,
// fails if any went to an origin other than the app's own. Privacy is checked everywhere.
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ requests: string[]; otherOrigins: string[]; offlineCopy: boolean }>({
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
});

export { expect };

/** Waits until the engine is up and the directory is open. */
export async function openDirectory(page: import('@playwright/test').Page, path = './') {
  await page.goto(path);
  await expect(page.locator('.starting')).toHaveCount(0, { timeout: 30_000 });
}

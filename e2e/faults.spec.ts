// The network misbehaves and the tab goes on working (issue 12, items 7 to 10): a dropped or
// truncated read is asked again, an engine one broke is restarted and the search answers by
// itself, a short 206 cannot start a request loop, a .wasm that cannot load says so in
// seconds, and a slow server is never met with a silent page.
import type { Page, Route } from '@playwright/test';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleCount } from './oracle.ts';

// The page's routes do not see what a service worker fetches for it.
test.use({ serviceWorkers: 'block' });

const GAZETTEER = /\/data\/gazetteer\/[^/]+\.parquet$/;
const MASSACHUSETTS = /\/data\/organizations\/state=MA\/[^/]+\.parquet$/;

/** Spoils the first `times` ranged reads of the files matching `url`; lets everything else through. */
async function spoil(page: Page, url: RegExp, times: number, how: (route: Route) => Promise<void>) {
  let spoiled = 0;
  await page.context().route(url, async (route) => {
    const ranged = route.request().method() === 'GET' && route.request().headers().range;
    if (ranged && spoiled < times) {
      spoiled++;
      return how(route);
    }
    return route.continue();
  });
  return () => spoiled;
}

/** A 206 with half of what was asked for. */
async function truncated(route: Route) {
  const response = await route.fetch();
  const body = await response.body();
  await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
}

async function search(page: Page, zip: string) {
  await page.getByLabel('Near (ZIP code or City, ST)').fill(zip);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const expected = await oracleCount({ zip, miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected), { timeout: 30_000 });
}

test('dropped gazetteer reads are asked again, and a restarted engine finds the ZIP by itself', async ({ page }) => {
  // Three drops use up one read's tries (the engine is restarted); two more hit the new engine.
  const spoiled = await spoil(page, GAZETTEER, 5, (route) => route.abort('connectionreset'));
  await openDirectory(page, './?r=10');
  await search(page, '02139');
  expect(spoiled()).toBe(5);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The same tab goes on: another ZIP, and the console over the gazetteer.
  await search(page, '10001');
  await page.getByRole('button', { name: 'SQL console' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT count(*) AS n FROM gazetteer');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', '1', { timeout: 30_000 });
});

test('a state\'s file the host cannot send is said once, in words that fit a phone, and "Try again" finds the results once it can', async ({ page }) => {
  test.setTimeout(120_000);
  let down = true;
  await page.context().route(MASSACHUSETTS, (route) => (down ? route.abort('connectionrefused') : route.continue()));
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './?where=02139&r=10');
  // The list's notice: the count's, not again for the table's first page (the same query).
  const notice = page.locator('.results-list').getByRole('alert');
  await expect(notice).toContainText(/organizations\/state=MA\/[0-9a-f]{16}\.parquet \(organizations, state MA\) could not be read/, { timeout: 90_000 });
  await expect(notice).toHaveCount(1);
  expect(await notice.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the file\'s name wraps inside the notice').toBe(true);
  // The same search submitted again changes nothing its queries depend on: the notice's button asks again.
  down = false;
  await notice.getByRole('button', { name: 'Try again' }).click();
  // The button goes with the notice: focus to the results' heading, not the top of the page.
  await expect(page.getByRole('heading', { name: 'Results', level: 2 })).toBeFocused();
  const expected = await oracleCount({ zip: '02139', miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected), { timeout: 30_000 });
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible();
  await expect(page.locator('.results-list').getByRole('alert')).toHaveCount(0);
});

test('truncated reads of a state\'s file are asked again, and every later search works', async ({ page }) => {
  const spoiled = await spoil(page, MASSACHUSETTS, 4, truncated);
  await openDirectory(page, './?r=10');
  await search(page, '02139');
  expect(spoiled()).toBe(4);
  await search(page, '02140');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 206 shorter than asked cannot start a request loop: the read fails, in plain words, and stops', async ({ page }) => {
  let reads = 0;
  await page.context().route(GAZETTEER, async (route) => {
    if (route.request().method() !== 'GET' || !route.request().headers().range) return route.continue();
    reads++;
    // What the probe's proxy sent: 206, a body shorter than asked, no Content-Length of its own.
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-length'];
    await route.fulfill({ status: 206, headers, body: (await response.body()).subarray(0, 1) });
  });
  await openDirectory(page, './?where=02139&r=10');
  await expect(page.getByRole('alert').first()).toContainText(/gazetteer\/[0-9a-f]{16}\.parquet \(gazetteer\) could not be read/, { timeout: 30_000 });
  const settled = reads;
  await page.waitForTimeout(3_000);
  // Three tries on the first engine, three on the restarted one, and before the engine the
  // footer and the ZIP's row group (asked for together, db/early-reads.ts), by the first results
  // and by the list: then nothing more.
  expect(settled).toBeLessThanOrEqual(10);
  expect(reads).toBe(settled);
  // The helplines stay in the header, and the notice says them too (on a phone the header may be above the screen).
  await expect(page.getByRole('complementary', { name: 'Help right now' }).getByRole('link', { name: '988' })).toBeVisible();
  await expect(page.getByRole('alert').first().getByRole('link', { name: '988' })).toBeVisible();
});

for (const [fault, answer] of [
  ['is missing (404)', { status: 404, body: 'Not found' }],
  ['does not compile', { status: 200, contentType: 'application/wasm', body: 'not a wasm module' }],
] as const) {
  test(`when the engine's .wasm ${fault}, the page says it could not start within 10 s`, async ({ page }) => {
    await page.context().route(/\.wasm$/, (route) => route.fulfill(answer));
    const started = Date.now();
    await page.goto('./?where=02139');
    await expect(page.getByRole('alert')).toContainText('could not start', { timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    // The header's helplines stay, and the notice says them too (on a phone the header may be above the screen).
    await expect(page.getByRole('complementary', { name: 'Help right now' }).getByRole('link', { name: '988' })).toBeVisible();
    await expect(page.getByRole('alert').getByRole('link', { name: '988' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
}

test('when the manifest cannot be read, the page says so and stops saying it is looking the place up', async ({ page }) => {
  await page.context().route(/\/data\/manifest\.json$/, (route) => route.fulfill({ status: 503, body: 'down for maintenance' }));
  await page.goto('./?where=02139&r=10');
  await expect(page.getByRole('alert')).toContainText('Could not load the data manifest', { timeout: 30_000 });
  await expect(page.getByRole('alert').getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Looking up' })).toHaveCount(0);
});

test('with every data response 5 s late, the page says what it is doing all along', async ({ page }) => {
  await page.context().route(/\/data\/.*\.parquet$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await route.continue().catch(() => {}); // the page may be gone when the test ends
  });
  // Said while the place is read (one round trip, db/early-reads.ts), before the engine is there.
  await page.goto('./?where=02139&r=10');
  await expect(page.getByRole('status').filter({ hasText: 'Looking up “02139”…' })).toBeVisible({ timeout: 4_000 });
  await expect(page.locator('.starting')).toHaveCount(0, { timeout: 30_000 });
  const title = page.getByRole('heading', { level: 1 });
  const top = () => title.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await expect(page.getByRole('status').filter({ hasText: 'Still working: this is taking longer than usual.' })).toBeVisible({ timeout: 6_000 });
  // Said over the page, not in it: what a person is reading stays where it was.
  expect(await top()).toBe(before);
});

test('when the engine\'s download stalls, the page says it is slow, then that it could not start', async ({ page }) => {
  test.setTimeout(60_000);
  await page.context().route(/\.wasm$/, () => {}); // never answered
  await page.goto('./');
  await expect(page.getByRole('status')).toContainText('This is taking longer than usual', { timeout: 10_000 });
  await expect(page.getByRole('alert')).toContainText('could not start', { timeout: 25_000 });
  await expect(page.getByRole('alert')).toContainText('nothing arrived for 20 s');
});

test('a read the server never answers is given up after 10 s and asked again', async ({ page }) => {
  test.setTimeout(60_000);
  const spoiled = await spoil(page, GAZETTEER, 1, async () => {}); // left hanging
  await openDirectory(page, './?r=10');
  const started = Date.now();
  await search(page, '02139');
  expect(spoiled()).toBe(1);
  expect(Date.now() - started).toBeGreaterThan(9_000);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

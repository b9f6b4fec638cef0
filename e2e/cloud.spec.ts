// The MotherDuck cloud mode, as far as it can be tested without a MotherDuck account: the
// public page never loads the client and is not isolated; the cloud page is isolated, works on
// the site's own files, and a connection that cannot be made fails in plain words, keeps the
// directory working, and leaves the token nowhere (URL, localStorage, sessionStorage). With a
// stand-in for the client's chunk, the app's side of a connection: every view switches, the
// console only reads until unlocked, a shared query waits, reload reconnects, disconnect returns.
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleCount } from './oracle.ts';

/** The built files of the MotherDuck client's chunk (and anything only it imports). */
function cloudChunks(): string[] {
  const manifest = JSON.parse(readFileSync('dist/asset-manifest.json', 'utf8')) as Record<string, { file: string; src?: string }>;
  return Object.values(manifest).filter((entry) => entry.src?.startsWith('app/cloud/')).map((entry) => entry.file);
}

test('the public page never loads the MotherDuck client and is not cross-origin isolated', async ({ page, requests }) => {
  const chunks = cloudChunks();
  expect(chunks.length).toBeGreaterThan(0);
  await openDirectory(page, './?where=02139&r=10');
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(await oracleCount({ zip: '02139', miles: 10 })));
  expect(await page.evaluate('crossOriginIsolated')).toBe(false);
  await page.getByRole('button', { name: 'Dashboards' }).click();
  await expect(page.locator('figure svg').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'SQL console' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('[data-rows]')).toBeVisible({ timeout: 30_000 });
  expect(requests.filter((url) => chunks.some((file) => url.endsWith(file)))).toEqual([]);
});

test.describe('the cloud page', () => {
  // The client tries MotherDuck's servers when asked to connect; here they are unreachable.
  test.use({ otherOrigins: ['https://app.motherduck.com', 'https://api.motherduck.com', 'https://ext.motherduck.com'] });

  test('is isolated, runs on the site\'s files, and a failed connection keeps the token nowhere', async ({ page, requests }) => {
    test.setTimeout(120_000);
    await page.route(/^https:\/\/[a-z]+\.motherduck\.com\//, (route) => route.abort('internetdisconnected'));
    const expected = String(await oracleCount({ zip: '02139', miles: 10 }));
    await openDirectory(page, './cloud.html?where=02139&r=10');
    expect(await page.evaluate('crossOriginIsolated')).toBe(true);
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', expected);
    const chunks = cloudChunks();
    expect(requests.filter((url) => chunks.some((file) => url.endsWith(file)))).toEqual([]); // not before Connect

    const cloud = page.getByRole('region', { name: 'MotherDuck' });
    await cloud.getByRole('button', { name: 'Connect to MotherDuck' }).click();
    await expect(cloud.getByRole('alert')).toHaveText(/Enter a MotherDuck access token/);

    const token = 'nrd-e2e-token-7f3a9c';
    await cloud.getByLabel('MotherDuck token').fill(token);
    await cloud.getByRole('button', { name: 'Connect to MotherDuck' }).click();
    await expect(cloud.getByRole('alert')).toHaveText(/Could not (connect to|reach) MotherDuck/, { timeout: 90_000 });
    expect(requests.filter((url) => chunks.some((file) => url.endsWith(file))).length).toBeGreaterThan(0); // loaded on Connect
    expect(await cloud.getByRole('alert').innerText()).not.toContain(token);
    // Nor in the field: neither its value nor the attribute React mirrors it to.
    await expect(cloud.getByLabel('MotherDuck token')).toHaveValue('');
    expect(await page.content()).not.toContain(token);

    // Still the site's own files, and the token is in no URL and no storage.
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', expected);
    expect(page.url()).not.toContain(token);
    expect(requests.filter((url) => url.includes(token))).toEqual([]);
    const stored = await page.evaluate('JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])');
    expect(stored).not.toContain(token);
  });
});

/**
 * Served in place of the built MotherDuck chunk: an engine that records the SQL it is sent,
 * finds every place in Cambridge, MA and answers every count with 7, so the test can see
 * which engine each view talks to.
 */
const STAND_IN = `
  const CAMBRIDGE = { city: 'Cambridge', state: 'MA', latitude: 42.3647, longitude: -71.1042 };
  export async function connectMotherDuck(session, tables) {
    window.cloudQueries = [];
    const query = async (sql) => {
      window.cloudQueries.push(sql);
      // A ZIP's row (release/table-read.ts names the table quoted), then a city's places.
      if (/FROM "gazetteer"/.test(sql)) return [{ zip: '02139', ...CAMBRIDGE }];
      if (/FROM gazetteer/.test(sql)) return [{ label: 'Cambridge, MA 02139', latitude: CAMBRIDGE.latitude, longitude: CAMBRIDGE.longitude }];
      return /count\\(\\*\\)/i.test(sql) ? [{ n: 7 }] : [];
    };
    return { query, exec: query, cancel: async () => false, registerFile: async () => {}, copyTo: async () => new Uint8Array(), close: async () => {} };
  }`;

test.describe('connected to a stand-in', () => {
  // The stand-in is served by page.route, which a service worker's own fetches would bypass.
  test.use({ serviceWorkers: 'block' });

  test('connected, every view queries MotherDuck, the console only reads until unlocked, and disconnect returns', async ({ page }) => {
    test.setTimeout(120_000);
    await page.route(/\/assets\/motherduck-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: STAND_IN,
      headers: { 'cross-origin-embedder-policy': 'require-corp' } }));
    const local = String(await oracleCount({ zip: '02139', miles: 10 }));
    await openDirectory(page, './cloud.html?where=02139&r=10');
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', local);

    const token = 'nrd-e2e-token-51b7e0';
    const cloud = page.getByRole('region', { name: 'MotherDuck' });
    await cloud.getByLabel('MotherDuck token').fill(token);
    await cloud.getByRole('button', { name: 'Connect to MotherDuck' }).click();
    await expect(cloud).toContainText('Connected to MotherDuck: every view queries md:national_recovery_directory');
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', '7');
    // The search reads the uploaded tables by state, not the site's files.
    const sent = async () => (await page.evaluate('window.cloudQueries')) as string[];
    expect((await sent()).some((q) => q.includes(`(SELECT * FROM "organizations" WHERE state IN ('MA'`))).toBe(true);
    expect((await sent()).some((q) => q.includes('.parquet'))).toBe(false);
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate('JSON.stringify(Object.entries(localStorage))')).not.toContain(token);
    expect(await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')).toContain(token);

    // The console refuses a statement that writes until changes are allowed.
    await page.getByRole('button', { name: 'SQL console' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('DROP TABLE organizations');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByRole('alert')).toContainText('“DROP” is not a query that only reads.');
    expect((await sent()).filter((q) => q.startsWith('DROP'))).toEqual([]);
    await page.getByLabel('Allow statements that change data in md:national_recovery_directory').check();
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => (await sent()).filter((q) => q.startsWith('DROP'))).toEqual(['DROP TABLE organizations']);

    // A reload in the same tab reconnects; the query in the link waits, and writes are locked again.
    expect(page.url()).toContain('DROP');
    await page.reload();
    await expect(page.getByRole('region', { name: 'MotherDuck' })).toContainText('Connected to MotherDuck');
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
    await expect(page.getByLabel('Allow statements that change data in md:national_recovery_directory')).not.toBeChecked();
    expect((await sent()).filter((q) => q.startsWith('DROP'))).toEqual([]);

    // Disconnect: the site's files again, and the token forgotten.
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByRole('button', { name: 'Connect to MotherDuck' })).toBeVisible();
    await page.getByRole('button', { name: 'Directory', exact: true }).click();
    await page.getByLabel('Near (ZIP code or City, ST)').fill('02139');
    await page.getByLabel('Within').selectOption('10');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', local);
    expect(await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')).not.toContain(token);
  });
});

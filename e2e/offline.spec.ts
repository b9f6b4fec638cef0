// Offline: after one visit the app keeps the whole release by itself; the network is cut, the
// page reloads, and a search, a console query and an export all work from the kept copy. The
// service worker leaves other apps at the same origin alone and keeps nothing sent no-store.
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { csvIds, expect, openDirectory, test } from './fixtures.ts';
import { oracleIds } from './oracle.ts';

// As on a first visit: the app may copy the release by itself (the other specs turn that off).
test.use({ offlineCopy: true });

// The date as the page writes it in English (Intl): "Nov 1, 2024".
const READY = /Works offline on this device: the data as of [A-Z][a-z]{2} \d{1,2}, \d{4} is kept \(\d+ files, [\d.]+ MB\)/;

test('after one visit, works with the network cut', async ({ page, context }) => {
  test.setTimeout(240_000); // the copy is 33 MB through a service worker
  await openDirectory(page, './?where=02139&r=10');
  // Nobody clicks: the copy starts by itself once the directory is open.
  await expect(page.locator('.offline-copy')).toContainText(READY, { timeout: 120_000 });
  console.log(await page.locator('.offline-copy [role=status]').innerText()); // the copy's size, for the record
  // Left out: the engine bundle Chromium does not run, and the MotherDuck client.
  const kept = (await page.evaluate(`caches.keys().then((keys) => caches.open(keys.find((k) => k.startsWith('nrd-offline-'))))
    .then((cache) => cache.keys()).then((requests) => requests.map((r) => r.url))`)) as string[];
  expect(kept.filter((url) => /duckdb-eh-.*\.wasm$/.test(url))).toHaveLength(1);
  expect(kept.filter((url) => /duckdb-mvp|motherduck-/.test(url))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  const expected = await oracleIds({ zip: '02139', miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected.length), { timeout: 60_000 });
  // The icon too is answered from the copy (each offline load logged its failed request).
  expect(await page.evaluate(() => fetch(new URL('favicon.svg', document.baseURI)).then((r) => r.status, String))).toBe(200);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const ids = csvIds(readFileSync((await download.path())!, 'utf8'));
  expect(ids).toEqual(expected);

  await page.getByRole('button', { name: 'SQL console' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT count(*) AS n FROM organizations_by_id');
  await page.getByRole('button', { name: 'Run' }).click();
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
  await expect(page.getByRole('region', { name: 'Query results' })).toContainText(String(manifest.tables.organizations.rows), { timeout: 60_000 });
});

test.describe('a new release', () => {
  // The app on its own server, so the release behind /data/ can change during the test.
  test.use({ baseURL: 'http://127.0.0.1:4184/' });

  test('replaces the kept copy whole, and a failed copy leaves the previous one as it was', async ({ page, context }) => {
    test.setTimeout(300_000);
    const { cpSync, mkdtempSync, readFileSync: read, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createStaticServer } = await import('../scripts/serve/static-server.ts');
    const release = (date: string, drop?: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'nrd-release-'));
      cpSync('dist/data', dir, { recursive: true });
      const manifest = JSON.parse(read(join(dir, 'manifest.json'), 'utf8'));
      Object.assign(manifest, { data_date: date, built_at: `${date}T00:00:00.000Z` });
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      for (const sibling of ['manifest.json.br', 'manifest.json.gz']) rmSync(join(dir, sibling), { force: true }); // stale now
      if (drop) rmSync(join(dir, manifest.tables[drop].files[0].path));
      return dir;
    };
    const mounts: Record<string, string> = { '/data': release('2031-01-01') };
    const server = createStaticServer({ root: 'dist', mounts });
    await new Promise<void>((done) => server.listen(4184, '127.0.0.1', done));
    // Each visit copies the release it finds, by itself.
    const kept = async (outcome: RegExp) => {
      await expect(page.locator('.offline-copy')).toContainText(outcome, { timeout: 120_000 });
    };
    const offlineDate = async () => {
      await context.setOffline(true);
      await page.reload();
      await expect(page.getByText(/Data as of/)).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 60_000 });
      const text = await page.getByText(/Data as of/).innerText();
      await context.setOffline(false);
      return text;
    };
    try {
      await openDirectory(page, './?where=02139&r=10');
      await kept(/the data as of Jan 1, 2031 is kept/);
      expect(await offlineDate()).toContain('Jan 1, 2031');

      mounts['/data'] = release('2032-02-02');
      await page.reload();
      await kept(/the data as of Feb 2, 2032 is kept/);
      expect(await offlineDate()).toContain('Feb 2, 2032');

      // A release with a file missing: the copy fails and the 2032 copy stays whole.
      mounts['/data'] = release('2033-03-03', 'gazetteer');
      await page.reload();
      await kept(/copy failed/);
      expect(await offlineDate()).toContain('Feb 2, 2032');
    } finally {
      server.close();
    }
  });
});

test('removing the copy is one click, and the app then copies only when asked', async ({ page }) => {
  test.setTimeout(240_000);
  await openDirectory(page, './?where=02139&r=10');
  await expect(page.locator('.offline-copy')).toContainText(READY, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Remove the copy' }).click();
  const keep = page.getByRole('button', { name: 'Keep the directory on this device for offline use' });
  await expect(keep).toBeVisible();
  const copies = () => page.evaluate('caches.keys().then((keys) => keys.filter((k) => k.startsWith("nrd-offline-")))');
  expect(await copies()).toEqual([]);

  await page.reload();
  await expect(page.locator('[data-total]')).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(7_000); // past the moment a copy would have started by itself
  await expect(keep).toBeVisible();
  expect(await copies()).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the app copies only when asked: a phone may say nothing of what its data costs', async ({ page }) => {
    // 28 MB copied unasked on a parent's phone (SAMHSA's directory, a walkthrough); iPhone's Safari tells no connection type.
    await openDirectory(page, './?where=02139&r=10');
    await expect(page.locator('[data-total]')).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(7_000); // past the moment a copy would have started by itself
    await expect(page.getByRole('button', { name: 'Keep the directory on this device for offline use' })).toBeAttached();
    expect(await page.evaluate('caches.keys().then((keys) => keys.filter((k) => k.startsWith("nrd-offline-")))')).toEqual([]);
  });
});

test.describe('beside another app at the same origin', () => {
  // The app at the root of an origin whose /other-app/ is someone else's, sent `no-store`.
  const port = Number(process.env.E2E_PORT ?? 4173) + 14;
  test.use({ baseURL: `http://127.0.0.1:${port}/`, offlineCopy: false });
  let version = 1;
  let server: Server;

  test.beforeAll(async () => {
    const { createStaticServer } = await import('../scripts/serve/static-server.ts');
    const app = createStaticServer({ root: 'dist' }).listeners('request')[0] as RequestListener;
    server = createServer((req, res) => {
      const noStore = { 'cache-control': 'no-store' };
      if (req.url?.startsWith('/other-app/')) {
        const script = req.url.endsWith('.js');
        res.writeHead(200, { ...noStore, 'content-type': script ? 'text/javascript' : 'text/html' });
        return res.end(script ? `document.body.dataset.version = '${version}';`
          : '<!doctype html><title>Another app</title><body><script src="/other-app/app.js"></script></body>');
      }
      // One of the app's own files, sent no-store.
      if (req.url === '/assets/no-store.js') return res.writeHead(200, { ...noStore, 'content-type': 'text/javascript' }).end('// fresh');
      return app(req, res);
    });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  });
  test.afterAll(() => server?.close());

  test('the service worker routes only the app\'s own files and keeps nothing sent no-store', async ({ page }) => {
    await openDirectory(page, './?where=02139&r=10');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // in charge from the next load
    await expect(page.locator('[data-total]')).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.evaluate(() => fetch('assets/no-store.js').then((r) => r.text()))).toBe('// fresh');

    const other = await page.goto('./other-app/');
    expect(other!.fromServiceWorker()).toBe(false);
    await expect(page.locator('body')).toHaveAttribute('data-version', '1');
    version = 2;
    await page.reload();
    await expect(page.locator('body')).toHaveAttribute('data-version', '2');

    const kept = (await page.evaluate(`caches.keys().then((keys) => Promise.all(keys.map((k) => caches.open(k)
      .then((c) => c.keys()).then((requests) => requests.map((r) => r.url))))).then((lists) => lists.flat())`)) as string[];
    expect(kept.filter((url) => /other-app|no-store/.test(url))).toEqual([]);
    expect(kept).toContain(`http://127.0.0.1:${port}/`); // the app's own page is still kept
  });
});

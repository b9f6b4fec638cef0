// The same build on hosts less kind than the test server: under a sub-path, behind a server
// that ignores Range requests, with a data file gone, with the map's chunk unreachable.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticServer, type ServeOptions } from '../scripts/serve/static-server.ts';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleCount } from './oracle.ts';

const servers: Server[] = [];
/** What each server answered for a Parquet file, as it sent it (the browser's cache may answer a range itself). */
const sent = new Map<number, number[]>();
async function serve(port: number, options: ServeOptions) {
  const server = createStaticServer(options);
  sent.set(port, []);
  server.on('request', (request, response) => {
    if (request.url?.split('?')[0].endsWith('.parquet')) response.on('finish', () => sent.get(port)!.push(response.statusCode));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  servers.push(server);
}
test.afterAll(() => servers.forEach((s) => s.close()));

test.describe('under a sub-path, on a host that ignores Range requests', () => {
  test.use({ baseURL: 'http://127.0.0.1:4181/directory/' });
  test.beforeAll(() => serve(4181, { root: mkdtempSync(join(tmpdir(), 'nrd-empty-')), mounts: { '/directory': 'dist' }, ranges: false }));

  test('reads whole files and finds the same results, without alarming anyone', async ({ page }) => {
    await openDirectory(page, './?where=02139&r=10');
    const expected = await oracleCount({ zip: '02139', miles: 10 });
    await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected), { timeout: 30_000 });
    await expect(page.locator('tr[data-org-id]').first()).toBeVisible();
    // The server sent every file whole (200), so the range-less path really ran.
    const parquet = sent.get(4181)!;
    expect(parquet.length).toBeGreaterThan(0);
    expect(parquet.filter((status) => status !== 200)).toEqual([]);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('with one data file missing', () => {
  test.use({ baseURL: 'http://127.0.0.1:4182/' });
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
  const rhodeIsland: string = manifest.tables.organizations.files.find((f: { partition: { state: string } }) => f.partition.state === 'RI').path;
  test.beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), 'nrd-data-'));
    cpSync('dist/data', data, { recursive: true });
    rmSync(join(data, rhodeIsland));
    await serve(4182, { root: 'dist', mounts: { '/data': data } });
  });

  test('says which file failed where it was needed, and everything else keeps working', async ({ page }) => {
    await openDirectory(page, './?where=02903&r=10'); // Providence, RI
    await expect(page.getByRole('alert').first()).toContainText(rhodeIsland);
    await expect(page.getByRole('complementary', { name: 'Help right now' }).getByRole('link', { name: '988' })).toBeVisible();

    await page.getByLabel('Near (ZIP code or City, ST)').fill('02139');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('when the map cannot load', () => {
  // The page's routes do not see what a service worker fetches for it.
  test.use({ serviceWorkers: 'block' });

  test('the list still has every result', async ({ page }) => {
    await page.route(/results-map-.*\.js$/, (route) => route.abort());
    await openDirectory(page, './?where=02139&r=10');
    await expect(page.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('The map could not be loaded');
  });
});

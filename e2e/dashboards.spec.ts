// Dashboards: the aggregates drawn (a US choropleth among them), each with its data and SQL,
// the SQL one click from the console, and the data-quality figures from the release itself.
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleRows } from './oracle.ts';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));

test('in Spanish the states map names the states in Spanish, as the state search does', async ({ page }) => {
  // The names were the release's English ones in a Spanish page (a person test).
  await openDirectory(page, './?view=dashboards&lang=es');
  const byState = page.getByRole('region', { name: 'Organizaciones por estado' });
  await expect(byState.locator('.chart svg title').filter({ hasText: /^Nueva York: / })).toHaveCount(1, { timeout: 30_000 });
  await expect(byState.locator('.chart svg title').filter({ hasText: /^New York: / })).toHaveCount(0);
  await openDirectory(page, './?where=NY&lang=es');
  await expect(page.locator('[data-total]')).toContainText('resultados en Nueva York', { timeout: 30_000 });
  await expect(page).toHaveTitle(/^Tratamiento en Nueva York — /);
  // Typed in Spanish, accents or none, the name is the state: "Luisiana" was Louisiana, MO.
  const [{ n }] = await oracleRows(`SELECT count(*)::INTEGER AS n FROM read_parquet('dist/data/organizations_by_id/*.parquet')
    WHERE state = 'LA' AND NOT mental_health_only`);
  await openDirectory(page, './?where=Luisiana&lang=es');
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(n), { timeout: 30_000 });
  await expect(page.locator('[data-total]')).toContainText('resultados en Luisiana');
  // Typed, it goes in the link by its English name: read as the state only in Spanish, a shared link
  // found a town; and "Nueva York" is then the city, as "New York" is, with the whole state offered.
  await page.getByLabel('Cerca de (código postal o Ciudad, ST)').fill('Nueva York');
  await page.getByRole('button', { name: 'Buscar', exact: true }).click();
  await expect(page).toHaveURL(/[?&]where=New\+York(&|$)/);
  await expect(page.locator('[data-total]')).toContainText('millas de New York, NY');
  await page.locator('.did-you-mean').getByRole('button', { name: /Nueva York/ }).click();
  await expect(page.locator('[data-total]')).toContainText('resultados en Nueva York');
});

test('charts with their data and SQL, and the data quality of the release', async ({ page }) => {
  await openDirectory(page, './?view=dashboards');
  const byState = page.getByRole('region', { name: 'Organizations by state' });
  // Every state and territory with organizations is a row; the map draws the states.
  await expect(byState.locator('.chart')).toHaveAttribute('data-rows', /^\d+$/, { timeout: 30_000 });
  expect(Number(await byState.locator('.chart').getAttribute('data-rows'))).toBeGreaterThan(45);
  expect(await byState.locator('.chart svg path').count()).toBeGreaterThan(45);
  // What the projection cannot draw is named under the map, not left to the table alone.
  await expect(byState.locator('figcaption')).toHaveText(/^Not on this map \(in its data\): .*Puerto Rico [\d,]+.*\.$/);
  await expect(byState.locator('figcaption')).not.toContainText('Massachusetts');
  await expect(page.getByRole('region', { name: 'Treatment capacity by state and level of care' }).locator('.chart svg').last()).toBeVisible();
  await expect(page.locator('.chart-panel').filter({ hasText: /^Where / }).locator('.chart svg').last()).toBeVisible();

  // The page's outline starts at h1, each chart an h2.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Organizations by state' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Data quality' })).toBeVisible();

  await byState.getByText('Data and SQL').click();
  const data = byState.getByRole('region', { name: 'Organizations by state: data' });
  // Every state's row is in the page (a find, a screen reader), its columns named in words.
  const states = Number(await byState.locator('.chart').getAttribute('data-rows'));
  await expect(data.locator('tbody tr')).toHaveCount(states);
  await expect(data.locator('table')).toHaveAttribute('aria-rowcount', String(states + 1));
  await expect(data.getByRole('columnheader')).toHaveText(['State', 'State name', 'Organizations', 'Not located on the map']);
  await byState.getByRole('button', { name: 'Open in the SQL console' }).click();
  await expect(page).toHaveURL(/view=sql&sql=.*mv_organizations_by_state/);
  await expect(page.getByRole('heading', { level: 1, name: 'SQL console' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Tables' })).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', /^\d+$/, { timeout: 30_000 });
  const total = await page.getByRole('region', { name: 'Query results' }).locator('tbody tr td:nth-child(3)').allInnerTexts();
  expect(total.length).toBeGreaterThan(0);
  await page.goBack();

  const quality = page.getByRole('region', { name: 'Data quality' });
  for (const c of manifest.counts) {
    // Counts are written as the page's language writes numbers (English: 40,296).
    await expect(quality.getByRole('row', { name: new RegExp(c.file) })).toContainText(c.read.toLocaleString('en-US'));
  }
  await expect(quality).toContainText('all hold');
  await expect(quality).toContainText('ZIP centroid');
});

test('the data tables\' columns, and the codes in them, are named in Spanish too', async ({ page }) => {
  await openDirectory(page, './?view=dashboards&lang=es');
  const byState = page.getByRole('region', { name: 'Organizaciones por estado' });
  await expect(page.getByRole('heading', { level: 1, name: 'Paneles' })).toBeVisible();
  await byState.getByText('Datos y SQL').click();
  await expect(byState.getByRole('columnheader')).toHaveText(['Estado', 'Nombre del estado', 'Organizaciones', 'Sin ubicación en el mapa']);
  // Levels of care were "inpatient", "outpatient", "residential" in every language (a person test).
  const capacity = page.locator('section.chart-panel').nth(1);
  await capacity.getByText('Datos y SQL').click();
  const levels = capacity.locator('.data-table td:nth-child(2)');
  await expect(levels.first()).toBeVisible();
  expect(new Set(await levels.allTextContents())).toEqual(new Set(['Ambulatorio', 'Residencial', 'Hospitalización']));
});

test('on a phone the data quality table breaks file names at their underscores, not letter by letter', async ({ page }) => {
  // Allowed to break anywhere, "treatment_centers_master.json" stood one letter a line (a person test).
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './?view=dashboards');
  const file = page.locator('table.quality th[scope="row"]').first();
  await expect(file).toContainText('.json', { timeout: 30_000 });
  const lines = async (cell: typeof file) => {
    const height = (await cell.boundingBox())!.height;
    const line = await cell.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.2);
    return Math.round(height / line);
  };
  expect(await lines(file)).toBeLessThanOrEqual(4);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

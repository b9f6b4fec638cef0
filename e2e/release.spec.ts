// A cold visit: the engine starts in the browser, opens the Parquet release, and the page
// says plainly that the data is the generated sample, with the helplines always shown.
import { readFileSync } from 'node:fs';
import { englishDate, expect, openDirectory, test } from './fixtures.ts';
import { oracleRows } from './oracle.ts';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));

test('opens the release and counts what it holds, from this origin only', async ({ page }) => {
  await openDirectory(page);
  await expect(page.getByRole('link', { name: '988' })).toHaveAttribute('href', 'tel:988');
  await expect(page.getByRole('link', { name: '1-800-662-4357' })).toHaveAttribute('href', 'tel:+18006624357');
  await expect(page.getByText('Sample data:')).toBeVisible();
  await expect(page.getByText(`Data as of ${englishDate(manifest.data_date)}`)).toBeVisible();
  // No list until asked; then, with no location, the whole country: every organization in the
  // release but the mental-health-only facilities, which are left out until asked for.
  await expect(page.locator('[data-total]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Or list every organization in the country' }).click();
  const listed = await page.locator('[data-total]').getAttribute('data-total', { timeout: 30_000 });
  // The national list is a link like any search: reloading it (or a copy of it) lists the country again.
  await expect(page).toHaveURL(/\?all=1$/);
  await page.reload();
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', listed!, { timeout: 30_000 });
  const mentalHealthOnly = manifest.tables.organizations.rows - Number(listed);
  const [{ n }] = await oracleRows(`SELECT count(*)::INTEGER AS n FROM read_parquet('dist/data/treatment_centers/*.parquet') WHERE facility_type = 'MH'`);
  expect(mentalHealthOnly).toBe(n);
  await page.locator('summary', { hasText: /^Filters/ }).click();
  await page.getByRole('checkbox', { name: /Include mental-health-only facilities/ }).check();
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(manifest.tables.organizations.rows), { timeout: 30_000 });
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible();
});

test('shows the helplines even when the engine cannot start', async ({ page }) => {
  await page.route('**/manifest.json', (route) => route.fulfill({ status: 500, body: 'broken' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('could not start');
  await expect(page.getByRole('complementary', { name: 'Help right now' }).getByRole('link', { name: '988' })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('link', { name: '988' })).toBeVisible();
});

// The SQL console: a shared query waits for Run, Ctrl+Enter runs it, errors keep DuckDB's
// words and position, names complete, the schema browser inserts names, history survives a reload, and the
// results download as the engine wrote them.
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test } from './fixtures.ts';

const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
const editor = (page: import('@playwright/test').Page) => page.locator('.cm-content');

test('a shared query is shown, runs only when asked, and its results download', async ({ page }) => {
  const sql = 'SELECT state, count(*) AS n FROM organizations_by_id GROUP BY state ORDER BY n DESC, state';
  await openDirectory(page, `./?view=sql&sql=${encodeURIComponent(sql)}`);
  await expect(editor(page)).toContainText('FROM organizations_by_id');
  await page.waitForTimeout(500);
  await expect(page.locator('[data-rows]')).toHaveCount(0); // shown, not run

  await editor(page).click();
  await page.keyboard.press('Control+Enter');
  const states = manifest.tables.organizations.files.length;
  await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', String(states), { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Query results' })).toContainText('state');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(lines[0]).toBe('state,n');
  expect(lines).toHaveLength(states + 1);
  const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
  expect(total).toBe(manifest.tables.organizations.rows);

  // The query went into the history, kept across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'History' })).toContainText('SELECT state, count(*)');
});

test('errors keep DuckDB\'s words and position; the schema browser inserts names', async ({ page }) => {
  await openDirectory(page, './?view=sql');
  await page.getByRole('button', { name: 'SQL console' }).waitFor();
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT * FORM ');
  await page.getByRole('navigation', { name: 'Tables' }).getByRole('button', { name: 'gazetteer', exact: true }).click();
  await expect(editor(page)).toContainText('SELECT * FORM gazetteer');
  await page.getByRole('button', { name: 'Run' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('syntax error at or near "gazetteer"');
  await expect(alert).toContainText('LINE 1');

  // Opening a table shows its columns as the engine describes them, partition column included.
  const tables = page.getByRole('navigation', { name: 'Tables' });
  const summary = tables.locator('summary', { hasText: 'treatment_centers' });
  await expect(summary).toContainText(`${manifest.tables.treatment_centers.rows.toLocaleString('en-US')} rows`);
  await summary.click({ position: { x: 2, y: 8 } });
  const described = tables.locator('ul[data-described]');
  await expect(described).toContainText('state VARCHAR');
  await expect(described).toContainText('org_id VARCHAR');
});

test('a long query can be cancelled, and the console goes on working', async ({ page }) => {
  await openDirectory(page, `./?view=sql&sql=${encodeURIComponent('SELECT count(*) AS n FROM range(100000000000) a')}`);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^Cancelled after \d+ ms\.$/)).toBeVisible({ timeout: 30_000 });
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT 42 AS answer');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', '1', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Query results' })).toContainText('42');
});

test('the editor completes table and column names from the release', async ({ page }) => {
  await openDirectory(page, './?view=sql');
  await editor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT * FROM organizations_b');
  const completions = page.locator('.cm-tooltip-autocomplete');
  await completions.getByRole('option', { name: /organizations_by_id/ }).click();
  await expect(editor(page)).toHaveText('SELECT * FROM organizations_by_id');
  // A bare column, from the tables the query names; and one after an alias.
  await page.keyboard.type(' o WHERE geo_prec');
  await expect(completions).toContainText('geo_precision');
  await page.keyboard.press('Escape');
  await page.keyboard.type('ision IS NULL AND o.zi');
  await expect(completions).toContainText('zip4');
});

// The SQL console: a shared query waits for Run, Ctrl+Enter runs it, errors keep DuckDB's
// words and position, names complete, the schema browser inserts names, history survives a reload, and the
// results download as the engine wrote them.
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test, withoutBom } from './fixtures.ts';

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
  const text = readFileSync((await download.path())!, 'utf8');
  // UTF-8's byte order mark first, for Excel.
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = withoutBom(text).trim().split('\n');
  expect(lines[0]).toBe('state,n');
  expect(lines).toHaveLength(states + 1);
  const total = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
  expect(total).toBe(manifest.tables.organizations.rows);

  // The query went into the history, kept across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'History' })).toContainText('SELECT state, count(*)');
});

test('a long one-line query and its wide results stay within the page, each scrolling in its own box', async ({ page }) => {
  // The page grew to 2,371-2,520 px at 1366, the run button's options and most columns off screen (a person test).
  await page.setViewportSize({ width: 1366, height: 900 });
  const sql = `SELECT * FROM organizations_by_id WHERE state = 'OH' AND ${Array.from({ length: 12 }, (_, i) => `name <> 'nothing ${i}'`).join(' AND ')} LIMIT 5`;
  await openDirectory(page, `./?view=sql&sql=${encodeURIComponent(sql)}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('[data-rows]')).toHaveAttribute('data-rows', '5', { timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
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

  // Opening a table shows its columns as the engine describes them.
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
  await page.keyboard.type('ision IS NULL AND o.type_d');
  await expect(completions).toContainText('type_detail');
});

test('a misspelled keyword is said to be one, not a change to allow', async ({ page }) => {
  // "SELEC count(*)" was refused as a write: an analyst may unlock changes chasing it (a walkthrough).
  await openDirectory(page, `./?view=sql&sql=${encodeURIComponent('SELEC count(*) FROM organizations')}`);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toContainText('No statement DuckDB knows starts with “SELEC”. Did you mean “SELECT”?');
  await expect(page.getByRole('alert')).not.toContainText('allow changes');
});

test('a shared link cannot change what the directory shows, even once changes are allowed', async ({ page }) => {
  const attack = "CREATE OR REPLACE VIEW organizations_by_id AS SELECT * REPLACE ('(555) 010-6666' AS phone) FROM organizations_by_id";
  await openDirectory(page, `./?view=sql&sql=${encodeURIComponent(attack)}`);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toContainText('The console only reads unless you allow changes. “CREATE” is not a query that only reads.');

  // Allowed, it runs, on the console's own connection.
  await page.getByRole('checkbox', { name: /Allow statements that change data/ }).check();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('[data-rows]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The directory's detail panel still reads the release.
  await page.getByRole('button', { name: 'Directory', exact: true }).click();
  await page.getByLabel('Near (ZIP code or City, ST)').fill('02139');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const first = page.locator('tr[data-org-id]').first();
  await first.getByRole('button').click();
  // The details list the phone as a link to call (no "Phone" label since the public layout).
  const phone = page.locator('.detail .contact-actions a[href^="tel:"]');
  await expect(phone).toHaveText(/^\(\d{3}\) \d{3}-\d{4}/, { timeout: 30_000 });
  await expect(page.locator('.detail')).not.toContainText('(555) 010-6666');
});

test('the console never runs inside another site\'s frame', async ({ page, baseURL }) => {
  await page.setContent(`<iframe src="${new URL('./?view=sql', baseURL).href}" width="800" height="400"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('alert')).toContainText('The SQL console does not run inside another website.', { timeout: 30_000 });
  await expect(frame.getByRole('link', { name: 'Open the console in its own tab' })).toHaveAttribute('target', '_blank');
  await expect(frame.locator('.cm-content')).toHaveCount(0);
});

test.describe('reading from other websites', () => {
  const OTHER = 'http://other-site.example';
  test.use({ otherOrigins: [OTHER] });

  test('happens only for a query the visitor allowed, however its address is written', async ({ page, requests, cspViolations }) => {
    const toOther = () => requests.filter((url) => url.startsWith(OTHER));
    const run = async (sql: string) => {
      await editor(page).click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(sql);
      await page.getByRole('button', { name: 'Run' }).click();
    };
    await openDirectory(page, './?view=sql');
    await expect(page.getByText(/SQL can read from other websites/)).toBeVisible();

    await run(`SELECT * FROM read_csv_auto('${OTHER}/list.csv')`);
    await expect(page.getByRole('alert')).toContainText(`This query would read from another website (${OTHER}/list.csv)`);
    // An address the text only builds is refused by the engine itself.
    await run(`SELECT * FROM read_csv_auto(concat('http', '://other-site.example/built.csv'))`);
    await expect(page.getByRole('alert')).toContainText('reading from other websites is switched off', { timeout: 30_000 });
    expect(toOther()).toEqual([]);

    expect(cspViolations).toEqual([]);

    // Allowed for this query: the app lets the request go, and the server's policy
    // (connect-src 'self', scripts/serve/security-headers.ts) is what refuses it here; a host that
    // relaxes connect-src lets it through.
    await run(`SELECT * FROM read_csv_auto('${OTHER}/list.csv')`);
    await page.getByRole('checkbox', { name: 'Allow this query to read from other websites' }).check();
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByRole('alert')).toContainText('failed', { timeout: 30_000 });
    expect(toOther().length).toBeGreaterThan(0);
    await expect.poll(() => cspViolations).toContain(`refused request: ${OTHER}/list.csv`);
    cspViolations.length = 0; // provoked on purpose
    // Editing the query takes the permission back.
    await editor(page).click();
    await page.keyboard.type(' ');
    await expect(page.getByRole('checkbox', { name: 'Allow this query to read from other websites' })).not.toBeChecked();
  });
});

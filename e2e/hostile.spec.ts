// Hostile input in every box and URL parameter: sane results, no error, nothing executed.
import { expect, openDirectory, test } from './fixtures.ts';

const NASTY = ["'; DROP TABLE organizations; --", '%', '_', '%_%', '"><img src=x onerror=alert(1)>', 'x'.repeat(5000),
  'مرحبا بالعالم', '🌅🧪', '\\', 'javascript:alert(1)'];

test('nasty text in the boxes', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await openDirectory(page);
  for (const text of NASTY) {
    await page.getByLabel('Name or keyword').fill(text);
    await page.getByLabel('Near (ZIP code or City, ST)').fill(text);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: /could not|not be loaded/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '988' })).toBeVisible();
  }
  expect(dialogs).toEqual([]);
});

test('nasty URL parameters', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  // Long values stay within what a web server accepts in a request line.
  for (const text of NASTY.map((t) => t.slice(0, 300))) {
    const q = encodeURIComponent(text);
    await openDirectory(page, `./?q=${q}&where=${q}&r=${q}&type=${q}&pay=${q}&org=${q}&at=${q}`);
    await expect(page.getByRole('alert').filter({ hasText: /could not|not be loaded/ })).toHaveCount(0);
  }
  await openDirectory(page, './?q=%25&where=02139');
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', '0', { timeout: 30_000 });
  expect(dialogs).toEqual([]);
});

test('markup and javascript: links from scraped sources render inert', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await openDirectory(page, `./?q=${encodeURIComponent('<script>')}`);
  const rows = page.locator('tr[data-org-id]');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('<script>alert(1)</script>');
  expect(await page.locator('.results-table script, .results-table b').count()).toBe(0);
  await rows.first().getByRole('button').click();
  await expect(page.locator('#detail-title')).toContainText('<script>alert(1)</script>');
  expect(await page.locator('.detail script').count()).toBe(0);
  const hrefs = await page.locator('.detail a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.every((h) => /^(tel:|https?:\/\/)/.test(h ?? ''))).toBe(true);
  expect(dialogs).toEqual([]);
});

test('a right-to-left override in a link or a listing cannot reverse the text around it', async ({ page }) => {
  // U+202E, sent in a shared link: echoed, but isolated.
  await openDirectory(page, `./?where=${encodeURIComponent('\u202Eedoc PIZ')}`);
  const echo = page.getByRole('alert').filter({ hasText: 'is not a ZIP code' }).locator('bdi');
  await expect(echo).toHaveText('\u202Eedoc PIZ');
  expect(await echo.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
  // Listings' places come as isolated parts: a city cannot turn its state around.
  await openDirectory(page, './?where=02139&r=10');
  const where = page.locator('tr[data-org-id]').first().locator('td .place bdi');
  await expect(where).toHaveCount(2);
  // And the street shown under a name without a program's.
  await expect(page.locator('tr[data-org-id] .street-line bdi').first()).toBeAttached();
  await expect(page.getByRole('status').filter({ hasText: 'within 10 miles of' }).locator('bdi')).toHaveText('Cambridge, MA 02139');
});

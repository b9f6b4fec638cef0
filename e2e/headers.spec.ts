// The server's security headers at work in the browser (every other spec runs under them too,
// and fails on any refusal): the policy keeps the console's SQL on this origin, and no site
// can frame the cloud page while any site may frame the public one.
import { expect, openDirectory, test } from './fixtures.ts';

test.describe('the console', () => {
  // Asked for, and refused. Nothing listens on port 9: without the policy the read would fail
  // too, but as a network error, not a refusal.
  test.use({ otherOrigins: ['http://127.0.0.1:9'] });

  test('cannot read from another origin: the policy refuses the request', async ({ page, cspViolations }) => {
    const sql = "SELECT * FROM read_csv_auto('http://127.0.0.1:9/elsewhere.csv')";
    await openDirectory(page, `./?view=sql&sql=${encodeURIComponent(sql)}`);
    // The console's own guard stops such a query first; allowed past it, the policy is what refuses.
    await page.getByRole('checkbox', { name: 'Allow this query to read from other websites' }).check();
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(page.getByRole('alert')).toContainText('127.0.0.1:9/elsewhere.csv', { timeout: 30_000 });
    await expect(page.locator('[data-rows]')).toHaveCount(0);
    expect(new Set(cspViolations)).toEqual(new Set(['refused request: http://127.0.0.1:9/elsewhere.csv']));
    cspViolations.length = 0; // provoked on purpose
  });
});

test('no site can frame the cloud page; any site may frame the public one', async ({ page, baseURL, cspViolations }) => {
  // A page of no origin of ours (about:blank) stands in for another site.
  await page.setContent(`<iframe name="public" src="${baseURL}?where=02139&r=10&embed=1" width="800" height="600"></iframe>
    <iframe name="cloud" src="${baseURL}cloud.html" width="800" height="600"></iframe>`);
  await expect(page.frameLocator('iframe[name=public]').getByRole('link', { name: '988' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => cspViolations.filter((v) => /frame-ancestors/.test(v))).not.toEqual([]);
  await expect(page.frameLocator('iframe[name=cloud]').getByRole('link', { name: '988' })).toHaveCount(0);
  cspViolations.length = 0; // provoked on purpose
});

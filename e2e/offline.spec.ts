// Offline: after one visit and "Keep the directory on this device", the network is cut, the
// page reloads, and a search, a console query and an export all work from the kept copy.
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleIds } from './oracle.ts';

test('works with the network cut once the directory is kept on this device', async ({ page, context }) => {
  test.setTimeout(240_000); // the copy is 55 MB through a service worker
  await openDirectory(page, './?where=02139&r=10');
  await page.getByText(/^Download the dataset/).click();
  await page.getByRole('button', { name: 'Keep the directory on this device for offline use' }).click();
  await expect(page.locator('.offline-copy')).toContainText('Ready offline', { timeout: 120_000 });

  await context.setOffline(true);
  await page.reload();
  const expected = await oracleIds({ zip: '02139', miles: 10 });
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected.length), { timeout: 60_000 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const ids = readFileSync((await download.path())!, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);
  expect(ids).toEqual(expected);

  await page.getByRole('button', { name: 'SQL console' }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('SELECT count(*) AS n FROM organizations_by_id');
  await page.getByRole('button', { name: 'Run' }).click();
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8'));
  await expect(page.getByRole('region', { name: 'Query results' })).toContainText(String(manifest.tables.organizations.rows), { timeout: 60_000 });
});

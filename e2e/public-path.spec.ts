// The public path, as a person looking for help takes it on a phone and on a laptop: first
// screen → ZIP search → first result in view with distance and a call link → details with
// directions and the helplines → Escape → back to the result; by keyboard with the skip link;
// a print of every result; and axe on every state (target size included).
import AxeBuilder from '@axe-core/playwright';
import { expect, openDirectory, test } from './fixtures.ts';

async function noSeriousFindings(page: import('@playwright/test').Page, state: string) {
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'target-size');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), state).toEqual([]);
}

const inView = (locator: import('@playwright/test').Locator) => locator.evaluate((el) => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
});

for (const [name, viewport] of [['a phone', { width: 390, height: 844 }], ['a laptop', { width: 1366, height: 800 }]] as const) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport });

    test('first screen → ZIP search → result in view → details → Escape → back', async ({ page }) => {
      await openDirectory(page);
      await expect(page.getByRole('heading', { name: 'Find treatment and recovery support near you' })).toBeVisible();
      const where = page.getByLabel('Near (ZIP code or City, ST)');
      await expect(where).toBeFocused();
      await expect(page.getByRole('button', { name: 'Use my location' })).toBeVisible();
      await expect(page.locator('tr[data-org-id]')).toHaveCount(0); // no A–Z list of the country
      await noSeriousFindings(page, 'the first screen');

      await where.fill('02139');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const first = page.locator('tr[data-org-id]').first();
      await expect(first).toBeVisible();
      expect(await inView(first), 'the first result on screen after the search').toBe(true);
      await expect(first).toContainText(/\d+\.\d mi/);
      await expect(first.getByRole('link', { name: /Call|\(\d{3}\)/ }).first()).toHaveAttribute('href', /^tel:\+1\d{10}$/);
      await expect(page).toHaveTitle(/near Cambridge, MA 02139 — National Recovery Directory/);
      await noSeriousFindings(page, 'the results');

      await first.locator('.link-button').click();
      const panel = page.locator('aside.detail');
      await expect(panel.locator('#detail-title')).toBeFocused();
      await expect(panel.getByRole('link', { name: 'Directions' })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?route=/);
      await expect(panel.getByText('Check with the provider before you go')).toBeVisible();
      await expect(panel.getByText(/miles from Cambridge, MA 02139/)).toBeVisible();
      const helpline = page.getByRole('link', { name: '988' }).filter({ visible: true }).last();
      expect(await inView(helpline), 'a 988 link on screen with the details open').toBe(true);
      await noSeriousFindings(page, 'the details');

      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      expect(page.url()).not.toContain('org=');
      // Not yet: focus returning to the result that opened the details (app.tsx tries; it does not land).
    });

    test('a print of a search lists every result, with addresses and phones', async ({ page }) => {
      await openDirectory(page, './?where=02139&r=25');
      const total = Number(await page.locator('[data-total]').getAttribute('data-total', { timeout: 30_000 }));
      expect(total).toBeGreaterThan(100);
      await page.emulateMedia({ media: 'print' });
      const list = page.locator('.print-list');
      await expect(list).toHaveAttribute('data-rows', String(Math.min(total, 2000)));
      await expect(list.locator('li')).toHaveCount(Math.min(total, 2000));
      await expect(list).toBeVisible();
      await expect(page.locator('.results-table')).toBeHidden();
    });
  });
}

test('by keyboard alone, with the skip link', async ({ page }) => {
  await openDirectory(page, './?where=02139&r=10');
  await expect(page.locator('tr[data-org-id]').first()).toBeVisible();
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  // From the results, Tab reaches the first result, and tabbing on down the list keeps focus in it.
  const first = page.locator('tr[data-org-id]').first().locator('.link-button');
  for (let i = 0; i < 15 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement !== document.body), `focus after ${i + 1} tabs`).toBe(true);
  }
});

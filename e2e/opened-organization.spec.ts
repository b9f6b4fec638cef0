// An opened organization as a person sees it: its nearby supports told apart when they share a
// name, and their table within the panel on a phone in both languages.
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, openDirectory, test } from './fixtures.ts';

async function rowsOf<T>(query: string, values: Record<string, string> = {}): Promise<T[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await db.runAndReadAll(query, values)).getRowObjectsJS() as T[];
  } finally {
    db.closeSync();
  }
}

interface Support { org_id: string; related_org_id: string; name: string; program_name: string | null; address_line1: string | null; city: string | null }

/** An organization two of whose nearby supports share a name (a chain's sites), with what tells each of them apart. */
async function supportsSharingAName(): Promise<Support[]> {
  return rowsOf<Support>(`
    WITH links AS (
      SELECT r.org_id, r.related_org_id, o.name, o.program_name, o.address_line1, o.city, o.zip
      FROM read_parquet('dist/data/network_relationships/*.parquet') r
      JOIN read_parquet('dist/data/organizations_by_id/*.parquet') o ON o.org_id = r.related_org_id),
    shared AS (SELECT org_id FROM links GROUP BY org_id, name HAVING count(*) > 1 ORDER BY org_id LIMIT 1)
    SELECT * FROM links WHERE org_id IN (SELECT org_id FROM shared) ORDER BY related_org_id`);
}

test('nearby supports that share a name are told apart by their program and street', async ({ page }) => {
  const supports = await supportsSharingAName();
  expect(new Set(supports.map((s) => s.name)).size).toBeLessThan(supports.length);
  await openDirectory(page, `./?org=${supports[0].org_id}`);
  const table = page.getByRole('region', { name: 'Nearby supports' });
  await expect(table.locator('tbody tr')).toHaveCount(supports.length, { timeout: 30_000 });
  for (const s of supports) {
    const cell = table.locator(`tr[data-related-id="${s.related_org_id}"] td:first-child`);
    for (const part of [s.name, s.program_name, s.address_line1, s.city]) if (part) await expect(cell).toContainText(part);
  }
  const names = await table.locator('tbody td:first-child').allInnerTexts();
  expect(new Set(names).size, 'no two rows read the same').toBe(names.length);
});

test('the nearby supports fit the panel of a phone, in English and in Spanish', async ({ page }) => {
  const [{ org_id: orgId }] = await rowsOf<{ org_id: string }>(`SELECT org_id FROM read_parquet('dist/data/network_relationships/*.parquet')
    GROUP BY org_id ORDER BY count(*) DESC, org_id LIMIT 1`);
  for (const width of [390, 320]) {
    for (const [lang, title] of [['en', 'Nearby supports'], ['es', 'Apoyos cercanos']]) {
      await page.setViewportSize({ width, height: 844 });
      await openDirectory(page, `./?org=${orgId}&lang=${lang}`);
      const table = page.getByRole('region', { name: title }).locator('table');
      await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
      const fit = await page.evaluate(() => {
        const panel = document.querySelector('.detail')!;
        const t = document.querySelector('table.nearby')!;
        return { panel: panel.getBoundingClientRect().right, table: t.getBoundingClientRect().right, wide: t.scrollWidth - t.clientWidth,
          scrolls: panel.scrollWidth - panel.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
      });
      expect(fit, `${lang} at ${width} px`).toEqual({ ...fit, wide: 0, scrolls: 0, page: 0 });
      expect(fit.table, `${lang} at ${width} px`).toBeLessThanOrEqual(fit.panel);
    }
  }
});

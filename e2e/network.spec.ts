// An organization's network: its related supports in a table sortable by strength, distance
// and type, and drawn on the map as links, the same ones the release holds.
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, openDirectory, test } from './fixtures.ts';

async function busiestNear02139(): Promise<{ orgId: string; links: number }> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const reader = await db.runAndReadAll(`
      SELECT r.org_id, count(*)::INTEGER AS links
      FROM read_parquet('dist/data/network_relationships/*.parquet') r
      JOIN read_parquet('dist/data/organizations_by_id/*.parquet') o USING (org_id)
      WHERE o.zip = '02139' GROUP BY ALL ORDER BY links DESC, r.org_id LIMIT 1`);
    const [row] = reader.getRowObjectsJS();
    return { orgId: String(row.org_id), links: Number(row.links) };
  } finally {
    db.closeSync();
  }
}

test('the network of an organization, as a sortable table and as links on the map', async ({ page }) => {
  const { orgId, links } = await busiestNear02139();
  expect(links).toBeGreaterThan(2);
  await openDirectory(page, `./?where=02139&r=10&org=${orgId}`);
  const table = page.getByRole('region', { name: 'Nearby supports' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(links, { timeout: 30_000 });

  // The sentence over the table names each kind it lists, as the table's column does.
  const adds = (await table.locator('tbody td:nth-child(2)').allInnerTexts()).map((cell) => cell.split('\n')[0].toLowerCase());
  const sentence = await table.locator('p').innerText();
  for (const kind of new Set(adds)) expect(sentence).toContain(kind);
  await table.getByRole('button', { name: 'What it adds' }).click();
  expect((await table.locator('tbody td:nth-child(2)').allInnerTexts()).map((cell) => cell.split('\n')[0].toLowerCase()))
    .toEqual([...adds].sort((a, b) => a.localeCompare(b, 'en')));

  await table.getByRole('button', { name: 'Distance' }).click();
  const miles = await table.locator('td[data-miles]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-miles'))));
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
  await table.getByRole('button', { name: 'Fit' }).click();
  const strengths = await rows.locator('td:last-child').allInnerTexts();
  expect(strengths.map((s) => parseInt(s, 10))).toEqual(strengths.map((s) => parseInt(s, 10)).sort((a, b) => b - a));

  await expect(page.locator('.map-canvas')).toHaveAttribute('data-link-count', String(links), { timeout: 30_000 });
});

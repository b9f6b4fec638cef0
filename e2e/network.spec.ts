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

/** The places an organization's links name, with its own: where the map should frame it. */
/**
 * An organization about Cambridge whose links all lie within 10 miles: framed, its places need a
 * closer view than the 25-mile search (the busiest one's links may reach the search's edge).
 */
async function compactNear02139(): Promise<string> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const reader = await db.runAndReadAll(`
      SELECT r.org_id FROM read_parquet('dist/data/network_relationships/*.parquet') r
      JOIN read_parquet('dist/data/organizations_by_id/*.parquet') o USING (org_id)
      WHERE o.latitude BETWEEN 42.26 AND 42.46 AND o.longitude BETWEEN -71.25 AND -70.95
      GROUP BY ALL HAVING count(*) >= 3 AND max(r.distance_miles) <= 10 ORDER BY count(*) DESC, r.org_id LIMIT 1`);
    return String(reader.getRowObjectsJS()[0].org_id);
  } finally {
    db.closeSync();
  }
}

async function placesOf(orgId: string): Promise<{ lon: number; lat: number }[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const reader = await db.runAndReadAll(`
      SELECT o.longitude::DOUBLE AS lon, o.latitude::DOUBLE AS lat FROM read_parquet('dist/data/organizations_by_id/*.parquet') o
      WHERE o.latitude IS NOT NULL AND (o.org_id = $id
        OR o.org_id IN (SELECT related_org_id FROM read_parquet('dist/data/network_relationships/*.parquet') WHERE org_id = $id))`, { id: orgId });
    return reader.getRowObjectsJS().map((r) => ({ lon: Number(r.lon), lat: Number(r.lat) }));
  } finally {
    db.closeSync();
  }
}

test('an opened organization is framed on the map with the places its links name; closed, the map goes back to the search', async ({ page }) => {
  const orgId = await compactNear02139();
  const places = await placesOf(orgId);
  expect(places.length).toBeGreaterThan(2);
  await openDirectory(page, './?where=02139&r=25');
  const canvas = page.locator('.map-canvas');
  await expect(canvas).toHaveAttribute('data-view', /./, { timeout: 30_000 });
  const view = async () => (await canvas.getAttribute('data-view'))?.split(',').map(Number) ?? [];
  const search = await view();
  await page.goto(`./?where=02139&r=25&org=${orgId}`);
  await expect(page.locator('#detail-title')).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => {
    const [w, s, e, n] = await view();
    return places.every((p) => p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n) && e - w < search[2] - search[0];
  }, { message: 'every place in view, closer than the 25-mile search', timeout: 30_000 }).toBe(true);
  await page.getByRole('button', { name: 'Close details' }).click();
  // The search's circle whole again, about its center (the map grows back as the details close, keeping its zoom).
  await expect.poll(async () => {
    const [w, s, e, n] = await view();
    const centered = Math.abs((w + e) / 2 - (search[0] + search[2]) / 2) < 0.05 && Math.abs((s + n) / 2 - (search[1] + search[3]) / 2) < 0.05;
    return centered && w <= search[0] + 0.01 && s <= search[1] + 0.01 && e >= search[2] - 0.01 && n >= search[3] - 0.01;
  }, { message: 'the search in view again', timeout: 10_000 }).toBe(true);
});

test('a support placed at its ZIP\'s or town\'s center is about so far; one at its own position, to a tenth of a mile', async ({ page }) => {
  // Two listings at one ZIP's center read "0.0 mi" apart (SAMHSA's directory; a walkthrough), as the
  // list's "0.0 mi" did before it read "about 1 mi".
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  let links: { related_org_id: string; distance_miles: number; related_geo_precision: string }[];
  let orgId: string;
  let atZipCenter: { org_id: string; zip: string };
  try {
    const reader = await db.runAndReadAll(`
      SELECT r.org_id FROM read_parquet('dist/data/network_relationships/*.parquet') r
      JOIN read_parquet('dist/data/organizations_by_id/*.parquet') o USING (org_id)
      WHERE o.zip = '02139' AND o.geo_precision = 'source'
      GROUP BY ALL HAVING count_if(r.related_geo_precision = 'zip') > 0 AND count_if(r.related_geo_precision = 'source') > 0
      ORDER BY r.org_id LIMIT 1`);
    orgId = String(reader.getRowObjectsJS()[0].org_id);
    links = (await db.runAndReadAll(`SELECT related_org_id, distance_miles, related_geo_precision
      FROM read_parquet('dist/data/network_relationships/*.parquet') WHERE org_id = '${orgId}'`)).getRowObjectsJS() as typeof links;
    [atZipCenter] = (await db.runAndReadAll(`SELECT org_id, zip FROM read_parquet('dist/data/organizations_by_id/*.parquet')
      WHERE geo_precision = 'zip' ORDER BY org_id LIMIT 1`)).getRowObjectsJS() as typeof atZipCenter[];
  } finally {
    db.closeSync();
  }
  await openDirectory(page, `./?where=02139&r=10&org=${orgId}`);
  const table = page.getByRole('region', { name: 'Nearby supports' });
  await expect(table.locator('tbody tr')).toHaveCount(links.length, { timeout: 30_000 });
  for (const link of links) {
    const cell = table.locator(`tr[data-related-id="${link.related_org_id}"] td[data-miles]`);
    await expect(cell).toContainText(link.related_geo_precision === 'source'
      ? `${link.distance_miles.toFixed(1)} mi` : `about ${Math.max(1, Math.round(link.distance_miles))} mi`);
  }
  await expect(page.locator('.detail-distance')).toHaveText(/^\d+\.\d miles from Cambridge, MA 02139 in a straight line\.$/);
  // The details of one placed at the ZIP's center say so too: it was "0.0 miles from" the ZIP searched.
  await openDirectory(page, `./?where=${atZipCenter.zip}&r=10&org=${atZipCenter.org_id}`);
  await expect(page.locator('.detail-distance')).toHaveText(new RegExp(`^About 1 mile from .* ${atZipCenter.zip} in a straight line\\.$`), { timeout: 30_000 });
});

// An opened organization as a person sees it: plain to see on the map (above the clusters, clear
// of the map's own controls), its nearby supports told apart when they share a name, and their
// table within the panel on a phone in both languages.
import type { Locator, Page } from '@playwright/test';
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

interface Org { org_id: string; name: string; zip: string; lon: number; lat: number }

/** An organization with no links among others at its place: the search's view clusters it, and no frame moves the map to it. */
async function unlinkedInACluster(): Promise<Org> {
  // Both listed by default: no mental-health-only facility (left out until asked for).
  const [org] = await rowsOf<Org>(`
    WITH listed AS (SELECT * FROM read_parquet('dist/data/organizations_by_id/*.parquet')
      WHERE latitude IS NOT NULL AND org_id NOT IN (SELECT org_id FROM read_parquet('dist/data/treatment_centers/*.parquet') WHERE facility_type = 'MH'))
    SELECT o.org_id, o.name, o.zip, o.longitude::DOUBLE AS lon, o.latitude::DOUBLE AS lat
    FROM listed o
    WHERE o.org_id NOT IN (SELECT org_id FROM read_parquet('dist/data/network_relationships/*.parquet'))
      AND (SELECT count(*) FROM listed p WHERE abs(p.latitude - o.latitude) < 0.02 AND abs(p.longitude - o.longitude) < 0.02) > 1
    ORDER BY o.org_id LIMIT 1`);
  return org;
}

const box = async (l: Locator) => (await l.boundingBox())!;
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where a place is drawn on the map, in the page, from the view the map reports (Web Mercator). */
async function onScreen(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.map-canvas');
  const [w, s, e, n] = (await canvas.getAttribute('data-view'))!.split(',').map(Number);
  const { x, y, width, height } = await box(canvas.locator('canvas'));
  const mercator = (d: number) => Math.log(Math.tan(Math.PI / 4 + (d * Math.PI) / 360));
  return { x: x + ((lon - w) / (e - w)) * width, y: y + ((mercator(n) - mercator(lat)) / (mercator(n) - mercator(s))) * height };
}

/** A drag by hand, held still before the release so the map does not glide on. */
async function dragMap(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  const canvas = page.locator('.map-canvas');
  const before = await canvas.getAttribute('data-view');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 12 });
  await page.waitForTimeout(300);
  await page.mouse.up();
  await expect(canvas).not.toHaveAttribute('data-view', before!);
}

test('the opened organization is drawn over the clusters, and opened from under "Search this area" it is brought out', async ({ page }) => {
  const org = await unlinkedInACluster();
  expect(org, 'an unlinked organization with a neighbour in the sample').toBeTruthy();
  // Searched from where it is, so that it is among the list's first rows (a ZIP's may be hundreds).
  await openDirectory(page, `./?at=${org.lat.toFixed(2)},${org.lon.toFixed(2)}&r=25`);
  const canvas = page.locator('.map-canvas');
  await expect(canvas).toHaveAttribute('data-view', /./, { timeout: 30_000 });
  await expect(canvas).not.toHaveAttribute('data-point-count', '', { timeout: 30_000 });

  // Moved by hand, "Search this area" shows; then moved again so the organization is under it.
  await canvas.scrollIntoViewIfNeeded();
  const mapBox = await box(canvas.locator('canvas'));
  const middle = { x: mapBox.x + mapBox.width / 2, y: mapBox.y + mapBox.height / 2 };
  await dragMap(page, middle, { x: 30, y: 30 });
  const searchArea = page.getByRole('button', { name: 'Search this area' });
  const button = await box(searchArea);
  const at = await onScreen(page, org.lon, org.lat);
  const by = { x: button.x + button.width / 2 - at.x, y: button.y + button.height / 2 - at.y };
  await dragMap(page, { x: middle.x - by.x / 2, y: middle.y - by.y / 2 }, by);
  const under = await onScreen(page, org.lon, org.lat);
  expect(overlaps({ x: under.x, y: under.y, width: 1, height: 1 }, button), 'the organization under the button before it is opened').toBe(true);

  await page.getByRole('button', { name: org.name, exact: true }).first().click();
  await expect(page.locator('#detail-title')).toHaveText(org.name, { timeout: 30_000 });
  const mark = page.locator('.open-mark');
  await expect(mark).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.legend')).toContainText(`Open: ${org.name}`);
  // Over the canvas's clusters and their counts, on the map, and under none of its controls.
  await expect.poll(async () => {
    const m = await box(mark);
    const controls = [await box(searchArea), await box(page.getByRole('button', { name: 'Zoom in' })), await box(page.getByRole('button', { name: 'Zoom out' }))];
    const map = await box(canvas.locator('canvas'));
    const inside = m.x >= map.x && m.y >= map.y && m.x + m.width <= map.x + map.width && m.y + m.height <= map.y + map.height;
    return inside && controls.every((c) => !overlaps(m, c));
  }, { message: 'the pin on the map, clear of "Search this area" and the zoom buttons', timeout: 20_000 }).toBe(true);
  // The pin's tip on the place.
  const place = await onScreen(page, org.lon, org.lat);
  const m = await box(mark);
  expect(Math.abs(m.x + m.width / 2 - place.x)).toBeLessThan(3);
  expect(Math.abs(m.y + m.height - place.y)).toBeLessThan(3);
  expect(await page.evaluate(() => {
    const z = (s: string) => Number(getComputedStyle(document.querySelector(s) ?? document.body).zIndex) || 0;
    return z('.open-mark') > z('.cluster-count');
  })).toBe(true);

  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(mark).toHaveCount(0);
});

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

// The public path of issue 13, part A, at a phone's and a desktop's size: the keyword box finds
// services, the place box forgives, and an empty radius says where the nearest help is.
import { expect, openDirectory, test } from './fixtures.ts';
import { oracleCount, oracleNearest, oracleRows } from './oracle.ts';

const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 800 }];

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('"detox" near 60601 finds the detox facilities', async ({ page }, info) => {
      await openDirectory(page, './?where=60601&q=detox');
      const total = page.locator('[data-total]');
      await expect(total).toBeVisible({ timeout: 30_000 });
      // Independent: the Detox filter's column, or the word in a name, street or city.
      const expected = await oracleCount({ zip: '60601', miles: 25, treatmentWhere: `t.offers_detox
        OR regexp_matches(lower(o.name), '(^|[^a-z0-9])detox') OR regexp_matches(lower(coalesce(o.address_line1, '')), '(^|[^a-z0-9])detox')
        OR regexp_matches(lower(coalesce(o.city, '')), '(^|[^a-z0-9])detox')
        OR regexp_matches(lower(coalesce(array_to_string(o.other_names, ' '), '')), '(^|[^a-z0-9])detox')` });
      expect(expected).toBeGreaterThan(0);
      await expect(total).toHaveAttribute('data-total', String(expected));
      await expect(page).toHaveTitle(/^“detox” near Chicago, IL 60601 — /);
      // The page says how the word was read: the filter it stands for, beside itself in a name.
      await expect(page.locator('.text-reading [data-keyword="detox"]')).toHaveText('“detox” stands for Services: Detox, and is looked for as a word in names too');
      await page.screenshot({ path: info.outputPath('detox.png') });
    });

    test('a keyword that stands for services says which, with their names from the release; other words say where they are looked for', async ({ page }) => {
      await openDirectory(page, './?where=60601&q=aa%20springfield');
      await expect(page.locator('[data-total]')).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('.text-reading [data-keyword="aa"]')).toHaveText('“aa” stands for 12-step facilitation or Self-help groups, and is looked for as a word in names too');
      await expect(page.locator('.text-reading [data-words]')).toHaveText('“springfield” is looked for in names, addresses and the names of services');
      // "mat" stands for 14 services: three named, then how many more.
      await page.goto('./?where=60601&q=mat');
      await expect(page.locator('.text-reading [data-keyword="mat"]')).toHaveText(/^“mat” stands for [^,]+, [^,]+, [^,]+, or 11 more services, and is looked for/, { timeout: 30_000 });
    });

    test('a misspelled keyword reads as the keyword, and words that ask for nothing are left out, each said', async ({ page }) => {
      const total = page.locator('[data-total]');
      const countOf = async (q: string) => {
        await openDirectory(page, `./?where=60601${q ? `&q=${encodeURIComponent(q)}` : ''}`);
        await expect(total).toBeVisible({ timeout: 30_000 });
        return Number(await total.getAttribute('data-total'));
      };
      const suboxone = await countOf('suboxone');
      expect(suboxone).toBeGreaterThan(0);
      expect(await countOf('need suboxon clinic near me')).toBe(suboxone);
      await expect(page.locator('.text-reading [data-keyword="suboxon"]'))
        .toHaveText('“suboxon” is read as “suboxone”, which stands for Services: Buprenorphine, and is looked for as a word in names too');
      await expect(page.locator('.text-reading [data-ignored]')).toHaveText('“need” and “clinic near me” are left out: they ask for nothing in particular');
      // Nothing but them: what is near, as with no words.
      expect(await countOf('help')).toBe(await countOf(''));
    });

    for (const [where, label] of [['St. Louis, MO', 'Saint Louis, MO'], ['Boston', 'Boston, MA'], ['Bostn, MA', 'Boston, MA']]) {
      test(`"${where}" resolves to ${label}`, async ({ page }, info) => {
        await openDirectory(page);
        const box = page.getByLabel('Near (ZIP code or City, ST)');
        await box.fill(where);
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await expect(page.getByRole('status').filter({ hasText: 'miles of' })).toContainText(label, { timeout: 30_000 });
        if (where !== 'St. Louis, MO') await expect(page.locator('.did-you-mean')).toContainText('closest match');
        if (where === 'Boston') await expect(page.locator('.did-you-mean')).toContainText('Did you mean');
        await page.screenshot({ path: info.outputPath('place.png') });
      });
    }

    test('a place not found is said beside the place box, in sight, with no stale count', async ({ page }) => {
      await openDirectory(page, './?where=60601');
      await expect(page.locator('[data-total]')).toBeVisible({ timeout: 30_000 });
      const box = page.getByLabel('Near (ZIP code or City, ST)');
      await box.fill('Qqqqzz, ZZ');
      await page.getByLabel('Name or keyword').fill('detox');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page.locator('#place-problem')).toContainText('is not a ZIP code or city we know');
      // The tab does not name the words alone, as a search of the whole country would be.
      await expect(page).toHaveTitle('National Recovery Directory');
      await expect(box).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('[data-total]')).toHaveCount(0);
      // Not left on an empty "Results" with the notice above the screen: back at the box, to mend it.
      await expect(box).toBeFocused();
      await expect(page.locator('#place-problem')).toBeInViewport();
      // Searched again as it is, it is known at once, and the page stays there.
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(box).toBeFocused();
      await expect(page.locator('#place-problem')).toBeInViewport();
    });

    test('an empty radius says how far the nearest results are and reaches them in one click', async ({ page }, info) => {
      await openDirectory(page, './?where=99723&r=5');
      await expect(page.locator('[data-total]')).toHaveAttribute('data-total', '0', { timeout: 30_000 });
      const nearest = await oracleNearest('99723');
      expect(nearest).toBeGreaterThan(5);
      await expect(page.locator('[data-nearest]')).toHaveAttribute('data-nearest', nearest.toFixed(1));
      // The advice stands alone: no empty table under it, nor an empty map.
      await expect(page.getByRole('region', { name: 'Results table' })).toHaveCount(0);
      await expect(page.locator('.map-canvas')).toHaveCount(0);
      await page.screenshot({ path: info.outputPath('nearest.png') });
      const reach = [10, 25, 50, 100, 250, 500].find((r) => r >= nearest)!;
      const expected = await oracleCount({ zip: '99723', miles: reach });
      // With how many it finds there, as a few results' wider radius says.
      await page.getByRole('button', { name: `Search within ${reach} miles: ${expected} result${expected === 1 ? '' : 's'}` }).click();
      await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(expected));
      expect(expected).toBeGreaterThan(0);
      await expect(page.locator('.map-canvas')).toHaveAttribute('data-point-count', /^[1-9]/, { timeout: 30_000 });
    });
  });
}

test('a state typed alone lists all of it, by its code or its name; a large city of its name stays the city, the state offered', async ({ page }) => {
  // "WY" was "not a ZIP code or city we know"; "Wyoming" silently Wyoming, MI (a person test on SAMHSA's directory).
  const [{ n }] = await oracleRows(`SELECT count(*)::INTEGER AS n FROM read_parquet('dist/data/organizations_by_id/*.parquet')
    WHERE state = 'WY' AND NOT mental_health_only`);
  expect(Number(n)).toBeGreaterThan(0);
  const total = page.locator('[data-total]');
  for (const where of ['WY', 'Wyoming']) {
    await openDirectory(page, `./?where=${where}`);
    await expect(total).toHaveAttribute('data-total', String(n), { timeout: 30_000 });
    await expect(total).toContainText('results in Wyoming');
    await expect(page).toHaveTitle(/^Treatment in Wyoming — /);
    await expect(page.locator('.map-canvas')).toHaveAttribute('data-point-count', /^[1-9]/);
    // The radius it ignores is not shown beside it ("Within 25 miles" was).
    await expect(page.locator('select[name="radius"]')).toHaveValue('state');
    await expect(page.locator('select[name="radius"]')).toBeDisabled();
    await expect(page.locator('label', { has: page.locator('select[name="radius"]') })).toHaveText(/^In\s*the whole state$/);
  }
  // The towns of that name are offered beside the state.
  await expect(page.locator('.did-you-mean')).toContainText('Showing all of Wyoming.');
  await page.locator('.did-you-mean').getByRole('button', { name: 'Wyoming, MI' }).click();
  await expect(total).toContainText('miles of Wyoming, MI');
  // New York is the city, the state offered first.
  await openDirectory(page, './?where=New%20York');
  await expect(total).toContainText('miles of New York, NY', { timeout: 30_000 });
  await page.locator('.did-you-mean').getByRole('button', { name: 'all of New York' }).click();
  await expect(page).toHaveURL(/[?&]where=NY(&|$)/);
  await expect(total).toContainText('results in New York');
});

test('on a phone a filter ticked says the new count at the filters\' foot, and takes the person to the results', async ({ page }) => {
  // The results were 1,100 px below the open filters, with nothing said of them (a person test).
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './?where=02139&r=25');
  const total = page.locator('[data-total]');
  await expect(total).toBeVisible({ timeout: 30_000 });
  const before = await total.getAttribute('data-total');
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByRole('checkbox', { name: /^Medicaid/ }).check();
  await expect(total).not.toHaveAttribute('data-total', before!);
  const n = Number(await total.getAttribute('data-total'));
  const show = page.getByRole('button', { name: `Show ${n.toLocaleString('en-US')} results` });
  await expect(show).toBeInViewport();
  await show.click();
  await expect(page.locator('#results-title')).toBeFocused();
  await expect(page.locator('#results-title')).toBeInViewport();
});

test('"Back to the results" goes back, as the phone\'s Back does: Back then leaves the search, not opens the listing again', async ({ page }) => {
  // It pushed a new entry: the phone's Back after it opened the listing again, a loop (a person test).
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './');
  await openDirectory(page, './?where=02139&r=25');
  const cards = page.locator('tr[data-org-id]');
  await cards.nth(2).getByRole('button').first().click();
  await expect(page).toHaveURL(/[?&]org=/);
  const first = new URL(page.url()).searchParams.get('org');
  // A nearby support opened from it, then back to the results at once.
  await page.locator('.nearby tbody .link-button').first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('org')).not.toBe(first);
  await page.getByRole('button', { name: /Back to the results/ }).click();
  await expect(page).not.toHaveURL(/[?&]org=/);
  await expect(cards.nth(2).getByRole('button').first()).toBeFocused();
  await page.goBack();
  await expect(page).not.toHaveURL(/where=02139/);
});

test('on a phone the map, under every result, is a tap away over the list, and the list a tap back', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './?where=02139&r=25');
  await expect(page.locator('[data-total]')).toBeVisible({ timeout: 30_000 });
  await page.mouse.wheel(0, 2_000);
  const toMap = page.getByRole('button', { name: 'Map', exact: true });
  await expect(toMap).toBeInViewport();
  await page.screenshot({ path: info.outputPath('list.png') });
  const left = await page.evaluate(() => window.scrollY);
  expect(left).toBeGreaterThan(1_500);
  await toMap.click();
  await expect(page.locator('.map-canvas')).toBeInViewport();
  const back = page.getByRole('button', { name: 'Back to the list' });
  await expect(back).toBeFocused();
  // Back where the list was left, not at its head, focus on the button that left it.
  await back.click();
  await expect(toMap).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(left);
  await expect(page.locator('#results-title')).not.toBeInViewport();
  // The phone's Back from the map is the same way back: it left the search (a person test).
  await toMap.click();
  await expect(page).toHaveURL(/#map$/);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]where=02139/);
  await expect(page).not.toHaveURL(/#map$/);
  await expect(toMap).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(left);
  // A link opened with "#map" is no step of the page's: "Back to the list" stays on the search.
  await openDirectory(page, './');
  await openDirectory(page, './?where=02139&r=25#map');
  await expect(page.locator('[data-total]')).toBeVisible({ timeout: 30_000 });
  await toMap.click();
  await back.click();
  await expect(toMap).toBeFocused();
  await expect(page).toHaveURL(/[?&]where=02139/);
  // Beside the list on a wide screen, the map needs neither.
  await page.setViewportSize({ width: 1366, height: 800 });
  await expect(toMap).toBeHidden();
  await expect(back).toBeHidden();
});

test('on a phone a listing opened from the map goes back to the map, not to the list\'s head', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A listing with no other within ~12 miles, searched from its own ZIP: one point, in no cluster.
  const orgs = "read_parquet('dist/data/organizations/*/*.parquet')";
  const [point] = await oracleRows(`SELECT org_id, zip, latitude, longitude FROM ${orgs} o WHERE zip IS NOT NULL AND latitude IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ${orgs} p WHERE p.org_id <> o.org_id AND abs(p.latitude - o.latitude) < 0.2 AND abs(p.longitude - o.longitude) < 0.25)
    ORDER BY org_id LIMIT 1`);
  await openDirectory(page, `./?where=${String(point.zip)}&r=10`);
  const canvas = page.locator('.map-canvas');
  await expect(canvas).toHaveAttribute('data-point-count', '1', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  const back = page.getByRole('button', { name: 'Back to the list' });
  await expect(back).toBeFocused();
  const atMap = await page.evaluate(() => window.scrollY);
  // Where the point is drawn, from the map's bounds (Web Mercator).
  const [west, south, east, north] = String(await canvas.getAttribute('data-view')).split(',').map(Number);
  const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const box = (await canvas.boundingBox())!;
  await page.mouse.click(box.x + ((Number(point.longitude) - west) / (east - west)) * box.width,
    box.y + ((mercator(north) - mercator(Number(point.latitude))) / (mercator(north) - mercator(south))) * box.height);
  await expect(page).toHaveURL(new RegExp(`[?&]org=${String(point.org_id)}`));
  await page.getByRole('button', { name: /Back to the results/ }).click();
  await expect(page).not.toHaveURL(/[?&]org=/);
  await expect(back).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(atMap);
  await expect(canvas).toBeInViewport();
});

test('nothing found: the advice says the nearest is being looked for, then how far; words offer the search without one of them, with its count', async ({ page }) => {
  await openDirectory(page, './?where=59301&r=5&q=detox');
  const advice = page.locator('.empty-advice');
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', '0', { timeout: 30_000 });
  await expect(advice.getByRole('button', { name: 'Search without “detox”' })).toBeVisible();
  await expect(advice).not.toContainText('Detox filter');
  // While the nearest is looked for (seconds, with words), the advice says so; then it says how far.
  await expect(advice.locator('.finding-nearest, [data-nearest]')).toHaveCount(1);
  await expect(advice.locator('[data-nearest]')).toBeVisible({ timeout: 60_000 });
  await expect(advice.locator('.finding-nearest')).toHaveCount(0);
  // "teen detox" near Louisa, KY was advised the filters its words already were, which found the
  // same nothing (a walkthrough): the search without one word is offered, with what it finds.
  await openDirectory(page, './?where=02139&r=10&q=detox%20zzqx');
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', '0', { timeout: 30_000 });
  await expect(advice).not.toContainText('filter under Filters');
  const offer = advice.getByRole('button', { name: /^Search without “zzqx”: \d+ results?$/ });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  const offered = Number(/: (\d+) result/.exec(await offer.innerText())![1]);
  expect(offered).toBeGreaterThan(0);
  await offer.click();
  await expect(page.locator('[data-total]')).toHaveAttribute('data-total', String(offered));
  await expect(page.getByRole('searchbox', { name: 'Name or keyword' })).toHaveValue('detox');
});

test('a few results near a place offer the next radius that holds more, with how many, or say there is none', async ({ page }) => {
  // "rehab center for teens" near Los Angeles found 2 within 25 miles and said nothing of what lay
  // a little farther (a walkthrough on SAMHSA's directory).
  await page.setViewportSize({ width: 390, height: 844 });
  await openDirectory(page, './?where=59301&r=25');
  const total = page.locator('[data-total]');
  const few = await oracleCount({ zip: '59301', miles: 25 });
  const more = await oracleCount({ zip: '59301', miles: 50 });
  expect(few).toBeGreaterThan(0);
  expect(few).toBeLessThan(5);
  expect(more).toBeGreaterThan(few);
  await expect(total).toHaveAttribute('data-total', String(few), { timeout: 30_000 });
  await page.getByRole('button', { name: `Search within 50 miles: ${more} results` }).click();
  await expect(total).toHaveAttribute('data-total', String(more));
  await expect(page.locator('.wider-advice')).toHaveCount(0);

  // 97720: one result within 5 miles, and no more within 10 or 25.
  await openDirectory(page, './?where=97720&r=5');
  expect(await oracleCount({ zip: '97720', miles: 25 })).toBe(await oracleCount({ zip: '97720', miles: 5 }));
  await expect(page.locator('.wider-advice')).toHaveText('No more within 25 miles.', { timeout: 30_000 });
});

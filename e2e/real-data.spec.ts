// SAMHSA's real 2022 National Directory, as a user would bring it: imported with
// `npm run import:samhsa` (positions joined from the 2021 geocoded locator file), built with the
// data build, and searched in the production page. Counts are checked against native DuckDB
// reading the same Parquet. The files sit beside the project (../shared/real-world), in CI too.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSamhsa } from '../scripts/import/run-import.ts';
import { writeSourceFile } from '../scripts/import/write-source.ts';
import { expect, openDirectory, test } from './fixtures.ts';
import { centralZip, oracleCount, oracleIds, oracleNearest, oracleRows } from './oracle.ts';
import { releasePort, serveRelease, type ServedRelease } from './release-server.ts';

const REAL = '../shared/real-world';
const PORT = releasePort(31);

let release: ServedRelease;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { document } = await importSamhsa([
    join(REAL, 'samhsa_national_directory_su_2022_facilities.csv'),
    join(REAL, 'samhsa_locator_su_facilities_2021_geocoded.csv'),
  ]);
  const sources = mkdtempSync(join(tmpdir(), 'nrd-real-sources-'));
  writeSourceFile(join(sources, 'treatment_centers_master.json'), document.header, document.records);
  release = await serveRelease(sources, PORT);
});
test.afterAll(() => release?.server.close());
test.use({ baseURL: `http://127.0.0.1:${PORT}/` });

const total = (page: import('@playwright/test').Page) => page.locator('[data-total]');
async function countAt(page: import('@playwright/test').Page, where: string, miles: number): Promise<number> {
  await openDirectory(page, `./?where=${encodeURIComponent(where)}&r=${miles}`);
  await expect(page.getByRole('status').filter({ hasText: `within ${miles} miles of` })).toContainText(where);
  await expect(total(page)).toBeVisible({ timeout: 30_000 });
  return Number(await total(page).getAttribute('data-total'));
}

test('the release is real: every listing from SAMHSA, dated as SAMHSA dated it, no sample notice', async ({ page }) => {
  expect(release.manifest.synthetic).toBe(false);
  expect(release.manifest.generated_records).toBe(0);
  // SAMHSA dates its directory by year: no invented day ("Jun 1, 2022" before).
  expect(release.manifest.data_date).toBe('2022');
  await openDirectory(page, './?where=35007&r=10');
  await expect(page.locator('.data-date')).toContainText('Data of 2022.');
  await expect(page.getByText(/generated sample/i)).toHaveCount(0);
});

for (const zip of ['35007', '10001', '60601', '59301', '99501']) {
  test(`ZIP ${zip} at 10 and 25 miles: the page counts what DuckDB counts`, async ({ page }) => {
    for (const miles of [10, 25]) {
      const expected = await oracleCount({ zip, miles, data: release.data });
      expect(await countAt(page, zip, miles), `${zip} within ${miles} mi`).toBe(expected);
    }
  });
}

for (const where of ['New York, NY', 'Anchorage, AK', 'Fairbanks, AK']) {
  test(`"${where}" finds what its central ZIP finds`, async ({ page }) => {
    const zip = await centralZip(where, release.data);
    const expected = await oracleCount({ zip, miles: 10, data: release.data });
    expect(expected).toBeGreaterThan(0);
    expect(await countAt(page, where, 10)).toBe(expected);
    expect(await countAt(page, zip, 10)).toBe(expected);
  });
}

test('a ZIP\'s nearest rows, read before the engine starts, are in the order DuckDB gives', async ({ page }) => {
  // The engine never arrives: the rows come from the Parquet files read in JavaScript alone.
  await page.context().route(/\.wasm$/, () => {});
  // Dense (New York, Chicago), a state line (Texarkana, TX|AR; Kansas City, MO|KS), sparse (Glendive, MT).
  for (const [zip, miles] of [['10001', 10], ['60601', 25], ['75501', 50], ['64105', 25], ['59330', 50]] as const) {
    await page.goto(`./?where=${zip}&r=${miles}`);
    const rows = page.locator('tr[data-org-id]');
    await expect(rows.first()).toBeVisible();
    await expect(page.locator('.starting')).toBeVisible();
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-org-id')));
    expect(shown, `${zip} within ${miles} mi`).toEqual((await oracleIds({ zip, miles, data: release.data })).slice(0, shown.length));
    // Each row names its program (SAMHSA lists a provider's sites under one name: "TRI Center Inc" twice near 10001).
    const programs = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.program-line:not(.street-line)')?.textContent ?? null));
    const listed = await oracleRows(`SELECT org_id, program_name, address_line1 FROM read_parquet('${release.data}/organizations/*/*.parquet')`);
    const named = new Map(listed.filter((r) => r.program_name !== null).map((r) => [String(r.org_id), String(r.program_name)]));
    expect(programs, `${zip}'s program names`).toEqual(shown.map((id) => named.get(id!) ?? null));
    // Without one, its street (two "Focus Residential Group LLC" cards at 303 and 326 Gervais Rd read as one twice).
    const streets = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.street-line')?.textContent ?? null));
    const street = new Map(listed.map((r) => [String(r.org_id), r.program_name === null ? (r.address_line1 as string | null) : null]));
    expect(streets, `${zip}'s streets`).toEqual(shown.map((id) => street.get(id!) ?? null));
    if (zip === '10001') expect(programs.filter(Boolean).length, 'programs named near 10001').toBeGreaterThan(5);
  }
});

test('a known facility opens with its services by category, in SAMHSA\'s order', async ({ page }) => {
  await openDirectory(page, './?where=35007&r=5');
  const row = page.locator('tr[data-org-id]').filter({ hasText: 'Shelby County Treatment Center' });
  await row.getByRole('button', { name: 'Shelby County Treatment Center' }).click();
  const panel = page.locator('aside.detail');
  await expect(panel.locator('#detail-title')).toHaveText('Shelby County Treatment Center');
  await expect(panel.locator('.service-group h4').first()).toHaveText('Type of Care');
  await expect(panel.locator('.service-group h4').nth(1)).toHaveText(/^Service Setting/);
  await expect(panel.locator('.service-group').filter({ hasText: 'Opioid Medications used in Treatment' })).toContainText('Buprenorphine used in Treatment');
  await expect(panel.getByRole('link', { name: '(205) 216-0200' })).toHaveAttribute('href', 'tel:+12052160200');
  // SAMHSA gives its directory a year, no day: no "Updated Jun 1, 2022" (the import's June 1 was shown so).
  await expect(panel.getByText('Listing updated', { exact: true })).toHaveCount(0);
});

test('a download holds the intake numbers the details list, as SAMHSA gives them, the county, and the payments accepted apart from the rest', async ({ page }) => {
  // Only the main phone was in the file (a person test on Ohio's 439 listings); every service was in one cell.
  const [{ org_id: id, zip, intake, payment, county }] = await oracleRows(`SELECT o.org_id, o.zip, array_to_string(t.intake_phones, '; ') AS intake,
      c.county,
      (SELECT string_agg(c.name, '; ' ORDER BY c.name) FROM read_parquet('${release.data}/organization_services/*.parquet') s
        JOIN read_parquet('${release.data}/service_codes/*.parquet') c ON c.code = s.code WHERE s.org_id = o.org_id AND c.category_code = 'PAY') AS payment
    FROM read_parquet('${release.data}/organizations_by_id/*.parquet') o JOIN read_parquet('${release.data}/treatment_centers/*.parquet') t USING (org_id)
      JOIN read_parquet('${release.data}/organizations/*/*.parquet') c USING (org_id)
    WHERE len(t.intake_phones) > 1 AND c.county IS NOT NULL AND NOT o.mental_health_only ORDER BY o.org_id LIMIT 1`);
  expect(String(payment)).toContain('Medicaid');
  expect(county).toBeTruthy();
  await openDirectory(page, `./?where=${zip}&r=1`);
  await expect(total(page)).not.toHaveAttribute('data-total', '0', { timeout: 30_000 });
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const cells = (await db.runAndReadAll(`SELECT org_id, intake_phones, "Payment/Insurance/Funding Accepted" AS payment, county
    FROM read_csv('${await file.path()}', all_varchar = true)`)).getRowObjectsJS();
  // Its county too (a county analyst found none in a state's CSV).
  expect(cells.find((r) => r.org_id === id)?.county).toBe(county);
  expect(cells.find((r) => r.org_id === id)?.intake_phones).toBe(intake);
  expect(cells.find((r) => r.org_id === id)?.payment).toBe(payment);
});

test('a listing placed at its ZIP\'s center is "about" its distance, never 0.0 miles ahead of one whose street is known', async ({ page }) => {
  // Near Portsmouth, OH such a listing read "0.0 mi", first, where one downtown read 5.4 (a walkthrough).
  const [{ org_id: id, zip }] = await oracleRows(`SELECT org_id, zip FROM read_parquet('${release.data}/organizations/*/*.parquet')
    WHERE geo_precision = 'zip' AND NOT mental_health_only AND zip IS NOT NULL ORDER BY org_id LIMIT 1`);
  await openDirectory(page, `./?where=${zip}&r=5`);
  const row = page.locator(`tr[data-org-id="${id}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(/about \d+ mi/);
  await expect(row).not.toContainText('0.0 mi');
  // One whose position is its own keeps a tenth of a mile.
  await expect(page.locator('tr[data-org-id]').filter({ hasText: /\d\.\d mi/ }).first()).toBeVisible();
});

test('a phone with an extension shows it and dials it, as one link on a desktop and a phone', async ({ page }) => {
  for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(size);
    await openDirectory(page, './?where=35055&r=5');
    const row = page.locator('tr[data-org-id]').filter({ hasText: 'WellStone Inc' }).first();
    await row.getByRole('button', { name: /WellStone Inc/ }).click();
    const phone = page.locator('aside.detail').getByRole('link', { name: '(256) 734-4688 ext. 3971' });
    await expect(phone).toHaveAttribute('href', 'tel:+12567344688,3971');
    // One run of text: as flex items, the number and "ext. 3971" were two boxes (two lines to innerText) that read as two links.
    expect(await phone.evaluate((a) => (a as HTMLElement).innerText)).toBe('(256) 734-4688 ext. 3971');
  }
});

test('a treatment center\'s nearby supports say what each adds, not "other kinds" over a list of treatment centers', async ({ page }) => {
  await openDirectory(page, './?where=35055&r=5&org=SAMHSA_5678107e064e');
  const nearby = page.getByRole('region', { name: 'Nearby supports' });
  await expect(nearby.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  // SAMHSA's release holds treatment centers alone: a treatment center's supports are other levels of care.
  await expect(nearby.locator('p')).toContainText('what complements this one: another level of care.');
  await expect(nearby).not.toContainText('Other kinds');
  const adds = await nearby.locator('tbody td:nth-child(2)').allInnerTexts();
  expect(adds.length).toBeGreaterThan(0);
  for (const cell of adds) expect(cell).toBe('Another level of care\nTreatment center');
});

test('the phone map names places around rural ZIPs: its towns, then the smaller places of its squares', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // Miles City (8,800 people) waited for zoom 8 in a view of 7.8; Broadus (488) is no town of 1,000.
  for (const [zip, town] of [['59301', 'Miles City'], ['59317', 'Broadus']]) {
    await openDirectory(page, `./?where=${zip}`);
    await page.locator('.map-canvas').scrollIntoViewIfNeeded();
    const labels = page.locator('.town-label');
    await expect(labels.filter({ hasText: new RegExp(`^${town}$`) }), `${zip}'s map`).toHaveCount(1, { timeout: 30_000 });
    await expect.poll(() => labels.count(), { message: `names on ${zip}'s map` }).toBeGreaterThanOrEqual(3);
  }
});

/** The typed word as a whole word of the name, plural or possessive: a keyword's own match (text-match.ts). */
const named = (word: string) => `regexp_matches(lower(o.name), '(^|[^a-z0-9])${word}(s|es|[''’]s)?([^a-z0-9]|$)')`;
const offering = (codes: string[]) => `o.org_id IN (SELECT org_id FROM read_parquet('${release.data}/organization_services/*.parquet')
  WHERE code IN (${codes.map((c) => `'${c}'`).join(', ')}))`;

async function expectCount(page: import('@playwright/test').Page, q: string, treatmentWhere?: string) {
  const expected = await oracleCount({ zip: '10001', miles: 25, data: release.data, treatmentWhere });
  expect(expected, q).toBeGreaterThan(0);
  await openDirectory(page, `./?where=10001&q=${encodeURIComponent(q)}`);
  await expect(total(page), q).toHaveAttribute('data-total', String(expected), { timeout: 30_000 });
}

test('a program\'s own name, its card\'s second line, finds it: "murney" is Burrell Behavioral Health\'s Murney Clinic', async ({ page }) => {
  // SAMHSA lists 5,647 of the directory's facilities under a provider's name; searched, the program's found nothing.
  const holds = (columns: string) => `count_if(contains(lower(concat_ws(' ', ${columns})), 'murney'))::INTEGER`;
  const [{ n, without }] = await oracleRows(`SELECT ${holds("name, program_name, array_to_string(other_names, ' '), address_line1, city")} AS n,
      ${holds("name, array_to_string(other_names, ' '), address_line1, city")} AS without
    FROM read_parquet('${release.data}/organizations_by_id/*.parquet') WHERE NOT mental_health_only`);
  expect(Number(n)).toBeGreaterThan(Number(without));
  await openDirectory(page, './?q=murney');
  await expect(total(page)).toHaveAttribute('data-total', String(n), { timeout: 30_000 });
  await expect(page.locator('.results-table tbody')).toContainText('Murney Clinic');
});

test('a misspelled name near 02139 is offered as the listings spell it, and the offer finds it', async ({ page }) => {
  // "Nroth Charles" found nothing, with no way on but to search without the words (a person test).
  await openDirectory(page, `./?where=02139&q=${encodeURIComponent('Nroth Charles')}`);
  await expect(total(page)).toHaveAttribute('data-total', '0', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Search for “North Charles” instead (a spelling the listings use)' }).click();
  await expect(page).toHaveURL(/[?&]q=North\+Charles(&|$)/);
  await expect(total(page)).not.toHaveAttribute('data-total', '0');
  await expect(page.locator('.results-table tbody')).toContainText('North Charles');
});

test('a misspelled name whose listings lie beyond the radius is offered as spelled, with the radius that reaches them', async ({ page }) => {
  // "Pheonix House" near New York City offered only "without the words": the nearest Phoenix House is in Hauppauge.
  const miles = await oracleNearest('10001', { named: 'phoenix house', data: release.data });
  expect(miles).toBeGreaterThan(25);
  expect(miles).toBeLessThanOrEqual(50);
  await openDirectory(page, `./?where=10001&q=${encodeURIComponent('Pheonix House')}`);
  await expect(total(page)).toHaveAttribute('data-total', '0', { timeout: 30_000 });
  // Last among the offers: it comes after the count, and came in above a link a finger was on (a walkthrough).
  const offer = page.locator('.empty-advice li').last();
  await expect(offer).toHaveText('Search for “Phoenix House” within 50 miles (a spelling the listings use)', { timeout: 30_000 });
  await expect(page.locator('.empty-advice li').first()).toHaveText('Search without “Pheonix House”');
  // Not the search without the misspelled word ("house" alone): the word is offered spelled right.
  await expect(page.locator('.empty-advice')).not.toContainText('Search without “pheonix”');
  await offer.getByRole('button').click();
  await expect(page).toHaveURL(/[?&]q=Phoenix\+House(&|$)/);
  await expect(page).toHaveURL(/[?&]r=50(&|$)/);
  await expect(total(page)).not.toHaveAttribute('data-total', '0');
  await expect(page.locator('.results-table tbody')).toContainText('Phoenix House');
});

test('ordered by name, a provider\'s programs near 02139 run nearest first, either way', async ({ page }) => {
  // "Victory Programs Inc" six times near 02139, at 4.4, 3.9, 2.3… miles. The names held three times or more:
  // the first of them is on the first screen A to Z, the last Z to A.
  const ids = await oracleIds({ zip: '02139', miles: 10, data: release.data });
  const named = await oracleRows(`SELECT lower(name) AS name FROM read_parquet('${release.data}/organizations_by_id/*.parquet')
    WHERE org_id IN (${ids.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ')}) GROUP BY 1 HAVING count(*) >= 3 ORDER BY 1`);
  expect(named.length).toBeGreaterThan(1);
  for (const [sort, name] of [['name', named[0].name], ['-name', named.at(-1)!.name]] as const) {
    await openDirectory(page, `./?where=02139&r=10&sort=${sort}`);
    const rows = page.locator('tr[data-org-id]').filter({ has: page.getByRole('button', { name: new RegExp(`^${String(name)}`, 'i') }) });
    await expect(rows.first()).toBeVisible({ timeout: 30_000 });
    const miles = (await rows.locator('td:nth-child(2)').allInnerTexts()).map((t) => Number.parseFloat(t));
    expect(miles.length, `${sort} ${name}`).toBeGreaterThan(2);
    expect(miles, `${sort} ${name}`).toEqual([...miles].sort((a, b) => a - b));
  }
});

test('words that ask for nothing are left out: "ayuda" near 10001 lists what is near, and says so', async ({ page }) => {
  for (const q of ['ayuda', 'I need help near me please']) {
    await expectCount(page, q);
    await expect(page.locator('.text-reading [data-ignored]')).toHaveText(`“${q.toLowerCase()}” is left out: it asks for nothing in particular`);
  }
});

test('everyday words of both languages ask for nothing: near 10001 they list what is near', async ({ page }) => {
  // Each gave 0 (or 1, or "son" in Hudson: 314) on main at 95205d8, as required words.
  for (const q of ['close to me', 'necesito ayuda urgente', 'ayuda para mi hijo', 'busco ayuda cerca de mi casa', 'help for my son']) {
    await expectCount(page, q);
    await expect(page.locator('.text-reading [data-words]'), q).toHaveCount(0);
  }
  await expectCount(page, 'detox open now', 't.offers_detox OR ' + named('detox'));
});

test('"alcohol" finds near 10001 every place that treats substance use but those that say they do not treat alcohol use', async ({ page }) => {
  await expectCount(page, 'alcohol', `(${offering(['SA', 'ADTX', 'PMAT', 'ACM', 'DSF', 'ACMA', 'AUDO'])} AND NOT ${offering(['NAUT'])}) OR ${named('alcohol')}`);
  await expect(page.locator('.text-reading [data-keyword="alcohol"]')).toContainText('unless it says “Does not treat alcohol use disorder”');
});

test('a ZIP typed with the words and no place is the place; words alone and no place ask where', async ({ page }) => {
  await openDirectory(page);
  await page.getByLabel('Name or keyword').fill('detox 10001');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByLabel('Near (ZIP code or City, ST)')).toHaveValue('10001');
  await expect(page.getByLabel('Name or keyword')).toHaveValue('detox');
  await expect(page.getByRole('status').filter({ hasText: 'miles of' })).toContainText('10001', { timeout: 30_000 });
  await openDirectory(page, `./?q=${encodeURIComponent('i need help')}`);
  await expect(page.locator('.start-prompt')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-total]')).toHaveCount(0);
});

test('what people type near 10001: a phone number, AA meetings, an emoji, Spanish words of names, a place among the words', async ({ page }) => {
  // Each found nothing before (the number, "meetings", the emoji and both Spanish words were required in names and streets).
  await expectCount(page, '(212) 268-8830', `contains(regexp_replace(o.phone, '[^0-9]', '', 'g'), '2122688830')`);
  await expect(page.locator('.text-reading [data-phone="2122688830"]')).toHaveText('“(212) 268-8830” is looked for as a phone number');
  await expectCount(page, 'AA meetings', `${offering(['TWFA', 'SHG'])} OR ${named('aa')}`);
  await expectCount(page, '🙏 detox', `t.offers_detox OR ${named('detox')}`);
  const inAny = (forms: string[]) => `(${forms.map((f) => `lower(concat_ws(' ', o.name, o.program_name, array_to_string(o.other_names, ' '), o.address_line1, o.city)) LIKE '%${f}%'
    OR o.org_id IN (SELECT s.org_id FROM read_parquet('${release.data}/organization_services/*.parquet') s
      JOIN read_parquet('${release.data}/service_codes/*.parquet') c USING (code) WHERE c.name ILIKE '%${f}%')`).join(' OR ')})`;
  await expectCount(page, 'centro de recuperación', `${inAny(['centro', 'center'])} AND ${inAny(['recuperación', 'recuperacion', 'recovery'])}`);
  await expect(page.locator('.text-reading [data-words]')).toContainText('“centro” (or “center”) and “recuperación” (or “recovery”)');
  await openDirectory(page, `./?q=${encodeURIComponent('detox in miles city mt')}`);
  await expect(page.getByRole('status').filter({ hasText: 'miles of' })).toContainText('Miles City, MT', { timeout: 30_000 });
  await expect(page.getByLabel('Near (ZIP code or City, ST)')).toHaveValue('miles city mt');
  await expect(page).toHaveURL(/\?where=miles\+city\+mt&q=detox$/);
});

test('a misspelled or Spanish keyword finds near 10001 what the keyword finds, and says what it was read as', async ({ page }) => {
  const methadone = 'stands for Services: Methadone, and is looked for as a word in names too';
  for (const [q, word, said] of [['methadone', 'methadone', `“methadone” ${methadone}`],
    ['methadon', 'methadon', `“methadon” is read as “methadone”, which ${methadone}`], ['metadone', 'metadone', `“metadone” is read as “methadone”, which ${methadone}`],
    ['metadona clinica', 'metadona', `“metadona” ${methadone}`]]) {
    await expectCount(page, q, `t.offers_methadone OR ${named(word)}`);
    await expect(page.locator(`.text-reading [data-keyword="${word}"]`)).toHaveText(said);
  }
  await expect(page.locator('.text-reading [data-ignored]')).toHaveText('“clinica” is left out: it asks for nothing in particular');
});

test('"women" and "gratis" say what SAMHSA\'s directory holds: programs for women (no residences), and free care only', async ({ page }) => {
  await expectCount(page, 'women', `${offering(['WN', 'PW'])} OR ${named('women')}`);
  await expect(page.locator('.text-reading [data-keyword="women"]'))
    .toHaveText('“women” stands for Adult women or Pregnant/postpartum women, and is looked for as a word in names too');
  await expectCount(page, 'gratis', `${offering(['NP'])} OR ${named('gratis')}`);
  await expect(page.locator('.text-reading [data-keyword="gratis"]')).toHaveText('“gratis” stands for No payment accepted, and is looked for as a word in names too');
});

test('the mental-health-only box, which could add nothing to SAMHSA\'s substance-use directory, is off and says why', async ({ page }) => {
  await openDirectory(page, './?where=10001&r=25');
  await expect(total(page)).toBeVisible({ timeout: 30_000 });
  await page.locator('summary', { hasText: 'Filters' }).click();
  const box = page.getByRole('checkbox', { name: /Include mental-health-only facilities/ });
  await expect(box).toBeDisabled();
  await expect(page.locator('.choice', { has: box })).toContainText('so this would add nothing');
});

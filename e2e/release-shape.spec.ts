// A release shaped like SAMHSA's real directory, not like the sample: treatment centers from a
// real file (no capacities, SAMHSA's codes, a phone with an extension), no recovery residences,
// no recovery community organizations, and two generated recovery community centers beside
// them. Every view must follow what the release holds. Built here, served on a port of its own.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { telHref } from '../app/components/tel-href.ts';
import { expect, openDirectory, test } from './fixtures.ts';
import { releasePort, serveRelease, type ServedRelease } from './release-server.ts';

const PORT = releasePort(30);

// Two Alabama facilities as the 2022 National Directory lists them (codes from five categories).
const treatment = (name: string, city: string, zip: string, phone: string, codes: string[], level: string) => ({
  facility_name: name, city, state: 'AL', zip_code: zip, phone, level_of_care: level, facility_type: 'SUMH',
  service_codes: codes, data_source: 'SAMHSA National Directory 2022',
});
const center = (n: number) => ({
  id: `RCC_000${n}`, organization_name: `Sample Recovery Center ${n}`, address: `10${n} Main Street, Alabaster, AL 35007`,
  city: 'Alabaster', state: 'AL', phone: `205-555-010${n}`,
});
const SOURCES = {
  'treatment_centers_master.json': {
    extraction_date: '2022-06-01', data_source: 'SAMHSA National Directory 2022',
    all_facilities: [
      treatment('Shelby County Treatment Center', 'Alabaster', '35007', '205-216-0200',
        ['ADLT', 'MD', 'BU', 'OP', 'SUMH', 'SF', 'SA'], 'outpatient'),
      treatment('Lighthouse of Tallapoosa County Inc', 'Alexander City', '35010', '256-234-4894 x3971', ['SA', 'RES', 'MD'], 'residential'),
    ],
  },
  'master_directory.json': { extraction_date: '2022-06-01', all_organizations: [] },
  'recovery_community_centers_master.json': { extraction_date: '2024-11-01', synthetic: true, all_centers: [center(1), center(2)] },
  'recovery_organizations_master.json': { extraction_date: '2022-06-01', all_organizations: [] },
};

let release: ServedRelease;
test.beforeAll(async () => {
  const sources = mkdtempSync(join(tmpdir(), 'nrd-shape-sources-'));
  for (const [file, body] of Object.entries(SOURCES)) writeFileSync(join(sources, file), JSON.stringify(body));
  release = await serveRelease(sources, PORT);
});
test.afterAll(() => release?.server.close());
test.use({ baseURL: `http://127.0.0.1:${PORT}/` });

const SEARCH = './?where=35007&r=100';
const details = (page: import('@playwright/test').Page) => page.locator('aside.detail');

async function open(page: import('@playwright/test').Page, name: string) {
  await page.locator('tr[data-org-id]').filter({ hasText: name }).getByRole('button', { name }).click();
  await expect(details(page).locator('#detail-title')).toHaveText(name);
}

test('filters, legend and sources offer only the types the release holds', async ({ page }) => {
  await openDirectory(page, SEARCH);
  await expect(page.locator('tr[data-org-id]')).toHaveCount(4);
  const filters = page.getByRole('search');
  await filters.locator('summary', { hasText: /^Filters/ }).click(); // a closed panel since the public layout
  await expect(filters.getByRole('group', { name: 'Level of care' })).toBeVisible();
  await expect(filters.getByRole('checkbox', { name: /Recovery community center/ })).toBeVisible();
  for (const absent of ['NARR certification level', 'Residents']) await expect(filters.getByRole('group', { name: absent })).toHaveCount(0);
  await expect(filters.getByRole('checkbox', { name: /Recovery residence|Recovery community organization/ })).toHaveCount(0);

  const legend = page.getByRole('list', { name: 'Legend' });
  await expect(legend.getByRole('listitem')).toHaveText(['Treatment center', 'Recovery community center']);
  await expect(page.locator('.data-date')).not.toContainText('NARR');
  await expect(page.locator('.data-date')).toContainText("SAMHSA's listings of treatment facilities");
});

test('details name what codes stand for, list services in SAMHSA\'s order, and dial', async ({ page }) => {
  await openDirectory(page, SEARCH);
  await open(page, 'Shelby County Treatment Center');
  const panel = details(page);
  await expect(panel.locator('dt', { hasText: 'Type of treatment' }).locator('+ dd')).toHaveText('Substance use and mental health treatment');
  await expect(panel.locator('dt', { hasText: 'Level of care' }).locator('+ dd')).toHaveText('Outpatient');
  await expect(panel.getByText(/\b(SUMH|SU|MH)\b/)).toHaveCount(0);
  await expect(panel.locator('.service-group h4')).toHaveText(['Type of Care', /^Service Setting/, 'Opioid Medications used in Treatment',
    'Payment/Insurance/Funding Accepted', 'Age Groups Accepted']);
  await expect(panel.getByRole('link', { name: '(205) 216-0200' })).toHaveAttribute('href', 'tel:+12052160200');
});

test('a phone with an extension shows it and dials it', async ({ page }) => {
  await openDirectory(page, SEARCH);
  await open(page, 'Lighthouse of Tallapoosa County Inc');
  // The first of the ways to reach it (the public layout has no "Phone" label).
  const phone = details(page).getByRole('list', { name: 'Contact' }).getByRole('link').first();
  await expect(phone).toHaveText('(256) 234-4894 ext. 3971');
  await expect(phone).toHaveAttribute('href', telHref('(256) 234-4894 ext. 3971')!);
  const row = page.locator('tr[data-org-id]').filter({ hasText: 'Lighthouse of Tallapoosa' });
  await expect(row.getByRole('link')).toHaveAttribute('href', 'tel:+12562344894,3971');
});

test('the capacity chart says it has nothing to draw, and the type choice lists what the release holds', async ({ page }) => {
  await openDirectory(page, './?view=dashboards');
  const capacity = page.getByRole('region', { name: 'Treatment capacity by state and level of care' });
  await expect(capacity.getByRole('note')).toContainText('No treatment center in this release reports its residential capacity');
  await expect(capacity.locator('svg')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Organizations by state' }).getByLabel('Type').locator('option'))
    .toHaveText(['All types', 'Treatment center', 'Recovery community center']);
  // A service no one here lists: words, not an empty map.
  await page.getByLabel('Service').selectOption('DBT');
  await expect(page.locator('.chart-panel').filter({ hasText: /^Where / }).getByRole('note')).toContainText('No organization in this release lists');
});

test('a mixed release says how many listings are generated, and marks each', async ({ page }) => {
  await openDirectory(page, SEARCH);
  await expect(page.locator('.release-notice').getByRole('note')).toContainText('2 of 4 listings are generated samples');
  await open(page, 'Sample Recovery Center 1');
  await expect(details(page).getByRole('note')).toContainText('generated sample listing');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('results fit 375 px and dial from the list', async ({ page }) => {
    await openDirectory(page, SEARCH);
    const row = page.locator('tr[data-org-id]').filter({ hasText: 'Shelby County' });
    await expect(row).toContainText('Treatment center · Alabaster, AL');
    await expect(row.getByRole('link', { name: /Call/ })).toHaveAttribute('href', 'tel:+12052160200');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const table = page.getByRole('region', { name: 'Results table' });
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});

// A host page on another origin embeds the directory in an iframe, sets a search through
// postMessage, hears the embed's height and the organization the visitor selects.
import { createServer, type Server } from 'node:http';
import { expect, test } from './fixtures.ts';

const HOST = 'http://127.0.0.1:4183';
const APP = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
let server: Server;
/** A page holding the snippet the directory offers, served at /snippet. */
let snippetPage = '';

test.use({ baseURL: `${HOST}/`, otherOrigins: [APP] });

test.beforeAll(async () => {
  const src = `${APP}/?where=02139&r=10&type=narr_residence&embed=1&lock=type&origins=${encodeURIComponent(HOST)}`;
  const page = `<!doctype html><title>A recovery community's page</title>
<h1>Find a recovery residence</h1>
<iframe src="${src.replaceAll('&', '&amp;')}" title="Recovery support near you" width="100%" height="600"></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => { if (e.origin === '${APP}') window.received.push(e.data); });
  window.search = (query) => document.querySelector('iframe').contentWindow.postMessage({ type: 'nrd:search', query }, '${APP}');
</script>`;
  // Another site's page, served without our server's policy (its inline script, its frame of the directory).
  server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(req.url === '/snippet' ? snippetPage : page));
  await new Promise<void>((done) => server.listen(4183, '127.0.0.1', done));
});
test.afterAll(() => server.close());

test('a host page sets the search, hears the height and the selection', async ({ page }) => {
  await page.goto('./');
  const embed = page.frameLocator('iframe');
  await expect(embed.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 30_000 });
  // Minimal chrome, the helplines and the sample-data notice still there.
  await expect(embed.getByRole('heading', { name: 'National Recovery Directory' })).toHaveCount(0);
  await expect(embed.getByRole('link', { name: '988' })).toBeVisible();
  await expect(embed.getByText('Sample data:')).toBeVisible();
  // Its visitors came for help: a spreadsheet of the results, not an analyst's JSON and Parquet.
  await expect(embed.locator('.export-buttons').getByRole('button', { name: 'CSV', exact: true })).toBeVisible();
  await expect(embed.locator('.export-buttons').getByRole('button', { name: /JSON|PARQUET/ })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { received: { type: string; height?: number }[] }).received
    .some((m) => m.type === 'nrd:height' && m.height! > 200))).toBe(true);

  // The host asks for Chicago treatment centers; the locked type stays residences.
  await page.evaluate(() => (window as unknown as { search: (q: string) => void }).search('where=60601&r=25&type=treatment_center'));
  const frame = page.frame({ url: /embed=1/ })!;
  await expect.poll(() => frame.url()).toContain('where=60601');
  expect(frame.url()).toContain('type=narr_residence');
  expect(frame.url()).toContain('embed=1');
  // The filters sit in a closed panel since the public layout; its summary counts the locked choice.
  await embed.locator('summary', { hasText: 'Filters (1)' }).click();
  await expect(embed.getByRole('checkbox', { name: /Recovery residence/ })).toBeDisabled();
  await expect(embed.getByRole('checkbox', { name: /Recovery residence/ })).toBeChecked();
  await expect(embed.locator('[data-total]')).toContainText('60601');

  const first = embed.locator('tr[data-org-id]').first();
  const orgId = await first.getAttribute('data-org-id');
  await first.getByRole('button').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { received: { type: string; orgId?: string }[] }).received
    .filter((m) => m.type === 'nrd:select').at(-1)?.orgId)).toBe(orgId);
});

test('an embed that locks no place keeps a ZIP typed among the words as words', async ({ page }) => {
  // Moved into the place, the lock put the empty place back: "detox 10001" searched "detox" across the country.
  await page.goto(`${APP}/?embed=1&lock=where`);
  await expect(page.getByLabel('Near (ZIP code or City, ST)')).toBeDisabled();
  await page.getByRole('searchbox', { name: 'Name or keyword' }).fill('detox 10001');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('detox 10001');
  expect(new URL(page.url()).searchParams.get('where')).toBeNull();
  await expect(page.getByRole('searchbox', { name: 'Name or keyword' })).toHaveValue('detox 10001');
  // A reload reads the link as it was written, the lock and all.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Name or keyword' })).toHaveValue('detox 10001');
  expect(new URL(page.url()).searchParams.get('where')).toBeNull();
});

test('the directory offers the snippet for the search on screen', async ({ page }) => {
  await page.goto(`${APP}/?where=02139&r=10&type=narr_residence`);
  await page.getByText('Embed this search on your site').click();
  // Named as the filters are, capitalised alike (they read "the place and radius", "the types", "Residents").
  await expect(page.locator('.embed-this fieldset label')).toHaveText(['Place and radius', 'Types']);
  await page.getByRole('checkbox', { name: 'Types' }).check();
  const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toContain(`<iframe src="${APP}/?where=02139&amp;r=10&amp;type=narr_residence&amp;embed=1&amp;lock=type"`);
});

for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['laptop', { width: 1366, height: 800 }]] as const) {
  test(`the offered snippet settles at its content's height on a ${device}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`${APP}/?where=02139&r=10`);
    await page.getByText('Embed this search on your site').click();
    const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
    snippetPage = `<!doctype html><title>A clinic's page</title><h1>Find support</h1>${code}<footer>Our address</footer>`;
    await page.goto('./snippet');
    const embed = page.frameLocator('iframe');
    await expect(embed.locator('tr[data-org-id]').first()).toBeVisible({ timeout: 30_000 });
    // Heights in vh grew with the frame the host resized to them, without end. Settled: the same
    // height two seconds apart (the count, the map and the filters' counts arrive first).
    const height = () => page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height);
    let last = -1;
    await expect.poll(async () => {
      const now = await height();
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [2000], timeout: 30_000 }).toBe(true);
    expect(last).toBeGreaterThan(400);
    expect(last).toBeLessThan(3000);
  });
}

test('on a phone the embed lists its nearest results in its page, more on asking, and an opened one whole', async ({ page }) => {
  // In boxes of their own, a swipe on the list scrolled three cards of 34, and the details were cut
  // mid-sentence, the host's page under them (a person test on SAMHSA's directory).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${APP}/?where=02139&r=10`);
  await page.getByText('Embed this search on your site').click();
  snippetPage = `<!doctype html><title>A clinic's page</title><h1>Find support</h1>${await page.getByRole('textbox', { name: 'Embed code' }).inputValue()}`;
  await page.goto('./snippet');
  const embed = page.frameLocator('iframe');
  const cards = embed.locator('tr[data-org-id]');
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  await expect(embed.locator('[data-total]')).toHaveAttribute('data-total', /^\d+$/);
  const total = Number(await embed.locator('[data-total]').getAttribute('data-total'));
  expect(total).toBeGreaterThan(20);
  await expect(cards).toHaveCount(10);
  const inItsBox = (locator: typeof cards) => locator.evaluate((e) => e.scrollHeight > e.clientHeight + 1);
  expect(await inItsBox(embed.locator('.results-table'))).toBe(false);
  await embed.getByRole('button', { name: `Show 10 more results (10 of ${total} shown)` }).click();
  await expect(cards).toHaveCount(20);
  // Focus goes to the first card added, not to the page as the button goes.
  await expect(cards.nth(10).locator('.link-button')).toBeFocused();
  // No way to the map and back: it is right under the list.
  await expect(embed.getByRole('button', { name: 'Map', exact: true })).toBeHidden();
  // An organization opened and closed is no new search: the list keeps its twenty (it fell back to ten).
  await cards.nth(14).getByRole('button').first().click();
  await embed.getByRole('button', { name: /Back to the results/ }).click();
  await expect(cards).toHaveCount(20);
  await expect(cards.nth(14).locator('.link-button')).toBeFocused();
  await cards.first().getByRole('button').first().click();
  const detail = embed.locator('aside.detail');
  await expect(detail.locator('#detail-title')).toBeVisible();
  await expect(detail.getByRole('heading', { name: 'Nearby supports' })).toBeVisible({ timeout: 30_000 });
  expect(await inItsBox(detail)).toBe(false);
  // The frame grows to hold them, as its host hears.
  const bottom = await detail.evaluate((e) => e.getBoundingClientRect().bottom);
  await expect.poll(() => page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height)).toBeGreaterThanOrEqual(bottom - 1);
});

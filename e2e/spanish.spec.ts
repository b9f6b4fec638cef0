// The directory in Spanish (issue 14), at a phone's and a laptop's size: the main flow with
// `lang=es` and an embed with `embed=1&lang=es` show no English but the names, addresses, phones
// and SQL the sources publish (kept in `[translate=no]`, `code` and `pre`); axe finds nothing
// serious; the header's switch changes `<html lang>`, the title and the URL.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openDirectory, test } from './fixtures.ts';

const SIZES = [{ width: 390, height: 844 }, { width: 1366, height: 800 }];

// Words of the English interface that Spanish never uses (not "no", "use", "mental", "hospital").
const ENGLISH_WORDS = new Set(`the and of to with for you your is are this these that from near within miles mile results
  result search loading filters filter type name distance phone directions call services service details help treatment
  center level care download print copy link map organization organizations location address close more nearby support
  recovery state not only all every listing listings sample sources dashboards console analysts keep offline device embed
  site page quality capacity beds residential outpatient inpatient substance spanish english payment language`.split(/\s+/));

type Catalog = { [key: string]: string | Catalog };
const en = JSON.parse(readFileSync(new URL('../app/i18n/locales/en.json', import.meta.url), 'utf8')) as Catalog;
const leaves = (c: Catalog): string[] => Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
// The English catalog's longer sentences, each piece between placeholders and tags.
const ENGLISH_PHRASES = [...new Set(leaves(en)
  .flatMap((v) => v.split(/\{\{[^}]*\}\}|<[^>]*>/))
  .map((s) => s.trim()).filter((s) => s.length >= 20))];

/** The visible text outside names, addresses, phones and SQL, one string per text node. */
async function visibleText(page: Page, root = 'body'): Promise<string[]> {
  return page.locator(root).first().evaluate((start) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text) continue;
      if (parent.closest('[translate="no"], code, pre, script, style, noscript, textarea')) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      out.push(text);
    }
    return out;
  });
}

/** The text on screen with a common English word in it, and the English catalog's sentences found on screen. */
async function englishOnScreen(page: Page, where: string, root = 'body'): Promise<{ words: string[]; phrases: string[] }> {
  const texts = await visibleText(page, root);
  expect(texts.length, `${where}: some text is on screen`).toBeGreaterThan(5);
  const whole = texts.join(' ');
  return {
    words: texts.filter((text) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => ENGLISH_WORDS.has(w))),
    phrases: ENGLISH_PHRASES.filter((phrase) => whole.includes(phrase)),
  };
}

async function expectNoEnglish(page: Page, where: string, root = 'body') {
  const { words, phrases } = await englishOnScreen(page, where, root);
  expect(words, `${where}: English words on screen`).toEqual([]);
  expect(phrases, `${where}: English sentences`).toEqual([]);
}

async function expectNothingSerious(page: Page) {
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

const summary = (page: Page) => page.locator('.results-summary [role="status"]');

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the main flow in Spanish: place, filters, results, map, details, network, export, dashboards', async ({ page }, info) => {
      test.setTimeout(180_000);
      // A keyword says what it was read as, in Spanish (the services' names translated).
      await openDirectory(page, './?lang=es&where=60601&q=aa');
      await expect(page.locator('.text-reading [data-keyword="aa"]')).toHaveText(/^«aa» equivale a .+ o Grupos de autoayuda, y también se busca como palabra en los nombres/, { timeout: 30_000 });
      await expectNoEnglish(page, 'a keyword read');

      await openDirectory(page, './?lang=es');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page).toHaveTitle('Directorio Nacional de Recuperación');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Encuentre tratamiento y apoyo para la recuperación cerca de usted');
      await expect(page.getByRole('complementary', { name: 'Ayuda ahora mismo' })).toContainText('marque 2');
      await expectNoEnglish(page, 'first screen');
      await expectNothingSerious(page);

      // By ZIP.
      const near = page.getByLabel('Cerca de (código postal o Ciudad, ST)');
      await near.fill('60601');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await expect(summary(page)).toContainText('resultados a menos de 25 millas de', { timeout: 30_000 });
      await expect(page).toHaveURL(/lang=es/);
      await expect(page).toHaveTitle(/^Tratamiento cerca de .*60601 — Directorio Nacional de Recuperación$/);

      // By "Ciudad, ST".
      await near.fill('Boston, MA');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await expect(summary(page)).toContainText('Boston, MA', { timeout: 30_000 });
      await expect(page).toHaveURL(/where=Boston.*lang=es|lang=es.*where=Boston/);

      // Filters, opened and one chosen: the count follows.
      await page.locator('details.filters > summary').click();
      await expect(page.getByRole('group', { name: 'Pago' })).toBeVisible();
      const before = Number(await page.locator('[data-total]').getAttribute('data-total'));
      await page.getByRole('checkbox', { name: /^Medicaid/ }).check();
      await expect(page.locator('details.filters > summary')).toHaveText('Filtros (1)');
      await expect(page.locator('[data-total]')).not.toHaveAttribute('data-total', String(before), { timeout: 30_000 });
      await expect(page).toHaveURL(/pay=medicaid/);
      await expectNoEnglish(page, 'filters open');
      await page.locator('details.filters > summary').click();

      // Results, and the map with its points.
      await expect(page.getByRole('region', { name: 'Tabla de resultados' })).toBeVisible();
      await expect(page.locator('.map-canvas')).not.toHaveAttribute('data-point-count', '', { timeout: 60_000 });
      await expect(page.locator('.map-caption')).toContainText('en el mapa');
      await expectNoEnglish(page, 'results and map');
      await page.screenshot({ path: info.outputPath('results.png'), fullPage: true });

      // Export: the buttons say so in Spanish and the file comes.
      await expect(page.locator('.export-buttons')).toContainText('Descargar estos resultados:');
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
      expect(file.suggestedFilename()).toMatch(/\.csv$/);

      // Details, with the services and nearby supports.
      await page.locator('.results-table tbody .link-button').first().click();
      const detail = page.locator('aside.detail');
      await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
      await expect(detail).toContainText('Consulte con el proveedor antes de ir');
      await expect(detail.getByRole('heading', { name: 'Servicios', level: 3 })).toBeVisible({ timeout: 30_000 });
      await expect(detail.getByRole('heading', { name: 'Pagos, seguros o fondos que acepta' })).toBeVisible();
      await expect(detail.locator('.service-group').filter({ hasText: 'Medicaid' })).toBeVisible();
      await expect(detail.getByRole('heading', { name: 'Apoyos cercanos' }).or(detail.getByText('No hay apoyos complementarios'))).toBeVisible();
      await detail.locator('summary', { hasText: 'Más detalles' }).click();
      await expectNoEnglish(page, 'details', 'aside.detail');
      await expectNoEnglish(page, 'page with details');
      await expectNothingSerious(page);
      await page.screenshot({ path: info.outputPath('details.png'), fullPage: true });
      await page.keyboard.press('Escape');

      // The dashboards, from the analysts' foot of the page.
      await page.locator('#for-analysts').getByRole('button', { name: 'Paneles' }).click();
      await expect(page).toHaveURL(/view=dashboards.*lang=es|lang=es.*view=dashboards/);
      await expect(page).toHaveTitle('Paneles — Directorio Nacional de Recuperación');
      await expect(page.getByRole('heading', { name: 'Organizaciones por estado' })).toBeVisible({ timeout: 30_000 });
      await expect(page.locator('.chart[data-rows]').first()).not.toHaveAttribute('data-rows', '', { timeout: 30_000 });
      await expect(page.getByRole('heading', { name: 'Dónde se ofrece: Medicaid' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Calidad de los datos' })).toBeVisible();
      await expect(page.locator('.dashboards svg').first()).toContainText('Organizaciones');
      await expectNoEnglish(page, 'dashboards');
      await expectNothingSerious(page);
      await page.screenshot({ path: info.outputPath('dashboards.png'), fullPage: true });
    });

    test('words read in Spanish: a misspelled keyword as the keyword, and words that ask for nothing left out', async ({ page }) => {
      await openDirectory(page, './?lang=es&where=60601&q=metadona');
      const total = page.locator('[data-total]');
      await expect(total).toBeVisible({ timeout: 30_000 });
      const methadone = await total.getAttribute('data-total');
      await openDirectory(page, `./?lang=es&where=60601&q=${encodeURIComponent('busco metadna cerca de mí')}`);
      await expect(total).toHaveAttribute('data-total', methadone!, { timeout: 30_000 });
      await expect(page.locator('.text-reading [data-keyword="metadna"]'))
        .toHaveText('«metadna» se lee como «metadona», que equivale a Servicios: Metadona, y también se busca como palabra en los nombres');
      await expect(page.locator('.text-reading [data-ignored]')).toHaveText('«busco» y «cerca de mí» se dejan fuera: no piden nada en particular');
      await expectNoEnglish(page, 'words read');
    });

    test('the switch in the header changes the words, <html lang>, the title and the URL', async ({ page }) => {
      await openDirectory(page, './?where=60601');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(summary(page)).toContainText('results within 25 miles of', { timeout: 30_000 });
      // The check itself sees English where there is English.
      const english = await englishOnScreen(page, 'in English');
      expect(english.words.length).toBeGreaterThan(10);
      expect(english.phrases).toContain('Find treatment and recovery support near you');
      await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Español' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page).toHaveURL(/where=60601.*lang=es/);
      await expect(summary(page)).toContainText('resultados a menos de 25 millas de');
      await expect(page).toHaveTitle(/— Directorio Nacional de Recuperación$/);
      await expectNoEnglish(page, 'after switching');
      // Kept by the next search, and by a reload.
      await page.getByLabel('Cerca de (código postal o Ciudad, ST)').fill('Boston, MA');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await expect(page).toHaveURL(/where=Boston.*lang=es/);
      // Reloaded once the search is shown: a reload while the page still writes its URL was aborted (net::ERR_ABORTED, CI 2026-12-03).
      await expect(summary(page)).toContainText('Boston');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await page.getByRole('navigation', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page).not.toHaveURL(/lang=/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find treatment and recovery support near you');
    });

    test('the browser’s preference chooses Spanish when the link does not say', async ({ browser }) => {
      const context = await browser.newContext({ locale: 'es-MX', viewport: size });
      const page = await context.newPage();
      await openDirectory(page, './');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(page.getByRole('button', { name: 'Buscar', exact: true })).toBeVisible();
      await context.close();
    });

    test('an embed with embed=1&lang=es is in Spanish, and so is the snippet that makes it', async ({ page }, info) => {
      await openDirectory(page, './?embed=1&lang=es&where=60601');
      await expect(page.locator('html')).toHaveAttribute('lang', 'es');
      await expect(summary(page)).toContainText('resultados a menos de 25 millas de', { timeout: 30_000 });
      await expect(page.locator('.embed-title')).toHaveText('Directorio Nacional de Recuperación');
      await expect(page.locator('.map-canvas')).not.toHaveAttribute('data-point-count', '', { timeout: 60_000 });
      await page.locator('.results-table tbody .link-button').first().click();
      await expect(page.locator('aside.detail').getByRole('heading', { name: 'Servicios', level: 3 })).toBeVisible({ timeout: 30_000 });
      await expect(page).toHaveURL(/embed=1/);
      await expect(page).toHaveURL(/lang=es/);
      await expectNoEnglish(page, 'embed');
      await expectNothingSerious(page);
      await page.screenshot({ path: info.outputPath('embed.png'), fullPage: true });

      // The snippet made from the Spanish page embeds the Spanish page.
      await openDirectory(page, './?lang=es&where=60601');
      await expect(summary(page)).toBeVisible({ timeout: 30_000 });
      await page.locator('summary', { hasText: 'Insertar esta búsqueda en su sitio' }).click();
      const snippet = await page.getByRole('textbox', { name: 'Código para insertar' }).inputValue();
      expect(snippet).toContain('embed=1');
      expect(snippet).toContain('lang=es');
      expect(snippet).toContain('title="Apoyo para la recuperación cerca de usted"');
    });
  });
}

// The page ⇄ its URL query string, the one place that reads or writes it (the one history hook
// is shell/use-page-url.ts): which view, the search with its selected organization, the
// table's order, the console's query, and an embed's own flags. Parsing trusts nothing:
// unknown values are dropped, text is cut to MAX_TEXT, numbers are range-checked. Every view
// is a shareable link.
import { MAX_SQL } from './console.ts';
import { FILTER_GROUPS } from './filters.ts';
import { placeAmongWords } from './place-in-text.ts';
import {
  DEFAULT_RADIUS, DEFAULT_SORT, MAX_TEXT, ORG_TYPES, RADII, SORT_KEYS, type Radius, type SearchState, type Sort,
} from './state.ts';

/** Which part of the app the URL shows: the search (the default), `view=sql` or `view=dashboards`. */
export type View = 'search' | 'sql' | 'dashboards';

export interface Page {
  view: View;
  search: SearchState;
  /** The results table's order: `sort=name`, `sort=-distance` (descending); relevance writes nothing. */
  sort: Sort;
  /** The console's query from a link (a shared link fills the editor; Run stays a click away). */
  consoleSql: string;
  /**
   * `all=1`: the whole country is listed without a place. In the URL like any search, so that
   * reloading, Back and a copied link keep the national list (they went back to the empty form).
   */
  all: boolean;
}

export function pageFromUrl(query: string): Page {
  const p = new URLSearchParams(query);
  const view = p.get('view');
  return {
    view: view === 'sql' || view === 'dashboards' ? view : 'search',
    search: searchFromUrl(p),
    sort: sortFromUrl(p.get('sort')),
    consoleSql: (p.get('sql') ?? '').slice(0, MAX_SQL),
    all: p.get('all') === '1',
  };
}

/** The page's query string; `keep` (an embed's own parameters) stays on every search URL. */
export function pageToUrl(page: Page, keep = ''): string {
  if (page.view === 'dashboards') return 'view=dashboards';
  if (page.view === 'sql') return consoleUrl(page.consoleSql);
  return [searchToUrl(page.search), page.all ? 'all=1' : '', sortToUrl(page.sort), keep].filter(Boolean).join('&');
}

export function consoleUrl(sql: string): string {
  const p = new URLSearchParams({ view: 'sql' });
  if (sql.trim()) p.set('sql', sql.slice(0, MAX_SQL));
  return p.toString();
}

export function sortFromUrl(value: string | null): Sort {
  const desc = value?.startsWith('-') === true;
  const key = SORT_KEYS.find((k) => k !== 'relevance' && k === (desc ? value!.slice(1) : value));
  return key ? { key, desc } : DEFAULT_SORT;
}

export function sortToUrl(sort: Sort): string {
  return sort.key === 'relevance' ? '' : `sort=${sort.desc ? '-' : ''}${sort.key}`;
}

const text = (v: string | null) => (v ?? '').slice(0, MAX_TEXT);

/**
 * A link's place and words as the form reads them: a place among the words with no place given
 * (`?q=detox 10001`, `?q=aa near boston`) is the place (place-in-text.ts, search-form.tsx). Kept
 * as a word, a shared link found nothing where the same words typed in the form found 147 listings.
 */
function placed(p: URLSearchParams, locked: ReadonlySet<string>): URLSearchParams {
  const found = placeAmongWords({ where: text(p.get('where')), at: parseAt(p.get('at')), text: text(p.get('q')) }, locked.has('where'));
  if (!found) return p;
  const moved = new URLSearchParams(p);
  moved.set('where', found.place);
  if (found.rest) moved.set('q', found.rest);
  else moved.delete('q');
  return moved;
}

/** Whether a link's words hold its place (see `placed`): the page then says so in its address. */
export function placesWords(query: string): boolean {
  const p = new URLSearchParams(query);
  return placed(p, embedFromUrl(p).locked) !== p;
}

/** `locked`: an embed's locks (by default the link's own), under which a locked place takes no place from the words. */
export function searchFromUrl(query: string | URLSearchParams, locked?: ReadonlySet<string>): SearchState {
  const given = typeof query === 'string' ? new URLSearchParams(query) : query;
  const p = placed(given, locked ?? embedFromUrl(given).locked);
  const list = (key: string) => (p.get(key) ?? '').split(',').filter(Boolean);
  const radius = Number(p.get('r'));
  const filters: Record<string, string[]> = {};
  for (const group of FILTER_GROUPS) {
    const allowed = new Set(group.options.map((o) => o.value));
    const chosen = [...new Set(list(group.id).filter((v) => allowed.has(v)))];
    if (chosen.length) filters[group.id] = chosen;
  }
  return {
    where: text(p.get('where')).trim(),
    at: parseAt(p.get('at')),
    radius: (RADII as readonly number[]).includes(radius) ? (radius as Radius) : DEFAULT_RADIUS,
    types: ORG_TYPES.filter((t) => list('type').includes(t)),
    text: text(p.get('q')),
    filters,
    mentalHealthOnly: p.get('mh') === '1',
    selected: /^[A-Za-z0-9_.:-]{1,64}$/.test(p.get('org') ?? '') ? p.get('org') : null,
  };
}

export function searchToUrl(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.where) p.set('where', s.where);
  if (s.at) p.set('at', `${s.at.lat.toFixed(2)},${s.at.lon.toFixed(2)}`);
  if (s.radius !== DEFAULT_RADIUS) p.set('r', String(s.radius));
  if (s.types.length) p.set('type', s.types.join(','));
  if (s.text) p.set('q', s.text);
  for (const group of FILTER_GROUPS) {
    const chosen = s.filters[group.id];
    if (chosen?.length) p.set(group.id, chosen.join(','));
  }
  if (s.mentalHealthOnly) p.set('mh', '1');
  if (s.selected) p.set('org', s.selected);
  return p.toString();
}

/** A point rounded to about a kilometre: a shared link should not pinpoint anyone. */
export function roundedPlace(lat: number, lon: number, label = 'the chosen point'): { label: string; lat: number; lon: number } {
  return { label, lat: Math.round(lat * 100) / 100, lon: Math.round(lon * 100) / 100 };
}

function parseAt(v: string | null) {
  const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(v ?? '');
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 ? roundedPlace(lat, lon) : null;
}

/** What can be locked: the place and radius, the types, or any filter group. */
export const LOCKABLE = ['where', 'type', ...FILTER_GROUPS.map((g) => g.id)] as const;

export interface EmbedConfig {
  embed: boolean;
  locked: ReadonlySet<string>;
  /** Origins whose messages are taken and to which messages are sent; empty means the parent only. */
  origins: string[];
}

export function embedFromUrl(query: string | URLSearchParams): EmbedConfig {
  const p = new URLSearchParams(query);
  const list = (key: string) => (p.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  return {
    embed: p.get('embed') === '1',
    locked: new Set(list('lock').filter((v) => (LOCKABLE as readonly string[]).includes(v))),
    origins: list('origins').filter(isOrigin),
  };
}

/** The embed's own parameters, kept on every URL the embedded app navigates to. */
export function embedParams(config: EmbedConfig): string {
  if (!config.embed) return '';
  const p = new URLSearchParams({ embed: '1' });
  if (config.locked.size) p.set('lock', [...config.locked].join(','));
  if (config.origins.length) p.set('origins', config.origins.join(','));
  return p.toString();
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

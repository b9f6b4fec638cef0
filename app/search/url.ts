// SearchState ⇄ URL query string. Parsing trusts nothing: unknown values are dropped,
// text is cut to MAX_TEXT, numbers are range-checked. Every search is a shareable link.
import { FILTER_GROUPS } from './filters.ts';
import { DEFAULT_RADIUS, MAX_TEXT, ORG_TYPES, RADII, type Radius, type SearchState } from './state.ts';

const text = (v: string | null) => (v ?? '').slice(0, MAX_TEXT);

export function searchFromUrl(query: string | URLSearchParams): SearchState {
  const p = typeof query === 'string' ? new URLSearchParams(query) : query;
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

// Embed mode as plain values: what the host page chose (`embed=1`, locked parts of the search,
// the origins allowed to talk to it), how a host's search request is merged under the locks,
// and the snippet a site owner pastes. The URL stays the single source of truth.
import { FILTER_GROUPS } from './filters.ts';
import type { SearchState } from './state.ts';
import { searchFromUrl, searchToUrl } from './url.ts';

/** What can be locked: the place and radius, the types, or any filter group. */
export const LOCKABLE = ['where', 'type', ...FILTER_GROUPS.map((g) => g.id)] as const;

export interface EmbedConfig {
  embed: boolean;
  locked: ReadonlySet<string>;
  /** Origins whose messages are taken and to which messages are sent; empty means the parent only. */
  origins: string[];
}

export function embedFromUrl(query: string): EmbedConfig {
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

/** `next` with every locked part put back as `preset` had it. */
export function applyLocks(preset: SearchState, next: SearchState, locked: ReadonlySet<string>): SearchState {
  const out = { ...next, filters: { ...next.filters } };
  if (locked.has('where')) Object.assign(out, { where: preset.where, at: preset.at, radius: preset.radius });
  if (locked.has('type')) out.types = preset.types;
  for (const group of FILTER_GROUPS) {
    if (!locked.has(group.id)) continue;
    if (preset.filters[group.id]) out.filters[group.id] = preset.filters[group.id];
    else delete out.filters[group.id];
  }
  return out;
}

/** Messages the embed sends to its host page. */
export type EmbedMessage =
  | { type: 'nrd:height'; height: number }
  | { type: 'nrd:select'; orgId: string | null };

/**
 * A host's request to show a search: `{ type: 'nrd:search', query: 'where=02139&r=10' }`, the
 * same parameters as a shared link, parsed as distrustfully. Anything else is null.
 */
export function searchFromMessage(data: unknown, current: SearchState, locked: ReadonlySet<string>): SearchState | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, query } = data as { type?: unknown; query?: unknown };
  if (type !== 'nrd:search' || typeof query !== 'string' || query.length > 2000) return null;
  return applyLocks(current, { ...searchFromUrl(query), selected: null }, locked);
}

/** Whether a message may be taken: from an allowed origin, or from the parent when none are set. */
export function trustedSender(origin: string, fromParent: boolean, config: EmbedConfig): boolean {
  return config.origins.length ? config.origins.includes(origin) : fromParent;
}

/** The iframe a site owner pastes, with the few lines that keep its height right. */
export function embedSnippet(appUrl: string, state: SearchState, locked: string[], lang = 'en', title = 'Recovery support near you'): string {
  const p = new URLSearchParams(searchToUrl({ ...state, selected: null }));
  p.set('embed', '1');
  if (locked.length) p.set('lock', locked.join(','));
  // The host's visitors see the language the snippet was made in (English needs no parameter).
  if (lang !== 'en') p.set('lang', lang);
  const src = `${appUrl}?${p.toString()}`;
  const origin = new URL(appUrl).origin;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="720"
  style="border:0" loading="lazy" allow="geolocation"></iframe>
<script>
  // Resize the frame to its content (the directory reports its height).
  addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(origin)} || e.data?.type !== 'nrd:height') return;
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.height = e.data.height;
  });
</script>`;
}

function escapeAttribute(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

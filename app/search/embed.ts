// Embed mode as plain values (what the host page chose, `embed=1`, the locks and the origins,
// is read from the URL by url.ts): how a host's search request is merged under the locks,
// and the snippet a site owner pastes. The URL stays the single source of truth.
import { FILTER_GROUPS } from './filters.ts';
import type { SearchState } from './state.ts';
import { searchFromUrl, searchToUrl, type EmbedConfig } from './url.ts';

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
  return applyLocks(current, { ...searchFromUrl(query, locked), selected: null }, locked);
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

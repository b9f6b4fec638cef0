// The tab's title follows the view, so a history list or a bookmark says which search it was.
import type { View } from '../search/url.ts';

const SITE = 'National Recovery Directory';

export function pageTitle(view: View, place: string | null, text: string): string {
  if (view === 'sql') return `SQL console — ${SITE}`;
  if (view === 'dashboards') return `Dashboards — ${SITE}`;
  const what = text ? `“${text}”` : 'Treatment';
  if (place) return `${what} near ${place} — ${SITE}`;
  return text ? `${what} — ${SITE}` : SITE;
}

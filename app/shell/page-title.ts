// The tab's title follows the view, so a history list or a bookmark says which search it was.
import type { TFunction } from 'i18next';
import type { View } from '../search/url.ts';

/** `whole`: the place is a state or territory, all of it searched. */
export function pageTitle(t: TFunction, view: View, place: string | null, text: string, whole = false): string {
  const site = t('app.siteName');
  if (view === 'sql') return t('title.sql', { site });
  if (view === 'dashboards') return t('title.dashboards', { site });
  if (place && whole) return text ? t('title.wordsIn', { text, place, site }) : t('title.in', { place, site });
  if (place) return text ? t('title.wordsNear', { text, place, site }) : t('title.near', { place, site });
  return text ? t('title.words', { text, site }) : site;
}

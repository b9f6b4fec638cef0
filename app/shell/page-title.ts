// The tab's title follows the view, so a history list or a bookmark says which search it was.
import type { TFunction } from 'i18next';
import type { View } from '../search/url.ts';

export function pageTitle(t: TFunction, view: View, place: string | null, text: string): string {
  const site = t('app.siteName');
  if (view === 'sql') return t('title.sql', { site });
  if (view === 'dashboards') return t('title.dashboards', { site });
  if (place) return text ? t('title.wordsNear', { text, place, site }) : t('title.near', { place, site });
  return text ? t('title.words', { text, site }) : site;
}

// Numbers, dates and the names the app gives a point, in the language on screen: Intl does the
// formatting, so no locale data ships with the app.
import i18next, { type TFunction } from 'i18next';
import { isApproximate } from '../release/geo.ts';
import { STATE_CODES } from '../search/place-in-text.ts';

const locale = () => i18next.t('meta.locale');

/** `1,234.5` in English, `1234,5` in Spanish (Intl's grouping rules for each). */
export function formatNumber(n: number, fractionDigits?: number): string {
  return new Intl.NumberFormat(locale(), fractionDigits === undefined ? undefined
    : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(n);
}

/** Whole miles, at least one, for a distance from or to a ZIP's or town's center ("about 1 mi", not "0"). */
export const aboutMiles = (miles: number) => Math.max(1, Math.round(miles));

/**
 * A result's distance, "5.4 mi"; "about 1 mi" for one placed at its ZIP's or city's center
 * (`precision`, release/geo.ts), which is only that near: "0.0 mi" put it first for the ZIP's own
 * search, ahead of one downtown (SAMHSA's directory near Portsmouth, OH; a walkthrough).
 */
export function milesText(t: TFunction, miles: number, precision: unknown): string {
  return isApproximate(precision) ? t('units.milesAbout', { miles: formatNumber(aboutMiles(miles), 0) })
    : t('units.milesShort', { miles: formatNumber(miles, 1) });
}

/** A share (0–1) as a percentage, `87%` / `87 %`, to `fractionDigits` places (none by default). */
export function formatPercent(share: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(share);
}

/** A date's i18next context: "year" for a year alone ("Data of 2022", "Datos de 2022"), which formatDate leaves as it is. */
export const dateContext = (value: string): 'year' | undefined => (/^\d{4}$/.test(value) ? 'year' : undefined);

/** A calendar date from a `YYYY-MM-DD…` text or a Date, as the language writes it (no time zone shift). */
export function formatDate(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0];
  if (!day) return text;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

// The labels search/url.ts and the map give a point that is not a typed place.
const POINT_LABELS: Record<string, string> = {
  'the chosen point': 'place.chosenPoint',
  'your location': 'place.yourLocation',
  'the map area': 'place.mapArea',
};

/** A place's label as shown: a typed place as it is, a point's own label translated. */
export function placeLabel(t: TFunction, label: string): string {
  const key = POINT_LABELS[label];
  return key ? t(key) : label;
}

/** The states' and territories' names in the page's language, in STATE_CODES' order (search/place-in-text.ts stateTyped). */
export const localStateNames = (t: TFunction): string[] => STATE_CODES.map((code) => t(`data.states.${code}`));

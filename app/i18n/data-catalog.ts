// The English words the directory owns that live beside the code that uses them (types, levels
// of care, facility types, filters and their one-line hints, how each organization was located, the states' names), gathered as catalog entries under
// `data.*`, so English has one source and every other language translates the same keys.
import { FILTER_GROUPS } from '../search/filters.ts';
import { FACILITY_TYPE_NAMES, LEVEL_OF_CARE_NAMES } from '../search/names.ts';
import { ORG_TYPE_HINTS, ORG_TYPE_LABELS } from '../search/state.ts';
import { SAMPLE_QUERIES } from '../search/console.ts';
import { GEO_PRECISION } from '../release/geo.ts';
import { STATE_CODES, STATE_NAMES } from '../search/place-in-text.ts';

type Entries = { [key: string]: string | Entries };

export function englishData(): Entries {
  const filters: Entries = {};
  for (const group of FILTER_GROUPS) {
    const options: Entries = {};
    for (const o of group.options) options[o.value] = { label: o.label, hint: o.hint };
    filters[group.id] = { label: group.label, ...(group.note ? { note: group.note } : {}), options };
  }
  return {
    orgType: { ...ORG_TYPE_LABELS },
    orgTypeHint: { ...ORG_TYPE_HINTS },
    level: { ...LEVEL_OF_CARE_NAMES },
    facilityType: { ...FACILITY_TYPE_NAMES },
    filters,
    precision: Object.fromEntries(Object.entries(GEO_PRECISION).map(([code, p]) => [code, { ...p }])),
    consoleSamples: Object.fromEntries(SAMPLE_QUERIES.map((q, i) => [String(i), q.title])),
    states: Object.fromEntries(STATE_CODES.map((code, i) => [code, STATE_NAMES[i]])),
  };
}

/** Every key of a nested catalog, dotted (`data.filters.pay.options.cash.hint`). */
export function flatKeys(entries: Entries, prefix = ''): string[] {
  return Object.entries(entries).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v, `${prefix}${k}.`)));
}

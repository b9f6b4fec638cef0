// An organization's place in the network: its complementary supports within 25 miles (built
// by scripts/sql/network.sql), as a table sortable by strength, distance and what each adds.
// Named for what it lists: a treatment center's nearest supports may all be treatment centers
// (another level of care: SAMHSA's release holds nothing else), which "other kinds of support"
// over a list of treatment centers said they were not.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, milesText } from '../../i18n/format.ts';
import { isApproximate } from '../../release/geo.ts';
import type { OrgType } from '../../search/state.ts';
import { IsolatedParts } from '../../components/isolated-parts.tsx';

interface Related extends Record<string, unknown> {
  related_org_id: string;
  related_type: OrgType;
  relationship: string;
  name: string;
  /** The program and street (use-network.ts), which tell apart a chain's sites in one town. */
  program_name: string | null;
  address_line1: string | null;
  city: string | null;
  state: string;
  geo_precision: string | null;
  distance_miles: number;
  travel_minutes: number;
  strength: number;
}

type Key = 'strength' | 'distance' | 'adds';

/** What the support adds to this organization ("Another level of care"), as the language names it. */
const adds = (t: TFunction, r: Related) => t(`nearby.relationship.${r.relationship}`, { defaultValue: r.relationship });

const order = (t: TFunction, key: Key): ((a: Related, b: Related) => number) => {
  switch (key) {
    case 'strength': return (a, b) => b.strength - a.strength || a.distance_miles - b.distance_miles;
    case 'distance': return (a, b) => a.distance_miles - b.distance_miles || b.strength - a.strength;
    // By the name as shown, in the language's own order.
    case 'adds': return (a, b) => adds(t, a).localeCompare(adds(t, b), t('meta.locale')) || b.strength - a.strength;
  }
};

/** The kinds the list holds, strongest first, in a sentence: "another level of care and peer support". */
function whatItHolds(t: TFunction, rows: Related[]): string {
  const locale = t('meta.locale');
  const kinds = [...new Set(rows.map((r) => adds(t, r).toLocaleLowerCase(locale)))];
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(kinds);
}

/**
 * `placed` is the opened organization's own geo_precision: a distance from or to a ZIP's or town's
 * center reads "about 1 mi" (two listings at one ZIP's center read "0.0 mi" apart).
 */
export function NearbySupports({ rows, placed, onSelect }: { rows: Related[]; placed: unknown; onSelect: (orgId: string) => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState<Key>('strength');
  if (!rows.length) return <p>{t('nearby.none')}</p>;
  const sorted = [...rows].sort(order(t, key));
  const header = (k: Key, label: string) => (
    <th scope="col" aria-sort={key === k ? (k === 'strength' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setKey(k)}>{label}</button>
    </th>
  );
  return (
    <section aria-label={t('nearby.title')}>
      <h3>{t('nearby.title')}</h3>
      <p className="muted">{t('nearby.explain', { what: whatItHolds(t, rows) })}</p>
      <table className="nearby">
        <thead>
          <tr><th scope="col">{t('results.name')}</th>{header('adds', t('nearby.adds'))}{header('distance', t('results.distance'))}{header('strength', t('nearby.fit'))}</tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.related_org_id} data-related-id={r.related_org_id}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(r.related_org_id)} translate="no">{r.name}</button>
                {r.program_name && <><br /><span className="nearby-program" translate="no"><bdi>{r.program_name}</bdi></span></>}
                <br /><span className="muted" translate="no"><IsolatedParts parts={[r.address_line1, r.city, r.state]} /></span>
              </td>
              <td>{adds(t, r)}<br /><span className="muted">{t(`data.orgType.${r.related_type}`)}</span></td>
              <td data-miles={r.distance_miles}>{milesText(t, r.distance_miles, [placed, r.geo_precision].find(isApproximate) ?? 'source')}<br />
                <span className="muted">{t('nearby.minutes', { minutes: formatNumber(r.travel_minutes) })}</span></td>
              <td>{formatPercent(r.strength)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// An organization's place in the network: its complementary supports within 25 miles (built
// by scripts/sql/network.sql), as a table sortable by strength, distance and type.
import { useState } from 'react';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import { IsolatedParts } from '../../components/isolated-parts.tsx';

interface Related extends Record<string, unknown> {
  related_org_id: string;
  related_type: OrgType;
  name: string;
  city: string | null;
  state: string;
  distance_miles: number;
  travel_minutes: number;
  strength: number;
}

type Key = 'strength' | 'distance' | 'type';

const ORDER: Record<Key, (a: Related, b: Related) => number> = {
  strength: (a, b) => b.strength - a.strength || a.distance_miles - b.distance_miles,
  distance: (a, b) => a.distance_miles - b.distance_miles || b.strength - a.strength,
  type: (a, b) => ORG_TYPE_LABELS[a.related_type].localeCompare(ORG_TYPE_LABELS[b.related_type]) || b.strength - a.strength,
};

export function NearbySupports({ rows, onSelect }: { rows: Related[]; onSelect: (orgId: string) => void }) {
  const [key, setKey] = useState<Key>('strength');
  if (!rows.length) return <p>No complementary supports listed within 25 miles.</p>;
  const sorted = [...rows].sort(ORDER[key]);
  const header = (k: Key, label: string) => (
    <th scope="col" aria-sort={key === k ? (k === 'strength' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setKey(k)}>{label}</button>
    </th>
  );
  return (
    <section aria-label="Nearby supports">
      <h3>Nearby supports</h3>
      <p className="muted">Other kinds of support within 25 miles. Fit: how well the two complement each other, by kind of support and distance (100% is best).</p>
      <table className="nearby">
        <thead>
          <tr><th scope="col">Name</th>{header('type', 'Type')}{header('distance', 'Distance')}{header('strength', 'Fit')}</tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.related_org_id} data-related-id={r.related_org_id}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(r.related_org_id)}>{r.name}</button>
                <br /><span className="muted"><IsolatedParts parts={[r.city, r.state]} /></span>
              </td>
              <td>{ORG_TYPE_LABELS[r.related_type]}</td>
              <td data-miles={r.distance_miles}>{r.distance_miles.toFixed(1)} mi<br /><span className="muted">about {r.travel_minutes} min</span></td>
              <td>{Math.round(r.strength * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';

interface Related extends Record<string, unknown> {
  related_org_id: string;
  related_type: OrgType;
  name: string;
  city: string | null;
  state: string;
  distance_miles: number;
  travel_minutes: number;
}

/** Complementary supports within 25 miles, from the precomputed network. */
export function NearbySupports({ rows, onSelect }: { rows: Related[]; onSelect: (orgId: string) => void }) {
  if (!rows.length) return <p>No complementary supports listed within 25 miles.</p>;
  return (
    <section aria-label="Nearby supports">
      <h3>Nearby supports</h3>
      <ul className="nearby">
        {rows.map((r) => (
          <li key={r.related_org_id}>
            <button type="button" className="link-button" onClick={() => onSelect(r.related_org_id)}>{r.name}</button>
            {' '}<span className="muted">{ORG_TYPE_LABELS[r.related_type]}, {[r.city, r.state].filter(Boolean).join(', ')},
            {' '}{r.distance_miles.toFixed(1)} mi (about {r.travel_minutes} min)</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// Everything known about one organization, the ways to reach it first: call, directions,
// email, website and the distance from the searched place; then its type's own fields and
// services, nearby complementary supports, and behind "More details" what only analysts need.
// Focus moves to its heading when it opens; Escape closes it (the shell puts focus back).
import { useEffect, useRef } from 'react';
import { IsolatedParts } from '../../components/isolated-parts.tsx';
import { PhoneLink } from '../../components/phone-link.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import { SafetyLines } from '../../components/safety-lines.tsx';
import { useQuery } from '../../db/use-query.ts';
import { networkQuery, organizationQuery, servicesQuery, typeDetailQuery } from '../../search/queries.ts';
import { ORG_TYPE_LABELS, type OrgType, type Place } from '../../search/state.ts';
import { directionsHref } from '../../components/directions.ts';
import { GEO_PRECISION, milesBetween } from '../../release/geo.ts';
import { FieldValue, isPresent, SafeLink } from './field-value.tsx';
import { MORE_DETAILS, TYPE_FIELDS } from './fields.ts';
import { NearbySupports } from './nearby-supports.tsx';

interface Props {
  orgId: string;
  /** The searched place, for the distance from it; null for a search of the whole country. */
  from: Place | null;
  onSelect: (orgId: string) => void;
  onClose: () => void;
}

type Org = Record<string, unknown> & { org_type: OrgType; name: string };

export function DetailPanel({ orgId, from, onSelect, onClose }: Props) {
  const org = useQuery<Org>(organizationQuery(orgId));
  const row = org.status === 'done' ? org.rows[0] : undefined;
  // A table partitioned by state is read from this organization's state alone.
  const detail = useQuery(row ? typeDetailQuery(row.org_type, orgId, [String(row.state)]) : null);
  const services = useQuery<{ category_name: string; code: string; name: string }>(servicesQuery(orgId));
  const network = useQuery<Parameters<typeof NearbySupports>[0]['rows'][number]>(networkQuery(orgId));
  const title = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') closeRef.current(); };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const loaded = Boolean(row);
  useEffect(() => {
    if (!loaded) return;
    // In place of the list (a phone), the panel's top with its helplines comes into view, not just the name.
    if (window.matchMedia('(max-width: 800px)').matches) panel.current?.scrollIntoView({ block: 'start' });
    title.current?.focus({ preventScroll: window.matchMedia('(max-width: 800px)').matches });
  }, [orgId, loaded]);

  if (org.status === 'failed') return <QueryFailed error={org.error} />;
  if (org.status !== 'done') return <aside className="detail" aria-busy="true">Loading…</aside>;
  if (!row) {
    return (
      <aside className="detail" aria-label="Organization">
        <p>This organization is not in the current data release.</p>
        <button type="button" onClick={onClose}>Close</button>
      </aside>
    );
  }
  const address = [row.address_line1, row.address_line2, row.city, [row.state, row.zip].filter(isPresent).join(' ')].filter(isPresent);
  const typeRow = detail.status === 'done' ? detail.rows[0] : undefined;
  const fields = typeRow ? TYPE_FIELDS[row.org_type].filter(([col]) => isPresent(typeRow[col])) : [];
  const field = ([col, label, kind, names]: (typeof fields)[number]) => (
    <div key={col} className="field"><dt>{label}</dt><dd><FieldValue kind={kind} value={typeRow![col]} names={names} /></dd></div>
  );
  const byCategory = new Map<string, string[]>();
  if (services.status === 'done') {
    for (const s of services.rows) byCategory.set(s.category_name, [...(byCategory.get(s.category_name) ?? []), s.name]);
  }
  const at = typeof row.latitude === 'number' && typeof row.longitude === 'number' ? { lat: row.latitude, lon: row.longitude } : null;
  const email = isPresent(row.email) && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(String(row.email)) ? String(row.email) : null;

  return (
    <aside className="detail" aria-labelledby="detail-title" ref={panel}>
      <button type="button" className="close" onClick={onClose} aria-label="Close details">×</button>
      {/* On a phone the panel is where the person looks: the helplines come with it. */}
      <div className="detail-lines"><SafetyLines /></div>
      {/* On a phone the panel replaces the list (styles.css): the way back is a button, not a ×. */}
      <button type="button" className="back-to-results" onClick={onClose}>← Back to the results</button>
      <p className="detail-type">{ORG_TYPE_LABELS[row.org_type]}</p>
      <h2 id="detail-title" ref={title} tabIndex={-1}>{row.name}</h2>
      {isPresent(row.program_name) && <p className="program-name"><bdi>{String(row.program_name)}</bdi></p>}
      {row.generated === true && (
        <p className="sample-warning" role="note">A generated sample listing, not a real organization. Do not use it to seek help.</p>
      )}
      {isPresent(row.other_names) && <p>Also known as <IsolatedParts parts={row.other_names as string[]} /></p>}
      <ul className="contact-actions" aria-label="Contact">
        {isPresent(row.phone) && <li><PhoneLink phone={String(row.phone)} /></li>}
        {at && (
          <li>
            <a href={directionsHref(at.lat, at.lon)} target="_blank" rel="noopener noreferrer">Directions</a>{' '}
            <span className="muted">(opens OpenStreetMap, another site)</span>
          </li>
        )}
        {email && <li><a href={`mailto:${email}`}>{email}</a></li>}
        {isPresent(row.website) && <li><SafeLink href={String(row.website)} /></li>}
      </ul>
      {from && at && <p className="detail-distance">{milesBetween(from, at).toFixed(1)} miles from <bdi>{from.label}</bdi> in a straight line.</p>}
      <p className="check-first">Check with the provider before you go: hours, services and openings change.</p>
      <dl>
        {address.length > 0 && <><dt>Address</dt><dd><IsolatedParts parts={address} /></dd></>}
        <dt>Location</dt>
        <dd>{GEO_PRECISION[String(row.geo_precision)]?.sentence}</dd>
        {fields.filter(([col]) => !MORE_DETAILS.has(col)).map(field)}
      </dl>
      {detail.status === 'failed' && <QueryFailed error={detail.error} />}
      {byCategory.size > 0 && (
        <section aria-label="Services">
          <h3>Services</h3>
          {[...byCategory].map(([category, names]) => (
            <div key={category} className="service-group"><h4>{category}</h4><p>{names.join(' · ')}</p></div>
          ))}
        </section>
      )}
      {services.status === 'failed' && <QueryFailed error={services.error} />}
      {network.status === 'done' && <NearbySupports rows={network.rows} onSelect={onSelect} />}
      {network.status === 'failed' && <QueryFailed error={network.error} />}
      <details className="more-details">
        <summary>More details</summary>
        <dl>
          {fields.filter(([col]) => MORE_DETAILS.has(col)).map(field)}
          {isPresent(row.location_source) && <><dt>Where the map position comes from</dt><dd>{String(row.location_source)}</dd></>}
          {isPresent(row.last_updated) && <><dt>Listing updated</dt><dd><FieldValue kind="date" value={row.last_updated} /></dd></>}
        </dl>
      </details>
    </aside>
  );
}

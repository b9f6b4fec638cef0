// Everything known about one organization: contact, where it is and how precisely, its
// type's own fields, services by category, and nearby complementary supports.
import { PhoneLink } from '../../components/phone-link.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import { useQuery } from '../../db/use-query.ts';
import { networkQuery, organizationQuery, servicesQuery, typeDetailQuery } from '../../search/queries.ts';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import { FieldValue, isPresent, SafeLink } from './field-value.tsx';
import { PRECISION_TEXT, TYPE_FIELDS } from './fields.ts';
import { NearbySupports } from './nearby-supports.tsx';
import { IsolatedParts } from '../../components/isolated-parts.tsx';

interface Props {
  orgId: string;
  onSelect: (orgId: string) => void;
  onClose: () => void;
}

type Org = Record<string, unknown> & { org_type: OrgType; name: string };

export function DetailPanel({ orgId, onSelect, onClose }: Props) {
  const org = useQuery<Org>(organizationQuery(orgId));
  const row = org.status === 'done' ? org.rows[0] : undefined;
  // A table partitioned by state is read from this organization's state alone.
  const detail = useQuery(row ? typeDetailQuery(row.org_type, orgId, [String(row.state)]) : null);
  const services = useQuery<{ category_name: string; code: string; name: string }>(servicesQuery(orgId));
  const network = useQuery<Parameters<typeof NearbySupports>[0]['rows'][number]>(networkQuery(orgId));

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
  const byCategory = new Map<string, string[]>();
  if (services.status === 'done') {
    for (const s of services.rows) byCategory.set(s.category_name, [...(byCategory.get(s.category_name) ?? []), s.name]);
  }

  return (
    <aside className="detail" aria-labelledby="detail-title">
      <button type="button" className="close" onClick={onClose} aria-label="Close details">×</button>
      <p className="detail-type">{ORG_TYPE_LABELS[row.org_type]}</p>
      <h2 id="detail-title">{row.name}</h2>
      {isPresent(row.program_name) && <p className="program-name"><bdi>{String(row.program_name)}</bdi></p>}
      {row.generated === true && (
        <p className="sample-warning" role="note">A generated sample listing, not a real organization. Do not use it to seek help.</p>
      )}
      {isPresent(row.other_names) && <p>Also known as <IsolatedParts parts={row.other_names as string[]} /></p>}
      <dl>
        {address.length > 0 && <><dt>Address</dt><dd><IsolatedParts parts={address} /></dd></>}
        <dt>Location</dt>
        <dd>{PRECISION_TEXT[String(row.geo_precision)]}{isPresent(row.location_source) && ` Source: ${String(row.location_source)}.`}</dd>
        {isPresent(row.phone) && <><dt>Phone</dt><dd><PhoneLink phone={String(row.phone)} /></dd></>}
        {isPresent(row.website) && <><dt>Website</dt><dd><SafeLink href={String(row.website)} /></dd></>}
        {isPresent(row.email) && <><dt>Email</dt><dd>{String(row.email)}</dd></>}
        {typeRow && TYPE_FIELDS[row.org_type].filter(([col]) => isPresent(typeRow[col])).map(([col, label, kind, names]) => (
          <div key={col} className="field"><dt>{label}</dt><dd><FieldValue kind={kind} value={typeRow[col]} names={names} /></dd></div>
        ))}
        {isPresent(row.last_updated) && <><dt>Listing updated</dt><dd><FieldValue kind="date" value={row.last_updated} /></dd></>}
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
    </aside>
  );
}

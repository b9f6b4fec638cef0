// Everything known about one organization, the ways to reach it first: call, directions,
// email, website and the distance from the searched place; then its type's own fields and
// services, nearby complementary supports, and behind "More details" what only analysts need.
// Focus moves to its heading when it opens; Escape closes it (the shell puts focus back).
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { IsolatedParts } from '../../components/isolated-parts.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import { ContactActions, DetailLoading, DetailTop, type DetailPreview } from '../../components/detail-top.tsx';
import { useQuery } from '../../db/use-query.ts';
import { offeredServices, organizationQuery, serviceCodesQuery } from '../../search/queries.ts';
import { usePlacedNetwork } from '../../shell/use-network.ts';
import type { OrgType, Place } from '../../search/state.ts';
import { isApproximate, milesBetween } from '../../release/geo.ts';
import { aboutMiles, formatNumber, placeLabel } from '../../i18n/format.ts';
import { FieldValue, isPresent, SafeLink } from './field-value.tsx';
import { MORE_DETAILS, TYPE_FIELDS, typeDetailOf } from '../../release/detail-fields.ts';
import { NearbySupports } from './nearby-supports.tsx';

interface Props {
  orgId: string;
  /** The searched place, for the distance from it; null for a search of the whole country. */
  from: Place | null;
  onSelect: (orgId: string) => void;
  onClose: () => void;
  /** What the list showed of it, shown until its row is read. */
  preview: DetailPreview | null;
}

type Org = Record<string, unknown> & { org_type: OrgType; name: string };

export function DetailPanel({ orgId, from, onSelect, onClose, preview }: Props) {
  const { t } = useTranslation();
  const org = useQuery<Org>(organizationQuery(orgId));
  const row = org.status === 'done' ? org.rows[0] : undefined;
  // The organization's row lists its service codes; this names them, in the panel's order (asked once a page: the cache keeps it).
  const services = useQuery<{ category_code: string; category_name: string; code: string; name: string }>(serviceCodesQuery());
  // With each support's program and street: a chain's sites in one town have one name.
  const network = usePlacedNetwork(orgId);
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

  if (org.status === 'failed') return <QueryFailed error={org.error} onRetry={org.retry} />;
  if (org.status !== 'done') return <DetailLoading preview={preview?.org_id === orgId ? preview : null} onClose={onClose} />;
  if (!row) {
    return (
      <aside className="detail" aria-label={t('detail.organization')}>
        <p>{t('detail.notInRelease')}</p>
        <button type="button" onClick={onClose}>{t('detail.close')}</button>
      </aside>
    );
  }
  const address = [row.address_line1, row.address_line2, row.city, [row.state, row.zip].filter(isPresent).join(' ')].filter(isPresent);
  const typeRow = typeDetailOf(row);
  const fields = typeRow ? TYPE_FIELDS[row.org_type].filter(([col]) => isPresent(typeRow[col])) : [];
  const field = ([col, kind, names]: (typeof fields)[number]) => (
    <div key={col} className="field"><dt>{t(`field.${col}`)}</dt><dd><FieldValue kind={kind} value={typeRow![col]} names={names} /></dd></div>
  );
  // The directory's own words for SAMHSA's codes, keyed by code; the release's English as it is published otherwise.
  const byCategory = new Map<string, string[]>();
  if (services.status === 'done') {
    for (const s of offeredServices(services.rows, row)) {
      const category = t(`serviceCategories.${s.category_code}`, { defaultValue: s.category_name });
      byCategory.set(category, [...(byCategory.get(category) ?? []), t(`services.${s.code}`, { defaultValue: s.name })]);
    }
  }
  const at = typeof row.latitude === 'number' && typeof row.longitude === 'number' ? { lat: row.latitude, lon: row.longitude } : null;
  const email = isPresent(row.email) && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(String(row.email)) ? String(row.email) : null;

  return (
    <aside className="detail" aria-labelledby="detail-title" ref={panel}>
      <DetailTop onClose={onClose} />
      <p className="detail-type">{t(`data.orgType.${row.org_type}`)}</p>
      <h2 id="detail-title" ref={title} tabIndex={-1} translate="no">{row.name}</h2>
      {isPresent(row.program_name) && <p className="program-name"><bdi translate="no">{String(row.program_name)}</bdi></p>}
      {row.generated === true && (
        <p className="sample-warning" role="note">{t('detail.generated')}</p>
      )}
      {isPresent(row.other_names) && <p>{t('detail.alsoKnownAs')} <span translate="no"><IsolatedParts parts={row.other_names as string[]} /></span></p>}
      <ContactActions phone={isPresent(row.phone) ? String(row.phone) : null} to={{ ...row, latitude: at?.lat ?? null, longitude: at?.lon ?? null }}>
        {email && <li><a href={`mailto:${email}`} translate="no">{email}</a></li>}
        {isPresent(row.website) && <li><SafeLink href={String(row.website)} /></li>}
      </ContactActions>
      {from && at && (
        <p className="detail-distance">
          {/* Placed at its ZIP's or town's center, it is only about so far (as the list says). */}
          {isApproximate(row.geo_precision)
            ? <Trans i18nKey="detail.distanceAbout" count={aboutMiles(milesBetween(from, at))} values={{ place: placeLabel(t, from.label) }}
              components={{ bdi: <bdi translate="no" /> }} />
            : <Trans i18nKey="detail.distance" values={{ miles: formatNumber(milesBetween(from, at), 1), place: placeLabel(t, from.label) }}
              components={{ bdi: <bdi translate="no" /> }} />}
        </p>
      )}
      <p className="check-first">{t('detail.checkFirst')}</p>
      <dl>
        {address.length > 0 && <><dt>{t('detail.address')}</dt><dd translate="no"><IsolatedParts parts={address} /></dd></>}
        <dt>{t('detail.location')}</dt>
        <dd>{t(`data.precision.${String(row.geo_precision)}.sentence`)}</dd>
        {fields.filter(([col]) => !MORE_DETAILS.has(col)).map(field)}
      </dl>
      {byCategory.size > 0 && (
        <section aria-label={t('detail.services')}>
          <h3>{t('detail.services')}</h3>
          {[...byCategory].map(([category, names]) => (
            <div key={category} className="service-group"><h4>{category}</h4><p>{names.join(' · ')}</p></div>
          ))}
        </section>
      )}
      {services.status === 'failed' && <QueryFailed error={services.error} onRetry={services.retry} />}
      {network.status === 'done' && <NearbySupports rows={network.rows} placed={row.geo_precision} onSelect={onSelect} />}
      {network.status === 'failed' && <QueryFailed error={network.error} onRetry={network.retry} />}
      <details className="more-details">
        <summary>{t('detail.moreDetails')}</summary>
        <dl>
          {fields.filter(([col]) => MORE_DETAILS.has(col)).map(field)}
          {isPresent(row.location_source) && <><dt>{t('detail.locationSource')}</dt><dd translate="no">{String(row.location_source)}</dd></>}
          {isPresent(row.last_updated) && <><dt>{t('detail.updated')}</dt><dd><FieldValue kind="date" value={row.last_updated} /></dd></>}
        </dl>
      </details>
    </aside>
  );
}

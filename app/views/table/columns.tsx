// The results table's columns. Wide: name, distance and phone first (in view without scrolling
// sideways), then type and place, each sortable but the phone. Narrow (a phone): one column of
// cards: the name, type and place, the distance, and Call and Directions links to tap.
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { IsolatedParts } from '../../components/isolated-parts.tsx';
import { PhoneLink } from '../../components/phone-link.tsx';
import { directionsHref } from '../../components/directions.ts';
import { milesText } from '../../i18n/format.ts';
import type { ResultRow } from './use-paged-rows.ts';

type Column = ColumnDef<ResultRow | null>;

const place = (r: ResultRow) => <span className="place" translate="no"><IsolatedParts parts={[r.city, r.state]} /></span>;
// A call or a route is not a click on the row: it must not open the details as well.
const call = (r: ResultRow, label?: string) => r.phone
  && <span onClick={(e) => e.stopPropagation()}><PhoneLink phone={r.phone} label={label} /></span>;

/**
 * `oneType`: every result is of one type (the release holds one, or the search asks for one): no
 * Type column, nor a type on each card. On SAMHSA's directory it said "Treatment center" on every
 * row while the names beside it were cut.
 */
export function resultColumns(t: TFunction, near: boolean, narrow: boolean, oneType: boolean, onSelect: (orgId: string, row: ResultRow) => void): Column[] {
  const miles = (r: ResultRow) => (r.distance_miles === null ? '' : milesText(t, r.distance_miles, r.geo_precision));
  const typeName = (r: ResultRow) => t(`data.orgType.${r.org_type}`);
  const directions = (r: ResultRow) => {
    const route = directionsHref(r);
    return route && (
      <a href={route} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}
        aria-label={t('results.directionsTo', { name: r.name })}>{t('results.directions')}</a>
    );
  };
  // With its program's name under it: SAMHSA lists a provider's sites under one name ("TRI Center
  // Inc" twice near 10001), which read as duplicates until the details were opened. One line, cut
  // with an ellipsis: the rows are of a fixed height (results-table.tsx).
  const nameButton = (r: ResultRow) => (
    <>
      {/* Its click is the row's too (results-table.tsx): opened once, not once here and once there. */}
      <button type="button" className="link-button" translate="no" onClick={(e) => { e.stopPropagation(); onSelect(r.org_id, r); }}>{r.name}</button>
      {r.program_name ? <span className="program-line" translate="no"><bdi>{r.program_name}</bdi></span>
        // Without a program's name, its street in that line: two "Focus Residential Group LLC" cards
        // near Portsmouth, OH read as one listing twice (303 and 326 Gervais Rd; a walkthrough).
        : r.address_line1 && <span className="program-line street-line" translate="no"><bdi>{r.address_line1}</bdi></span>}
    </>
  );
  if (narrow) {
    return [{
      id: 'name', header: t('results.name'), accessorFn: (r) => r?.name, enableSorting: false,
      cell: ({ row }) => {
        const r = row.original!;
        return (
          <div className="result-card">
            {nameButton(r)}
            {/* The distance first: on a 320 px phone the line wraps, and the distance is what a person near a place reads for. */}
            <span className="row-meta">{near && <><strong>{miles(r)}</strong> · </>}{!oneType && <>{typeName(r)} · </>}{place(r)}</span>
            <span className="card-actions">{call(r, t('results.call'))}{directions(r)}</span>
          </div>
        );
      },
    }];
  }
  return [
    { id: 'name', header: t('results.name'), size: 202, accessorFn: (r) => r?.name, cell: ({ row }) => nameButton(row.original!) },
    // Room for "Distancia ▼" on one line at the table's narrowest (MIN_WIDTH in results-table.tsx).
    ...(near ? [{ id: 'distance', header: t('results.distance'), size: 128, accessorFn: (r) => r?.distance_miles,
      cell: ({ row }) => miles(row.original!) } satisfies Column] : []),
    { id: 'phone', header: t('results.phone'), size: 160, enableSorting: false, cell: ({ row }) => call(row.original!) },
    ...(oneType ? [] : [{ id: 'type', header: t('results.type'), size: 104, accessorFn: (r) => r?.org_type,
      cell: ({ row }) => typeName(row.original!) } satisfies Column]),
    { id: 'city', header: t('results.where'), size: 122, accessorFn: (r) => r?.city, cell: ({ row }) => place(row.original!) },
  ];
}

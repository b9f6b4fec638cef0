// The results table's columns. Wide: name, distance and phone first (in view without scrolling
// sideways), then type and place, each sortable but the phone. Narrow (a phone): one column of
// cards: the name, type and place, the distance, and Call and Directions links to tap.
import type { ColumnDef } from '@tanstack/react-table';
import { IsolatedParts } from '../../components/isolated-parts.tsx';
import { PhoneLink } from '../../components/phone-link.tsx';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import { directionsHref } from '../../components/directions.ts';
import type { ResultRow } from './use-paged-rows.ts';

type Column = ColumnDef<ResultRow | null>;

const place = (r: ResultRow) => <IsolatedParts parts={[r.city, r.state]} />;
const miles = (r: ResultRow) => (r.distance_miles === null ? '' : `${r.distance_miles.toFixed(1)} mi`);
// A call or a route is not a click on the row: it must not open the details as well.
const call = (r: ResultRow, label?: string) => r.phone
  && <span onClick={(e) => e.stopPropagation()}><PhoneLink phone={r.phone} label={label} /></span>;
const directions = (r: ResultRow) => r.latitude !== null && r.longitude !== null && (
  <a href={directionsHref(r.latitude, r.longitude)} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()}
    aria-label={`Directions to ${r.name} (opens OpenStreetMap, another site)`}>Directions</a>
);

export function resultColumns(near: boolean, narrow: boolean, onSelect: (orgId: string) => void): Column[] {
  const nameButton = (r: ResultRow) => <button type="button" className="link-button" onClick={() => onSelect(r.org_id)}>{r.name}</button>;
  if (narrow) {
    return [{
      id: 'name', header: 'Name', accessorFn: (r) => r?.name, enableSorting: false,
      cell: ({ row }) => {
        const r = row.original!;
        return (
          <div className="result-card">
            {nameButton(r)}
            <span className="row-meta">{ORG_TYPE_LABELS[r.org_type as OrgType]} · {place(r)}{near && <> · <strong>{miles(r)}</strong></>}</span>
            <span className="card-actions">{call(r, 'Call')}{directions(r)}</span>
          </div>
        );
      },
    }];
  }
  return [
    { id: 'name', header: 'Name', size: 270, accessorFn: (r) => r?.name, cell: ({ row }) => nameButton(row.original!) },
    ...(near ? [{ id: 'distance', header: 'Distance', size: 96, accessorFn: (r) => r?.distance_miles,
      cell: ({ row }) => miles(row.original!) } satisfies Column] : []),
    { id: 'phone', header: 'Phone', size: 150, enableSorting: false, cell: ({ row }) => call(row.original!) },
    { id: 'type', header: 'Type', size: 180, accessorFn: (r) => r?.org_type, cell: ({ row }) => ORG_TYPE_LABELS[row.original!.org_type as OrgType] },
    { id: 'city', header: 'Where', size: 180, accessorFn: (r) => r?.city, cell: ({ row }) => place(row.original!) },
  ];
}

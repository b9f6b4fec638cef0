// The results table's columns. Wide: name, type, place, distance, phone, each sortable but the
// phone. Narrow (a phone): two columns that fit 375 px, the type and place under the name and a
// Call link under the distance, so nothing scrolls sideways.
import type { ColumnDef } from '@tanstack/react-table';
import { IsolatedParts } from '../../components/isolated-parts.tsx';
import { PhoneLink } from '../../components/phone-link.tsx';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import type { ResultRow } from './use-paged-rows.ts';

type Column = ColumnDef<ResultRow | null>;

const place = (r: ResultRow) => <IsolatedParts parts={[r.city, r.state]} />;
const miles = (r: ResultRow) => (r.distance_miles === null ? '' : `${r.distance_miles.toFixed(1)} mi`);
// A call is not a click on the row: it must not open the details as well.
const call = (r: ResultRow, label?: string) => r.phone
  && <span onClick={(e) => e.stopPropagation()}><PhoneLink phone={r.phone} label={label} /></span>;

export function resultColumns(near: boolean, narrow: boolean, onSelect: (orgId: string) => void): Column[] {
  const name = (meta: boolean): Column => ({
    // An accessor makes a column sortable in TanStack; the sorting itself happens in SQL.
    id: 'name', header: 'Name', size: 320, accessorFn: (r) => r?.name,
    cell: ({ row }) => (
      <>
        <button type="button" className="link-button" onClick={() => onSelect(row.original!.org_id)}>{row.original!.name}</button>
        {meta && <span className="row-meta">{ORG_TYPE_LABELS[row.original!.org_type as OrgType]} · {place(row.original!)}</span>}
      </>
    ),
  });
  const distance = (size: number, withCall: boolean): Column => ({
    id: 'distance', header: 'Distance', size, accessorFn: (r) => r?.distance_miles,
    cell: ({ row }) => <>{miles(row.original!)}{withCall && <span className="row-meta">{call(row.original!, 'Call')}</span>}</>,
  });
  const phone = (size: number, label?: string): Column => ({
    id: 'phone', header: 'Phone', size, enableSorting: false, cell: ({ row }) => call(row.original!, label),
  });
  if (narrow) return [name(true), near ? distance(96, true) : phone(96, 'Call')];
  return [
    name(false),
    { id: 'type', header: 'Type', size: 190, accessorFn: (r) => r?.org_type, cell: ({ row }) => ORG_TYPE_LABELS[row.original!.org_type as OrgType] },
    { id: 'city', header: 'Where', size: 200, accessorFn: (r) => r?.city, cell: ({ row }) => place(row.original!) },
    ...(near ? [distance(110, false)] : []),
    phone(150),
  ];
}

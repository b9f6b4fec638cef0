// The results as a sortable, resizable, virtualized table: only the rows on screen exist in
// the DOM, pages of rows are fetched as they scroll into view, sorting happens in SQL.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { QueryFailed } from '../../components/query-failed.tsx';
import type { ResolvedSearch, SortKey } from '../../search/queries.ts';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import { ExportButtons } from './export-buttons.tsx';
import { PAGE_SIZE, usePagedRows, type ResultRow } from './use-paged-rows.ts';
import { IsolatedParts } from '../../components/isolated-parts.tsx';

interface Props {
  search: ResolvedSearch;
  total: number | null;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (orgId: string) => void;
  onHover: (orgId: string | null) => void;
}

const ROW_HEIGHT = 44;

export function ResultsTable({ search, total, selectedId, hoveredId, onSelect, onHover }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const sort = { key: (sorting[0]?.id ?? 'relevance') as SortKey, desc: sorting[0]?.desc ?? false };
  const { pages, ensurePage, firstPage, error } = usePagedRows(search, sort);
  const scroller = useRef<HTMLDivElement>(null);
  // Until the count arrives, the first page stands for the results.
  const count = total ?? firstPage?.length ?? 0;

  const columns = useMemo<ColumnDef<ResultRow | null>[]>(() => [
    {
      // An accessor makes a column sortable in TanStack; the sorting itself happens in SQL.
      id: 'name', header: 'Name', size: 320, accessorFn: (r) => r?.name,
      cell: ({ row }) => (
        <button type="button" className="link-button" onClick={() => onSelect(row.original!.org_id)}>{row.original!.name}</button>
      ),
    },
    { id: 'type', header: 'Type', size: 190, accessorFn: (r) => r?.org_type, cell: ({ row }) => ORG_TYPE_LABELS[row.original!.org_type as OrgType] },
    {
      id: 'city', header: 'Where', size: 200, accessorFn: (r) => r?.city,
      cell: ({ row }) => <IsolatedParts parts={[row.original!.city, row.original!.state]} />,
    },
    ...(search.near ? [{
      id: 'distance', header: 'Distance', size: 110, accessorFn: (r: ResultRow | null) => r?.distance_miles,
      cell: ({ row }: { row: { original: ResultRow | null } }) =>
        row.original!.distance_miles === null ? '' : `${row.original!.distance_miles.toFixed(1)} mi`,
    }] : []),
    { id: 'phone', header: 'Phone', size: 150, enableSorting: false, cell: ({ row }) => row.original!.phone ?? '' },
  ], [search.near, onSelect]);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  for (const item of items) ensurePage(Math.floor(item.index / PAGE_SIZE));
  // Only the rows on screen go through the table model (null until their page arrives):
  // building it for all 40,964 results held the first paint back by ~0.4 s.
  // The window is contiguous; a new array only when it moves or a page arrives: every new
  // `data` rebuilds TanStack's row model, and a new array on every render hung the page.
  const first = items[0]?.index ?? 0;
  const last = items.length ? items[items.length - 1].index : -1;
  const data = useMemo(() => Array.from({ length: last - first + 1 },
    (_, k) => pages.get(Math.floor((first + k) / PAGE_SIZE))?.[(first + k) % PAGE_SIZE] ?? null), [first, last, pages]);
  const table = useReactTable<ResultRow | null>({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    // A to Z and nearest first on the first click, whatever rows happen to be loaded.
    sortDescFirst: false,
    enableSortingRemoval: true,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
    // No pagination or expansion here, so nothing to reset when the window of rows moves.
    autoResetAll: false,
  });

  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const widths = table.getVisibleLeafColumns().map((c) => c.getSize());

  if (error) return <QueryFailed error={error} />;
  return (
    <>
      {count > 0 && <ExportButtons search={search} sort={sort} />}
      <div className="results-table" ref={scroller} role="region" aria-label="Results table" tabIndex={0}>
        <table style={{ width: widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>{widths.map((w, i) => <col key={i} style={{ width: w }} />)}</colgroup>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : flexRender(header.column.columnDef.header, header.getContext())}
                      <span className="resizer" onMouseDown={header.getResizeHandler()} onTouchStart={header.getResizeHandler()}
                        aria-hidden="true" />
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padTop, padding: 0 }} /></tr>}
            {items.map((item, k) => {
              const row = table.getRowModel().rows[k];
              const data = row?.original;
              if (!data) {
                return <tr key={item.key} style={{ height: ROW_HEIGHT }}><td colSpan={columns.length} className="loading-row">Loading…</td></tr>;
              }
              return (
                <tr key={data.org_id} style={{ height: ROW_HEIGHT }} data-org-id={data.org_id}
                  className={data.org_id === selectedId ? 'selected' : data.org_id === hoveredId ? 'hovered' : undefined}
                  aria-selected={data.org_id === selectedId}
                  onClick={() => onSelect(data.org_id)}
                  onMouseEnter={() => onHover(data.org_id)} onMouseLeave={() => onHover(null)}>
                  {row.getVisibleCells().map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padBottom, padding: 0 }} /></tr>}
          </tbody>
        </table>
      </div>
    </>
  );
}

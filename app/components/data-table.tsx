// Any query's rows as a virtualized table (the console's results, a chart's data): columns
// from the first row, only the rows on screen in the DOM.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

const ROW_HEIGHT = 30;

export function DataTable({ rows, label }: { rows: Record<string, unknown>[]; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  return (
    <div className="data-table" ref={scroller} role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padTop, padding: 0 }} /></tr>}
          {items.map((item) => (
            <tr key={item.index} style={{ height: ROW_HEIGHT }}>
              {columns.map((c) => <td key={c}>{show(rows[item.index][c])}</td>)}
            </tr>
          ))}
          {padBottom > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padBottom, padding: 0 }} /></tr>}
        </tbody>
      </table>
    </div>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 19 : 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

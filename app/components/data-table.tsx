// Any query's rows as a table (the console's results, a chart's data): columns from the first
// row. A long result is virtualized (only the rows on screen in the DOM, with aria-rowcount and
// each row's aria-rowindex, the header row counted, so a screen reader knows the whole); a short
// one is drawn whole: a dashboard's 56 states showed 23, and the browser's find missed the rest.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

const ROW_HEIGHT = 30;
/** Up to this many rows the table is drawn whole (a few hundred cells cost nothing). */
const WHOLE = 300;

interface Props {
  rows: Record<string, unknown>[];
  label: string;
  /** A column's heading (default: its name, as SQL wrote it). */
  heading?: (column: string) => string;
  /** What a cell shows of its value (default: the value, as SQL gave it). */
  value?: (column: string, value: unknown) => unknown;
}

export function DataTable({ rows, label, heading = (c) => c, value = (_, v) => v }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const whole = rows.length <= WHOLE;
  const virtualizer = useVirtualizer({ count: whole ? 0 : rows.length, enabled: !whole, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const drawn = virtualizer.getVirtualItems();
  const items = whole ? rows.map((_, index) => ({ index })) : drawn;
  const padTop = drawn[0]?.start ?? 0;
  const padBottom = drawn.length ? virtualizer.getTotalSize() - drawn[drawn.length - 1].end : 0;
  return (
    <div className="data-table" ref={scroller} role="region" aria-label={label} tabIndex={0}>
      <table aria-rowcount={rows.length + 1}>
        <thead><tr aria-rowindex={1}>{columns.map((c) => <th key={c} scope="col">{heading(c)}</th>)}</tr></thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padTop, padding: 0 }} /></tr>}
          {items.map(({ index }) => (
            <tr key={index} style={{ height: ROW_HEIGHT }} aria-rowindex={index + 2}>
              {columns.map((c) => <td key={c}>{show(value(c, rows[index][c]))}</td>)}
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

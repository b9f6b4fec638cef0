// A column's resize handle, for the mouse and the keyboard: WAI-ARIA's window splitter (a
// focusable separator whose value is the column's share of the table; Left and Right arrows
// move it). It was a 5 px strip only a mouse could drag. 24 px wide, WCAG 2.2's smallest target:
// the heading keeps clear of it (styles.css), so the two never overlap.
import type { Header } from '@tanstack/react-table';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A key press's step, in the column's own size units (the table shares the box by them). */
const STEP = 16;
const MIN = 60;

export function ColumnResizer<T>({ header, share }: { header: Header<T, unknown>; share: number }) {
  const { t } = useTranslation();
  const { column } = header;
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? STEP : e.key === 'ArrowLeft' ? -STEP : 0;
    if (!step) return;
    e.preventDefault();
    header.getContext().table.setColumnSizing((sizes) => ({ ...sizes, [column.id]: Math.max(MIN, column.getSize() + step) }));
  };
  const heading = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  return (
    <span className="resizer" role="separator" aria-orientation="vertical" tabIndex={0}
      aria-label={t('results.resizeColumn', { column: heading })} aria-valuenow={Math.round(100 * share)}
      aria-valuemin={0} aria-valuemax={100} aria-valuetext={t('results.columnShare', { percent: Math.round(100 * share) })}
      onKeyDown={onKeyDown} onMouseDown={header.getResizeHandler()} onTouchStart={header.getResizeHandler()} />
  );
}

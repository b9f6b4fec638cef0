// The results as a sortable, resizable, virtualized table: only the rows on screen exist in
// the DOM, pages of rows are fetched as they scroll into view, sorting happens in SQL (the
// order is the page's, kept in the URL by the shell). On a phone the columns fold into one of
// cards (see columns.tsx), and up to a tablet's width the page itself scrolls through the list:
// a list scrolling inside a half-screen box, inside a scrolling page, lost people on a phone.
// A screen reader is told how many rows there are and where each drawn one sits (aria-rowcount,
// aria-rowindex): only a slice is in the DOM. A link before the list skips past it: a row is two
// or three Tab stops, so 423 results were ~846 of them before the map and Download (see skipPast);
// one after it goes back up to the search form.
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer, useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../db/engine.ts';
import { QueryFailed } from '../../components/query-failed.tsx';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { PAGE_SIZE, type ResolvedSearch } from '../../search/queries.ts';
import type { Sort } from '../../search/state.ts';
import { clickedSort, shownSort, type ColumnKey } from '../../search/table-order.ts';
import { hasText } from '../../search/text-match.ts';
import { resultColumns } from './columns.tsx';
import { ColumnResizer } from './column-resizer.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { usePagedRows, type ResultRow } from './use-paged-rows.ts';

interface Props {
  search: ResolvedSearch;
  total: number | null;
  sort: Sort;
  onSort: (sort: Sort) => void;
  selectedId: string | null;
  hoveredId: string | null;
  /** The row too: the details show what the list showed of it while they load. */
  onSelect: (orgId: string, row: ResultRow) => void;
  onHover: (orgId: string | null) => void;
  /** For the shell, to put focus back on the result that opened the details. */
  ref?: Ref<ResultsTableHandle>;
  /**
   * The list scrolls in its own box at every width (an embed: its frame is as tall as its
   * content, so a list scrolled with the page would draw, and fetch, every row).
   */
  boxed?: boolean;
  /** The search form's id: from the list's end, a link goes back up to its first field. */
  searchForm?: string;
  /** Every result is of one type: the type is not said on each row (columns.tsx). */
  oneType?: boolean;
  /** What tells one search from another (not an organization opened): an embed's longer list starts short again on a new one. */
  listKey?: string;
  /** The files the results download as (download-buttons.tsx; all of them unless said). */
  downloads?: readonly ExportFormat[];
}

export interface ResultsTableHandle {
  /**
   * Focuses the result's button, first scrolling its row into the virtual window if it left it.
   * False when the result is not among the rows loaded (the caller focuses something else).
   */
  focusResult(orgId: string): boolean;
}

/** The form's first field a person can change (an embed's locked place is not one). */
const firstField = (formId: string) =>
  document.getElementById(formId)?.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled)') ?? null;

const buttonOf = (root: HTMLElement | null, orgId: string) =>
  root?.querySelector<HTMLElement>(`tr[data-org-id="${CSS.escape(orgId)}"] .link-button`) ?? null;

// A card a row on a phone: name, what and where, and a line of links to tap.
// Room for a name on two lines (styles.css clamps it there).
const ROW_HEIGHT = { wide: 52, narrow: 128 };
/** Below this a wide table scrolls sideways rather than squeeze its columns further. */
const MIN_WIDTH = 600;
const NARROW = '(max-width: 600px)';
/** Where the results take the page's whole width (styles.css): the page scrolls, not a box. */
const PAGE_SCROLL = '(max-width: 800px)';
/**
 * Rows an embed lists on a phone at first, and how many more each "Show more" adds. Its frame is
 * as tall as its content, so a list scrolled with the page draws every row it is given: given all,
 * it fetched them all; in a box of its own (as beside the map on a wide screen), a swipe on the
 * phone scrolled the box, not the host's page (three cards of 34 in sight: a person test). Ten cards, 1,280 px.
 */
const FRAME_ROWS = 10;

/** Where the list's rows begin on the page, for a virtualizer that follows the page's scrolling. */
function useTopOnPage(on: boolean) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (!on) return;
    // What is above the list changes height (filters opened, a notice): measured again each time.
    const measure = () => {
      const at = (body.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setTop((was) => (Math.abs(was - at) < 1 ? was : at));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [on]);
  return { body, top };
}

export function ResultsTable({ search, total, sort, onSort, selectedId, hoveredId, onSelect, onHover, ref, boxed = false, searchForm, oneType = false, listKey = '', downloads }: Props) {
  const { t } = useTranslation();
  const near = search.near !== null;
  const words = hasText(search.state.text);
  const shown = shownSort(sort, near, words);
  const sorting: SortingState = shown ? [{ id: shown.key, desc: shown.desc }] : [];
  const { pages, ensurePage, firstPage, error, retry } = usePagedRows(search, sort);
  const scroller = useRef<HTMLDivElement>(null);
  const afterList = useRef<HTMLDivElement>(null);
  // Until the count arrives, the first page stands for the results.
  const count = total ?? firstPage?.length ?? 0;

  const narrow = useMediaQuery(NARROW);
  const pageScroll = useMediaQuery(PAGE_SCROLL);
  const inFrame = boxed && pageScroll;
  // Back to the first rows for each new search.
  const [more, setMore] = useState({ listKey, rows: FRAME_ROWS });
  const listed = inFrame ? Math.min(count, more.listKey === listKey ? more.rows : FRAME_ROWS) : count;
  // "Show more" goes as the last rows come: focus goes to the first of the rows it added, once drawn.
  const focusRow = useRef<number | null>(null);
  const rowHeight = ROW_HEIGHT[narrow ? 'narrow' : 'wide'];
  // Rebuilt columns remount every cell (their renderers are components): only what they show may rebuild them.
  const columns = useMemo(() => resultColumns(t, near, narrow, oneType, onSelect), [t, near, narrow, oneType, onSelect]);

  // One of the two is in use; the other has no rows (hooks cannot be chosen by a condition).
  const { body, top } = useTopOnPage(pageScroll);
  const inBox = useVirtualizer({
    count: pageScroll ? 0 : listed,
    enabled: !pageScroll,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const onPage = useWindowVirtualizer({
    count: pageScroll ? listed : 0,
    enabled: pageScroll,
    estimateSize: () => rowHeight,
    // A frame is as tall as its content and the host's page scrolls it: its own viewport is not
    // what the visitor sees. Every listed row is drawn; windowed, a frame still shrunk to a
    // closing details panel dropped the focused row as it came back (the embed phone test's flake).
    overscan: inFrame ? listed : 10,
    scrollMargin: top,
  });
  const virtualizer = pageScroll ? onPage : inBox;
  const margin = pageScroll ? top : 0;
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  useImperativeHandle(ref, () => ({
    focusResult(orgId) {
      let index = -1;
      for (const [page, rows] of pages) {
        const i = rows.findIndex((r) => r.org_id === orgId);
        if (i >= 0) index = page * PAGE_SIZE + i;
      }
      if (index < 0) return false;
      const now = buttonOf(scroller.current, orgId);
      if (now) {
        now.focus();
        return true;
      }
      // Out of the window: scroll to it, then focus it once the virtualizer has drawn it.
      virtualizer.scrollToIndex(index, { align: 'center' });
      let frames = 0;
      const tryFocus = () => {
        const button = buttonOf(scroller.current, orgId);
        if (button) button.focus();
        else if (frames++ < 30) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
      return true;
    },
  }), [pages, virtualizer]);
  useEffect(() => {
    const button = focusRow.current === null ? null
      : scroller.current?.querySelector<HTMLElement>(`tr[aria-rowindex="${focusRow.current + 2}"] .link-button`);
    if (!button) return;
    focusRow.current = null;
    button.focus();
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
    // Shown only: the SQL sorts, and a header's click is search/table-order.ts's.
    state: { sorting },
    manualSorting: true,
    columnResizeMode: 'onChange',
    getCoreRowModel: getCoreRowModel(),
    // Ids by organization, not by place in the window: when the window moves, the cells (and a
    // focused button in them) stay in the DOM instead of being rebuilt, so Tab never drops to the body.
    getRowId: (r, i) => r?.org_id ?? `loading-${first + i}`,
    // No pagination or expansion here, so nothing to reset when the window of rows moves.
    autoResetAll: false,
  });

  const padTop = items.length ? items[0].start - margin : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items[items.length - 1].end - margin) : 0;
  // Narrow: the table fills the screen and the name takes what the other column leaves. Wide:
  // the columns share the box in their sizes' proportions (on a laptop their sizes' sum was 876 px
  // in a 680 px box: the place was off to the side and phone extensions cut), down to MIN_WIDTH,
  // below which the box scrolls sideways.
  const sizes = table.getVisibleLeafColumns().map((c) => c.getSize());
  const sum = sizes.reduce((a, b) => a + b, 0);
  const widths = narrow ? table.getVisibleLeafColumns().map((c, i) => (c.id === 'name' ? undefined : sizes[i])) : sizes.map((w) => `${(100 * w) / sum}%`);

  if (error) return <QueryFailed error={error} onRetry={retry} />;
  // Nothing found: the summary says what to do; an empty table's headings and box looked broken.
  if (total === 0) return null;
  return (
    <>
      {/* WCAG technique G123 (a link at the start of a block of repeated content to its end), not a
          grid with one Tab stop: the rows stay a table, read by a screen reader's table commands, and
          each row's name and phone stay ordinary links and buttons a Tab reaches (APG's grid would
          put them behind arrow keys and Enter, which few people expect of a list of search results). */}
      <a className="skip-past" href="#after-results" onClick={(e) => { e.preventDefault(); afterList.current?.focus(); }}>
        {total === null ? t('results.skipPastSome') : t('results.skipPast', { count: total })}
      </a>
      <div className={['results-table', narrow && 'narrow', pageScroll && 'page-scroll'].filter(Boolean).join(' ')} ref={scroller}
        role="region" aria-label={t('results.table')} tabIndex={pageScroll ? undefined : 0}>
        {/* The header row is row 1; an unknown count is -1 (ARIA's "unknown"), not the first page's. */}
        <table style={{ width: '100%', minWidth: narrow ? undefined : Math.min(sum, MIN_WIDTH) }} aria-rowcount={total === null ? -1 : total + 1}>
          <colgroup>{widths.map((w, i) => <col key={i} style={{ width: w }} />)}</colgroup>
          {/* On a phone the cards need no column heading (it repeated the section's "Results"); a screen reader still has it. */}
          <thead className={narrow ? 'visually-hidden-head' : undefined}>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id} aria-rowindex={1}>
                {hg.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={() => onSort(clickedSort(sort, header.column.id as ColumnKey, near, words))}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : flexRender(header.column.columnDef.header, header.getContext())}
                      {!narrow && <ColumnResizer header={header} share={header.getSize() / sum} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody ref={body}>
            {padTop > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padTop, padding: 0 }} /></tr>}
            {items.map((item, k) => {
              const row = table.getRowModel().rows[k];
              const data = row?.original;
              if (!data) {
                return <tr key={item.key} style={{ height: rowHeight }} aria-rowindex={item.index + 2}><td colSpan={columns.length} className="loading-row">{t('common.loading')}</td></tr>;
              }
              return (
                <tr key={data.org_id} style={{ height: rowHeight }} data-org-id={data.org_id} aria-rowindex={item.index + 2}
                  className={data.org_id === selectedId ? 'selected' : data.org_id === hoveredId ? 'hovered' : undefined}
                  aria-selected={data.org_id === selectedId}
                  onClick={() => onSelect(data.org_id, data)}
                  onMouseEnter={() => onHover(data.org_id)} onMouseLeave={() => onHover(null)}>
                  {row.getVisibleCells().map((cell) => <td key={cell.id} className={cell.column.id === 'type' ? 'type-cell' : undefined}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)}
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true"><td colSpan={columns.length} style={{ height: padBottom, padding: 0 }} /></tr>}
          </tbody>
        </table>
      </div>
      {listed < count && (
        <button type="button" className="show-more" onClick={() => { focusRow.current = listed; setMore({ listKey, rows: listed + FRAME_ROWS }); }}>
          {t('results.showMore', { count: Math.min(FRAME_ROWS, count - listed), shown: listed, total: count })}
        </button>
      )}
      {/* Below the list: a person looking for help reads the results first; the files are for later.
          First, the way back up: from the list's end, the form was a Shift+Tab for each of its rows' stops away. */}
      <div id="after-results" ref={afterList} tabIndex={-1}>
        {searchForm && (
          <a className="skip-past" href={`#${searchForm}`} onClick={(e) => { e.preventDefault(); firstField(searchForm)?.focus(); }}>
            {t('results.backToSearch')}
          </a>
        )}
        {count > 0 && <ExportButtons search={search} sort={sort} formats={downloads} />}
      </div>
    </>
  );
}

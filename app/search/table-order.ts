// The results table's order as its headers show it, and what a click on one does. The column the
// list is in order of reverses; another starts from its first order (A to Z, nearest first). A
// click never drops the order: in the person test the table went back to its own order on the
// second or third click, which read as the click being ignored. The search's own order shows on
// the column it is (nearest first near a place, A to Z with neither place nor words), so the
// first click on that column reverses it rather than "sorting" what was already sorted. Words
// with no place order by best match, which no column shows: there, and only there, the click
// after a column's reverse order goes back to it, or no click would.
import { DEFAULT_SORT, type Sort, type SortKey } from './state.ts';

export type ColumnKey = Exclude<SortKey, 'relevance'>;

/** The column the list is in order of, and which way; null for words' best matches first (no column). */
export function shownSort(sort: Sort, near: boolean, words: boolean): { key: ColumnKey; desc: boolean } | null {
  // With no place there is no Distance column, and queries.ts lists a link's "sort=distance" by name.
  if (sort.key === 'distance' && !near) return { key: 'name', desc: sort.desc };
  if (sort.key !== 'relevance') return { key: sort.key, desc: sort.desc };
  if (near) return { key: 'distance', desc: sort.desc };
  return words ? null : { key: 'name', desc: sort.desc };
}

/** The order after a click on `column`'s header; the search's own order is written as itself (the link says nothing of it). */
export function clickedSort(sort: Sort, column: ColumnKey, near: boolean, words: boolean): Sort {
  const shown = shownSort(sort, near, words);
  const own = shownSort(DEFAULT_SORT, near, words);
  if (!own && shown?.key === column && shown.desc) return DEFAULT_SORT;
  const next = { key: column, desc: shown?.key === column ? !shown.desc : false };
  return own && own.key === next.key && own.desc === next.desc ? DEFAULT_SORT : next;
}

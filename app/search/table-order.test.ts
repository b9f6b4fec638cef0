import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, type Sort } from './state.ts';
import { clickedSort, shownSort } from './table-order.ts';

const clicks = (column: 'name' | 'distance' | 'city', n: number, near: boolean, words: boolean, from: Sort = DEFAULT_SORT) => {
  const seen: Sort[] = [];
  let sort = from;
  for (let i = 0; i < n; i++) seen.push(sort = clickedSort(sort, column, near, words));
  return seen;
};

describe('the table order', () => {
  it('shows the search\'s own order on its column: nearest first near a place, A to Z with neither place nor words', () => {
    expect(shownSort(DEFAULT_SORT, true, false)).toEqual({ key: 'distance', desc: false });
    expect(shownSort(DEFAULT_SORT, true, true)).toEqual({ key: 'distance', desc: false });
    expect(shownSort(DEFAULT_SORT, false, false)).toEqual({ key: 'name', desc: false });
    expect(shownSort(DEFAULT_SORT, false, true)).toBeNull();
    expect(shownSort({ key: 'city', desc: true }, true, false)).toEqual({ key: 'city', desc: true });
    // A link's distance order with no place: there is no Distance column, and the list is by name.
    expect(shownSort({ key: 'distance', desc: true }, false, false)).toEqual({ key: 'name', desc: true });
    expect(clickedSort({ key: 'distance', desc: false }, 'name', false, true)).toEqual({ key: 'name', desc: true });
  });

  it('reverses the column it is in order of on every click, never dropping it', () => {
    // Near a place the list is nearest first: the first click on Distance reverses it.
    expect(clicks('distance', 3, true, false)).toEqual([{ key: 'distance', desc: true }, DEFAULT_SORT, { key: 'distance', desc: true }]);
    expect(clicks('city', 4, true, false)).toEqual([
      { key: 'city', desc: false }, { key: 'city', desc: true }, { key: 'city', desc: false }, { key: 'city', desc: true }]);
    // Words with no place: best matches first, which no column shows, so the third click goes back to it.
    expect(clicks('name', 4, false, true)).toEqual([{ key: 'name', desc: false }, { key: 'name', desc: true }, DEFAULT_SORT, { key: 'name', desc: false }]);
    expect(clicks('name', 2, false, false)).toEqual([{ key: 'name', desc: true }, DEFAULT_SORT]);
  });

  it('starts another column from its first order, and nearest first is the search\'s own', () => {
    expect(clickedSort({ key: 'city', desc: true }, 'name', true, false)).toEqual({ key: 'name', desc: false });
    expect(clickedSort({ key: 'city', desc: true }, 'distance', true, false)).toEqual(DEFAULT_SORT);
  });
});

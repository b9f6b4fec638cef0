import { describe, expect, it } from 'vitest';
import { townsInView, type Towns } from './town-labels.ts';

// Four places, largest first, on a flat projection of 100 px a degree, 20 px from the view's corner.
const towns: Towns = { names: 'Big|Middle|Near Big|Small', at: [0, 0, 500, 0, 5, 0, 1000, 0], zooms: '3569' };
const names = towns.names.split('|');
const flat = (lon: number, lat: number) => ({ x: lon * 100 + 20, y: lat * 100 + 20 });
const view = (width: number) => ({ width, height: 200 });

describe('town labels', () => {
  it('labels the places whose zoom has come, largest first', () => {
    expect(townsInView(names, towns, 3, flat, view(5000))).toEqual([0]);
    expect(townsInView(names, towns, 5.5, flat, view(5000))).toEqual([0, 1]);
    expect(townsInView(names, towns, 9, flat, view(5000))).toEqual([0, 1, 3]);
  });

  it('leaves out a name that would cover a larger place\'s, and places off screen', () => {
    // "Near Big" is 5 px from "Big": it waits for a view where they are apart.
    expect(townsInView(names, towns, 9, flat, view(5000))).not.toContain(2);
    expect(townsInView(names, { ...towns, at: [0, 0, 500, 0, 100, 0, 1000, 0] }, 9, flat, view(5000))).toContain(2);
    expect(townsInView(names, towns, 9, flat, view(600))).toEqual([0, 1]);
    // "Small" at x = 1020 px: whole in a 1,100 px view, cut at the edge of a 1,030 px one.
    expect(townsInView(names, towns, 9, flat, view(1100))).toContain(3);
    expect(townsInView(names, towns, 9, flat, view(1030))).not.toContain(3);
  });
});

import { describe, expect, it } from 'vitest';
import { townsInView, type Towns } from './town-labels.ts';

// Four places, largest first, on a flat projection of 100 px a degree.
const towns: Towns = { names: 'Big|Middle|Near Big|Small', at: [0, 0, 500, 0, 5, 0, 1000, 0], zooms: '3569' };
const names = towns.names.split('|');
const flat = (width: number) => (lon: number, lat: number) => (lon * 100 <= width ? { x: lon * 100, y: lat * 100 } : null);

describe('town labels', () => {
  it('labels the places whose zoom has come, largest first', () => {
    expect(townsInView(names, towns, 3, flat(5000))).toEqual([0]);
    expect(townsInView(names, towns, 5.5, flat(5000))).toEqual([0, 1]);
    expect(townsInView(names, towns, 9, flat(5000))).toEqual([0, 1, 3]);
  });

  it('leaves out a name that would cover a larger place\'s, and places off screen', () => {
    // "Near Big" is 5 px from "Big": it waits for a view where they are apart.
    expect(townsInView(names, towns, 9, flat(5000))).not.toContain(2);
    expect(townsInView(names, { ...towns, at: [0, 0, 500, 0, 100, 0, 1000, 0] }, 9, flat(5000))).toContain(2);
    expect(townsInView(names, towns, 9, flat(600))).toEqual([0, 1]);
  });
});

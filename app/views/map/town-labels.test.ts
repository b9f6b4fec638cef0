import { describe, expect, it } from 'vitest';
import { cellsOf, labelsInView, searchedPlace, type Box, type Label, type Labelled } from './town-labels.ts';

// Four places, largest first, on a flat projection of 100 px a degree, 20 px from the view's corner.
const towns: Labelled = { key: 't', names: ['Big', 'Middle', 'Near Big', 'Small'], at: [0, 0, 500, 0, 5, 0, 1000, 0], zooms: '3569' };
const flat = (lon: number, lat: number) => ({ x: lon * 100 + 20, y: lat * 100 + 20 });
const view = (width: number) => ({ width, height: 200 });
const keys = (labels: Label[]) => labels.map((l) => l.key);
const indexes = (labels: Label[]) => labels.map((l) => Number(l.key.split(':')[1]));

describe('town labels', () => {
  it('labels the places whose zoom has come, largest first, then fills a view with fewer than three', () => {
    // At zoom 3 only "Big" has come: the view takes the next largest that fit to have three names.
    expect(keys(labelsInView([towns], 3, flat, view(5000)))).toEqual(['t:0', 't:1', 't:3']);
    const many: Labelled = { ...towns, names: ['A', 'B', 'C', 'D'], at: [0, 0, 200, 0, 400, 0, 600, 0], zooms: '3339' };
    expect(indexes(labelsInView([many], 3, flat, view(5000)))).toEqual([0, 1, 2]);
    expect(indexes(labelsInView([many], 9, flat, view(5000)))).toEqual([0, 1, 2, 3]);
  });

  it('leaves out a name that would cover a larger place\'s, and places off screen', () => {
    // "Near Big" is 5 px from "Big": it waits for a view where they are apart.
    expect(indexes(labelsInView([towns], 9, flat, view(5000)))).toEqual([0, 1, 3]);
    expect(indexes(labelsInView([{ ...towns, at: [0, 0, 500, 0, 100, 0, 1000, 0] }], 9, flat, view(5000)))).toContain(2);
    expect(indexes(labelsInView([towns], 9, flat, view(600)))).toEqual([0, 1]);
    // "Small" at x = 1020 px: whole over its dot in a 1,100 px view, left of it in a 1,030 px one, cut in a 1,022 px one.
    expect(labelsInView([towns], 9, flat, view(1100))).toContainEqual({ key: 't:3', side: 'over' });
    expect(labelsInView([towns], 9, flat, view(1030))).toContainEqual({ key: 't:3', side: 'left' });
    expect(indexes(labelsInView([towns], 9, flat, view(1022)))).not.toContain(3);
    // Nor under the map's buttons: "Small" (its dot at y = 20) has no room over it nor under it.
    expect(indexes(labelsInView([towns], 9, flat, view(1100), [[1000, 0, 1100, 60]]))).toEqual([0, 1]);
  });

  it('puts a name beside its dot when something is over it, and leaves it out when every side is taken', () => {
    // A cluster's count over "Middle" (its dot at 520, 20): the name goes under the dot, then to its right, then left.
    const over: Box = [510, 2, 530, 10];
    const under: Box = [510, 30, 530, 36];
    const right: Box = [540, 15, 550, 25];
    const sides = (taken: Box[]) => labelsInView([towns], 9, flat, view(1100), taken).map((l) => `${l.key} ${l.side}`);
    expect(sides([over])).toEqual(['t:0 over', 't:1 under', 't:3 over']);
    expect(sides([over, under])).toEqual(['t:0 over', 't:1 right', 't:3 over']);
    expect(sides([over, under, right])).toEqual(['t:0 over', 't:1 left', 't:3 over']);
    expect(sides([over, under, right, [490, 15, 500, 25]])).toEqual(['t:0 over', 't:3 over']);
  });

  it('names a place whose dot a mark covers beside the mark, over it first', () => {
    // A cluster's circle of 20 px on "Middle" (its dot at 520, 20 on a 60 px high view): over it has no room, so under.
    const circle: Box = [510, 10, 530, 30];
    const tall = { width: 1100, height: 60 };
    expect(labelsInView([towns], 9, flat, tall, [], [circle])).toContainEqual({ key: 't:1', side: 'under', offset: [0, 10] });
    // Lower in the view, over the circle; the buttons there, right of it.
    const low = (lon: number, lat: number) => ({ x: lon * 100 + 20, y: lat * 100 + 40 });
    expect(labelsInView([towns], 9, low, tall, [], [[510, 30, 530, 50]])).toContainEqual({ key: 't:1', side: 'over', offset: [0, -10] });
    expect(labelsInView([towns], 9, low, tall, [[450, 0, 600, 28]], [[510, 30, 530, 50]])).toContainEqual({ key: 't:1', side: 'right', offset: [10, 0] });
    // A mark against a dot hides it too; one a few pixels off is only in the way, as the buttons are.
    expect(labelsInView([towns], 9, flat, tall, [], [[523, 18, 543, 38]])).toContainEqual({ key: 't:1', side: 'over', offset: [0, -2] });
    expect(labelsInView([towns], 9, flat, tall, [], [[540, 15, 550, 25]])).toContainEqual({ key: 't:1', side: 'left' });
  });

  it('names smaller places only where the towns leave a view with fewer than three names', () => {
    const places: Labelled = { key: '-4,0', names: ['Hamlet', 'Crossroads'], at: [300, 0, 700, 0] };
    expect(keys(labelsInView([towns, places], 9, flat, view(600)))).toEqual(['t:0', 't:1', '-4,0:0']);
    expect(keys(labelsInView([towns, places], 9, flat, view(5000)))).toEqual(['t:0', 't:1', 't:3']);
  });

  it('takes the largest place of each square before the second of any', () => {
    const west: Labelled = { key: '-4,0', names: ['Hamlet', 'Crossroads', 'Corner'], at: [100, 0, 200, 0, 300, 0] };
    const east: Labelled = { key: '0,0', names: ['Townville', 'Farm'], at: [500, 0, 600, 0] };
    expect(keys(labelsInView([{ ...towns, names: [], at: [], zooms: '' }, west, east], 9, flat, view(5000)))).toEqual(['-4,0:0', '0,0:0', '-4,0:1']);
  });

  it('names the searched place first, whatever its zoom, before a larger place that would cover it', () => {
    // "Near Big" (5 px from "Big") is left out for "Big" until it is the place searched near.
    expect(indexes(labelsInView([towns], 9, flat, view(5000)))).toEqual([0, 1, 3]);
    expect(indexes(labelsInView([towns], 9, flat, view(5000), [], [], [towns, 2]))).toEqual([2, 1, 3]);
    // "Small" waits for zoom 9 in a view with three names; searched near, it is named at zoom 3.
    const many: Labelled = { key: 'm', names: ['A', 'B', 'C', 'Small'], at: [0, 0, 200, 0, 400, 0, 600, 0], zooms: '3339' };
    expect(indexes(labelsInView([many], 3, flat, view(5000), [], [], [many, 3]))).toEqual([3, 0, 1, 2]);
  });

  it('names the searched place on the side of its dot that leaves the larger places named', () => {
    // "Near" (its dot 30 px right of Big's) over its dot covers Big's name over Big's dot, and a box
    // under them leaves Big no other side: right of its dot, Near leaves Big room.
    const two: Labelled = { key: 't', names: ['Big', 'Near'], at: [100, 100, 130, 100], zooms: '33' };
    const below: Box[] = [[100, 126, 140, 140]];
    expect(labelsInView([two], 3, flat, view(5000), below, [], [two, 1])).toEqual([{ key: 't:1', side: 'right' }, { key: 't:0', side: 'over' }]);
  });

  it('takes the searched place by its name, the nearest of that name within 15 miles of the point searched', () => {
    // Two Cambridges (at 100ths of a degree): Massachusetts' and Ohio's.
    const list: Labelled = { key: 't', names: ['Boston', 'Cambridge', 'Cambridge'], at: [-7106, 4236, -7111, 4237, -8159, 4002], zooms: '556' };
    const near02139 = { lon: -71.1042, lat: 42.3647 };
    expect(searchedPlace([list], { label: 'Cambridge', ...near02139 })).toEqual([list, 1]);
    expect(searchedPlace([list], { label: 'cambridge', lon: -81.6, lat: 40.0 })).toEqual([list, 2]);
    // Too far from any Cambridge, another name, or no place searched (the national list): none.
    expect(searchedPlace([list], { label: 'Cambridge', lon: -75.0, lat: 42.0 })).toBeNull();
    expect(searchedPlace([list], { label: 'Somerville', ...near02139 })).toBeNull();
    expect(searchedPlace([list], null)).toBeNull();
  });

  it('reads the ZIP\'s city (USPS) as the towns\' names (GeoNames) are written', () => {
    const cities: Labelled = { key: 't', names: ['St. Louis', 'New York City', 'The Bronx', 'Washington, D.C.', 'Kansas City'],
      at: [-9020, 3863, -7401, 4071, -7387, 4084, -7704, 3890, -9458, 3910], zooms: '33333' };
    expect(searchedPlace([cities], { label: 'Saint Louis', lon: -90.19, lat: 38.63 })).toEqual([cities, 0]);
    expect(searchedPlace([cities], { label: 'New York', lon: -74.0, lat: 40.75 })).toEqual([cities, 1]);
    expect(searchedPlace([cities], { label: 'Bronx', lon: -73.87, lat: 40.85 })).toEqual([cities, 2]);
    expect(searchedPlace([cities], { label: 'Washington', lon: -77.02, lat: 38.9 })).toEqual([cities, 3]);
    // "X City" only where no "X" is near: a Kansas beside Kansas City would be named for "Kansas".
    const both: Labelled = { ...cities, names: [...cities.names, 'Kansas'], at: [...cities.at, -9450, 3912], zooms: '333333' };
    expect(searchedPlace([cities], { label: 'Kansas', lon: -94.5, lat: 39.1 })).toEqual([cities, 4]);
    expect(searchedPlace([both], { label: 'Kansas', lon: -94.5, lat: 39.1 })).toEqual([both, 5]);
  });

  it('finds the squares of the map a view touches, named by their west and south edges', () => {
    expect(cellsOf(-106.3, 45.9, -105.2, 46.9, 4)).toEqual(['-108,44']);
    expect(cellsOf(-104.5, 43.5, -103.5, 44.5, 4)).toEqual(['-108,40', '-108,44', '-104,40', '-104,44']);
    // The build names the squares of these points so too (scripts/build/vite-towns.test.ts).
    expect([[-105.84, 46.41], [-0.5, 0.5], [144.8, 13.5]].map(([lon, lat]) => cellsOf(lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1, 4)))
      .toEqual([['-108,44'], ['-4,0'], ['144,12']]);
  });
});

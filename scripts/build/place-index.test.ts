import { describe, expect, it } from 'vitest';
import { PlaceIndex } from './place-index.ts';

describe('PlaceIndex', () => {
  const index = new PlaceIndex([
    { name: 'New York City', state: 'NY', lat: 40.71427, lon: -74.00597 },
    { name: 'Springfield', state: 'MO', lat: 37.21533, lon: -93.29824 },
    { name: 'Springfield', state: 'IL', lat: 39.80172, lon: -89.64371 },
    { name: 'Carson City', state: 'NV', lat: 39.1638, lon: -119.7674 },
    { name: 'Carson', state: 'CA', lat: 33.83141, lon: -118.28202 },
  ]);

  it('finds a city by name within its state only', () => {
    expect(index.named('Springfield', 'IL').map((p) => p.lat)).toEqual([39.80172]);
    expect(index.named('Springfield', 'TX')).toEqual([]);
  });

  it('finds "X City" for "X" only when no "X" is listed', () => {
    expect(index.named('New York', 'NY').map((p) => p.name)).toEqual(['New York City']);
    expect(index.named('Carson', 'CA').map((p) => p.name)).toEqual(['Carson']);
  });

  it('lists a state\'s places', () => {
    expect(index.inState('NV').map((p) => p.name)).toEqual(['Carson City']);
    expect(index.inState('ZZ')).toEqual([]);
  });
});

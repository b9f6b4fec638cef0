// Where sample organizations sit: a state drawn by 2020 population, then a ZIP of that
// state at its point in the gazetteer, nudged a little so records are not stacked exactly on it.
// Only ZIPs with an area (Census ZCTAs): the others are post-office boxes and companies' own
// codes, whose "city" is a company ("American Express, NY"), not a place a listing could be.
import { loadGazetteer, loadStates, type StateRow } from '../build/gazetteer.ts';
import { cumulative, type Rng } from './random.ts';

export interface Place {
  zip: string;
  city: string;
  state: StateRow;
  lat: number;
  lon: number;
}

// One real area code per state: sample phones use it with the fictional 555-01xx lines.
const AREA_CODES: Record<string, string> = {
  AL: '205', AK: '907', AZ: '602', AR: '501', CA: '213', CO: '303', CT: '203', DE: '302', DC: '202',
  FL: '305', GA: '404', HI: '808', ID: '208', IL: '312', IN: '317', IA: '515', KS: '316', KY: '502',
  LA: '504', ME: '207', MD: '410', MA: '617', MI: '313', MN: '612', MS: '601', MO: '314', MT: '406',
  NE: '402', NV: '702', NH: '603', NJ: '201', NM: '505', NY: '212', NC: '919', ND: '701', OH: '614',
  OK: '405', OR: '503', PA: '215', RI: '401', SC: '803', SD: '605', TN: '615', TX: '512', UT: '801',
  VT: '802', VA: '804', WA: '206', WV: '304', WI: '414', WY: '307', AS: '684', GU: '671', MP: '670',
  PR: '787', VI: '340',
};

export function areaCode(state: string): string {
  return AREA_CODES[state];
}

export function placePicker() {
  const states = loadStates();
  const zipsByState = new Map<string, { zip: string; city: string; lat: number; lon: number; area: boolean }[]>();
  for (const p of loadGazetteer().zips) {
    if (!p.state || !p.city) continue;
    const list = zipsByState.get(p.state) ?? [];
    list.push({ zip: p.zip, city: p.city, lat: p.lat, lon: p.lon, area: p.area });
    zipsByState.set(p.state, list);
  }
  // The island territories have no ZCTAs: there every ZIP is a place.
  for (const [state, list] of zipsByState) {
    const withArea = list.filter((z) => z.area);
    if (withArea.length > 0) zipsByState.set(state, withArea);
  }
  const weights = cumulative(states.map((s) => s.population));
  return (rng: Rng): Place => {
    const state = rng.pickWeighted(states, weights);
    const z = rng.pick(zipsByState.get(state.code)!);
    return {
      zip: z.zip,
      city: z.city,
      state,
      lat: round6(z.lat + (rng.next() - 0.5) * 0.03),
      lon: round6(z.lon + (rng.next() - 0.5) * 0.03),
    };
  };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

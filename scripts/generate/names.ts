// Word lists and patterns for plausible, clearly invented organization names and streets.
import type { Rng } from './random.ts';

const SURNAMES = ['Adams', 'Baker', 'Carter', 'Diaz', 'Ellis', 'Foster', 'Garcia', 'Hayes', 'Irving', 'Jensen',
  'Keller', 'Lopez', 'Morgan', 'Nguyen', 'Owens', 'Patel', 'Quinn', 'Reyes', 'Sullivan', 'Turner', 'Underwood',
  'Vasquez', 'Walker', 'Young', 'Zimmerman', 'Brooks', 'Coleman', 'Dawson', 'Fletcher', 'Grant'];
const HOPEFUL = ['New Horizons', 'Bright Path', 'First Step', 'Harbor Light', 'Serenity', 'Pathways', 'New Beginnings',
  'Turning Point', 'Hope House', 'Clear Water', 'Open Door', 'Lighthouse', 'Cornerstone', 'Crossroads', 'Safe Harbor',
  'Renewal', 'Second Chance', 'Gateway', 'Stepping Stones', 'Riverbend', 'Sunrise', 'Compass', 'Bridgeway', 'Anchor'];
const SAINTS = ['Joseph', 'Mary', 'Luke', 'Francis', 'Vincent', 'Anne', 'Elizabeth', 'Jude', 'Clare', 'Michael'];
const STREETS = ['Main', 'Oak', 'Maple', 'Washington', 'Lincoln', 'Park', 'Elm', 'Church', 'Market', 'Highland',
  'Pine', 'Cedar', 'Union', 'Franklin', 'River', 'Lake', 'Hill', 'Center', 'Spring', 'Broad', 'Chestnut', 'Walnut',
  'Jefferson', 'Madison', 'Jackson', 'Mill', 'School', 'Prospect', 'Pleasant', 'Water'];
const SUFFIXES = ['Street', 'Avenue', 'Road', 'Boulevard', 'Drive', 'Lane', 'Way', 'Court', 'Parkway', 'Place'];

export const TREATMENT_PATTERNS: ((rng: Rng, city: string) => string)[] = [
  (_r, city) => `${city} Recovery Center`,
  (r) => `${r.pick(HOPEFUL)} Treatment Services`,
  (r) => `${r.pick(SURNAMES)} Behavioral Health`,
  (_r, city) => `${city} Comprehensive Treatment Center`,
  (r) => `${r.pick(HOPEFUL)} Counseling Center`,
  (r) => `St. ${r.pick(SAINTS)} Hospital Addiction Services`,
  (_r, city) => `${city} Area Substance Abuse Council`,
  (r) => `${r.pick(HOPEFUL)} Recovery Services`,
  (r) => `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)} Counseling Associates`,
  (_r, city) => `${city} Community Mental Health Center`,
  (r) => `${r.pick(HOPEFUL)} Behavioral Health, Inc.`,
  (_r, city) => `${city} Medication Assisted Treatment Clinic`,
];

export function streetLine(rng: Rng): string {
  return `${rng.int(1, 9899)} ${rng.pick(STREETS)} ${rng.pick(SUFFIXES)}`;
}

export function suite(rng: Rng): string {
  return rng.pick(['Suite', 'Unit', 'Floor', 'Building']) + ' ' + rng.int(1, 400);
}

export function hopeful(rng: Rng): string {
  return rng.pick(HOPEFUL);
}

export function surname(rng: Rng): string {
  return rng.pick(SURNAMES);
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '');
}

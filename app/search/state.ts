// The search as one plain value: what the URL holds and what the queries are built from.

import type { OrgType } from '../release/org-types.ts';

// The types are the release's (its manifest counts each); the search offers them as they are.
export { ORG_TYPES, type OrgType } from '../release/org-types.ts';

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  treatment_center: 'Treatment center',
  narr_residence: 'Recovery residence',
  recovery_center: 'Recovery community center',
  recovery_organization: 'Recovery community organization',
};

/** One line in plain words for each type's checkbox. */
export const ORG_TYPE_HINTS: Record<OrgType, string> = {
  treatment_center: 'Licensed care for substance use: detox, outpatient, residential or hospital treatment.',
  narr_residence: 'Sober living homes certified by NARR: a drug- and alcohol-free place to live.',
  recovery_center: 'Peer-run places offering support groups, recovery coaching and activities.',
  recovery_organization: 'Groups that advocate for, organize and support people in recovery.',
};

// Up to 500: in remote places (Utqiaġvik, AK) the nearest help is 174 miles away.
export const RADII = [5, 10, 25, 50, 100, 250, 500] as const;
export type Radius = (typeof RADII)[number];
export const DEFAULT_RADIUS: Radius = 25;

export interface Place {
  label: string;
  lat: number;
  lon: number;
}

export interface SearchState {
  /** What the person typed: a ZIP or "City, ST". Resolved to `near` with the gazetteer. */
  where: string;
  /** A point from the browser's location (rounded), when that was used instead of `where`. */
  at: Place | null;
  radius: Radius;
  types: OrgType[];
  text: string;
  /** Chosen options per filter group id (see filters.ts): OR inside a group, AND across. */
  filters: Record<string, string[]>;
  /** Include facilities that treat mental health only (left out by default; see queries.ts). */
  mentalHealthOnly: boolean;
  selected: string | null;
}

export const EMPTY_SEARCH: SearchState = {
  where: '',
  at: null,
  radius: DEFAULT_RADIUS,
  types: [],
  text: '',
  filters: {},
  mentalHealthOnly: false,
  selected: null,
};

/** The results table's orders: relevance is the search's own (nearest, then by name). */
export const SORT_KEYS = ['relevance', 'name', 'distance', 'city', 'type'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  desc: boolean;
}

export const DEFAULT_SORT: Sort = { key: 'relevance', desc: false };

/** Longest text accepted in any box: longer input is cut, not rejected. */
export const MAX_TEXT = 100;

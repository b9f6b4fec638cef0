// Directions to an organization: a plain link to OpenStreetMap's route planner with the
// destination filled in. Chosen over `geo:` because it works on every device (desktop browsers
// do nothing with `geo:`), and over commercial maps because OpenStreetMap shows no ads and
// needs no account. Only the destination goes in the link, never the searched place; nothing is
// sent until the person follows it, and the link says it opens another site.

import { isApproximate } from '../release/geo.ts';

/** Where a route goes: the organization's position, how exact it is, and its street. */
export interface Destination {
  latitude: number | null;
  longitude: number | null;
  /** 'source': the listing's own position; 'zip' or 'city': the centre of its ZIP or city. Unknown: taken as exact. */
  geo_precision?: unknown;
  address_line1?: unknown;
  city?: unknown;
  state?: unknown;
  zip?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The street as a route planner can find it: a PO box is no place to go (null), and a suite,
 * unit or room after the street ("100 Main St, Suite 200", "100 Main St Ste 2") is left off.
 */
function routable(line: string): string | null {
  if (/^(p\.?\s*o\.?\s*box|post office box|box)\b/i.test(line)) return null;
  return line.replace(/[\s,]+(suite|ste|unit|apt|room|rm|floor|fl|#)\.?\s*[\w-]*$/i, '').trim() || null;
}

/**
 * The route planner's link, or null with neither a position nor a street. A position placed at
 * its ZIP's or city's centre (1,659 of SAMHSA's 2022 listings, 13.6%) routed a person to the middle
 * of the ZIP, miles off in the country (a person test, 2026-12-03): with a street, the planner is
 * given the address as words (its `to`, which it looks up and shows for the person to correct).
 */
export function directionsHref(d: Destination): string | null {
  const line = text(d.address_line1);
  const street = line && routable(line);
  const approximate = isApproximate(d.geo_precision);
  if (street && (approximate || d.latitude === null || d.longitude === null)) {
    const to = [street, text(d.city), [text(d.state), text(d.zip)].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    return `https://www.openstreetmap.org/directions?to=${encodeURIComponent(to)}`;
  }
  if (d.latitude === null || d.longitude === null) return null;
  const to = `${d.latitude.toFixed(5)},${d.longitude.toFixed(5)}`;
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${to}`)}`;
}

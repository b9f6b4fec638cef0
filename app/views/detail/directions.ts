// Directions to an organization: a plain link to OpenStreetMap's route planner with the
// destination filled in. Chosen over `geo:` because it works on every device (desktop browsers
// do nothing with `geo:`), and over commercial maps because OpenStreetMap shows no ads and
// needs no account. Only the destination's coordinates go in the link, never the searched
// place; nothing is sent until the person follows it, and the link says it opens another site.
export function directionsHref(lat: number, lon: number): string {
  const to = `${lat.toFixed(5)},${lon.toFixed(5)}`;
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${to}`)}`;
}

/** Straight-line miles between two points (the haversine formula; the same figure the list shows). */
export function milesBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 3958.8 * 2 * Math.asin(Math.sqrt(h));
}

// Directions to an organization: a plain link to OpenStreetMap's route planner with the
// destination filled in. Chosen over `geo:` because it works on every device (desktop browsers
// do nothing with `geo:`), and over commercial maps because OpenStreetMap shows no ads and
// needs no account. Only the destination's coordinates go in the link, never the searched
// place; nothing is sent until the person follows it, and the link says it opens another site.
export function directionsHref(lat: number, lon: number): string {
  const to = `${lat.toFixed(5)},${lon.toFixed(5)}`;
  return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${to}`)}`;
}


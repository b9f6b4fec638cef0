// The first page of results a link opens, read as the page starts (main.tsx), not once React
// has drawn the list: a ZIP's place, then its nearest results, or the national list's first
// page, each a read done without the engine (db/early-reads.ts keeps each file's read, so the
// list, once drawn, finds its rows under way). In a traced cold load of a ZIP link the
// gazetteer was asked for 0.3 s after the main chunk had run, and the states' files 0.6 s after.
// A guess that differs from what the page asks costs only the time: the list reads its own rows.
import { earlyRows, startingManifest } from '../db/database.ts';
import { locationQuery, PAGE_SIZE, placeOf, pointOf, resolveSearch, resultsQuery } from '../search/queries.ts';
import { pageFromUrl } from '../search/url.ts';

export async function readFirstResults(query: string): Promise<void> {
  const { view, search: state, sort, all } = pageFromUrl(query);
  const manifest = startingManifest();
  // What app.tsx lists at once: a place, or the whole country when the link says so.
  if (view !== 'search' || !manifest || !(all || state.where || state.at)) return;
  let near = state.at;
  if (!near && state.where) {
    const lookup = locationQuery(state.where);
    const [found] = (lookup && await earlyRows(lookup)) ?? [];
    if (!found) return;
    near = pointOf(placeOf(found));
  }
  const search = resolveSearch(state, near, await manifest);
  await earlyRows(resultsQuery(search, { limit: PAGE_SIZE, offset: 0, sort: sort.key, desc: sort.desc }));
}

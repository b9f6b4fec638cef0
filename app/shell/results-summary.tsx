// The count, and what to try when nothing matched: the nearest results' distance with a search
// that reaches them, fewer filters or words, a spelling the listings use, or a helpline; when a
// few matched, a wider radius that holds more.
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useDatabase } from '../db/use-database.ts';
import { useFirstFound, useQuery, type QueryState } from '../db/use-query.ts';
import { unquoted, withoutEachTerm } from '../search/keywords.ts';
import { nearestQuery, nearestReaches, otherWordsQuery, widerReaches, type ResolvedSearch } from '../search/queries.ts';
import { correctedText, spellingQueries, type Correction } from '../search/spelling.ts';
import { placeLabel } from '../i18n/format.ts';
import { RADII, type OrgType, type Radius, type SearchState } from '../search/state.ts';
import { TextReading } from './text-reading.tsx';

interface Props {
  total: number | null;
  search: ResolvedSearch;
  onChange: (next: SearchState) => void;
  /** The types the release holds: the reading names a keyword's filter only where it can hold something (text-reading.tsx). */
  types: readonly OrgType[];
  /** The service names the words' keywords stand for (text-reading.tsx), null while read: the count waits for them. */
  names: ReadonlyMap<string, string> | null;
}

/** The release's manifest once the engine is ready: the reaches' queries read the states that far (statesNear). */
function useManifest() {
  const database = useDatabase();
  return database.status === 'ready' ? database.db.manifest : null;
}

/**
 * How far the nearest match is, asked reach by reach (queries.ts nearestReaches): the next reach
 * only when this one found none, so most empty radii read a state or two, not the country.
 */
function useNearest(search: ResolvedSearch | null): QueryState<{ reach: Radius | null; found: number; miles: number | null }> {
  const manifest = useManifest();
  // Written once a search, not on every render of the summary.
  const queries = useMemo(() => (search?.near && manifest
    ? nearestReaches(search.state.radius).map((reach) => nearestQuery(search, manifest, reach)!) : null), [search, manifest]);
  return useFirstFound<{ reach: Radius | null; found: number; miles: number | null }>(queries, (rows) => rows[0]?.miles != null);
}

const BACKGROUND = { background: true };

/**
 * For words that found nothing near a place, the searches without one of them that find some, the
 * most first (two at most), with how many: `term` left out, `rest` searched.
 */
function useWithoutATerm(search: ResolvedSearch | null): { term: string; rest: string; found: number }[] {
  const manifest = useManifest();
  const options = useMemo(() => (search?.near ? withoutEachTerm(search.state.text) : []), [search]);
  const query = useMemo(() => (search && manifest ? otherWordsQuery(search, manifest, options.map((o) => o.rest)) : null),
    [search, manifest, options]);
  const counted = useQuery<{ i: number; found: number }>(query, BACKGROUND);
  if (counted.status !== 'done') return [];
  return counted.rows.filter((r) => r.found > 0).sort((a, b) => b.found - a.found || a.i - b.i).slice(0, 2)
    .map((r) => ({ ...options[r.i], found: r.found }));
}

/** Fewer results than this near a place, and the next radii are asked whether they hold more. */
const FEW = 5;

/**
 * The first of the next radii holding more than the search's few results ("rehab center for teens"
 * near Los Angeles found 2 within 25 miles, and said nothing of the 50 miles around: a walkthrough),
 * with how many; `reach` null when neither does. Behind what the person asks next.
 */
function useWider(search: ResolvedSearch, total: number | null): QueryState<{ reach: Radius | null; found: number }> & { asked: Radius[] } {
  const manifest = useManifest();
  const few = total !== null && total > 0 && total < FEW;
  const asked = useMemo(() => (search.near && few ? widerReaches(search.state.radius) : []), [search, few]);
  const queries = useMemo(() => (manifest && asked.length ? asked.map((reach) => nearestQuery(search, manifest, reach)!) : null),
    [search, manifest, asked]);
  const state = useFirstFound<{ reach: Radius; found: number }>(queries, (rows) => rows[0].found > total!, BACKGROUND);
  if (state.status !== 'done') return { ...state, asked };
  const [row] = state.rows;
  return { status: 'done', rows: [row.found > total! ? row : { reach: null, found: total! }], asked };
}

/**
 * The search's words, each one no listing holds replaced by the nearest one a listing does
 * (spelling.ts), with the radius that reaches its nearest result when the word lies beyond the
 * search's (undefined: as searched). Null for no correction or one no radius offered reaches;
 * undefined while either is being found (the offer does not change under a finger).
 */
function useCorrected(search: ResolvedSearch | null): { text: string; radius: Radius | undefined } | null | undefined {
  const queries = useMemo(() => (search ? spellingQueries(search) : null), [search]);
  // Behind whatever the person asks next: the country's words are read at ×10 from every row (spelling.ts).
  const found = useFirstFound<Correction>(queries?.length ? queries : null, (rows) => rows.length > 0, BACKGROUND);
  const rows = search && found.status === 'done' ? found.rows : [];
  const text = search ? correctedText(search.state.text, rows) : null;
  const farther = text !== null && rows[0].farther;
  const corrected = useMemo(() => (search && farther ? { ...search, state: { ...search.state, text } } : null), [search, farther, text]);
  const nearest = useNearest(corrected);
  if (!queries?.length || found.status === 'failed') return null;
  if (found.status !== 'done') return undefined;
  if (text === null) return null;
  if (!farther) return { text, radius: undefined };
  if (nearest.status === 'failed') return null;
  if (nearest.status !== 'done') return undefined;
  const miles = nearest.rows[0]?.miles;
  const radius = miles == null ? undefined : RADII.find((r) => r >= miles);
  // The words together found nowhere (each word alone is somewhere), or farther than any radius
  // offered: no offer to lead to nothing again.
  return radius ? { text, radius } : null;
}

export function ResultsSummary({ total, search, onChange, types, names }: Props) {
  const { t } = useTranslation();
  const { state } = search;
  // "your location" and "the chosen point" in the page's language (the Spanish page said them in English).
  const label = search.near ? placeLabel(t, search.near.label) : null;
  const nearest = useNearest(total === 0 ? search : null);
  const corrected = useCorrected(total === 0 ? search : null);
  const wider = useWider(search, total);
  const withoutATerm = useWithoutATerm(total === 0 ? search : null);
  // The count and how the words were read appear together: the line alone late read as a second answer.
  if (total === null || names === null) return <p className="results-summary" role="status">{t('summary.counting')}</p>;
  const miles = nearest.status === 'done' ? nearest.rows[0]?.miles ?? null : null;
  const reach = miles === null ? undefined : RADII.find((r) => r >= miles);
  // How many it finds, when that reach is the one asked (not when only the whole country held one).
  const reachFinds = nearest.status === 'done' && nearest.rows[0]?.reach === reach ? nearest.rows[0].found : null;
  const next = RADII.find((r) => r > state.radius);
  const chosen = state.types.length > 0 || Object.keys(state.filters).length > 0;
  // What clearing undoes, said as it is: "Remove the filters" for a search of words alone named nothing on screen.
  // Words alone, with no place, leave nothing to search without them (the first screen): not offered.
  const clear = chosen ? (state.text ? t('summary.removeFiltersAndWords') : t('summary.removeFilters'))
    : state.text && (label || search.inState) ? t('summary.removeWords', { text: unquoted(state.text) }) : null;
  return (
    <div className="results-summary">
      <p role="status" data-total={total}>
        {label
          ? <Trans i18nKey="summary.near" count={total} values={{ radius: state.radius, place: label }}
            components={{ strong: <strong />, bdi: <bdi translate="no" /> }} />
          : search.inState ? <Trans i18nKey="summary.inState" count={total} values={{ name: t(`data.states.${search.inState}`) }} components={{ strong: <strong /> }} />
            : <Trans i18nKey="summary.country" count={total} components={{ strong: <strong /> }} />}
      </p>
      <TextReading text={state.text} types={types} names={names} />
      {/* Its line is there from the count on, "Looking…" until it is known: the list under it does not move. */}
      {wider.asked.length > 0 && (
        <p className="wider-advice">
          {(wider.status === 'waiting' || wider.status === 'running') && t('summary.lookingFarther')}
          {wider.status === 'done' && (wider.rows[0].reach
            ? <button type="button" className="link-button" onClick={() => onChange({ ...state, radius: wider.rows[0].reach! })}>
              {t('summary.widerFinds', { count: wider.rows[0].found, radius: wider.rows[0].reach })}
            </button>
            : t('summary.noMoreWithin', { count: wider.asked.at(-1) }))}
          {wider.status === 'failed' && (
            <button type="button" className="link-button" onClick={() => onChange({ ...state, radius: wider.asked[0] })}>
              {t('summary.searchWithin', { count: wider.asked[0] })}
            </button>
          )}
        </p>
      )}
      {total === 0 && (
        <div className="empty-advice">
          <p>{t('summary.nothing')}{miles !== null && <>{' '}<Trans i18nKey="summary.nearest" count={Math.ceil(miles)}
            components={{ strong: <strong data-nearest={miles.toFixed(1)} /> }} /></>}
          {/* With words it waits for the text search's copies (~7 s after the count, 59301 on a loaded
              machine): said, the advice is no dead end meanwhile. */}
          {label && (nearest.status === 'waiting' || nearest.status === 'running') && <>{' '}<span className="finding-nearest">{t('summary.findingNearest')}</span></>}
          {' '}{t('summary.youCould')}</p>
          <ul>
            {clear && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, types: [], filters: {}, text: '' })}>
                {clear}
              </button></li>
            )}
            {/* Last, what is read after the count (the nearest's radius, a spelling): each came in above a link a finger was on. */}
            {label && reach && reach > state.radius && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, radius: reach })}>
                {reachFinds === null ? t('summary.searchWithin', { count: reach }) : t('summary.widerFinds', { radius: reach, count: reachFinds })}
              </button></li>
            )}
            {/* Wider only when the nearest could not be found out: offered while it was being read, it
                offered a radius that found nothing, and then went away. */}
            {label && nearest.status === 'failed' && next && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, radius: next })}>
                {t('summary.searchWithin', { count: next })}
              </button></li>
            )}
            {corrected && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, text: corrected.text, radius: corrected.radius ?? state.radius })}>
                {corrected.radius ? t('summary.didYouMeanWithin', { text: corrected.text, count: corrected.radius }) : t('summary.didYouMean', { text: corrected.text })}
              </button></li>
            )}
            {/* Once no spelling is offered: a misspelled word's offer is the search spelled right, not the search without it. */}
            {corrected === null && withoutATerm.map(({ term, rest, found }) => (
              <li key={term}><button type="button" className="link-button" onClick={() => onChange({ ...state, text: rest })}>
                {t('summary.withoutTerm', { term: unquoted(term), count: found })}
              </button></li>
            ))}
          </ul>
          <p><Trans i18nKey="summary.helpline" components={{ tel: <a className="phone-number" href="tel:+18006624357" /> }} /></p>
        </div>
      )}
    </div>
  );
}

// The count, and what to try when nothing matched: the nearest results' distance with a search
// that reaches them, the filters a keyword stands for, fewer filters, or a helpline.
import { useQuery } from '../db/use-query.ts';
import { keywordFilter, readText } from '../search/keywords.ts';
import { nearestQuery, type ResolvedSearch } from '../search/queries.ts';
import { RADII, type SearchState } from '../search/state.ts';

interface Props {
  total: number | null;
  search: ResolvedSearch;
  onChange: (next: SearchState) => void;
}

export function ResultsSummary({ total, search, onChange }: Props) {
  const { state } = search;
  const label = search.near?.label ?? null;
  const nearest = useQuery<{ miles: number | null }>(total === 0 ? nearestQuery(search) : null);
  if (total === null) return <p className="results-summary" role="status">Counting…</p>;
  const miles = nearest.status === 'done' ? nearest.rows[0]?.miles ?? null : null;
  const reach = miles === null ? undefined : RADII.find((r) => r >= miles);
  const wider = RADII.find((r) => r > state.radius);
  const filtered = state.types.length > 0 || Object.keys(state.filters).length > 0 || state.text !== '';
  // A keyword that is also a filter: offer the filter, with the word taken out of the text.
  const asFilters = readText(state.text).keywords.flatMap(({ keyword }) => keywordFilter(keyword) ?? []);
  return (
    <div className="results-summary">
      <p role="status" data-total={total}>
        <strong>{total.toLocaleString('en-US')}</strong> {total === 1 ? 'result' : 'results'}
        {label ? <> within {state.radius} miles of <bdi>{label}</bdi></> : ' in the whole country'}
      </p>
      {total === 0 && (
        <div className="empty-advice">
          <p>Nothing matches this search.{miles !== null && <> The nearest results are <strong data-nearest={miles.toFixed(1)}>
            {Math.ceil(miles).toLocaleString('en-US')} miles away</strong>.</>} You could:</p>
          <ul>
            {label && reach && reach > state.radius && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, radius: reach })}>
                Search within {reach} miles
              </button></li>
            )}
            {label && !reach && miles === null && nearest.status !== 'done' && wider && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, radius: wider })}>
                Search within {wider} miles
              </button></li>
            )}
            {asFilters.map(({ group, option }) => (
              <li key={`${group}:${option.value}`}>Use the <strong>{option.label}</strong> filter under Filters ({option.hint})</li>
            ))}
            {filtered && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, types: [], filters: {}, text: '' })}>
                Remove the filters
              </button></li>
            )}
          </ul>
          <p>Or call the SAMHSA National Helpline at <a href="tel:+18006624357">1-800-662-4357</a> for a referral.</p>
        </div>
      )}
    </div>
  );
}

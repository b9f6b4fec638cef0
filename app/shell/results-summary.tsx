// The count, and what to try when nothing matched.
import { RADII, type SearchState } from '../search/state.ts';

interface Props {
  total: number | null;
  label: string | null;
  state: SearchState;
  onChange: (next: SearchState) => void;
}

export function ResultsSummary({ total, label, state, onChange }: Props) {
  if (total === null) return <p className="results-summary" role="status">Counting…</p>;
  const wider = RADII.find((r) => r > state.radius);
  const filtered = state.types.length > 0 || Object.keys(state.filters).length > 0 || state.text !== '';
  return (
    <div className="results-summary">
      <p role="status" data-total={total}>
        <strong>{total.toLocaleString('en-US')}</strong> {total === 1 ? 'result' : 'results'}
        {label ? <> within {state.radius} miles of <bdi>{label}</bdi></> : ' in the whole country'}
      </p>
      {total === 0 && (
        <div className="empty-advice">
          <p>Nothing matches this search. You could:</p>
          <ul>
            {label && wider && (
              <li><button type="button" className="link-button" onClick={() => onChange({ ...state, radius: wider })}>
                Search within {wider} miles
              </button></li>
            )}
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

// Where, what and which: location and radius, text, type and the filters, each choice
// with the number of results it would give.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '../../db/use-query.ts';
import { FILTER_GROUPS } from '../../search/filters.ts';
import { MENTAL_HEALTH_ONLY, placeSuggestionsQuery, type ResolvedSearch } from '../../search/queries.ts';
import { MAX_TEXT, ORG_TYPE_HINTS, ORG_TYPE_LABELS, ORG_TYPES, RADII, type OrgType, type Radius, type SearchState } from '../../search/state.ts';
import { roundedPlace } from '../../search/url.ts';
import { FilterGroupFieldset } from './filter-group.tsx';
import { useFacets } from './use-facets.ts';

interface Props {
  state: SearchState;
  search: ResolvedSearch | null;
  onChange: (next: SearchState) => void;
  /** The types the release holds: only their checkboxes and filters are offered. */
  types: readonly OrgType[];
  /** Parts an embedding page fixed (see search/embed.ts): shown, not changeable. */
  locked?: ReadonlySet<string>;
  /** What is wrong with the place typed, shown beside the place box. */
  placeProblem?: ReactNode;
}

export function SearchForm({ state, search, onChange, types, locked = new Set(), placeProblem }: Props) {
  const [where, setWhere] = useState(state.where);
  const [text, setText] = useState(state.text);
  const [locating, setLocating] = useState<string | null>(null);
  const [wide] = useState(() => window.matchMedia('(min-width: 801px)').matches);
  // Back/forward and shared links replace the state: the boxes follow.
  useEffect(() => setWhere(state.where), [state.where]);
  useEffect(() => setText(state.text), [state.text]);
  const facets = useFacets(search);
  // Suggestions while a place is typed, not for what the search already holds.
  const suggestions = useQuery<{ value: string; label: string }>(where !== state.where ? placeSuggestionsQuery(where) : null, { background: true });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const whereChanged = where.trim() !== state.where;
    onChange({ ...state, where: where.trim(), at: whereChanged ? null : state.at, text: text.trim(), selected: null });
  };

  const useMyLocation = () => {
    if (!navigator.geolocation) return setLocating('This browser cannot share its location.');
    setLocating('Finding your location…');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(null);
        onChange({ ...state, where: '', at: roundedPlace(p.coords.latitude, p.coords.longitude, 'your location'), selected: null });
      },
      () => setLocating('Your location is not available. Enter a ZIP code or a city instead.'),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <form className="search-form" onSubmit={submit} role="search" aria-label="Find support">
      <div className="search-row">
        <label>
          Near (ZIP code or City, ST)
          <input name="where" value={where} disabled={locked.has('where')} maxLength={MAX_TEXT} autoComplete="off" placeholder="e.g. 02139 or Boston, MA"
            list="place-suggestions" aria-invalid={placeProblem ? true : undefined} aria-describedby={placeProblem ? 'place-problem' : undefined}
            onChange={(e) => setWhere(e.target.value)} />
          <datalist id="place-suggestions">
            {suggestions.status === 'done' && suggestions.rows.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </datalist>
        </label>
        <label>
          Within
          <select name="radius" value={state.radius} disabled={locked.has('where')}
            onChange={(e) => onChange({ ...state, radius: Number(e.target.value) as Radius, selected: null })}>
            {RADII.map((r) => <option key={r} value={r}>{r} miles</option>)}
          </select>
        </label>
        <label>
          Name or keyword
          <input name="q" type="search" value={text} maxLength={MAX_TEXT} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">Search</button>
        {!locked.has('where') && <button type="button" onClick={useMyLocation}>Use my location</button>}
      </div>
      {placeProblem && <div id="place-problem" className="place-problem">{placeProblem}</div>}
      {locating && <p role="status" className="hint">{locating}</p>}
      {/* Open beside the results on wide screens; one tap away on a phone. */}
      <details className="filters" open={wide}>
        <summary>Filters</summary>
        {/* One type is no choice. */}
        {types.length > 1 && (
          <fieldset disabled={locked.has('type')}>
            <legend>Type of support</legend>
            {types.map((t) => (
              <label key={t} className="choice" title={ORG_TYPE_HINTS[t]}>
                <input type="checkbox" checked={state.types.includes(t)}
                  onChange={() => onChange({ ...state, types: ORG_TYPES.filter((x) => toggle(state.types, t).includes(x)), selected: null })} />
                {ORG_TYPE_LABELS[t]} <span className="facet-count">{facets.count('type', t)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {types.includes('treatment_center') && (
          <label className="choice" title="Facilities that treat mental illness only, not substance use. Left out unless chosen, as on FindTreatment.gov.">
            <input type="checkbox" checked={state.mentalHealthOnly}
              onChange={() => onChange({ ...state, mentalHealthOnly: !state.mentalHealthOnly, selected: null })} />
            Include mental-health-only facilities <span className="facet-count">{facets.count(MENTAL_HEALTH_ONLY, 'include')}</span>
          </label>
        )}
        {FILTER_GROUPS.filter((group) => types.includes(group.appliesTo)).map((group) => (
          <FilterGroupFieldset key={group.id} group={group} chosen={state.filters[group.id] ?? []} count={facets.count}
            locked={locked.has(group.id)}
            onToggle={(value) => {
              const next = toggle(state.filters[group.id] ?? [], value);
              const filters = { ...state.filters, [group.id]: next };
              if (!next.length) delete filters[group.id];
              onChange({ ...state, filters, selected: null });
            }} />
        ))}
        {facets.error && <p className="hint" role="alert">Counts are unavailable right now: {facets.error.message}</p>}
      </details>
    </form>
  );
}

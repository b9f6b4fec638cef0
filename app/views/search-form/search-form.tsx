// Where, what and which: location and radius, text, type and the filters, each choice
// with the number of results it would give. Drawn before the engine has started: what is typed
// and chosen waits in the URL, and the search runs when the engine is ready.
import { useEffect, useImperativeHandle, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../db/use-query.ts';
import { FILTER_GROUPS } from '../../search/filters.ts';
import { localStateNames } from '../../i18n/format.ts';
import { placeAmongWords, placeOfBox, stateName, stateTyped } from '../../search/place-in-text.ts';
import { MENTAL_HEALTH_ONLY, placeSuggestionsQuery, type ResolvedSearch } from '../../search/queries.ts';
import { MAX_TEXT, ORG_TYPES, RADII, type OrgType, type Radius, type SearchState } from '../../search/state.ts';
import { roundedPlace } from '../../search/url.ts';
import { Choice } from './choice.tsx';
import { FilterGroupFieldset } from './filter-group.tsx';
import { useFacets } from './use-facets.ts';

interface Props {
  id?: string;
  state: SearchState;
  search: ResolvedSearch | null;
  onChange: (next: SearchState) => void;
  /** A search the person asked for with the button or Enter: the page moves to its results. */
  onSearch: (next: SearchState) => void;
  /** Focus the place box on arrival (the first screen, not inside another site). */
  autoFocus?: boolean;
  /** The types the release holds: only their checkboxes and filters are offered. */
  types: readonly OrgType[];
  /** Parts an embedding page fixed (see search/embed.ts): shown, not changeable. */
  locked?: ReadonlySet<string>;
  /** What is wrong with the place typed, shown beside the place box. */
  placeProblem?: ReactNode;
  /** Under the filters: a way to the results they change (on a phone, a screen or more below them). */
  filtersEnd?: ReactNode;
  ref?: Ref<SearchFormHandle>;
}

export interface SearchFormHandle {
  /** Brings the place box to the screen's top with its label, and focuses it (a place not found is mended there). */
  focusPlace(): void;
}

export function SearchForm({ id, state, search, onChange, onSearch, autoFocus = false, types, locked = new Set(), placeProblem, filtersEnd, ref }: Props) {
  const { t } = useTranslation();
  const placeBox = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({
    focusPlace() {
      placeBox.current?.closest('label')?.scrollIntoView({ block: 'start' });
      placeBox.current?.focus({ preventScroll: true });
    },
  }), []);
  const [where, setWhere] = useState(state.where);
  const [text, setText] = useState(state.text);
  const [locating, setLocating] = useState<string | null>(null);
  // Back/forward and shared links replace the state: the boxes follow.
  useEffect(() => setWhere(state.where), [state.where]);
  useEffect(() => setText(state.text), [state.text]);
  const facets = useFacets(search);
  // Suggestions while a place is typed, not for what the search already holds.
  const suggestions = useQuery<{ value: string; label: string }>(where !== state.where ? placeSuggestionsQuery(where) : null, { background: true });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A place typed with the words and no place given ("detox 10001", "aa near boston") is the place, and the place box then says so.
    const found = placeAmongWords({ where, at: state.at, text }, locked.has('where'));
    const box = placeOfBox(where);
    // "near me" alone in the place box asks for the location, as its button does.
    if (!found && box.here && !box.place && !locked.has('where')) return locate();
    const place = stateNameOf(found ? found.place : box.place);
    const whereChanged = place !== state.where;
    onSearch({ ...state, where: place, at: whereChanged ? null : state.at, text: found ? found.rest : text.trim(), selected: null });
  };

  // A state named in the page's language alone ("Luisiana") goes in the link by its English name:
  // read as the state only in that language, a link shared with an English reader found a town; by
  // its code, "Nueva York" listed the whole state where "New York" is the city, the state offered.
  const stateNameOf = (place: string) => {
    const local = stateTyped(place, localStateNames(t));
    return local?.byName && !stateTyped(place) ? stateName(local.code) : place;
  };

  // What the form holds when the location comes, up to 15 s after the tap: words typed meanwhile count.
  const now = useRef({ state, text });
  now.current = { state, text };
  const locate = () => {
    if (!navigator.geolocation) return setLocating(t('form.noGeolocation'));
    setLocating(t('form.locating'));
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(null);
        // With the words in the box, as Search takes them: "opioid" typed, then the location, listed everything near.
        const { state: latest, text: words } = now.current;
        onSearch({ ...latest, where: '', at: roundedPlace(p.coords.latitude, p.coords.longitude, 'your location'), text: words.trim(), selected: null });
      },
      () => setLocating(t('form.locationUnavailable')),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  };

  const chosen = state.types.length + Object.values(state.filters).reduce((n, values) => n + values.length, 0);
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <form id={id} className="search-form" onSubmit={submit} role="search" aria-label={t('form.label')}>
      <div className="search-row">
        <label>
          {t('form.near')}
          <input name="where" ref={placeBox} value={where} autoFocus={autoFocus} disabled={locked.has('where')} maxLength={MAX_TEXT} autoComplete="off" placeholder={t('form.nearPlaceholder')}
            list="place-suggestions" aria-invalid={placeProblem ? true : undefined} aria-describedby={placeProblem ? 'place-problem' : undefined}
            onChange={(e) => setWhere(e.target.value)} />
          <datalist id="place-suggestions">
            {suggestions.status === 'done' && suggestions.rows.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </datalist>
        </label>
        <label>
          {t(search?.inState && where === state.where ? 'form.inWholeState' : 'form.within')}
          {/* A state is searched whole: "25 miles" beside it said what the search ignores. */}
          {search?.inState && where === state.where ? (
            <select name="radius" value="state" disabled>
              <option value="state">{t('form.wholeState')}</option>
            </select>
          ) : (
            <select name="radius" value={state.radius} disabled={locked.has('where')}
              onChange={(e) => onChange({ ...state, radius: Number(e.target.value) as Radius, selected: null })}>
              {RADII.map((r) => <option key={r} value={r}>{t('form.miles', { count: r })}</option>)}
            </select>
          )}
        </label>
        <label>
          {t('form.keyword')}
          <input name="q" type="search" value={text} maxLength={MAX_TEXT} onChange={(e) => setText(e.target.value)} />
        </label>
        {!locked.has('where') && <button type="button" onClick={locate}>{t('form.useMyLocation')}</button>}
        <button type="submit" className="primary">{t('form.search')}</button>
      </div>
      {placeProblem && <div id="place-problem" className="place-problem">{placeProblem}</div>}
      {locating && <p role="status" className="hint">{locating}</p>}
      {/* Closed, so that the results are on screen after a search; the count says what is chosen. */}
      <details className="filters">
        <summary>{chosen > 0 ? t('form.filtersChosen', { count: chosen }) : t('form.filters')}</summary>
        {/* One type is no choice. */}
        {types.length > 1 && (
          <fieldset disabled={locked.has('type')}>
            <legend>{t('form.typeOfSupport')}</legend>
            {types.map((type) => (
              <Choice key={type} checked={state.types.includes(type)} label={t(`data.orgType.${type}`)} count={facets.count('type', type)}
                hint={t(`data.orgTypeHint.${type}`)}
                onChange={() => onChange({ ...state, types: ORG_TYPES.filter((x) => toggle(state.types, type).includes(x)), selected: null })} />
            ))}
          </fieldset>
        )}
        {/* A box that can add nothing is off, and says why (SAMHSA's substance-use directory holds
            no mental-health-only facility: it offered "(0)" everywhere). Ticked, it can always be unticked. */}
        {types.includes('treatment_center') && (
          <Choice checked={state.mentalHealthOnly} label={t('form.mentalHealthOnly')} count={facets.count(MENTAL_HEALTH_ONLY, 'include')}
            hint={t('form.mentalHealthOnlyHint')}
            disabledWhy={!state.mentalHealthOnly && facets.value(MENTAL_HEALTH_ONLY, 'include') === 0 ? t('form.mentalHealthOnlyNone') : undefined}
            onChange={() => onChange({ ...state, mentalHealthOnly: !state.mentalHealthOnly, selected: null })} />
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
        {facets.error && <p className="hint" role="alert">{t('form.countsUnavailable', { message: facets.error.message })}</p>}
        {filtersEnd}
      </details>
    </form>
  );
}

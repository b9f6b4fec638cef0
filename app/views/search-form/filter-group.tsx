import type { FilterGroup } from '../../search/filters.ts';

interface Props {
  group: FilterGroup;
  chosen: string[];
  count: (group: string, value: string) => string;
  onToggle: (value: string) => void;
  locked?: boolean;
}

export function FilterGroupFieldset({ group, chosen, count, onToggle, locked = false }: Props) {
  return (
    <fieldset disabled={locked}>
      <legend>{group.label}</legend>
      {group.note && <p className="hint">{group.note}</p>}
      {group.options.map((option) => (
        <label key={option.value} className="choice" title={option.hint}>
          <input type="checkbox" checked={chosen.includes(option.value)} onChange={() => onToggle(option.value)} />
          {option.label} <span className="facet-count">{count(group.id, option.value)}</span>
        </label>
      ))}
    </fieldset>
  );
}

import type { FilterGroup } from '../../search/filters.ts';

interface Props {
  group: FilterGroup;
  chosen: string[];
  count: (group: string, value: string) => string;
  onToggle: (value: string) => void;
}

export function FilterGroupFieldset({ group, chosen, count, onToggle }: Props) {
  return (
    <fieldset>
      <legend>{group.label}</legend>
      {group.options.map((option) => (
        <label key={option.value} className="choice">
          <input type="checkbox" checked={chosen.includes(option.value)} onChange={() => onToggle(option.value)} />
          {option.label} <span className="facet-count">{count(group.id, option.value)}</span>
        </label>
      ))}
    </fieldset>
  );
}

import { Choice } from './choice.tsx';
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
        <Choice key={option.value} checked={chosen.includes(option.value)} onChange={() => onToggle(option.value)}
          label={option.label} count={count(group.id, option.value)} hint={option.hint} />
      ))}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const key = `data.filters.${group.id}`;
  return (
    <fieldset disabled={locked}>
      <legend>{t(`${key}.label`)}</legend>
      {group.note && <p className="hint">{t(`${key}.note`)}</p>}
      {group.options.map((option) => (
        <Choice key={option.value} checked={chosen.includes(option.value)} onChange={() => onToggle(option.value)}
          label={t(`${key}.options.${option.value}.label`)} count={count(group.id, option.value)} hint={t(`${key}.options.${option.value}.hint`)} />
      ))}
    </fieldset>
  );
}

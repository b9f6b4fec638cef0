// One filter choice: its checkbox, label and count, and under them its meaning in plain words
// as visible text (a title tooltip never shows on a phone). The explanation describes the
// checkbox rather than naming it, so the name stays short for a screen reader.
import { useId, type ReactNode } from 'react';

interface Props {
  checked: boolean;
  onChange: () => void;
  label: ReactNode;
  count: string;
  hint: string;
  /** Why the choice is off, when it is: shown under it and as the label's title. */
  disabledWhy?: string;
}

export function Choice({ checked, onChange, label, count, hint, disabledWhy }: Props) {
  const hintId = useId();
  return (
    <div className="choice">
      <label title={disabledWhy}>
        <input type="checkbox" checked={checked} onChange={onChange} aria-describedby={hintId} disabled={disabledWhy !== undefined} />
        {label} <span className="facet-count">{count}</span>
      </label>
      <span id={hintId} className="choice-hint">{disabledWhy ? `${hint} ${disabledWhy}` : hint}</span>
    </div>
  );
}

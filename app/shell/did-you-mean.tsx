// A place read with a typo, one of several of that name, or a state's name that is also a town's: which was searched, and the others.
import { Trans, useTranslation } from 'react-i18next';
import type { Alternative } from './use-resolved-search.ts';

interface Props {
  shown: string;
  /** `shown` is a state or territory, all of it searched. */
  wholeState?: boolean;
  alternatives: Alternative[];
  onChoose: (where: string) => void;
}

export function DidYouMean({ shown, wholeState = false, alternatives, onChoose }: Props) {
  const { t } = useTranslation();
  // Each place is its own button, so the list is a run of elements joined by the language's own
  // separators ("a, b or c", "a, b o c") from Intl.ListFormat, inside the sentence's placeholder.
  const parts = new Intl.ListFormat(t('meta.locale'), { type: 'disjunction' }).formatToParts(alternatives.map((_, i) => String(i)));
  const choices = parts.map((part, k) => {
    if (part.type === 'literal') return <span key={k}>{part.value}</span>;
    const { where, label, state } = alternatives[Number(part.value)];
    return (
      <button key={k} type="button" className="link-button" onClick={() => onChoose(where)}>
        {state ? t('didYouMean.wholeState', { name: t(`data.states.${where}`) }) : <bdi translate="no">{label}</bdi>}
      </button>
    );
  });
  return (
    <p className="hint did-you-mean" role="status">
      <Trans i18nKey={wholeState ? 'didYouMean.showingState' : 'didYouMean.showing'} values={{ place: shown }} components={{ strong: <strong />, bdi: <bdi translate="no" /> }} />
      {alternatives.length > 0 && <>{' '}<Trans i18nKey="didYouMean.question" components={{ choices: <>{choices}</> }} /></>}
    </p>
  );
}

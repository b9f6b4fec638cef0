// Always on screen, whatever else fails: where to turn right now. In Spanish, each line as the
// service itself describes its Spanish option (988: press 2, or text AYUDA; SAMHSA's Helpline
// answers in English and Spanish).
import { Trans, useTranslation } from 'react-i18next';

/** The two lines' words and links, also said where the directory failed (engine-status.tsx). */
export function Helplines() {
  return (
    <>
      <Trans i18nKey="safety.crisis" components={{ tel: <a href="tel:988" /> }} />
      {' '}<Trans i18nKey="safety.helpline" components={{ tel: <a className="phone-number" href="tel:+18006624357" /> }} />
    </>
  );
}

export function SafetyLines() {
  const { t } = useTranslation();
  return (
    <aside className="safety-lines" aria-label={t('safety.label')}>
      <p><Helplines /></p>
    </aside>
  );
}

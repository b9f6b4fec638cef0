// The header's language switch: a button for each other language, named in that language (so a
// reader of it finds it whatever the page is in). The URL's `lang=` and `<html lang>` follow.
import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/i18n.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const others = (Object.keys(LANGUAGES) as Language[]).filter((code) => code !== i18n.language);
  return (
    <nav className="language-switch" aria-label={t('language.label')}>
      {others.map((code) => (
        <button key={code} type="button" className="link-button" lang={code} translate="no" onClick={() => void switchLanguage(code)}>
          {LANGUAGES[code]}
        </button>
      ))}
    </nav>
  );
}

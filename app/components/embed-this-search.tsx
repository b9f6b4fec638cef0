// "Embed this search": the iframe snippet for the search on screen, with the parts the site
// owner wants fixed. The snippet is made by search/embed.ts; nothing is sent anywhere.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { embedSnippet } from '../search/embed.ts';
import type { SearchState } from '../search/state.ts';

export function EmbedThisSearch({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const [locked, setLocked] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const lockable = [
    ...(state.where || state.at ? [['where', t('embed.lockPlace')]] : []),
    ...(state.types.length ? [['type', t('embed.lockTypes')]] : []),
    ...Object.keys(state.filters).map((id) => [id, t(`data.filters.${id}.label`)]),
  ];
  const appUrl = new URL('./', document.baseURI).href;
  const snippet = embedSnippet(appUrl, state, locked.filter((id) => lockable.some(([l]) => l === id)), currentLanguage(), t('embed.frameTitle'));

  return (
    <details className="embed-this">
      <summary>{t('embed.summary')}</summary>
      <p>{t('embed.explain')}</p>
      {lockable.length > 0 && (
        <fieldset>
          <legend>{t('embed.lock')}</legend>
          {lockable.map(([id, label]) => (
            <label key={id} className="choice">
              <input type="checkbox" checked={locked.includes(id)}
                onChange={() => setLocked((l) => (l.includes(id) ? l.filter((x) => x !== id) : [...l, id]))} />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <textarea readOnly rows={10} value={snippet} aria-label={t('embed.code')} translate="no" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => navigator.clipboard?.writeText(snippet).then(() => setCopied(true))}>
        {copied ? t('embed.copied') : t('embed.copy')}
      </button>
    </details>
  );
}

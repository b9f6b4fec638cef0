// "Copy link": the URL is the search, so sharing it shares the results (nothing is sent anywhere).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyLink() {
  const { t } = useTranslation();
  const [said, setSaid] = useState('');
  const copy = () => navigator.clipboard.writeText(window.location.href).then(
    () => setSaid(t('copyLink.copied')),
    () => setSaid(t('copyLink.refused')),
  );
  return (
    <p className="copy-link">
      <button type="button" onClick={copy}>{t('copyLink.button')}</button> <span role="status">{said}</span>
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { QueryError } from '../db/engine.ts';

/** A panel's own error: what failed, with the SQL behind it, while the rest of the page works. */
export function QueryFailed({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="query-failed">
      <p>{t('failed.part', { message: error.message.replace(/\.$/, '') })}</p>
      {error instanceof QueryError && error.sql && (
        <details>
          <summary>{t('failed.details')}</summary>
          {error.detail !== error.message && <p translate="no">{error.detail}</p>}
          <pre>{error.sql}</pre>
        </details>
      )}
    </div>
  );
}

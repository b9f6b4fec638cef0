import { useTranslation } from 'react-i18next';
import { QueryError } from '../db/engine.ts';
import { Helplines } from './safety-lines.tsx';

/**
 * A panel's own error: what failed, with the SQL behind it, while the rest of the page works, and the helplines;
 * with `onRetry`, a button that asks again (the same search submitted again changes nothing the
 * panel's query depends on, so it did not: a person back online was left with the error).
 */
/**
 * Asks again; the button goes with the notice, so focus goes to its region's heading (the
 * results' is focusable), not back to the top of the page for a keyboard or screen reader.
 */
function again(button: HTMLElement, onRetry: () => void) {
  const heading = button.closest('section, aside')?.querySelector<HTMLElement>('h2[tabindex]');
  onRetry();
  heading?.focus();
}

export function QueryFailed({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const file = error instanceof QueryError ? error.dataFile : null;
  return (
    <div role="alert" className="query-failed">
      <p>{t('failed.part', { message: file ? t('failed.dataFile', { file }) : error.message.replace(/\.$/, '') })}</p>
      {typeof navigator !== 'undefined' && !navigator.onLine && <p>{t('failed.offline')}</p>}
      {onRetry && <p><button type="button" onClick={(event) => again(event.currentTarget, onRetry)}>{t('failed.tryAgain')}</button></p>}
      {/* On a phone the header's helplines may be above the screen; a failure is no time to be without them. */}
      <p><Helplines /></p>
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

// "Connect to MotherDuck", on the cloud page only: the analyst's token and database; every
// view then queries MotherDuck, and Disconnect returns to the release's own files. The token
// is kept for this tab only (sessionStorage) and the inputs have no names, so no form
// submission can ever put it in a URL. The field is emptied as soon as the token is sent, so a
// failed connection does not leave it in the page (React mirrors a field's value as an attribute).
import { useEffect, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { forgetSession, savedSession, saveSession, type CloudSession } from '../cloud/session.ts';
import { connectCloud, disconnectCloud } from '../db/database.ts';
import { useDatabase } from '../db/use-database.ts';

const DEFAULT_DATABASE = 'national_recovery_directory';

type Status = { status: 'idle' } | { status: 'connecting' } | { status: 'failed'; message: string };

export function CloudConnect() {
  const { t } = useTranslation();
  const database = useDatabase();
  const [status, setStatus] = useState<Status>({ status: 'idle' });
  const [token, setToken] = useState('');
  const [name, setName] = useState(DEFAULT_DATABASE);

  const connect = async (session: CloudSession) => {
    setStatus({ status: 'connecting' });
    try {
      await connectCloud(session);
      saveSession(session);
      setStatus({ status: 'idle' });
    } catch (error) {
      setStatus({ status: 'failed', message: (error as Error).message });
    }
  };
  // Within the same tab a reload reconnects; a new tab asks again.
  useEffect(() => {
    const session = savedSession();
    if (session) void connect(session);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token.trim()) return setStatus({ status: 'failed', message: t('cloud.needToken') });
    setToken('');
    void connect({ token: token.trim(), database: name.trim() || DEFAULT_DATABASE });
  };
  const disconnect = async () => {
    forgetSession();
    await disconnectCloud();
  };

  const connected = database.status === 'ready' ? database.db.cloud : null;
  if (connected) {
    return (
      <section className="cloud-connect" aria-label="MotherDuck">
        <p role="status">
          <Trans i18nKey="cloud.connected" values={{ database: `md:${connected}` }} components={{ strong: <strong translate="no" /> }} />{' '}
          <button type="button" onClick={disconnect}>{t('cloud.disconnect')}</button>
        </p>
      </section>
    );
  }
  return (
    <section className="cloud-connect" aria-label="MotherDuck">
      <form onSubmit={submit}>
        <p>
          <Trans i18nKey="cloud.explain" components={{ strong: <strong /> }} />
        </p>
        <label>{t('cloud.token')} <input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} /></label>{' '}
        <label>{t('cloud.database')} <input type="text" autoComplete="off" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} /></label>{' '}
        <button type="submit" disabled={status.status === 'connecting'}>
          {status.status === 'connecting' ? t('cloud.connecting') : t('cloud.connect')}
        </button>
        {status.status === 'failed' && <p role="alert" className="query-failed">{status.message}</p>}
      </form>
    </section>
  );
}

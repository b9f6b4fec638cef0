// The top of a result's details, the same while they load and once read: the helplines (on a
// phone the panel is where the person looks), a way back, and the ways to reach the
// organization. While loading it shows what the list already showed (name, Call, Directions):
// on a slow connection a tap took the phone number away for up to a minute and a half.
import { useTranslation } from 'react-i18next';
import { directionsHref, type Destination } from './directions.ts';
import { PhoneLink } from './phone-link.tsx';
import { SafetyLines } from './safety-lines.tsx';

/** What the list knows of a result before its details are read. */
export interface DetailPreview extends Destination {
  org_id: string;
  name: string;
  phone: string | null;
}

export function DetailTop({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="close" onClick={onClose} aria-label={t('detail.closeDetails')}>×</button>
      <div className="detail-lines"><SafetyLines /></div>
      {/* On a phone the panel replaces the list (styles.css): the way back is a button, not a ×. */}
      <button type="button" className="back-to-results" onClick={onClose}>{t('detail.back')}</button>
    </>
  );
}

/** Call and Directions, then whatever else reaches it (email, website). */
export function ContactActions({ phone, to, children }: { phone: string | null; to: Destination; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const route = directionsHref(to);
  return (
    <ul className="contact-actions" aria-label={t('detail.contact')}>
      {phone && <li><PhoneLink phone={phone} /></li>}
      {route && (
        <li>
          <a href={route} target="_blank" rel="noopener noreferrer">{t('results.directions')}</a>{' '}
          <span className="muted">{t('detail.opensOsm')}</span>
        </li>
      )}
      {children}
    </ul>
  );
}

/** The details while they are read: never a bare "Loading…" with no way back. */
export function DetailLoading({ preview, onClose }: { preview: DetailPreview | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <aside className="detail" aria-busy="true" aria-label={t('detail.organization')}>
      <DetailTop onClose={onClose} />
      {preview && (
        <>
          <h2 translate="no">{preview.name}</h2>
          <ContactActions phone={preview.phone} to={preview} />
        </>
      )}
      <p className="hint">{t('common.loading')}</p>
    </aside>
  );
}

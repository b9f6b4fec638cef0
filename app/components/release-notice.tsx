import { useTranslation } from 'react-i18next';
import { dateContext, formatDate, formatNumber } from '../i18n/format.ts';
import { dataDate, type Manifest } from '../release/manifest.ts';
import { releaseTypes, sampleCounts } from '../search/release.ts';
import type { OrgType } from '../search/state.ts';

/** Whom each type's listings come from (keys of `credits.*`): a release credits only the ones it holds. */
const CREDITS: Record<OrgType, string> = {
  treatment_center: 'samhsa',
  narr_residence: 'narr',
  recovery_center: 'community',
  recovery_organization: 'community',
};

/** The data's date and sources, and a plain warning whenever listings are generated samples. */
export function ReleaseNotice({ manifest }: { manifest: Manifest }) {
  const { t } = useTranslation();
  const sample = sampleCounts(manifest);
  const warning = !sample ? null : sample.generated >= sample.total ? t('release.allGenerated')
    : t('release.someGenerated', { generated: formatNumber(sample.generated), total: formatNumber(sample.total) });
  const list = new Intl.ListFormat(t('meta.locale'), { type: 'conjunction' });
  const credits = [...new Set(releaseTypes(manifest).map((type) => t(`credits.${CREDITS[type]}`)))];
  return (
    <div className="release-notice">
      {warning && (
        <p className="sample-warning" role="note"><strong>{t('release.sampleData')}</strong> {warning}</p>
      )}
      <p className="data-date">
        {t('release.dataAsOf', { date: formatDate(dataDate(manifest)), context: dateContext(dataDate(manifest)) })}
        {credits.length > 0 && ` ${t('release.sources', { sources: list.format(credits) })}`}
        {' '}{t('release.geonames')}
      </p>
    </div>
  );
}

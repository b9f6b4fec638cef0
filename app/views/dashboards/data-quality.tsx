// The data's quality, from the release itself: what happened to every source record, how
// each organization was located, whether every reference holds, and how old the data is.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Breakable } from '../../components/breakable.tsx';
import { dateContext, formatDate, formatNumber, formatPercent } from '../../i18n/format.ts';
import { dataDate, releaseUrl, type Manifest } from '../../release/manifest.ts';

interface BuildReport {
  geo_precision: { geo_precision: string; n: number }[];
  referential_integrity: { reference: string; orphans: number }[];
}


export function DataQuality({ manifest }: { manifest: Manifest }) {
  const { t } = useTranslation();
  const [report, setReport] = useState<BuildReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const url = new URL(manifest.reports.report, releaseUrl(document.baseURI));
    fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url.pathname}: HTTP ${r.status}`))))
      .then(setReport, (e: Error) => setError(e.message));
  }, [manifest]);
  const located = report?.geo_precision.reduce((sum, p) => sum + p.n, 0) ?? 0;

  return (
    <section className="chart-panel" aria-label={t('quality.title')}>
      <h2>{t('quality.title')}</h2>
      <p>{t(manifest.synthetic ? 'quality.datesSample' : 'quality.dates',
        { data: formatDate(dataDate(manifest)), built: formatDate(manifest.built_at), context: dateContext(dataDate(manifest)) })}</p>
      {/* Six columns: on a phone they scroll in their box, not the page. */}
      <div className="table-scroll" role="region" aria-label={t('quality.sourceRecords')} tabIndex={0}>
        <table className="quality">
          <caption>{t('quality.sourcesCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('quality.sourceFile')}</th><th scope="col">{t('quality.dataDate')}</th><th scope="col">{t('quality.read')}</th>
              <th scope="col">{t('quality.loaded')}</th><th scope="col">{t('quality.merged')}</th><th scope="col">{t('quality.rejected')}</th></tr>
          </thead>
          <tbody>
            {manifest.counts.map((c) => {
              // Each source keeps its own date, and says whether it is generated (newer manifests).
              const source = manifest.sources?.find((s) => s.file === c.file);
              return (
                <tr key={c.file}>
                  <th scope="row" translate="no"><Breakable text={c.file} /></th>
                  <td>{source?.extraction_date ? formatDate(source.extraction_date) : ''}{source?.synthetic ? ` ${t('quality.generatedSample')}` : ''}</td>
                  <td>{formatNumber(c.read)}</td><td>{formatNumber(c.loaded)}</td><td>{formatNumber(c.merged)}</td><td>{formatNumber(c.rejected)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && <p role="alert">{t('quality.reportFailed', { error })}</p>}
      {report && (
        <>
          <table className="quality">
            <caption>{t('quality.locatedCaption')}</caption>
            <tbody>
              {report.geo_precision.map((p) => (
                <tr key={p.geo_precision}>
                  <th scope="row">{t(`data.precision.${p.geo_precision}.label`, { defaultValue: p.geo_precision })}</th>
                  <td>{formatNumber(p.n)}</td>
                  <td>{formatPercent(p.n / located, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="quality">
            <caption>{t('quality.referencesCaption')}</caption>
            <tbody>
              {report.referential_integrity.map((r) => (
                <tr key={r.reference}><th scope="row"><code>{r.reference}</code></th><td>{r.orphans === 0 ? t('quality.allHold') : t('quality.orphans', { count: r.orphans, n: formatNumber(r.orphans) })}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

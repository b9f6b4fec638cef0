// "Download the dataset": the release's own Parquet files and manifest, as published, with
// the few lines that open them in DuckDB, Python or R. Links only; nothing is fetched until clicked.
import { Trans, useTranslation } from 'react-i18next';
import { Breakable } from './breakable.tsx';
import { formatNumber } from '../i18n/format.ts';
import { releaseUrl, type Manifest } from '../release/manifest.ts';

const mb = (bytes: number) => formatNumber(bytes / 1e6, bytes < 1e6 ? 2 : 1);

export function DatasetDownload({ manifest }: { manifest: Manifest }) {
  const { t } = useTranslation();
  const data = releaseUrl(document.baseURI).href;
  const tables = Object.entries(manifest.tables);
  return (
    <details className="dataset-download">
      <summary>{t('dataset.summary', { mb: mb(manifest.total_bytes), count: tables.length })}</summary>
      {manifest.synthetic && <p><strong>{t('dataset.synthetic')}</strong></p>}
      <p>
        <Trans i18nKey="dataset.start" components={{
          manifest: <a href={`${data}manifest.json`} download translate="no" />,
          report: <a href={`${data}${manifest.reports.report}`} download />,
          rejects: <a href={`${data}${manifest.reports.rejects}`} download />,
          merges: <a href={`${data}${manifest.reports.merges}`} download />,
          repairs: <a href={`${data}${manifest.reports.warnings}`} download />,
        }} />
      </p>
      <table className="dataset-files">
        <thead><tr><th scope="col">{t('dataset.table')}</th><th scope="col">{t('dataset.rows')}</th><th scope="col">{t('dataset.files')}</th><th scope="col">{t('dataset.size')}</th></tr></thead>
        <tbody>
          {tables.map(([name, table]) => (
            <tr key={name}>
              <th scope="row"><code><Breakable text={name} /></code></th>
              <td>{formatNumber(table.rows)}</td>
              <td>
                {table.files.length === 1
                  ? <a href={`${data}${table.files[0].path}`} download translate="no">{table.files[0].path.split('/').pop()}</a>
                  // A table split by rows alone (organization_services) is partitioned by nothing: "2 files by (see the manifest)".
                  : table.partitioned_by.length ? t('dataset.partitioned', { count: table.files.length, by: table.partitioned_by.join(', ') })
                    : t('dataset.split', { count: table.files.length })}
              </td>
              <td>{t('units.mb', { mb: mb(table.files.reduce((sum, f) => sum + f.bytes, 0)) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p><Trans i18nKey="dataset.copy" components={{ code: <code /> }} /></p>
      <pre>{`-- DuckDB
SELECT state, count(*) FROM read_parquet('data/organizations/*/*.parquet', hive_partitioning = true) GROUP BY state;

# Python
import duckdb
duckdb.sql("SELECT * FROM read_parquet('data/organizations_by_id/*.parquet') LIMIT 10").show()

# R
library(arrow)
orgs <- open_dataset("data/organizations")   # partitioned by state=XX/
head(dplyr::collect(orgs))`}</pre>
    </details>
  );
}

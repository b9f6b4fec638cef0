// "Download the dataset": the release's own Parquet files and manifest, as published, with
// the few lines that open them in DuckDB, Python or R. Links only; nothing is fetched until clicked.
import { releaseUrl, type Manifest } from '../release/manifest.ts';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1)} MB`;

export function DatasetDownload({ manifest }: { manifest: Manifest }) {
  const data = releaseUrl(document.baseURI).href;
  const tables = Object.entries(manifest.tables);
  return (
    <details className="dataset-download">
      <summary>Download the dataset ({mb(manifest.total_bytes)} of Parquet, {tables.length} tables)</summary>
      {manifest.synthetic && <p><strong>This release is the generated sample, not real organizations.</strong></p>}
      <p>
        Start with <a href={`${data}manifest.json`} download>manifest.json</a>: every table, its columns, and every file
        with its partition, rows, size and SHA-256. Also: the <a href={`${data}${manifest.reports.report}`} download>build
        report</a>, the <a href={`${data}${manifest.reports.rejects}`} download>rejected records</a>, the{' '}
        <a href={`${data}${manifest.reports.merges}`} download>merged duplicates</a> and the{' '}
        <a href={`${data}${manifest.reports.warnings}`} download>repairs</a>.
      </p>
      <table className="dataset-files">
        <thead><tr><th scope="col">table</th><th scope="col">rows</th><th scope="col">files</th><th scope="col">size</th></tr></thead>
        <tbody>
          {tables.map(([name, table]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{table.rows.toLocaleString('en-US')}</td>
              <td>
                {table.files.length === 1
                  ? <a href={`${data}${table.files[0].path}`} download>{table.files[0].path.split('/').pop()}</a>
                  : `${table.files.length} files by ${table.partitioned_by.join(', ')} (see the manifest)`}
              </td>
              <td>{mb(table.files.reduce((sum, f) => sum + f.bytes, 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Copy the <code>data/</code> folder (or point at this site), then:</p>
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

// The data's quality, from the release itself: what happened to every source record, how
// each organization was located, whether every reference holds, and how old the data is.
import { useEffect, useState } from 'react';
import { dataDate, releaseUrl, type Manifest } from '../../release/manifest.ts';
import { GEO_PRECISION } from '../../release/geo.ts';

interface BuildReport {
  geo_precision: { geo_precision: string; n: number }[];
  referential_integrity: { reference: string; orphans: number }[];
}


export function DataQuality({ manifest }: { manifest: Manifest }) {
  const [report, setReport] = useState<BuildReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const url = new URL(manifest.reports.report, releaseUrl(document.baseURI));
    fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url.pathname}: HTTP ${r.status}`))))
      .then(setReport, (e: Error) => setError(e.message));
  }, [manifest]);
  const located = report?.geo_precision.reduce((sum, p) => sum + p.n, 0) ?? 0;

  return (
    <section className="chart-panel" aria-label="Data quality">
      <h3>Data quality</h3>
      <p>Data as of {dataDate(manifest)}; release built {manifest.built_at.slice(0, 10)}{manifest.synthetic ? ' from the generated sample' : ''}.</p>
      {/* Six columns: on a phone they scroll in their box, not the page. */}
      <div className="table-scroll" role="region" aria-label="Source records" tabIndex={0}>
        <table className="quality">
          <caption>Every source record, and where it went</caption>
          <thead>
            <tr><th scope="col">source file</th><th scope="col">data date</th><th scope="col">read</th><th scope="col">loaded</th>
              <th scope="col">merged</th><th scope="col">rejected</th></tr>
          </thead>
          <tbody>
            {manifest.counts.map((c) => {
              // Each source keeps its own date, and says whether it is generated (newer manifests).
              const source = manifest.sources?.find((s) => s.file === c.file);
              return (
                <tr key={c.file}>
                  <th scope="row">{c.file}</th>
                  <td>{String(source?.extraction_date ?? '')}{source?.synthetic ? ' (generated sample)' : ''}</td>
                  <td>{c.read}</td><td>{c.loaded}</td><td>{c.merged}</td><td>{c.rejected}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {error && <p role="alert">The build report could not be read ({error}).</p>}
      {report && (
        <>
          <table className="quality">
            <caption>How organizations were located</caption>
            <tbody>
              {report.geo_precision.map((p) => (
                <tr key={p.geo_precision}>
                  <th scope="row">{GEO_PRECISION[p.geo_precision]?.label ?? p.geo_precision}</th>
                  <td>{p.n.toLocaleString('en-US')}</td><td>{((100 * p.n) / located).toFixed(1)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="quality">
            <caption>References between tables</caption>
            <tbody>
              {report.referential_integrity.map((r) => (
                <tr key={r.reference}><th scope="row">{r.reference}</th><td>{r.orphans === 0 ? 'all hold' : `${r.orphans} orphans`}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

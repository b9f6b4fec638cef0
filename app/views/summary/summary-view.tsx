// What the directory holds, counted by the engine from the Parquet release.
import { useQuery } from '../../db/use-query.ts';
import { QueryFailed } from '../../components/query-failed.tsx';

const TYPE_LABELS: Record<string, string> = {
  treatment_center: 'Treatment centers',
  narr_residence: 'Recovery residences (NARR)',
  recovery_center: 'Recovery community centers',
  recovery_organization: 'Recovery community organizations',
};

const SQL = `SELECT org_type, count(*)::INTEGER AS organizations, count(DISTINCT state)::INTEGER AS states
  FROM organizations GROUP BY org_type ORDER BY organizations DESC`;

export function SummaryView() {
  const result = useQuery<{ org_type: string; organizations: number; states: number }>(SQL);
  if (result.status === 'failed') return <QueryFailed error={result.error} />;
  if (result.status !== 'done') return <p aria-live="polite">Counting organizations…</p>;
  return (
    <table className="summary">
      <caption>Organizations in this release</caption>
      <thead>
        <tr><th scope="col">Type</th><th scope="col">Organizations</th><th scope="col">States and territories</th></tr>
      </thead>
      <tbody>
        {result.rows.map((r) => (
          <tr key={r.org_type}>
            <th scope="row">{TYPE_LABELS[r.org_type] ?? r.org_type}</th>
            <td>{r.organizations.toLocaleString('en-US')}</td>
            <td>{r.states}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Manifest } from '../db/manifest.ts';

/** The data's date, and a plain warning whenever the data is the generated sample. */
export function ReleaseNotice({ manifest }: { manifest: Manifest }) {
  return (
    <div className="release-notice">
      {manifest.synthetic && (
        <p className="sample-warning" role="note">
          <strong>Sample data:</strong> every organization shown here is generated for testing. None of them is real.
          Do not use these listings to seek help.
        </p>
      )}
      <p className="data-date">
        Data as of {manifest.data_date ?? manifest.built_at.slice(0, 10)}.
        {' '}Sources: SAMHSA treatment locator, NARR affiliates, recovery community listings.
        {' '}ZIP and city locations: GeoNames postal codes and places (CC BY), checked against U.S. Census ZCTA centroids.
      </p>
    </div>
  );
}

import { dataDate, type Manifest } from '../release/manifest.ts';
import { releaseTypes, sampleNotice } from '../search/release.ts';
import type { OrgType } from '../search/state.ts';

/** Whom each type's listings come from: a release credits only the ones it holds. */
const CREDITS: Record<OrgType, string> = {
  treatment_center: 'SAMHSA treatment locator',
  narr_residence: 'NARR affiliates',
  recovery_center: 'recovery community listings',
  recovery_organization: 'recovery community listings',
};

/** The data's date and sources, and a plain warning whenever listings are generated samples. */
export function ReleaseNotice({ manifest }: { manifest: Manifest }) {
  const warning = sampleNotice(manifest);
  const credits = [...new Set(releaseTypes(manifest).map((t) => CREDITS[t]))];
  return (
    <div className="release-notice">
      {warning && (
        <p className="sample-warning" role="note"><strong>Sample data:</strong> {warning}</p>
      )}
      <p className="data-date">
        Data as of {dataDate(manifest)}.
        {credits.length > 0 && ` Sources: ${credits.join(', ')}.`}
        {' '}ZIP and city locations: GeoNames postal codes and places (CC BY), checked against U.S. Census ZCTA centroids.
      </p>
    </div>
  );
}

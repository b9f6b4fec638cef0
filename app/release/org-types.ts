// The four kinds of organization a release holds, in the order they are offered. A module of
// its own: the search imports it at run time and the manifest as a type, and importing it from
// manifest.ts split the app's first chunk in three (two more requests before the first row).
export const ORG_TYPES = ['treatment_center', 'narr_residence', 'recovery_center', 'recovery_organization'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Each type's own table, beside `organizations`. */
export const TYPE_TABLES: Record<OrgType, string> = {
  treatment_center: 'treatment_centers',
  narr_residence: 'narr_residences',
  recovery_center: 'recovery_centers',
  recovery_organization: 'recovery_organizations',
};

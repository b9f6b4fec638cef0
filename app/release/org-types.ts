// The four kinds of organization a release holds, in the order they are offered. A module of
// its own: the search imports it at run time and the manifest as a type, and importing it from
// manifest.ts split the app's first chunk in three (two more requests before the first row).
export const ORG_TYPES = ['treatment_center', 'narr_residence', 'recovery_center', 'recovery_organization'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

// The filters people actually use, as data: each option is a predicate on a published
// column. Options inside a group combine with OR, groups with AND. Every predicate reads `o`,
// a search's rows (search-rows.ts): each organization with what the release writes of its type's
// row beside its own (FILTER_COLUMNS, release/tables.ts), the yes/no columns as bits of `treatment_flags`.
import { LEVEL_OF_CARE_NAMES } from './names.ts';
import { raw, sql, type Sql } from '../release/sql.ts';
import { FLAGS } from '../release/tables.ts';
import type { OrgType } from './state.ts';

export interface FilterOption {
  value: string;
  label: string;
  /** One line in plain words: what choosing it means. */
  hint: string;
  where: Sql;
}

export interface FilterGroup {
  id: string;
  label: string;
  /** What the group leaves out, when that is not plain from its options. */
  note?: string;
  /** The type whose table the predicates read; choosing an option limits results to it. */
  appliesTo: OrgType;
  options: FilterOption[];
}

const flag = (value: string, label: string, column: (typeof FLAGS)[number], hint: string): FilterOption =>
  ({ value, label, hint, where: raw(`(o.treatment_flags & ${1 << FLAGS.indexOf(column)}) <> 0`) });

const LEVEL_HINTS = {
  outpatient: 'Visits for treatment while living at home.',
  residential: 'Living at the facility during treatment (not a hospital).',
  inpatient: 'Treatment in a hospital, with round-the-clock medical care.',
} as const;

// NARR's levels (narronline.org): how much support and structure a residence gives.
const CERT_HINTS = [
  'Peer-run: residents run the home together.',
  'Monitored: a house manager or senior resident oversees the home.',
  'Supervised: paid staff and a structured daily schedule.',
  'Service provider: clinical services on site.',
];

export const FILTER_GROUPS: FilterGroup[] = [
  {
    id: 'level', label: 'Level of care', appliesTo: 'treatment_center',
    options: (['outpatient', 'residential', 'inpatient'] as const).map((v) => ({
      value: v, label: LEVEL_OF_CARE_NAMES[v], hint: LEVEL_HINTS[v], where: sql`o.level_of_care = ${v}`,
    })),
  },
  {
    id: 'service', label: 'Services', appliesTo: 'treatment_center',
    options: [
      flag('methadone', 'Methadone', 'offers_methadone', 'A daily medicine for opioid addiction, given at a licensed clinic.'),
      flag('buprenorphine', 'Buprenorphine', 'offers_buprenorphine', 'A medicine for opioid addiction (Suboxone, Sublocade), often prescribed by a doctor.'),
      flag('naltrexone', 'Naltrexone', 'offers_naltrexone', 'A medicine that blocks opioids and eases alcohol cravings (Vivitrol).'),
      flag('otp', 'Opioid treatment program', 'opioid_treatment_program', 'A federally certified clinic that can give methadone.'),
      flag('iop', 'Intensive outpatient', 'intensive_outpatient', 'Several hours of treatment on several days a week, living at home.'),
      flag('php', 'Partial hospitalization', 'partial_hospitalization', 'Treatment most of the day, most days, going home at night.'),
      flag('detox', 'Detox', 'offers_detox', 'Medical help to stop using safely and manage withdrawal.'),
    ],
  },
  {
    id: 'pay', label: 'Payment', appliesTo: 'treatment_center',
    options: [
      flag('medicaid', 'Medicaid', 'accepts_medicaid', 'Takes Medicaid, the public health insurance for people with low income.'),
      flag('medicare', 'Medicare', 'accepts_medicare', 'Takes Medicare, the federal insurance for people 65 and older or with disabilities.'),
      flag('private', 'Private insurance', 'accepts_private_insurance', 'Takes health insurance from an employer or the marketplace.'),
      flag('sliding', 'Sliding fee scale', 'sliding_fee_scale', 'Charges less to people who earn less.'),
      flag('cash', 'Cash or self-pay', 'accepts_cash_self_payment', 'You can pay yourself, without insurance.'),
    ],
  },
  {
    id: 'age', label: 'Ages served', appliesTo: 'treatment_center',
    options: [
      flag('adolescents', 'Adolescents', 'serves_adolescents', 'Treats teenagers and children.'),
      flag('adults', 'Adults', 'serves_adults', 'Treats adults.'),
      flag('seniors', 'Seniors', 'serves_seniors', 'Has care for older adults.'),
    ],
  },
  {
    // `spoken=es` in the URL: `lang=` is the page's own language (app/i18n).
    id: 'spoken', label: 'Language', appliesTo: 'treatment_center',
    // Choosing it limits results to treatment centers: say so rather than drop residences silently.
    note: 'Only treatment centers report the languages they speak: choosing a language shows treatment centers only.',
    options: [flag('es', 'Spanish spoken', 'spanish', 'Staff can treat you in Spanish.')],
  },
  {
    id: 'cert', label: 'NARR certification level', appliesTo: 'narr_residence',
    options: ['I', 'II', 'III', 'IV'].map((roman, i) => ({
      value: String(i + 1), label: `Level ${roman}`, hint: CERT_HINTS[i], where: sql`o.certification_level = ${i + 1}`,
    })),
  },
  {
    id: 'gender', label: 'Residents', appliesTo: 'narr_residence',
    options: [
      { value: 'men', label: 'Men', hint: 'A home for men.', where: sql`o.gender = ${'men'}` },
      { value: 'women', label: 'Women', hint: 'A home for women.', where: sql`o.gender = ${'women'}` },
      { value: 'coed', label: 'Co-ed', hint: 'A home for people of any gender.', where: sql`o.gender = ${'coed'}` },
    ],
  },
];

export const FILTER_GROUP_BY_ID = new Map(FILTER_GROUPS.map((g) => [g.id, g]));

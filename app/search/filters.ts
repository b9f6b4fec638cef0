// The filters people actually use, as data: each option is a predicate on a published
// column. Options inside a group combine with OR, groups with AND. Treatment-center groups
// read `t` (treatment_centers), residence groups `n` (narr_residences).
import { LEVEL_OF_CARE_NAMES } from './names.ts';
import { raw, sql, type Sql } from '../release/sql.ts';
import type { OrgType } from './state.ts';

export interface FilterOption {
  value: string;
  label: string;
  where: Sql;
}

export interface FilterGroup {
  id: string;
  label: string;
  /** The type whose table the predicates read; choosing an option limits results to it. */
  appliesTo: OrgType;
  options: FilterOption[];
}

const flag = (value: string, label: string, column: string): FilterOption => ({ value, label, where: raw(`t.${column}`) });

export const FILTER_GROUPS: FilterGroup[] = [
  {
    id: 'level', label: 'Level of care', appliesTo: 'treatment_center',
    options: (['outpatient', 'residential', 'inpatient'] as const).map((v) => ({
      value: v, label: LEVEL_OF_CARE_NAMES[v], where: sql`t.level_of_care = ${v}`,
    })),
  },
  {
    id: 'service', label: 'Services', appliesTo: 'treatment_center',
    options: [
      flag('methadone', 'Methadone', 'offers_methadone'),
      flag('buprenorphine', 'Buprenorphine', 'offers_buprenorphine'),
      flag('naltrexone', 'Naltrexone', 'offers_naltrexone'),
      flag('otp', 'Opioid treatment program', 'opioid_treatment_program'),
      flag('iop', 'Intensive outpatient', 'intensive_outpatient'),
      flag('php', 'Partial hospitalization', 'partial_hospitalization'),
      flag('detox', 'Detox', 'offers_detox'),
    ],
  },
  {
    id: 'pay', label: 'Payment', appliesTo: 'treatment_center',
    options: [
      flag('medicaid', 'Medicaid', 'accepts_medicaid'),
      flag('medicare', 'Medicare', 'accepts_medicare'),
      flag('private', 'Private insurance', 'accepts_private_insurance'),
      flag('sliding', 'Sliding fee scale', 'sliding_fee_scale'),
      flag('cash', 'Cash or self-pay', 'accepts_cash_self_payment'),
    ],
  },
  {
    id: 'age', label: 'Ages served', appliesTo: 'treatment_center',
    options: [
      flag('adolescents', 'Adolescents', 'serves_adolescents'),
      flag('adults', 'Adults', 'serves_adults'),
      flag('seniors', 'Seniors', 'serves_seniors'),
    ],
  },
  {
    id: 'lang', label: 'Language', appliesTo: 'treatment_center',
    options: [flag('es', 'Spanish spoken', 'spanish')],
  },
  {
    id: 'cert', label: 'NARR certification level', appliesTo: 'narr_residence',
    options: ['I', 'II', 'III', 'IV'].map((roman, i) => ({
      value: String(i + 1), label: `Level ${roman}`, where: sql`n.certification_level = ${i + 1}`,
    })),
  },
  {
    id: 'gender', label: 'Residents', appliesTo: 'narr_residence',
    options: [
      { value: 'men', label: 'Men', where: sql`n.gender = ${'men'}` },
      { value: 'women', label: 'Women', where: sql`n.gender = ${'women'}` },
      { value: 'coed', label: 'Co-ed', where: sql`n.gender = ${'coed'}` },
    ],
  },
];

export const FILTER_GROUP_BY_ID = new Map(FILTER_GROUPS.map((g) => [g.id, g]));

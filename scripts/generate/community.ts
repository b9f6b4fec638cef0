// Sample NARR recovery residences, recovery community centers and recovery community
// organizations, each in the nesting its real source uses (see shared/sources-format.md).
import { rngFor } from './random.ts';
import { areaCode, type Place } from './places.ts';
import { hopeful, slug, streetLine, surname } from './names.ts';
import { isoDate, messyDate, phone, scruff, website, zipMaybePlus4 } from './mess.ts';
import type { StateRow } from '../build/gazetteer.ts';

type Rec = Record<string, unknown>;

/** "street, city, ST 12345", sometimes without the street or the ZIP, as the NARR lists give it. */
function addressString(seed: number, stream: string, index: number, place: Place): string {
  const rng = rngFor(seed, `${stream}-address`, index);
  const x = rng.next();
  const street = streetLine(rng);
  const zip = zipMaybePlus4(rng, place.zip);
  if (x < 0.1) return `${place.city}, ${place.state.code} ${zip}`;
  if (x < 0.15) return `${street}, ${place.city}, ${place.state.code}`;
  return scruff(rng, `${street}, ${place.city}, ${place.state.code} ${zip}`);
}

export function narrResidence(seed: number, index: number, place: Place, states: StateRow[]): Rec {
  const rng = rngFor(seed, 'narr', index);
  const gender = rng.pick(['Men', 'Women', 'Co-ed', 'Men', 'Women', 'men only', 'Women & Children', 'LGBTQ+ affirming']);
  const kind = rng.pick(['House', 'Recovery Residence', 'Sober Living', 'Recovery Home', 'Place']);
  const name = `${rng.chance(0.5) ? hopeful(rng) : surname(rng)} ${kind}${rng.chance(0.2) ? ` ${rng.int(2, 9)}` : ''}`;
  // The affiliate is usually the residence's own state; now and then a neighbour's.
  const affiliate = rng.chance(0.9) ? place.state : rng.pick(states);
  const beds = rng.int(4, 40);
  return {
    id: rng.chance(0.05) ? undefined : `NARR_${String(index + 1).padStart(5, '0')}`,
    name: scruff(rng, name),
    address: addressString(seed, 'narr', index, place),
    state: affiliate.name,
    certification_level: `Level ${rng.pick(['I', 'II', 'II', 'III', 'III', 'IV'])}`,
    capacity: rng.pick([String(beds), `${beds} beds`, `${beds} Beds`, '', `up to ${beds}`]),
    gender_specific: gender,
    specializations: rng.some(['MAT-friendly', 'Veterans', 'Young adults', 'Reentry', 'Pregnant women', 'LGBTQ+'], 0.2),
    affiliate_website: `https://${slug(affiliate.name)}-recovery-residences.example.org`,
    phone: phone(rng, areaCode(place.state.code)),
    website: website(rng, slug(name) + slug(place.city)),
    email: rng.chance(0.5) ? `house@${slug(name).slice(0, 30)}.example.org` : null,
    data_source: `${affiliate.name} NARR affiliate registry (synthetic sample)`,
    last_update: messyDate(rng, 2023, 2024),
  };
}

export function recoveryCenter(seed: number, index: number, place: Place): Rec {
  const rng = rngFor(seed, 'rcc', index);
  const name = `${rng.chance(0.5) ? place.city : hopeful(rng)} Recovery Community Center`;
  const reach = rng.int(200, 9000);
  return {
    id: `RCC_${String(index + 1).padStart(4, '0')}`,
    organization_name: scruff(rng, name),
    trade_names: rng.chance(0.3) ? [`${place.city} RCC`] : [],
    address: addressString(seed, 'rcc', index, place),
    city: place.city,
    state: rng.chance(0.2) ? place.state.name : place.state.code,
    phone: phone(rng, areaCode(place.state.code)),
    website: website(rng, slug(name)),
    email: rng.chance(0.7) ? `hello@${slug(name).slice(0, 30)}.example.org` : null,
    certification_status: rng.pick(['CAPRSS accredited', 'Pending accreditation', 'Not accredited', null]),
    services: rng.some(['Peer recovery coaching', 'All-recovery meetings', 'Employment support', 'Naloxone training',
      'Family support groups', 'Recovery housing referrals', 'Telephone recovery support', 'Wellness activities'], 0.5),
    funding_source: rng.pick(['State opioid response grant', 'SAMHSA block grant', 'Private donations']),
    funding_sources: rng.some(['County contract', 'Foundation grant', 'Medicaid peer billing'], 0.4),
    annual_reach: rng.pick([`${reach.toLocaleString('en-US')}+`, `about ${reach}`, String(reach), `${reach} people`]),
    target_populations: rng.some(['Adults in recovery', 'Families', 'Youth', 'Veterans', 'Justice-involved'], 0.4),
    leadership: `${rng.pick(['Dana', 'Chris', 'Jordan', 'Sam', 'Alex'])} ${surname(rng)}, Executive Director`,
    operating_hours: rng.chance(0.6)
      ? { monday: '9-5', tuesday: '9-5', wednesday: '9-7', thursday: '9-5', friday: '9-5', saturday: rng.chance(0.5) ? '10-2' : null, sunday: null }
      : rng.pick(['Monday-Friday 9AM-5PM', 'Mon-Sat 10am-6pm', 'Weekdays 8:30-4:30']),
    social_media: {
      facebook: rng.chance(0.7) ? `https://facebook.example.org/${slug(name)}` : null,
      twitter: rng.chance(0.3) ? `@${slug(name).slice(0, 14)}` : null,
      instagram: rng.chance(0.4) ? `@${slug(name).slice(0, 20)}` : null,
      linkedin: null,
    },
  };
}

export function recoveryOrganization(seed: number, index: number, place: Place): Rec {
  const rng = rngFor(seed, 'rco', index);
  const scope = rng.pick(['Statewide', 'Statewide', 'Regional', 'County', 'National']);
  const name = scope === 'Statewide'
    ? `${place.state.name} Recovery Alliance`
    : `${rng.chance(0.5) ? place.city : hopeful(rng)} ${rng.pick(['Recovery Coalition', 'Recovery Network', 'Voices of Recovery', 'Recovery Advocates'])}`;
  const nameKey = rng.chance(0.2) ? 'organization_name' : 'name';
  return {
    id: `RCO_${String(index + 1).padStart(4, '0')}`,
    [nameKey]: scruff(rng, name),
    type: 'Recovery Community Organization',
    category: rng.pick(['Advocacy', 'Peer services', 'Advocacy and peer services']),
    focus: rng.pick(['Policy advocacy', 'Peer recovery support', 'Family recovery', 'Recovery-friendly workplaces']),
    address: {
      street: rng.chance(0.8) ? streetLine(rng) : null,
      city: place.city,
      state: rng.chance(0.1) ? place.state.name : place.state.code,
      zip: rng.chance(0.9) ? zipMaybePlus4(rng, place.zip) : null,
    },
    contact: {
      phone: phone(rng, areaCode(place.state.code)),
      website: website(rng, slug(name)),
      email: rng.chance(0.6) ? `info@${slug(name).slice(0, 30)}.example.org` : null,
    },
    mission: `To amplify the voices of people in recovery in ${scope === 'National' ? 'the United States' : place.state.name}.`,
    advocacy_priorities: rng.some(['Recovery housing standards', 'Naloxone access', 'Peer workforce', 'Ending stigma', 'Insurance parity'], 0.4),
    geographic_scope: scope,
    key_programs: rng.some(['Recovery Month events', 'Peer coach training', 'Legislative days', 'Family education'], 0.5),
    membership_type: rng.pick(['Individual', 'Organizational', 'Individual and organizational', null]),
    primary_state: scope === 'National' ? 'National' : place.state.code,
    data_source: 'Recovery community organization survey (synthetic sample)',
    extraction_date: isoDate(rng, 2024, 2024),
  };
}

/** The same organization listed both as a recovery center and as an organization. */
export function organizationFromCenter(seed: number, index: number, center: Rec, place: Place): Rec {
  const rng = rngFor(seed, 'rco-from-rcc', index);
  return {
    id: `RCO_X${String(index + 1).padStart(3, '0')}`,
    name: String(center.organization_name).trim().toUpperCase(),
    type: 'Recovery Community Organization',
    category: 'Peer services',
    focus: 'Peer recovery support',
    address: { street: null, city: place.city, state: place.state.code, zip: place.zip },
    contact: { phone: center.phone, website: center.website, email: null },
    mission: 'Peer-led recovery support.',
    advocacy_priorities: [],
    geographic_scope: 'County',
    key_programs: [],
    membership_type: null,
    primary_state: place.state.code,
    data_source: 'Recovery community organization survey (synthetic sample)',
    extraction_date: isoDate(rng, 2024, 2024),
  };
}

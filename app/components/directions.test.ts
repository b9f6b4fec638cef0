import { describe, expect, it } from 'vitest';
import { directionsHref } from './directions.ts';

const street = { address_line1: '263 Eustis St', city: 'Roxbury', state: 'MA', zip: '02119' };

describe('directionsHref', () => {
  it('routes to the listing\'s own position', () => {
    expect(directionsHref({ latitude: 42.32512, longitude: -71.0953, geo_precision: 'source', ...street }))
      .toBe('https://www.openstreetmap.org/directions?route=%3B42.32512%2C-71.09530');
  });

  it('routes to the street, in words, where the position is only its ZIP\'s or city\'s centre', () => {
    for (const geo_precision of ['zip', 'city']) {
      const href = new URL(directionsHref({ latitude: 42.3251, longitude: -71.0953, geo_precision, ...street })!);
      expect([href.pathname, href.searchParams.get('to'), href.searchParams.has('route')]).toEqual(['/directions', '263 Eustis St, Roxbury, MA 02119', false]);
    }
    expect(new URL(directionsHref({ latitude: null, longitude: null, geo_precision: 'none', ...street, city: null })!).searchParams.get('to'))
      .toBe('263 Eustis St, MA 02119');
  });

  it('leaves a suite off the street, and takes a PO box as no street', () => {
    const to = (address_line1: string) => new URL(directionsHref({ latitude: 42.3251, longitude: -71.0953, geo_precision: 'zip', ...street, address_line1 })!);
    expect(to('100 Main St, Suite 200').searchParams.get('to')).toBe('100 Main St, Roxbury, MA 02119');
    expect(to('100 Main St Ste 2B').searchParams.get('to')).toBe('100 Main St, Roxbury, MA 02119');
    expect(to('100 Main St #4').searchParams.get('to')).toBe('100 Main St, Roxbury, MA 02119');
    expect(to('PO Box 123').searchParams.has('route')).toBe(true);
    expect(to('P.O. Box 9').searchParams.has('to')).toBe(false);
  });

  it('keeps a ZIP\'s centre without a street, and gives no link with neither', () => {
    expect(directionsHref({ latitude: 42.3251, longitude: -71.0953, geo_precision: 'zip', address_line1: ' ' })).toContain('route=');
    expect(directionsHref({ latitude: null, longitude: null, geo_precision: 'none' })).toBeNull();
    // A list row whose precision the caller does not know is taken at its position, as before.
    expect(directionsHref({ latitude: 42.3251, longitude: -71.0953, ...street })).toContain('route=');
  });
});

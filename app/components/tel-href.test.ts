import { describe, expect, it } from 'vitest';
import { phoneParts, telHref } from './tel-href.ts';

describe('telHref', () => {
  it('dials a published number in international form', () => {
    expect(telHref('(617) 555-0123')).toBe('tel:+16175550123');
  });

  it('dials the extension the build keeps', () => {
    expect(telHref('(256) 734-4688 ext. 3971')).toBe('tel:+12567344688,3971');
  });

  it('reads extensions as sources write them, and a leading 1', () => {
    expect(telHref('256-734-4688 x3971')).toBe('tel:+12567344688,3971');
    expect(telHref('1-800-662-4357 ext 12')).toBe('tel:+18006624357,12');
    expect(telHref('+1 (800) 662-4357')).toBe('tel:+18006624357');
  });

  it('gives no link for text that is not a ten-digit US number', () => {
    expect(telHref('555-0123')).toBeNull();
    expect(telHref('call the front desk')).toBeNull();
    expect(telHref('(617) 555-01234')).toBeNull();
  });
});

describe('phoneParts', () => {
  it('splits the number from its extension as published, and leaves a number without one whole', () => {
    expect(phoneParts('(256) 734-4688 ext. 3971')).toEqual(['(256) 734-4688', ' ext. 3971']);
    expect(phoneParts('256-734-4688 x3971')).toEqual(['256-734-4688', ' x3971']);
    expect(phoneParts('(617) 555-0123')).toEqual(['(617) 555-0123', '']);
  });
});

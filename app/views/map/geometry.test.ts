import { describe, expect, it } from 'vitest';
import { linksCollection } from './geometry.ts';

describe('linksCollection', () => {
  const links = [
    { related_org_id: 'A', related_type: 'narr_residence', strength: 0.9, latitude: 42.4, longitude: -71.1 },
    { related_org_id: 'B', related_type: 'recovery_center', strength: 0.5, latitude: null, longitude: null },
  ];

  it('draws a line from the organization to each related one that has a position', () => {
    const out = linksCollection({ latitude: 42.36, longitude: -71.06 }, links);
    expect(out.features).toEqual([{
      type: 'Feature', properties: { org_type: 'narr_residence', strength: 0.9 },
      geometry: { type: 'LineString', coordinates: [[-71.06, 42.36], [-71.1, 42.4]] },
    }]);
  });

  it('draws nothing for an organization without a position', () => {
    expect(linksCollection(null, links).features).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { suggestDeployment } from '../../../electron/backend/ingest/suggest-deployment.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';

const deployment = (id: string, start: string, end: string, cameraID: string | null): Deployment => ({
  deploymentID: id,
  locationID: 'l',
  locationName: 'l',
  latitude: 0,
  longitude: 0,
  timeZone: 'Europe/Brussels',
  deploymentStart: start,
  deploymentEnd: end,
  cameraID,
  cameraModel: null,
  cameraHeight: null,
  baitUse: null,
  deploymentComments: null,
  clockOffsetSeconds: 0,
  datesOnly: false,
  mediaCount: 0,
});

describe('which deployment a card belongs to', () => {
  const card = { firstTime: '2021-04-11 20:43:09', lastTime: '2021-04-11 20:43:15', serials: ['H2RXEM06043616'], labels: ['MICA 318'] };

  it('prefers the same camera with matching dates over dates alone', () => {
    const list = [deployment('wide', '2021-01-01T00:00:00+01:00', '2021-12-31T00:00:00+01:00', '315'), deployment('cam', '2021-04-01T00:00:00+01:00', '2021-04-30T00:00:00+01:00', 'H2RX-EM06043616')];
    expect(suggestDeployment(list, card)).toEqual({ deploymentID: 'cam', reason: 'camera-and-dates' });
  });

  it('matches the label the camera writes, and falls back to dates', () => {
    expect(suggestDeployment([deployment('lab', '2021-04-01T00:00:00+01:00', '2021-04-30T00:00:00+01:00', 'mica318')], card)).toEqual({ deploymentID: 'lab', reason: 'camera-and-dates' });
    expect(suggestDeployment([deployment('d', '2021-04-01T00:00:00+01:00', '2021-04-30T00:00:00+01:00', '315')], card)).toEqual({ deploymentID: 'd', reason: 'dates' });
  });

  it('compares the wall clock: the camera shows local time, the deployment carries its offset', () => {
    expect(suggestDeployment([deployment('d', '2021-04-11T20:43:00+02:00', '2021-04-11T20:44:00+02:00', null)], card)?.deploymentID).toBe('d');
    expect(suggestDeployment([deployment('d', '2021-04-12T00:00:00+01:00', '2021-04-30T00:00:00+01:00', 'H2RXEM06043616')], card)).toBeNull();
    expect(suggestDeployment([], { ...card, firstTime: null, lastTime: null })).toBeNull();
  });

  it('suggests only a deployment that holds every picture of the card, the closest fit first', () => {
    const years = { ...card, firstTime: '2010-01-01 00:00:00', lastTime: '2024-06-01 12:00:00' };
    expect(suggestDeployment([deployment('short', '2021-03-27T21:38:18+01:00', '2021-04-18T22:25:00+01:00', null)], years)).toBeNull();
    const list = [deployment('year', '2021-01-01T00:00:00+01:00', '2021-12-31T00:00:00+01:00', null), deployment('month', '2021-04-01T00:00:00+01:00', '2021-04-30T00:00:00+01:00', null)];
    expect(suggestDeployment(list, card)).toEqual({ deploymentID: 'month', reason: 'dates' });
  });

  it('applies the deployment clock offset before comparing', () => {
    const tight = deployment('d', '2021-04-11T20:00:00+01:00', '2021-04-11T21:00:00+01:00', null);
    expect(suggestDeployment([tight], card)?.deploymentID).toBe('d');
    // The camera ran 20 minutes slow: its 20:43 was 21:03 at the place, after the end.
    expect(suggestDeployment([{ ...tight, clockOffsetSeconds: 1200 }], card)).toBeNull();
    const late = deployment('late', '2021-04-11T21:00:00+01:00', '2021-04-11T22:00:00+01:00', null);
    expect(suggestDeployment([{ ...late, clockOffsetSeconds: 1200 }], card)?.deploymentID).toBe('late');
  });
});

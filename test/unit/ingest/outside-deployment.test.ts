import { describe, expect, it } from 'vitest';
import { outsideByDeployment, outsideDeployment } from '../../../electron/backend/ingest/outside-deployment.ts';

const may2009 = { deploymentID: 'd2009', deploymentStart: '2009-05-01T12:00:00+02:00', deploymentEnd: '2009-05-20T12:00:00+02:00', clockOffsetSeconds: 0 };

describe('files dated outside a deployment', () => {
  it('lists nothing when every file falls between the start and the end, both included', () => {
    const files = [
      { name: 'a.jpg', takenAt: '2009-05-01 12:00:00' },
      { name: 'b.jpg', takenAt: '2009-05-10 03:14:15.250' },
      { name: 'c.jpg', takenAt: '2009-05-20 12:00:00' },
    ];
    expect(outsideDeployment(files, may2009)).toEqual({ count: 0, examples: [] });
  });

  it('compares the camera wall clock with the deployment wall clock, whatever its UTC offset', () => {
    // 11:30 camera time is before a start of 12:00 at the place, though 12:00+02:00 is 10:00 UTC.
    expect(outsideDeployment([{ name: 'early.jpg', takenAt: '2009-05-01 11:30:00' }], may2009).count).toBe(1);
  });

  it('warns about a video dated today put into a 2009 deployment, with its name and date', () => {
    const today = new Date().toISOString().slice(0, 10);
    const files = [
      { name: 'DCIM/IMG0001.JPG', takenAt: '2009-05-03 06:00:00' },
      { name: 'DCIM/VID0002.MP4', takenAt: `${today} 09:41:00` },
    ];
    expect(outsideDeployment(files, may2009)).toEqual({ count: 1, examples: [{ name: 'DCIM/VID0002.MP4', time: `${today} 09:41:00` }] });
  });

  it('applies the clock offset first, as the import records the time', () => {
    // The camera was an hour slow: 11:30 on its clock was 12:30 at the place, inside the deployment.
    const slow = { ...may2009, clockOffsetSeconds: 3600 };
    expect(outsideDeployment([{ name: 'a.jpg', takenAt: '2009-05-01 11:30:00' }], slow)).toEqual({ count: 0, examples: [] });
    // And at the end: 11:30 on the last day becomes 12:30, past the end; the example shows the corrected time.
    expect(outsideDeployment([{ name: 'z.jpg', takenAt: '2009-05-20 11:30:00' }], slow)).toEqual({ count: 1, examples: [{ name: 'z.jpg', time: '2009-05-20 12:30:00' }] });
    // A camera a day fast, corrected back into the deployment.
    const fast = { ...may2009, clockOffsetSeconds: -86400 };
    expect(outsideDeployment([{ name: 'a.jpg', takenAt: '2009-05-21 08:00:00' }], fast).count).toBe(0);
  });

  it('counts every file outside but names only the first five, in the order given', () => {
    const files = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.jpg`, takenAt: `2010-01-0${i + 1} 00:00:00` }));
    const outside = outsideDeployment(files, may2009);
    expect(outside.count).toBe(8);
    expect(outside.examples.map((e) => e.name)).toEqual(['f0.jpg', 'f1.jpg', 'f2.jpg', 'f3.jpg', 'f4.jpg']);
  });

  it('keeps only the deployments some files fall outside of', () => {
    const wide = { deploymentID: 'wide', deploymentStart: '2000-01-01T00:00:00Z', deploymentEnd: '2030-01-01T00:00:00Z', clockOffsetSeconds: 0 };
    const files = [{ name: 'a.jpg', takenAt: '2012-02-02 02:02:02' }];
    expect(outsideByDeployment(files, [wide, may2009])).toEqual({ d2009: { count: 1, examples: [{ name: 'a.jpg', time: '2012-02-02 02:02:02' }] } });
    expect(outsideByDeployment([], [may2009])).toEqual({});
  });
});

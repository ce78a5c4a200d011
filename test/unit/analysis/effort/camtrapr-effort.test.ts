import { describe, expect, it } from 'vitest';
import { camtraprEffort } from '../../../../electron/backend/analysis/effort/camtrapr-effort.ts';

// Reference: camtrapR's own `camtraps` data and tests/testthat/test-surveyReport.R (jniedballa/camtrapR).
describe('effort counted as camtrapR counts it', () => {
  it('counts StationA (dates only, no problems) like surveyReport', () => {
    const e = camtraprEffort({ setup: '2009-04-02', retrieval: '2009-05-14' });
    expect(e).toMatchObject({ calendarDays: 43, activeDays: 43, inactiveDays: 0, trapNights: 42 });
    expect(e.days[0]).toEqual({ date: '2009-04-02', effort: 0.5 });
    expect(e.days.at(-1)).toEqual({ date: '2009-05-14', effort: 0.5 });
  });

  it('counts StationB like surveyReport', () => {
    expect(camtraprEffort({ setup: '2009-04-03', retrieval: '2009-05-16' })).toMatchObject({ calendarDays: 44, trapNights: 43 });
  });

  it('takes whole problem days off StationC, the retrieval day included', () => {
    const e = camtraprEffort({ setup: '2009-04-04', retrieval: '2009-05-17', problems: [{ from: '2009-05-12', to: '2009-05-17' }] });
    expect(e).toMatchObject({ calendarDays: 44, activeDays: 38, inactiveDays: 6, trapNights: 37.5 });
  });

  it('counts a problem starting on the setup day from setup, as camtrapR does', () => {
    const e = camtraprEffort({ setup: '2009-04-04', retrieval: '2009-04-10', problems: [{ from: '2009-04-04', to: '2009-04-05' }] });
    expect(e).toMatchObject({ calendarDays: 7, activeDays: 5, trapNights: 4.5 });
  });

  it('counts exact hours when times are given', () => {
    const e = camtraprEffort({
      setup: '2009-04-02 18:00',
      retrieval: '2009-04-05T06:00:00',
      problems: [{ from: '2009-04-03 06:00', to: '2009-04-03 18:00' }],
    });
    expect(e.days.map((d) => d.effort)).toEqual([0.25, 0.5, 1, 0.25]);
    expect(e).toMatchObject({ calendarDays: 4, activeDays: 4, trapNights: 2 });
  });

  it('joins overlapping problems instead of counting them twice', () => {
    const e = camtraprEffort({
      setup: '2009-04-01',
      retrieval: '2009-04-11',
      problems: [{ from: '2009-04-03', to: '2009-04-05' }, { from: '2009-04-04', to: '2009-04-06' }],
    });
    expect(e).toMatchObject({ calendarDays: 11, inactiveDays: 4, trapNights: 6 });
  });

  it('refuses a problem outside the deployment', () => {
    expect(() => camtraprEffort({ setup: '2009-04-04', retrieval: '2009-05-17', problems: [{ from: '2009-05-12', to: '2009-05-18' }] })).toThrow(
      /outside the deployment/,
    );
    expect(() => camtraprEffort({ setup: '2009-04-04 12:00', retrieval: '2009-05-17 12:00', problems: [{ from: '2009-04-04 11:00', to: '2009-04-05 12:00' }] })).toThrow(
      /outside the deployment/,
    );
  });

  it('refuses dates it cannot count from', () => {
    expect(() => camtraprEffort({ setup: '2009-05-17', retrieval: '2009-04-04' })).toThrow(/ends before it starts/);
    expect(camtraprEffort({ setup: '2009-04-04 08:00', retrieval: '2009-04-04 08:00' })).toMatchObject({ calendarDays: 1, activeDays: 0, trapNights: 0, active: [] });
    expect(() => camtraprEffort({ setup: '2009-04-04', retrieval: '2009-05-17 12:00' })).toThrow(/both be dates/);
    expect(() => camtraprEffort({ setup: '04/04/2009', retrieval: '2009-05-17' })).toThrow(/not a date/);
    expect(() => camtraprEffort({ setup: '2009-04-04', retrieval: '2009-05-17', problems: [{ from: '2009-05-12', to: '2009-05-10' }] })).toThrow(
      /ends .* before it starts/,
    );
  });
});

import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/use-call.ts';

/** Under a station's trap nights: that camera problem periods are left out, and which of camtrapR's rules counted them. */
export function StationEffortNote({ locationID }: { locationID: string }): JSX.Element | null {
  const { t } = useTranslation();
  const report = useCall('effort.report', {}).data;
  const here = report?.deployments.filter((d) => d.locationID === locationID) ?? [];
  if (here.length === 0) return null;
  const problems = here.reduce((n, d) => n + d.problems, 0);
  const rules = new Set(here.map((d) => d.rule));
  const rule = rules.size > 1 ? 'map.effortNote.mixed' : rules.has('dates') ? 'map.effortNote.dates' : 'map.effortNote.times';
  return (
    <p className="muted" data-testid="station-effort-note">
      {problems > 0 ? t('map.effortNote.problems', { count: problems }) : t('map.effortNote.noProblems')} {t(rule)}
    </p>
  );
}

import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { type LocalDateTime, zoneLabel } from './station-time.ts';
import { Field } from '../../components/Field.tsx';

/**
 * A moment at the station, picked as a date and a time on the station's own clock; the zone
 * and its offset at that moment are shown beside it, so nobody has to work out UTC. Without a time,
 * only the day is picked and the time given stands for it.
 */
export function StationTimeInput({
  name,
  legend,
  value,
  timeZone,
  onChange,
  withTime = true,
}: {
  name: 'deploymentStart' | 'deploymentEnd';
  legend: string;
  value: LocalDateTime;
  timeZone: string | undefined;
  onChange: (v: LocalDateTime) => void;
  withTime?: boolean;
}): JSX.Element {
  const { t } = useTranslation();
  const hintId = `${name}-zone`;
  return (
    <fieldset data-testid={name}>
      <legend>{legend}</legend>
      <div className="row">
        <Field label={t('setup.date')}>
          <input type="date" name={`${name}Date`} value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} required aria-describedby={hintId} />
        </Field>
        {withTime ? (
          <Field label={t('setup.time')}>
            <input type="time" step={1} name={`${name}Time`} value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} required aria-describedby={hintId} />
          </Field>
        ) : null}
      </div>
      <p className="muted zone" id={hintId} data-testid={`${name}-zone`}>
        {timeZone ? t('setup.stationTime', { zone: zoneLabel(timeZone, value) }) : t('setup.chooseLocationFirst')}
      </p>
    </fieldset>
  );
}

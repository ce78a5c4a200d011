import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsideDates } from '../../../electron/backend/ingest/contract.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import { formatCameraTime } from '../../components/locale-format.ts';

/** The wall-clock part of a deployment's ISO time, as its camera would show it. */
const wallClock = (iso: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/.exec(iso)?.[0] ?? iso;

/** Files that would land outside the chosen deployment's dates: the person confirms, or chooses another deployment. */
export function OutsideDatesWarning(props: {
  outside: OutsideDates;
  deployment: Deployment;
  /** How many files had their dates read, of all the files, when the card was only sampled. */
  sample: { checked: number; files: number } | null;
  confirmed: boolean;
  onConfirm: (yes: boolean) => void;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const when = (local: string) => formatCameraTime(local, i18n.language);
  const { outside, deployment: d } = props;
  const more = outside.count - outside.examples.length;
  return (
    <div className="banner warning" role="alert" data-testid="outside-dates">
      <p>
        <strong>{t('import.outside.heading', { count: outside.count })}</strong>{' '}
        {t('import.outside.range', { start: when(wallClock(d.deploymentStart)), end: when(wallClock(d.deploymentEnd)) })}
        {d.clockOffsetSeconds !== 0 ? ` ${t('import.outside.offsetApplied')}` : null}
        {props.sample ? ` ${t('import.outside.sampled', props.sample)}` : null}
      </p>
      <ul className="outside-examples" data-testid="outside-examples">
        {outside.examples.map((e) => (
          <li key={e.name}>{t('import.outside.example', { name: e.name, time: when(e.time) })}</li>
        ))}
        {more > 0 ? <li className="muted">{t('import.outside.more', { count: more })}</li> : null}
      </ul>
      <label className="check">
        <input type="checkbox" checked={props.confirmed} onChange={(e) => props.onConfirm(e.target.checked)} data-testid="outside-confirm" />
        {t('import.outside.confirm', { deployment: d.deploymentID })}
      </label>
      <p className="muted">{t('import.outside.orChoose')}</p>
    </div>
  );
}

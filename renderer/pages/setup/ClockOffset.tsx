import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clockOffsetSeconds, durationText } from './clock-offset.ts';
import { displayLocale } from './display-locale.ts';
import { enterSubmits } from './enter-submits.ts';
import { isoToLocal, type LocalDateTime } from './station-time.ts';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

/** The correction as it stands, in words: "Not corrected", "+1 hr 2 min". */
export function ClockOffsetText({ seconds }: { seconds: number }): JSX.Element {
  const { t, i18n } = useTranslation();
  if (seconds === 0) return <span className="muted">{t('setup.clock.none')}</span>;
  return <span>{t(seconds > 0 ? 'setup.clock.forwardShort' : 'setup.clock.backShort', { amount: durationText(seconds, displayLocale(i18n.language)) })}</span>;
}

function ReadingInput({ name, legend, value, onChange, first }: { name: string; legend: string; value: LocalDateTime; onChange: (v: LocalDateTime) => void; first?: boolean }): JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="row">
        <Field label={t('setup.date')}>
          <input type="date" name={`${name}Date`} value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} required autoFocus={first} />
        </Field>
        <Field label={t('setup.time')}>
          <input type="time" step={1} name={`${name}Time`} value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} required />
        </Field>
      </div>
    </fieldset>
  );
}

/**
 * A wrong camera clock is corrected from one comparison: what the camera showed when the real
 * time was something else (a picture of a phone's clock is enough). Every time moves by the
 * difference; the times the camera wrote are kept.
 */
export function ClockOffset({ deployment, onChanged, onClose }: { deployment: Deployment; onChanged: () => void; onClose: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const startReading = isoToLocal(deployment.deploymentStart, deployment.timeZone) ?? { date: '', time: '' };
  const [shown, setShown] = useState<LocalDateTime>(startReading);
  const [real, setReal] = useState<LocalDateTime>(startReading);
  const [error, setError] = useState<RpcError | undefined>();
  const [busy, setBusy] = useState(false);
  const offset = clockOffsetSeconds(shown, real);

  const apply = async (offsetSeconds: number) => {
    setBusy(true);
    const r = await api.call('deployment.setClockOffset', { deploymentID: deployment.deploymentID, offsetSeconds });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChanged();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (offset !== null && offset !== deployment.clockOffsetSeconds && !busy) void apply(offset);
  };

  return (
    <form
      className="setup-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        else enterSubmits(e);
      }}
      data-testid="clock-form"
      aria-labelledby="clock-form-title"
      aria-describedby="clock-form-help"
    >
      <h3 id="clock-form-title">{t('setup.clock.title', { id: deployment.deploymentID })}</h3>
      <p className="muted" id="clock-form-help">
        {t('setup.clock.help')}
      </p>
      <p>
        {t('setup.clock.now')} <ClockOffsetText seconds={deployment.clockOffsetSeconds} />
      </p>
      <div className="row wrap">
        <ReadingInput name="cameraShowed" legend={t('setup.clock.cameraShowed')} value={shown} onChange={setShown} first />
        <ReadingInput name="realTime" legend={t('setup.clock.realTime')} value={real} onChange={setReal} />
      </div>
      <p role="status" data-testid="clock-result">
        {offset === null ? null : offset === 0 ? t('setup.clock.noMove') : t(offset > 0 ? 'setup.clock.forward' : 'setup.clock.back', { amount: durationText(offset, displayLocale(i18n.language)) })}
      </p>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || offset === null || offset === deployment.clockOffsetSeconds}>
          {t('setup.clock.apply')}
        </button>
        {deployment.clockOffsetSeconds !== 0 ? (
          <button type="button" onClick={() => void apply(0)} disabled={busy}>
            {t('setup.clock.reset')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('setup.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

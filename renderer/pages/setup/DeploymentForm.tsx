import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enterSubmits } from './enter-submits.ts';
import { isoToLocal, type LocalDateTime, localToIso } from './station-time.ts';
import { StationTimeInput } from './StationTimeInput.tsx';
import type { Deployment, Location } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

interface Draft {
  deploymentID: string;
  locationID: string;
  start: LocalDateTime;
  end: LocalDateTime;
  cameraID: string;
  cameraModel: string;
  cameraHeight: string;
  baitUse: boolean;
  deploymentComments: string;
  datesOnly: boolean;
}

const noTime: LocalDateTime = { date: '', time: '' };
const empty: Draft = { deploymentID: '', locationID: '', start: noTime, end: noTime, cameraID: '', cameraModel: '', cameraHeight: '', baitUse: false, deploymentComments: '', datesOnly: false };

function draftOf(d: Deployment): Draft {
  return {
    deploymentID: d.deploymentID,
    locationID: d.locationID,
    start: isoToLocal(d.deploymentStart, d.timeZone) ?? noTime,
    end: isoToLocal(d.deploymentEnd, d.timeZone) ?? noTime,
    cameraID: d.cameraID ?? '',
    cameraModel: d.cameraModel ?? '',
    cameraHeight: d.cameraHeight === null ? '' : String(d.cameraHeight),
    baitUse: d.baitUse ?? false,
    deploymentComments: d.deploymentComments ?? '',
    datesOnly: d.datesOnly,
  };
}

// A deployment entered by its days alone runs from the first moment of setup day to the last of retrieval day.
const dayEdge = { start: '00:00:00', end: '23:59:59' } as const;

const sameReading = (a: LocalDateTime, b: LocalDateTime) => a.date === b.date && a.time.padEnd(8, ':00') === b.time.padEnd(8, ':00');

/**
 * Adds a deployment, or edits one when given it. Start and end are picked in the station's local
 * time and sent with the offset its zone has at that moment; an edit whose dates were not touched
 * sends them back exactly as they were stored.
 */
export function DeploymentForm({ locations, editing, onSaved, onCancel }: { locations: Location[]; editing?: Deployment; onSaved: () => void; onCancel?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const initial = editing ? draftOf(editing) : empty;
  const [form, setForm] = useState<Draft>(initial);
  const [error, setError] = useState<RpcError | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (k: 'deploymentID' | 'locationID' | 'cameraID' | 'cameraModel' | 'cameraHeight' | 'deploymentComments') => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const timeZone = locations.find((l) => l.locationID === form.locationID)?.timeZone;
  const reading = (which: 'start' | 'end'): LocalDateTime => (form.datesOnly ? { date: form[which].date, time: dayEdge[which] } : form[which]);
  const stored = (which: 'start' | 'end') => {
    if (editing && form.locationID === editing.locationID && sameReading(reading(which), initial[which])) return which === 'start' ? editing.deploymentStart : editing.deploymentEnd;
    return timeZone ? localToIso(reading(which), timeZone) : null;
  };
  const deploymentStart = stored('start');
  const deploymentEnd = stored('end');
  const ready = !busy && deploymentStart !== null && deploymentEnd !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || deploymentStart === null || deploymentEnd === null) return;
    const height = form.cameraHeight.trim().replace(',', '.');
    if (height !== '' && !Number.isFinite(Number(height))) return setError({ code: 'invalid-input', message: t('setup.badHeight') });
    const text = (v: string) => v.trim() || (editing ? null : undefined);
    const details = {
      locationID: form.locationID,
      deploymentStart,
      deploymentEnd,
      cameraID: text(form.cameraID),
      cameraModel: text(form.cameraModel),
      cameraHeight: height === '' ? (editing ? null : undefined) : Number(height),
      baitUse: form.baitUse,
      deploymentComments: text(form.deploymentComments),
      datesOnly: form.datesOnly,
    };
    setBusy(true);
    const r = editing ? await api.call('deployment.update', { deploymentID: editing.deploymentID, ...details }) : await api.call('deployment.add', { deploymentID: form.deploymentID.trim() || undefined, ...details });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setForm(empty);
    onSaved();
  };

  return (
    <form
      className="setup-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
        else enterSubmits(e);
      }}
      data-testid="deployment-form"
      aria-labelledby="deployment-form-title"
    >
      <h3 id="deployment-form-title">{editing ? t('setup.editDeployment', { id: editing.deploymentID }) : t('setup.newDeployment')}</h3>
      <p className="dates-only">
        <label className="check">
          <input type="checkbox" checked={form.datesOnly} onChange={(e) => setForm({ ...form, datesOnly: e.target.checked })} name="datesOnly" aria-describedby="dates-only-rule" /> {t('setup.datesOnly')}
        </label>{' '}
        <span className="muted" id="dates-only-rule">
          {t('setup.datesOnlyRule')}
        </span>
      </p>
      <div className="row wrap">
        <Field label={t('setup.deploymentID')} hint={editing ? undefined : t('setup.optional')}>
          <input value={form.deploymentID} onChange={set('deploymentID')} name="deploymentID" size={10} disabled={Boolean(editing)} />
        </Field>
        <Field label={t('setup.location')}>
          <select value={form.locationID} onChange={set('locationID')} name="locationID" required autoFocus={Boolean(editing)}>
            <option value="">{t('setup.chooseLocation')}</option>
            {locations.map((l) => (
              <option key={l.locationID} value={l.locationID}>
                {l.locationName} ({l.locationID})
              </option>
            ))}
          </select>
        </Field>
        <StationTimeInput name="deploymentStart" legend={t(form.datesOnly ? 'setup.startDay' : 'setup.start')} value={reading('start')} timeZone={timeZone} withTime={!form.datesOnly} onChange={(start) => setForm({ ...form, start: { ...start, time: form.datesOnly ? form.start.time : start.time } })} />
        <StationTimeInput name="deploymentEnd" legend={t(form.datesOnly ? 'setup.endDay' : 'setup.end')} value={reading('end')} timeZone={timeZone} withTime={!form.datesOnly} onChange={(end) => setForm({ ...form, end: { ...end, time: form.datesOnly ? form.end.time : end.time } })} />
      </div>
      <div className="row wrap">
        <Field label={t('setup.cameraID')} hint={t('setup.optional')}>
          <input value={form.cameraID} onChange={set('cameraID')} name="cameraID" size={10} />
        </Field>
        <Field label={t('setup.cameraModel')} hint={t('setup.optional')}>
          <input value={form.cameraModel} onChange={set('cameraModel')} name="cameraModel" size={12} />
        </Field>
        <Field label={t('setup.cameraHeight')} hint={t('setup.optional')}>
          <input value={form.cameraHeight} onChange={set('cameraHeight')} name="cameraHeight" inputMode="decimal" size={5} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={form.baitUse} onChange={(e) => setForm({ ...form, baitUse: e.target.checked })} name="baitUse" /> {t('setup.baitUse')}
        </label>
        <Field label={t('setup.comments')} hint={t('setup.optional')}>
          <input value={form.deploymentComments} onChange={set('deploymentComments')} name="deploymentComments" />
        </Field>
        <button type="submit" className="primary" disabled={!ready}>
          {editing ? t('setup.saveChanges') : t('setup.addDeployment')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('setup.cancel')}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

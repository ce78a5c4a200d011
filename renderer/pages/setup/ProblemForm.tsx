import { type FormEvent, type JSX, type Ref, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enterSubmits } from './enter-submits.ts';
import { joinReading, splitReading } from './problem-period.ts';
import type { LocalDateTime } from './station-time.ts';
import type { CameraProblem } from '../../../electron/backend/analysis/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

const noReading: LocalDateTime = { date: '', time: '' };

function ReadingPicker({ name, legend, value, onChange, inputRef, autoFocus }: { name: 'problemFrom' | 'problemTo'; legend: string; value: LocalDateTime; onChange: (v: LocalDateTime) => void; inputRef?: Ref<HTMLInputElement>; autoFocus?: boolean }): JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="row">
        <Field label={t('setup.problems.day')}>
          <input type="date" name={`${name}Date`} value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} required ref={inputRef} autoFocus={autoFocus} />
        </Field>
        <Field label={t('setup.time')} hint={t('setup.optional')}>
          <input type="time" name={`${name}Time`} value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

/**
 * Adds a period the camera did not work, or changes one: days, with a time when it is known
 * (without one the whole day counts), and why if the user likes. The backend checks it lies
 * within the deployment and says so in plain words.
 */
export function ProblemForm({ deploymentID, editing, onSaved, onCancel }: { deploymentID: string; editing?: CameraProblem; onSaved: (problems: CameraProblem[]) => void; onCancel?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [from, setFrom] = useState<LocalDateTime>(editing ? splitReading(editing.from) : noReading);
  const [to, setTo] = useState<LocalDateTime>(editing ? splitReading(editing.to) : noReading);
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [error, setError] = useState<RpcError | undefined>();
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const fromValue = joinReading(from);
  const toValue = joinReading(to);
  const ready = !busy && fromValue !== null && toValue !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || fromValue === null || toValue === null) return;
    const period = { from: fromValue, to: toValue, reason: reason.trim() || null };
    setBusy(true);
    const r = editing ? await api.call('effort.updateProblem', { problemID: editing.problemID, ...period }) : await api.call('effort.addProblem', { deploymentID, ...period });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    if (!editing) {
      setFrom(noReading);
      setTo(noReading);
      setReason('');
      first.current?.focus();
    }
    onSaved(r.value);
  };

  return (
    <form
      className="problem-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          // Only the edit closes, not the camera problems around it.
          e.stopPropagation();
          onCancel();
        } else enterSubmits(e);
      }}
      data-testid="problem-form"
      aria-label={editing ? t('setup.problems.editTitle') : t('setup.problems.addTitle')}
      aria-describedby="problem-form-help"
    >
      <div className="row wrap">
        <ReadingPicker name="problemFrom" legend={t('setup.problems.from')} value={from} onChange={setFrom} inputRef={first} autoFocus={Boolean(editing)} />
        <ReadingPicker name="problemTo" legend={t('setup.problems.to')} value={to} onChange={setTo} />
        <Field label={t('setup.problems.reason')} hint={t('setup.optional')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} name="problemReason" placeholder={t('setup.problems.reasonExample')} maxLength={500} size={16} />
        </Field>
        <button type="submit" className="primary" disabled={!ready}>
          {editing ? t('setup.saveChanges') : t('setup.problems.add')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('setup.cancel')}
          </button>
        ) : null}
      </div>
      <p className="muted" id="problem-form-help">
        {t('setup.problems.help')}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}

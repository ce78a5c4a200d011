import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { enterSubmits } from '../setup/enter-submits.ts';

/** Saves a species' detection history (stations × occasions of N days) as CSV for occupancy models. */
export function DetectionHistoryForm({ taxon, from, to }: { taxon: string; from?: string; to?: string }): JSX.Element {
  const { t } = useTranslation();
  const [days, setDays] = useState(7);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ file: string; stations: number; occasions: number } | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const ready = !busy && folder !== '' && taxon !== '' && Number.isInteger(days) && days >= 1 && days <= 365;
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    const r = await api.call('activity.exportDetectionHistory', { taxon, occasionDays: days, folder, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    setBusy(false);
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
  };
  return (
    <form onSubmit={(e) => void save(e)} onKeyDown={enterSubmits} aria-label={t('activity.history.heading')} data-testid="detection-history-form">
      <h4>{t('activity.history.heading')}</h4>
      <p className="muted">{t('activity.history.intro')}</p>
      <Field label={t('activity.history.days')}>
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.valueAsNumber)} data-testid="history-days" />
      </Field>
      <Field label={t('activity.history.folder')}>
        <FolderInput value={folder} onChange={setFolder} testId="history-folder" />
      </Field>
      <button type="submit" disabled={!ready} data-testid="history-save">
        {t('activity.history.save')}
      </button>
      <ErrorMessage error={error} />
      {done ? <p role="status">{t('activity.history.done', { file: done.file, stations: done.stations, occasions: done.occasions })}</p> : null}
    </form>
  );
}

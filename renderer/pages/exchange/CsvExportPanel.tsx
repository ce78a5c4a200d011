import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvExported, CsvTable } from '../../../electron/backend/exchange/camtrapr/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { joinPath } from '../../components/join-path.ts';
import { percent } from '../../components/percent.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

const tables: CsvTable[] = ['record', 'camop', 'events'];
const fileNames: Record<CsvTable, string> = { record: 'record_table.csv', camop: 'camera_operation.csv', events: 'station_events.csv' };

/**
 * The tables R users load into camtrapR: the record table, the camera trap table for
 * cameraOperation(), and independent events per station and taxon with trap nights.
 */
export function CsvExportPanel(): JSX.Element {
  const { t, i18n } = useTranslation();
  const [table, setTable] = useState<CsvTable>('record');
  const [folder, setFolder] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [comparedTo, setComparedTo] = useState<'lastRecord' | 'lastIndependentRecord'>('lastRecord');
  const [withDetections, setWithDetections] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CsvExported | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const ready = !busy && folder !== '';

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    const r = await api.call('exchange.exportCsv', {
      table,
      file: joinPath(folder, fileNames[table]),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      deltaTimeComparedTo: comparedTo,
      withDetections,
    });
    setBusy(false);
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
  };

  return (
    <section aria-labelledby="csv-export-title" data-testid="csv-export-panel">
      <h2 id="csv-export-title">{t('csvExport.heading')}</h2>
      <p className="muted">{t('csvExport.intro')}</p>
      <form onSubmit={(e) => void save(e)} onKeyDown={enterSubmits} aria-label={t('csvExport.heading')}>
        <fieldset>
          <legend>{t('csvExport.table')}</legend>
          {tables.map((name) => (
            <label key={name} className="check">
              <input type="radio" name="csv-table" checked={table === name} onChange={() => setTable(name)} data-testid={`csv-table-${name}`} /> {t(`csvExport.tables.${name}`)}
            </label>
          ))}
        </fieldset>
        {table === 'record' ? (
          <div className="row wrap">
            <Field label={t('csvExport.comparedTo')}>
              <select value={comparedTo} onChange={(e) => setComparedTo(e.target.value === 'lastIndependentRecord' ? 'lastIndependentRecord' : 'lastRecord')} data-testid="csv-compared-to">
                <option value="lastRecord">{t('csvExport.lastRecord')}</option>
                <option value="lastIndependentRecord">{t('csvExport.lastIndependentRecord')}</option>
              </select>
            </Field>
            <label className="check">
              <input type="checkbox" checked={withDetections} onChange={(e) => setWithDetections(e.target.checked)} data-testid="csv-with-detections" /> {t('csvExport.withDetections')}
            </label>
          </div>
        ) : null}
        <div className="row wrap">
          <Field label={t('csvExport.from')}>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="csv-from" />
          </Field>
          <Field label={t('csvExport.to')}>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="csv-to" />
          </Field>
        </div>
        <Field label={t('csvExport.folder')} hint={t('csvExport.fileName', { name: fileNames[table] })}>
          <FolderInput value={folder} onChange={setFolder} testId="csv-folder" />
        </Field>
        <button type="submit" className="primary" disabled={!ready} data-testid="csv-export-start">
          {t('csvExport.save')}
        </button>
      </form>
      {done ? (
        <div role="status" data-testid="csv-exported">
          <p>{t('csvExport.written', { count: done.rows, file: done.file })}</p>
          {done.table === 'record' ? <p className="muted">{t('csvExport.interval', { minutes: done.independenceMinutes })}</p> : null}
          {done.table === 'camop' ? <p className="muted">{t('csvExport.camopHint')}</p> : null}
          {done.table !== 'camop' ? (
            <p className="muted" data-testid="csv-species-source">
              {done.machineSpecies.include ? t('csvExport.machineSpecies', { percent: percent(done.machineSpecies.threshold, i18n.language) }) : t('csvExport.peopleOnly')}
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

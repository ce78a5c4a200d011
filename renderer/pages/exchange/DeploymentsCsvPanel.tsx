import { type FormEvent, type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Hemisphere, UtmZoneChooser } from './UtmZoneChooser.tsx';
import type { DeploymentsCsvImported, DeploymentsCsvPreview } from '../../../electron/backend/exchange/camtrapr/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useSaid } from '../../components/use-said.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

/** A stored time as a person reads it: 2024-03-01 14:30 (+01:00). */
const shown = (iso: string | null): string => (iso ? iso.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(.*)$/, '$1 $2 ($4)').replace('(Z)', '(UTC)') : '');

function Rows({ preview }: { preview: DeploymentsCsvPreview }): JSX.Element {
  const { t } = useTranslation();
  const said = useSaid();
  return (
    <div style={{ maxHeight: '45vh', overflow: 'auto' }} tabIndex={0} role="region" aria-label={t('deploymentsCsv.rowsRegion')}>
      <table className="plain" data-testid="deployments-csv-rows">
        <caption>{t('deploymentsCsv.caption', { good: preview.good, bad: preview.bad })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deploymentsCsv.row')}</th>
            <th scope="col">{t('deploymentsCsv.deployment')}</th>
            <th scope="col">{t('deploymentsCsv.station')}</th>
            <th scope="col">{t('deploymentsCsv.start')}</th>
            <th scope="col">{t('deploymentsCsv.end')}</th>
            <th scope="col">{t('deploymentsCsv.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.problems.length > 0 ? 'error' : undefined}>
              <td>{r.row}</td>
              <td>{r.deploymentID}</td>
              <td>
                {r.locationName}
                {r.newLocation ? <span className="muted"> {t('deploymentsCsv.newLocation')}</span> : null}
              </td>
              <td>{shown(r.deploymentStart)}</td>
              <td>{shown(r.deploymentEnd)}</td>
              <td>{r.problems.length > 0 ? <ul>{r.problems.map((p, i) => <li key={i}>{said('', p)}</li>)}</ul> : t('deploymentsCsv.ok')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Deployments from a table: a Camtrap DP deployments.csv, or a plain station table (Station,
 * Latitude, Longitude, Setup, Retrieval) with dates as people write them. Every row is shown
 * with its problems before anything is added; the import adds all rows in one go, or none.
 */
export function DeploymentsCsvPanel({ onChanged }: { onChanged?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [dateOrder, setDateOrder] = useState<'' | 'dmy' | 'mdy'>('');
  const [skip, setSkip] = useState(false);
  const [zone, setZone] = useState<number | undefined>();
  const [hemisphere, setHemisphere] = useState<Hemisphere>('north');
  const [preview, setPreview] = useState<DeploymentsCsvPreview | null>(null);
  const [done, setDone] = useState<DeploymentsCsvImported | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | undefined>();

  // The hemisphere matters only with a zone: picking it first asks for no new preview.
  const zoneHemisphere = zone === undefined ? undefined : hemisphere;
  useEffect(() => {
    if (!file) return;
    let live = true;
    const utm = zone === undefined || zoneHemisphere === undefined ? {} : { utmZone: { zone, hemisphere: zoneHemisphere } };
    void api.call('exchange.previewDeploymentsCsv', { file, ...(dateOrder ? { dateOrder } : {}), ...utm }).then((r) => {
      if (!live) return;
      setPreview(r.ok ? r.value : null);
      setError(r.ok ? undefined : r.error);
    });
    return () => {
      live = false;
    };
  }, [file, dateOrder, zone, zoneHemisphere]);

  const orderMissing = preview?.dateOrderNeeded === true && dateOrder === '';
  const ready = !busy && preview !== null && preview.good > 0 && !orderMissing && !preview.utmZoneNeeded && (preview.bad === 0 || skip);
  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    const r = await api.call('exchange.importDeploymentsCsv', { file, ...(dateOrder ? { dateOrder } : {}), ...(zone === undefined ? {} : { utmZone: { zone, hemisphere } }), skipProblemRows: skip });
    setBusy(false);
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      // What was shown is in the library now; another look would offer the same rows under new IDs.
      setFile('');
      setPreview(null);
      onChanged?.();
    }
  };
  const choose = (next: string): void => {
    setFile(next);
    setDateOrder('');
    setZone(undefined);
    setSkip(false);
    setPreview(null);
    setDone(null);
  };

  return (
    <section aria-labelledby="deployments-csv-title" data-testid="deployments-csv-panel">
      <h2 id="deployments-csv-title">{t('deploymentsCsv.heading')}</h2>
      <p className="muted">{t('deploymentsCsv.intro')}</p>
      <form onSubmit={(e) => void start(e)} onKeyDown={enterSubmits} aria-label={t('deploymentsCsv.heading')}>
        <Field label={t('deploymentsCsv.file')}>
          <FolderInput value={file} onChange={choose} testId="deployments-csv-file" pick={{ extensions: ['.csv', '.txt', '.tsv'] }} />
        </Field>
        {preview ? (
          <>
            <p data-testid="deployments-csv-format">
              {t(preview.format === 'camtrap-dp' ? 'deploymentsCsv.formatCamtrapDp' : 'deploymentsCsv.formatStations')}
              {preview.ignoredColumns.length > 0 ? ` ${t('deploymentsCsv.ignored', { columns: preview.ignoredColumns.join(', ') })}` : ''}
              {preview.problemColumns > 0 ? ` ${t('deploymentsCsv.problemColumns', { count: preview.problemColumns })}` : ''}
            </p>
            {preview.coordinates === 'utm' ? <UtmZoneChooser zone={zone} hemisphere={hemisphere} onZone={setZone} onHemisphere={setHemisphere} /> : null}
            {preview.dateOrderNeeded || dateOrder !== '' ? (
              <Field label={t('deploymentsCsv.dateOrder')} hint={t('deploymentsCsv.dateOrderHint')}>
                <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value === 'mdy' ? 'mdy' : e.target.value === 'dmy' ? 'dmy' : '')} data-testid="deployments-csv-order">
                  <option value="">{t('deploymentsCsv.chooseOrder')}</option>
                  <option value="dmy">{t('deploymentsCsv.dayFirst')}</option>
                  <option value="mdy">{t('deploymentsCsv.monthFirst')}</option>
                </select>
              </Field>
            ) : null}
            <Rows preview={preview} />
            {preview.bad > 0 ? (
              <label className="check">
                <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} data-testid="deployments-csv-skip" /> {t('deploymentsCsv.skip', { count: preview.bad })}
              </label>
            ) : null}
          </>
        ) : null}
        <button type="submit" className="primary" disabled={!ready} data-testid="deployments-csv-start">
          {t('deploymentsCsv.start', { count: preview ? preview.good : 0, locations: preview?.newLocations ?? 0 })}
        </button>
      </form>
      {done ? (
        <p role="status" data-testid="deployments-csv-imported">
          {t('deploymentsCsv.imported', { count: done.added, locations: done.locationsAdded, skipped: done.skipped })}
          {done.problemsAdded > 0 ? ` ${t('deploymentsCsv.problemsAdded', { count: done.problemsAdded })}` : ''}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

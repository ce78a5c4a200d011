import { type FormEvent, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageImportCounts, PackageImportReport } from '../../../electron/backend/exchange/camtrap-dp/import/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { formatBytes } from '../../components/locale-format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useTasks } from '../../components/RunningTasks.tsx';
import { useSaid } from '../../components/use-said.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

const tableRows: (keyof PackageImportCounts)[] = ['locations', 'deployments', 'media', 'remoteMedia', 'observations', 'detectionRuns', 'detections', 'eventObservations', 'keptObservations', 'species'];

/** What an import did, table by table, or why nothing was imported. */
function ImportReport({ report }: { report: PackageImportReport }): JSX.Element {
  const { t, i18n } = useTranslation();
  const said = useSaid();
  const name = report.packageTitle ?? report.packageName ?? report.source;
  if (report.outcome === 'cancelled') return <p role="status">{t('packageImport.cancelled')}</p>;
  if (report.outcome === 'refused') {
    return (
      <div role="alert" className="error" data-testid="package-import-refused">
        <p>{t('packageImport.refused', { name })}</p>
        <ul data-testid="package-import-problems">
          {report.problems.map((p, i) => (
            <li key={i}>{said('', p)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="status" className="package-import-report" data-testid="package-import-report">
      <p>{t('packageImport.imported', { name, version: report.profileVersion ?? '' })}</p>
      <table className="plain">
        <caption>{t('packageImport.addedCaption')}</caption>
        <tbody>
          {tableRows.map((row) => (
            <tr key={row}>
              <th scope="row">{t(`packageImport.added.${row}`)}</th>
              <td data-testid={`package-import-added-${row}`}>{report.added[row]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="package-import-files">
        {t('packageImport.files', { copied: report.files.copied, size: formatBytes(report.files.bytes, i18n.language), remote: report.files.remote, missing: report.files.missing })}
      </p>
      <p className="muted">{t('packageImport.events')}</p>
      {report.missingFiles.length > 0 ? (
        <>
          <p>{t('packageImport.missingHeading')}</p>
          <ul data-testid="package-import-missing">
            {report.missingFiles.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <p>{t('packageImport.warningsHeading')}</p>
          <ul data-testid="package-import-warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{said('', w)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * Imports a Camtrap DP package made by another tool (a folder or a .zip): everything in it, or
 * nothing when it has problems, which are listed. Files the package names but does not hold are
 * looked for in a media folder the user may point to.
 */
export function PackageImportPanel({ onChanged }: { onChanged?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'folder' | 'archive'>('folder');
  const [source, setSource] = useState('');
  const [mediaFolder, setMediaFolder] = useState('');
  const [allowMissing, setAllowMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PackageImportReport | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const running = useTasks().find((task) => task.kind === 'package-import' && task.state === 'running');
  const ready = !busy && source !== '';

  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setReport(null);
    setError(undefined);
    const r = await api.call('exchange.importCamtrapDp', { source, ...(mediaFolder ? { mediaFolder } : {}), allowMissing });
    setBusy(false);
    if (r.ok) {
      setReport(r.value);
      if (r.value.outcome === 'imported') onChanged?.();
    } else setError(r.error);
  };
  const choose = (next: 'folder' | 'archive'): void => {
    setKind(next);
    setSource('');
  };

  return (
    <section className="package-import-panel" aria-labelledby="package-import-title" data-testid="package-import-panel">
      <h2 id="package-import-title">{t('packageImport.heading')}</h2>
      <p className="muted">{t('packageImport.intro')}</p>
      <form onSubmit={(e) => void start(e)} onKeyDown={enterSubmits} aria-label={t('packageImport.heading')}>
        <fieldset className="row">
          <legend>{t('packageImport.kind')}</legend>
          <label className="check">
            <input type="radio" name="package-kind" checked={kind === 'folder'} onChange={() => choose('folder')} data-testid="package-kind-folder" /> {t('packageImport.kindFolder')}
          </label>
          <label className="check">
            <input type="radio" name="package-kind" checked={kind === 'archive'} onChange={() => choose('archive')} data-testid="package-kind-zip" /> {t('packageImport.kindZip')}
          </label>
        </fieldset>
        <Field label={t('packageImport.source')}>
          <FolderInput key={kind} value={source} onChange={setSource} testId="package-source" pick={kind === 'archive' ? { extensions: ['.zip'] } : undefined} />
        </Field>
        <Field label={t('packageImport.mediaFolder')} hint={t('packageImport.mediaFolderHint')}>
          <FolderInput value={mediaFolder} onChange={setMediaFolder} testId="package-media-folder" />
        </Field>
        {mediaFolder ? (
          <button type="button" className="link" onClick={() => setMediaFolder('')} data-testid="package-media-folder-clear">
            {t('packageImport.clearMediaFolder')}
          </button>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={allowMissing} onChange={(e) => setAllowMissing(e.target.checked)} data-testid="package-allow-missing" /> {t('packageImport.allowMissing')}
        </label>
        <div className="row">
          <button type="submit" className="primary" disabled={!ready} data-testid="package-import-start">
            {t('packageImport.start')}
          </button>
          {running ? (
            <button type="button" onClick={() => void api.call('tasks.cancel', { id: running.id })} data-testid="package-import-cancel">
              {t('packageImport.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      {busy ? (
        <div role="status" aria-live="polite" data-testid="package-import-progress">
          <p>{running && running.total ? t('packageImport.progress', { done: running.done, total: running.total }) : t('packageImport.checking')}</p>
          {running && running.total ? <ProgressBar value={running.done} max={running.total} label={t('packageImport.heading')} /> : null}
        </div>
      ) : null}
      {report ? <ImportReport report={report} /> : null}
      <ErrorMessage error={error} />
    </section>
  );
}

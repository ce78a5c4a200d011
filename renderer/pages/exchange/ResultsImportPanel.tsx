import { type FormEvent, type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultsImported, ResultsPreview } from '../../../electron/backend/exchange/results/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useSaid } from '../../components/use-said.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

/** The unmatched files shown; the count says how many there are. */
const shownUnmatched = 50;

function Summary({ preview }: { preview: ResultsPreview }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div data-testid="results-summary">
      <p>
        {preview.format === 'speciesnet'
          ? t('resultsImport.speciesnet', { version: preview.modelVersion })
          : t('resultsImport.megadetector', { version: preview.formatVersion ?? '1.0', detector: preview.modelName, threshold: preview.threshold })}
        {preview.classifier ? ` ${t('resultsImport.classifier', { name: preview.classifier })}` : ''}
      </p>
      <p>{t('resultsImport.counts', { entries: preview.entries, failures: preview.failures, boxes: preview.boxes, labels: preview.labels, videos: preview.videos })}</p>
      {preview.skippedBoxes > 0 ? <p className="muted">{t('resultsImport.skippedBoxes', { count: preview.skippedBoxes })}</p> : null}
    </div>
  );
}

function Unmatched({ files, total }: { files: ResultsPreview['unmatchedFiles']; total: number }): JSX.Element | null {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <details data-testid="results-unmatched">
      <summary>{t('resultsImport.unmatched', { count: total })}</summary>
      <ul>
        {files.slice(0, shownUnmatched).map((f) => (
          <li key={f.file}>
            {f.file} <span className="muted">({t(f.reason === 'outside-root' ? 'resultsImport.outsideRoot' : 'resultsImport.notInLibrary')})</span>
          </li>
        ))}
      </ul>
      {total > shownUnmatched ? <p className="muted">{t('resultsImport.moreUnmatched', { count: total - shownUnmatched })}</p> : null}
    </details>
  );
}

/**
 * Reads a MegaDetector batch output or a SpeciesNet predictions.json made on another machine,
 * shows what it holds and which pictures of the library its paths lead to (the start of the
 * paths to take away is the user's to confirm), and imports it as a detection job.
 */
export function ResultsImportPanel({ onChanged }: { onChanged?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const said = useSaid();
  const [file, setFile] = useState('');
  const [mapping, setMapping] = useState<{ root?: string; folder?: string }>({});
  const [preview, setPreview] = useState<ResultsPreview | null>(null);
  const [done, setDone] = useState<ResultsImported | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | undefined>();

  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy(true);
    void api.call('exchange.previewResults', { file, ...mapping }).then((r) => {
      if (!live) return;
      setBusy(false);
      setPreview(r.ok ? r.value : null);
      setError(r.ok ? undefined : r.error);
    });
    return () => {
      live = false;
    };
  }, [file, mapping]);

  const ready = !busy && preview !== null && preview.problemCount === 0 && preview.matched > 0;
  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!ready || !preview) return;
    setBusy(true);
    const r = await api.call('exchange.importResults', { file, root: preview.root, folder: preview.folder });
    setBusy(false);
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      // The file is in the library now: importing it again would make a second job of the same results.
      setFile('');
      setPreview(null);
      onChanged?.();
    }
  };
  const choose = (next: string): void => {
    setFile(next);
    setMapping({});
    setPreview(null);
    setDone(null);
  };

  return (
    <section aria-labelledby="results-import-title" data-testid="results-import-panel">
      <h2 id="results-import-title">{t('resultsImport.heading')}</h2>
      <p className="muted">{t('resultsImport.intro')}</p>
      <form onSubmit={(e) => void start(e)} onKeyDown={enterSubmits} aria-label={t('resultsImport.heading')}>
        <Field label={t('resultsImport.file')}>
          <FolderInput value={file} onChange={choose} testId="results-file" pick={{ extensions: ['.json'] }} />
        </Field>
        {preview ? (
          <>
            <Summary preview={preview} />
            <div className="row wrap">
              <Field label={t('resultsImport.root')} hint={t('resultsImport.rootHint')}>
                <select value={preview.root} onChange={(e) => setMapping({ root: e.target.value, folder: preview.folder })} data-testid="results-root">
                  {preview.roots.map((r) => (
                    <option key={r} value={r}>
                      {r === '' ? t('resultsImport.noRoot') : r}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('resultsImport.folder')}>
                <select value={preview.folder} onChange={(e) => setMapping({ root: preview.root, folder: e.target.value })} data-testid="results-folder">
                  {preview.folders.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <p role="status" data-testid="results-matched">
              {t('resultsImport.matched', { matched: preview.matched, entries: preview.entries })}
            </p>
            <Unmatched files={preview.unmatchedFiles} total={preview.unmatched} />
            {preview.problemCount > 0 ? (
              <div role="alert" className="error" data-testid="results-problems">
                <p>{t('resultsImport.problems', { count: preview.problemCount })}</p>
                <ul>
                  {preview.problems.map((p, i) => (
                    <li key={i}>{said('', p)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
        <button type="submit" className="primary" disabled={!ready} data-testid="results-import-start">
          {t('resultsImport.start', { count: preview?.matched ?? 0 })}
        </button>
      </form>
      {done ? (
        <p role="status" data-testid="results-imported">
          {t('resultsImport.imported', { runId: done.runId, matched: done.matched, boxes: done.boxes, labels: done.labels })}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

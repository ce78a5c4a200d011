import { type JSX, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportProgressView } from './ImportProgressView.tsx';
import { choicesFor, notReady, type FolderChoice } from './sorted-choices.ts';
import { SortedSpeciesTable } from './SortedSpeciesTable.tsx';
import { LeftWhereTheyAre, SortedStationsTable } from './SortedStationsTable.tsx';
import { SortedSummaryView } from './SortedSummaryView.tsx';
import './sorted-folders.css';
import type { ImportProgress, SortedImported, SortedPreview } from '../../../electron/backend/ingest/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

type Layout = SortedPreview['layout'];
const layouts: Layout[] = ['station-species', 'station-camera-species'];

export type SortedStage = 'preview' | 'running' | 'finished';

/**
 * A card or folder sorted by hand into Station/Species folders: what the import would do, the
 * folder names a person must say once, then the import station folder by station folder and what
 * it did.
 */
export function SortedFoldersPanel({ source, onStage, onShowImages }: { source: string; onStage: (stage: SortedStage) => void; onShowImages: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const reasonId = useId();
  // Unset until the person changes it: the backend guesses the layout from the folder names.
  const [layout, setLayout] = useState<Layout | undefined>(undefined);
  const request = `${source}\n${layout ?? ''}`;
  const [shown, setShown] = useState<{ request: string; preview: SortedPreview } | null>(null);
  const [choices, setChoices] = useState<Record<string, FolderChoice>>({});
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [stationsDone, setStationsDone] = useState(0);
  const [result, setResult] = useState<SortedImported | null>(null);
  const [error, setError] = useState<RpcError | undefined>();

  useEffect(() => {
    let live = true;
    void api.call('ingest.previewSorted', { source, layout }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setShown({ request, preview: r.value });
        setError(undefined);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [source, layout, request]);

  useEffect(() => {
    if (!running) return;
    const offProgress = api.on('ingest.progress', setProgress);
    const offFinished = api.on('ingest.finished', () => setStationsDone((n) => n + 1));
    return () => {
      offProgress();
      offFinished();
    };
  }, [running]);

  const preview = shown?.preview;
  if (!preview) return error ? <ErrorMessage error={error} /> : <p role="status">{t('import.sorted.looking')}</p>;
  const looking = shown.request !== request;
  const ready = preview.groups.filter((g) => g.deploymentID !== null);
  const why = notReady(preview, choices);

  const start = async () => {
    setRunning(true);
    onStage('running');
    setProgress(null);
    setStationsDone(0);
    setError(undefined);
    const r = await api.call('ingest.importSorted', { source, layout: preview.layout, folders: choicesFor(preview, choices), language: i18n.language });
    setRunning(false);
    if (!r.ok) {
      onStage('preview');
      return setError(r.error);
    }
    onStage('finished');
    setResult(r.value);
  };

  if (result) return <SortedSummaryView result={result} preview={preview} onShowImages={onShowImages} />;
  if (running) {
    const current = ready[Math.min(stationsDone, ready.length - 1)];
    return (
      <>
        <p role="status" data-testid="sorted-station-running">
          {t('import.sorted.stationOf', { n: Math.min(stationsDone + 1, ready.length), total: ready.length, folder: current?.folder ?? '' })}
        </p>
        <ImportProgressView progress={progress} onCancel={() => (progress ? void api.call('ingest.cancel', { importId: progress.importId }) : undefined)} />
      </>
    );
  }
  return (
    <section className="card sorted-panel" data-testid="sorted-preview" aria-busy={looking}>
      <h3>{t('import.sorted.found')}</h3>
      <div className="row wrap sorted-head">
        <p>{t('import.sorted.counts', { count: preview.files, stations: preview.groups.length, folders: preview.folders.length })}</p>
        <Field label={t('import.sorted.layout')}>
          <select value={preview.layout} onChange={(e) => setLayout(e.target.value as Layout)} data-testid="sorted-layout">
            {layouts.map((l) => (
              <option key={l} value={l}>
                {t(`import.sorted.layouts.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        {looking ? (
          <p role="status" className="muted">
            {t('import.sorted.looking')}
          </p>
        ) : null}
      </div>
      <SortedStationsTable preview={preview} />
      <LeftWhereTheyAre preview={preview} />
      <SortedSpeciesTable preview={preview} choices={choices} onChoose={(name, c) => setChoices({ ...choices, [name]: c })} />
      <ErrorMessage error={error} />
      <p className="muted">{t('import.sorted.howItWorks')}</p>
      <div className="row sorted-go">
        <button
          className="primary"
          disabled={why !== null || looking}
          onClick={() => void start()}
          aria-describedby={why ? reasonId : undefined}
          data-testid="sorted-start"
        >
          {t('import.sorted.start', { count: ready.reduce((n, g) => n + g.files, 0) })}
        </button>
        {why ? (
          <p id={reasonId} className="sorted-why" data-testid="sorted-why">
            {why.kind === 'unmapped' ? t('import.sorted.why.unmapped', { count: why.names.length, names: why.names.join(', ') }) : t(`import.sorted.why.${why.kind}`)}
          </p>
        ) : null}
      </div>
    </section>
  );
}

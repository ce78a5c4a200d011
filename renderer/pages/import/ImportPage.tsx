import { type JSX, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CardsFound } from './CardsFound.tsx';
import { ImportProgressView } from './ImportProgressView.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { SortedFoldersPanel, type SortedStage } from './SortedFoldersPanel.tsx';
import { SourceKindChoice, type SourceKind } from './SourceKindChoice.tsx';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../../electron/backend/ingest/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useCall } from '../../components/use-call.ts';

type Stage =
  | { kind: 'choose' }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'running'; importId: number }
  | { kind: 'finished'; summary: ImportSummary }
  // A card sorted by hand into species folders: its own panel does the rest; look counts each look, to look again afresh.
  | { kind: 'sorted'; source: string; look: number };

export function ImportPage({ onShowImages, onDetect }: { onShowImages: () => void; onDetect: () => void }): JSX.Element {
  const { t } = useTranslation();
  const deployments = useCall('deployment.list', {});
  const [source, setSource] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [deploymentID, setDeploymentID] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const [kind, setKind] = useState<SourceKind>('camera');
  const [sortedStage, setSortedStage] = useState<SortedStage>('preview');

  useEffect(() => {
    const offProgress = api.on('ingest.progress', setProgress);
    // A sorted card's imports finish too, one per station folder: its panel follows those.
    const offFinished = api.on('ingest.finished', (summary) => setStage((s) => (s.kind === 'running' ? { kind: 'finished', summary } : s)));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const look = async (path: string) => {
    setSource(path);
    setError(undefined);
    if (kind === 'sorted') {
      setSortedStage('preview');
      return setStage((s) => ({ kind: 'sorted', source: path, look: s.kind === 'sorted' ? s.look + 1 : 0 }));
    }
    const r = await api.call('ingest.preview', { source: path });
    if (!r.ok) return setError(r.error);
    setDeploymentID(r.value.suggestion?.deploymentID ?? '');
    setStage({ kind: 'preview', preview: r.value });
  };
  const start = async () => {
    setProgress(null);
    const r = await api.call('ingest.start', { source, deploymentID });
    if (!r.ok) return setError(r.error);
    setStage({ kind: 'running', importId: r.value.importId });
  };
  const chooseKind = (k: SourceKind) => {
    setKind(k);
    setStage({ kind: 'choose' });
    setError(undefined);
  };
  const choosing = stage.kind === 'choose' || stage.kind === 'preview' || (stage.kind === 'sorted' && sortedStage === 'preview');
  const busy = stage.kind === 'running' || (stage.kind === 'sorted' && sortedStage === 'running');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void look(source);
  };

  return (
    <div className="pad import-page">
      <h2>{t('import.heading')}</h2>
      {choosing ? <SourceKindChoice value={kind} onChange={chooseKind} /> : null}
      {!busy ? <CardsFound onChoose={(p) => void look(p)} /> : null}
      {choosing ? (
        <form className="row" onSubmit={submit}>
          <Field label={t('import.sourceLabel')}>
            <FolderInput value={source} onChange={setSource} testId="import-source" />
          </Field>
          <button type="submit" disabled={!source.trim()} data-testid="import-preview">
            {t('import.preview')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={error} />
      {stage.kind === 'preview' ? (
        <PreviewPanel preview={stage.preview} deployments={deployments.data ?? []} deploymentID={deploymentID} onDeployment={setDeploymentID} onStart={() => void start()} />
      ) : null}
      {stage.kind === 'sorted' ? <SortedFoldersPanel key={`${stage.source}#${stage.look}`} source={stage.source} onStage={setSortedStage} onShowImages={onShowImages} /> : null}
      {stage.kind === 'running' ? <ImportProgressView progress={progress} onCancel={() => void api.call('ingest.cancel', { importId: stage.importId })} /> : null}
      {stage.kind === 'finished' ? <ImportSummaryView summary={stage.summary} onShowImages={onShowImages} onDetect={onDetect} /> : null}
    </div>
  );
}

import { type JSX, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CardsFound } from './CardsFound.tsx';
import { ImportProgressView } from './ImportProgressView.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import type { ImportPreview, ImportProgress, ImportSummary } from '../../../electron/backend/ingest/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useCall } from '../../components/use-call.ts';

type Stage = { kind: 'choose' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'running'; importId: number } | { kind: 'finished'; summary: ImportSummary };

export function ImportPage({ onShowImages, onDetect }: { onShowImages: () => void; onDetect: () => void }): JSX.Element {
  const { t } = useTranslation();
  const deployments = useCall('deployment.list', {});
  const [source, setSource] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [deploymentID, setDeploymentID] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<RpcError | undefined>();

  useEffect(() => {
    const offProgress = api.on('ingest.progress', setProgress);
    const offFinished = api.on('ingest.finished', (summary) => setStage({ kind: 'finished', summary }));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const look = async (path: string) => {
    setSource(path);
    setError(undefined);
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void look(source);
  };

  return (
    <div className="pad import-page">
      <h2>{t('import.heading')}</h2>
      {stage.kind !== 'running' ? <CardsFound onChoose={(p) => void look(p)} /> : null}
      {stage.kind === 'choose' || stage.kind === 'preview' ? (
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
      {stage.kind === 'running' ? <ImportProgressView progress={progress} onCancel={() => void api.call('ingest.cancel', { importId: stage.importId })} /> : null}
      {stage.kind === 'finished' ? <ImportSummaryView summary={stage.summary} onShowImages={onShowImages} onDetect={onDetect} /> : null}
    </div>
  );
}

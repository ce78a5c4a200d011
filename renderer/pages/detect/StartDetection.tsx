import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SpeciesModelSelect } from './SpeciesModelSelect.tsx';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { useCall } from '../../components/use-call.ts';

export function StartDetection({ onStarted }: { onStarted: () => void }): JSX.Element {
  const { t } = useTranslation();
  const models = useCall('models.list', {});
  const classifiers = useCall('models.classifiers', {});
  const sampling = useCall('detect.videoSampling', {});
  const [classifierID, setClassifierID] = useState('');
  const deployments = useCall('deployment.list', {});
  const imports = useCall('ingest.list', {});
  const [importId, setImportId] = useState('');
  const [runner, setRunner] = useState<'auto' | 'container' | 'cpu'>('auto');
  const [modelID, setModelID] = useState('');
  const [deploymentID, setDeploymentID] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const usable = models.data?.filter((m) => m.available) ?? [];
  const broken = models.data?.filter((m) => !m.available) ?? [];

  const start = async () => {
    const r = await api.call('detect.start', {
      modelID: modelID || undefined,
      runner,
      classifierID: classifierID || undefined,
      scope: { deploymentID: deploymentID || undefined, importId: importId ? Number(importId) : undefined, from: from.trim() || undefined, to: to.trim() || undefined, onlyUnprocessed: true },
    });
    setError(r.ok ? undefined : r.error);
    if (r.ok) onStarted();
  };

  return (
    <section className="card" data-testid="detect-start">
      <p className="muted">{t('detect.intro')}</p>
      {models.data && usable.length === 0 ? <p className="error">{t('detect.noModel')}</p> : null}
      {usable.some((m) => m.development && (m.id === modelID || (!modelID && m === usable[0]))) ? (
        <p className="banner warning" role="note" data-testid="development-model">
          {t('detect.developmentModel')}
        </p>
      ) : null}
      {broken.map((m) => (
        <p key={m.id} className="muted" title={m.problem ?? undefined}>
          {t('detect.modelMissing', { name: m.name })}
        </p>
      ))}
      <div className="row wrap">
        <Field label={t('detect.model')}>
          <select value={modelID} onChange={(e) => setModelID(e.target.value)} data-testid="detect-model">
            {usable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.licence})
              </option>
            ))}
          </select>
        </Field>
        <SpeciesModelSelect classifiers={classifiers.data?.filter((c) => c.available) ?? []} value={classifierID} onChange={setClassifierID} testId="detect-species-model" />
        <Field label={t('detect.scope')}>
          <select value={deploymentID} onChange={(e) => setDeploymentID(e.target.value)} data-testid="detect-scope">
            <option value="">{t('detect.scopeAll')}</option>
            {deployments.data?.map((d) => (
              <option key={d.deploymentID} value={d.deploymentID}>
                {t('detect.scopeDeployment', { id: d.deploymentID })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('detect.import')}>
          <select value={importId} onChange={(e) => setImportId(e.target.value)} data-testid="detect-import">
            <option value="">{t('detect.anyImport')}</option>
            {imports.data?.map((i) => (
              <option key={i.importId} value={i.importId}>
                {t('detect.importOption', { id: i.importId, deployment: i.deploymentID, count: i.imported })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('detect.from')}>
          <input value={from} onChange={(e) => setFrom(e.target.value)} type="date" />
        </Field>
        <Field label={t('detect.to')}>
          <input value={to} onChange={(e) => setTo(e.target.value)} type="date" />
        </Field>
        <Field label={t('detect.videoSampling')}>
          <select
            value={sampling.data?.framesPerSecond ?? 1}
            onChange={(e) => void api.call('detect.setVideoSampling', { framesPerSecond: Number(e.target.value) }).then(() => sampling.reload())}
            data-testid="detect-video-sampling"
          >
            {[0.5, 1, 2, 4].map((fps) => (
              <option key={fps} value={fps}>
                {fps < 1 ? t('detect.videoEverySeconds', { count: 1 / fps }) : t('detect.videoPerSecond', { count: fps })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('detect.runner')}>
          <select value={runner} onChange={(e) => setRunner(e.target.value as typeof runner)} data-testid="detect-runner">
            <option value="auto">{t('detect.runnerAuto')}</option>
            <option value="container">{t('detect.runnerContainer')}</option>
            <option value="cpu">{t('detect.runnerCpu')}</option>
          </select>
        </Field>
        <button className="primary" disabled={usable.length === 0} onClick={() => void start()} data-testid="detect-go">
          {t('detect.start')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}

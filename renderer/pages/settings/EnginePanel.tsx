import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModelsPanel } from './ModelsPanel.tsx';
import type { EngineStatus, LoadProgress } from '../../../electron/backend/engine/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { formatBytes } from '../../components/locale-format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useCall } from '../../components/use-call.ts';

type Plan = 'gpu' | 'gpuNoImage' | 'cpuNoGpu' | 'cpuNotInstalled' | 'cpuNotRunning' | 'cpuNoPermission';

/**
 * What automatic detection will run on, and why, in one sentence a volunteer understands: the
 * same choice the jobs make (the GPU container when it can run, else the built-in detector).
 */
function planOf(s: EngineStatus): Plan {
  if (s.state === 'running-gpu') return s.image.loaded || s.image.tarball ? 'gpu' : 'gpuNoImage';
  if (s.state === 'running-no-gpu') return 'cpuNoGpu';
  return s.state === 'not-installed' ? 'cpuNotInstalled' : s.state === 'not-running' ? 'cpuNotRunning' : 'cpuNoPermission';
}

/** Diagnostics of the container engine, loading the worker image from the app's files or a USB stick, and the detection models. */
export function EnginePanel(): JSX.Element {
  const { t, i18n } = useTranslation();
  const status = useCall('engine.status', {});
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [tarball, setTarball] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const [loading, setLoading] = useState(false);
  useEffect(() => api.on('engine.loadProgress', setProgress), []);
  const load = async () => {
    setLoading(true);
    setError(undefined);
    const r = await api.call('engine.loadImage', { tarball: tarball.trim() || undefined });
    setLoading(false);
    if (!r.ok) setError(r.error);
    status.reload();
  };
  const s = status.data;
  return (
    <>
      <section className="card" data-testid="engine-panel">
        <h3>{t('engine.heading')}</h3>
        <ErrorMessage error={status.error} />
        {s ? (
          <>
            <p className="lead" data-testid="engine-plan">
              {t(`engine.plan.${planOf(s)}`)}
            </p>
            <details>
              <summary>{t('engine.details')}</summary>
              <p data-testid="engine-state">
                <strong>{t(`engine.state.${s.state}`)}</strong> — {t(`errors:engine-${s.state}`, { defaultValue: s.advice })}
              </p>
              {s.state.startsWith('running') ? <p>{t('engine.containerOnCpu')}</p> : null}
              <dl className="facts">
                <dt>{t('engine.engine')}</dt>
                <dd>{s.engine ? `${s.engine} ${s.version ?? ''}` : '—'}</dd>
                <dt>{t('engine.runtimes')}</dt>
                <dd>{s.runtimes.join(', ') || '—'}</dd>
                <dt>{t('engine.gpus')}</dt>
                <dd>{s.gpus}</dd>
                <dt>{t('engine.image')}</dt>
                <dd data-testid="engine-image">
                  {s.image.tarball || s.image.loaded ? `${s.image.tag} · ${s.image.loaded ? t('engine.loaded') : t('engine.notLoaded')}` : t('engine.noImageFile')}
                  {s.image.bytes ? ` · ${formatBytes(s.image.bytes, i18n.language)}` : ''}
                </dd>
              </dl>
            </details>
            {s.state.startsWith('running') && !s.image.loaded ? (
              <div className="row">
                <FolderInput value={tarball} onChange={setTarball} testId="engine-tarball" pick={{ extensions: ['.tar.gz', '.tar', '.tar.xz'] }} />
                <button className="primary" disabled={loading || (!tarball && !s.image.tarball)} onClick={() => void load()} data-testid="engine-load">
                  {t('engine.load')}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
        {loading && progress ? (
          <div>
            <ProgressBar value={progress.bytesDone} max={progress.bytesTotal} label={t('engine.load')} />
            <p>
              {t(`engine.phase.${progress.phase}`)} · {formatBytes(progress.bytesDone, i18n.language)} / {formatBytes(progress.bytesTotal, i18n.language)}
            </p>
          </div>
        ) : null}
        <ErrorMessage error={error} />
      </section>
      <ModelsPanel />
    </>
  );
}

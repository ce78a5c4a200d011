import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../electron/backend/ingest/contract.ts';
import { formatBytes } from '../../components/locale-format.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';

export function ImportProgressView({ progress, onCancel }: { progress: ImportProgress | null; onCancel: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const p = progress;
  return (
    <section className="card" data-testid="import-progress" aria-live="polite">
      <ProgressBar value={p?.bytesDone ?? 0} max={p?.bytesTotal ?? 1} label={t('import.heading')} />
      {p ? (
        <p>
          {t('import.progress', { done: p.filesDone, total: p.filesTotal, bytesDone: formatBytes(p.bytesDone, i18n.language), bytesTotal: formatBytes(p.bytesTotal, i18n.language), rate: formatBytes(p.bytesPerSecond, i18n.language) })}
          {p.secondsLeft !== null ? ` · ${t('import.timeLeft', { seconds: p.secondsLeft })}` : null}
        </p>
      ) : null}
      <button onClick={onCancel} data-testid="import-cancel">
        {t('import.cancel')}
      </button>
    </section>
  );
}

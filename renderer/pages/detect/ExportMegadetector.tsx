import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** Writes a run as MegaDetector batch JSON to a path on this computer (the backend writes it). */
export function ExportMegadetector({ runId }: { runId: number }): JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState('');
  const [done, setDone] = useState<{ file: string; images: number } | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const save = async () => {
    const r = await api.call('detect.exportMegadetector', { runId, file });
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
  };
  return (
    <div className="row">
      <input value={file} onChange={(e) => setFile(e.target.value)} placeholder="/home/you/megadetector.json" aria-label={t('detect.exportPath')} size={40} />
      <button disabled={!file.trim()} onClick={() => void save()}>
        {t('detect.exportMd')}
      </button>
      {done ? <span role="status">{t('detect.exported', { images: done.images, file: done.file })}</span> : null}
      <ErrorMessage error={error} />
    </div>
  );
}

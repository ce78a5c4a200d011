import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { joinPath } from '../../components/join-path.ts';

/** Writes a run as MegaDetector batch JSON into a folder the user chooses (the backend writes it). */
export function ExportMegadetector({ runId }: { runId: number }): JSX.Element {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [done, setDone] = useState<{ file: string; images: number } | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const save = async () => {
    const r = await api.call('detect.exportMegadetector', { runId, file: joinPath(folder, `megadetector-run-${runId}.json`) });
    setDone(r.ok ? r.value : null);
    setError(r.ok ? undefined : r.error);
  };
  return (
    <div className="row">
      <Field label={t('detect.exportPath')}>
        <FolderInput value={folder} onChange={setFolder} testId={`export-md-folder-${runId}`} />
      </Field>
      <button disabled={!folder} onClick={() => void save()}>
        {t('detect.exportMd')}
      </button>
      {done ? <span role="status">{t('detect.exported', { images: done.images, file: done.file })}</span> : null}
      <ErrorMessage error={error} />
    </div>
  );
}

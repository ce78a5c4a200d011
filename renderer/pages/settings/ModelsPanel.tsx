import { type FormEvent, type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassifierList } from './ClassifierList.tsx';
import type { InstalledModel } from '../../../electron/backend/detect/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { takeAddModelRequest } from '../../components/DevModelBanner.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { useCall } from '../../components/use-call.ts';

const archiveEndings = ['.zip', '.tar', '.tar.gz', '.tgz'];

/** The installed detectors and species classifiers, and adding one from a package folder or archive (a USB stick's): no internet needed. */
export function ModelsPanel(): JSX.Element {
  const { t } = useTranslation();
  const models = useCall('models.list', {});
  const [kind, setKind] = useState<'folder' | 'archive'>('folder');
  const [source, setSource] = useState('');
  const [installing, setInstalling] = useState(false);
  const [added, setAdded] = useState<InstalledModel | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!takeAddModelRequest()) return;
    form.current?.scrollIntoView({ block: 'center' });
    form.current?.querySelector('input')?.focus();
  }, []);
  const install = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!source || installing) return;
    setInstalling(true);
    setAdded(null);
    setError(undefined);
    const r = await api.call('models.install', { package: source });
    setInstalling(false);
    if (r.ok) {
      setAdded(r.value);
      setSource('');
    } else setError(r.error);
    models.reload();
  };
  const choose = (next: 'folder' | 'archive'): void => {
    setKind(next);
    setSource('');
  };
  return (
    <section className="card" data-testid="models-panel">
      <h3>{t('models.heading')}</h3>
      <ErrorMessage error={models.error} />
      {models.data?.length === 0 ? <p className="muted">{t('models.none')}</p> : null}
      <ul className="plain" data-testid="models-installed">
        {models.data?.map((m) => (
          <li key={m.id}>
            {t('models.model', { name: m.name, version: m.version })}
            {m.development ? <span className="muted"> — {t('models.development')}</span> : null}
            {m.problem ? <span className="muted"> — {m.problem}</span> : null}
          </li>
        ))}
      </ul>
      <ClassifierList />
      <form ref={form} onSubmit={(e) => void install(e)} aria-labelledby="add-model-heading">
        <h4 id="add-model-heading">{t('models.addHeading')}</h4>
        <p className="muted">{t('models.addHelp')}</p>
        <fieldset className="row">
          <legend>{t('models.kind')}</legend>
          <label>
            <input type="radio" name="model-kind" checked={kind === 'folder'} onChange={() => choose('folder')} data-testid="model-kind-folder" /> {t('models.kindFolder')}
          </label>
          <label>
            <input type="radio" name="model-kind" checked={kind === 'archive'} onChange={() => choose('archive')} data-testid="model-kind-archive" /> {t('models.kindArchive')}
          </label>
        </fieldset>
        <div className="row">
          <FolderInput key={kind} value={source} onChange={setSource} testId="model-source" pick={kind === 'archive' ? { extensions: archiveEndings } : undefined} />
          <button type="submit" className="primary" disabled={!source || installing} data-testid="model-add">
            {t('models.add')}
          </button>
        </div>
      </form>
      {installing ? <p role="status">{t('models.checking')}</p> : null}
      {added ? (
        <p role="status" data-testid="model-added">
          {added.replacedVersion
            ? t(added.kind === 'classifier' ? 'models.classifierReplaced' : 'models.replaced', { name: added.model.name, version: added.model.version, old: added.replacedVersion })
            : t(added.kind === 'classifier' ? 'models.classifierAdded' : 'models.added', { name: added.model.name, version: added.model.version })}
        </p>
      ) : null}
      <ErrorMessage error={error} />
    </section>
  );
}

import { type JSX, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryInfo } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { LanguagePicker } from '../../components/LanguagePicker.tsx';
import { useCall } from '../../components/use-call.ts';
import { useFocusWhenIdle } from '../../components/use-focus-when-idle.ts';

export function LibraryPage({ onOpened }: { onOpened: (info: LibraryInfo) => void }): JSX.Element {
  const { t } = useTranslation();
  const recent = useCall('library.recent', {});
  const place = useCall('library.defaultPlace', {});
  const [path, setPath] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const defaultButton = useRef<HTMLButtonElement>(null);
  useFocusWhenIdle(defaultButton, Boolean(place.data));

  const go = async (method: 'library.create' | 'library.open', root: string) => {
    const r = await api.call(method, { path: root });
    if (r.ok) onOpened(r.value);
    else setError(r.error);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void go('library.open', path);
  };

  return (
    <div className="start pad">
      <div className="row">
        <h1>{t('app.title')}</h1>
        <LanguagePicker />
      </div>
      <h2>{t('library.heading')}</h2>
      <p className="muted">{t('library.intro')}</p>
      {place.data ? (
        <p className="row">
          <button
            className="primary"
            ref={defaultButton}
            onClick={() => place.data && void go(place.data.isLibrary ? 'library.open' : 'library.create', place.data.path)}
            data-testid="library-default"
          >
            {t(place.data.isLibrary ? 'library.openDefault' : 'library.createDefault')}
          </button>
          <span className="muted" data-testid="library-default-path">
            {place.data.path}
          </span>
        </p>
      ) : null}
      <h3>{t('library.elsewhere')}</h3>
      <form onSubmit={submit} className="row">
        <Field label={t('library.pathLabel')}>
          <FolderInput value={path} onChange={setPath} testId="library-path" pick={{ allowNew: true }} />
        </Field>
        <button type="submit" disabled={!path.trim()} data-testid="library-open">
          {t('library.open')}
        </button>
        <button type="button" disabled={!path.trim()} onClick={() => void go('library.create', path)} data-testid="library-create">
          {t('library.create')}
        </button>
      </form>
      <ErrorMessage error={error} />
      <h3>{t('library.recent')}</h3>
      {recent.data && recent.data.length === 0 ? <p className="muted">{t('library.noRecent')}</p> : null}
      <ul className="plain">
        {recent.data?.map((r) => (
          <li key={r.root}>
            <button className="link" disabled={!r.exists} onClick={() => void go('library.open', r.root)} aria-label={t('library.openRecent', { root: r.root })}>
              {r.root}
            </button>{' '}
            {r.exists ? null : <span className="muted">{t('library.missing')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

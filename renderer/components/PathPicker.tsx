import { type FormEvent, type JSX, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage.tsx';
import { joinPath } from './join-path.ts';
import { PickerEntries } from './PickerEntries.tsx';
import { useCall } from './use-call.ts';
import type { FolderListing } from '../../electron/backend/browse/contract.ts';
import type { RpcError } from '../../electron/backend/rpc/envelope.ts';
import { api } from '../api/client.ts';

export interface PickOptions {
  /** A folder (the default), or a file with one of these endings. */
  extensions?: string[];
  /** The user may name a new folder inside the one shown (a new library). */
  allowNew?: boolean;
}

/**
 * The folder browser, the same in a browser and in the app: places to start from, the folders
 * of the one shown, up, and choose. Nobody types a path; a new folder is only given a name.
 */
export function PathPicker({ options, onChoose, onClose }: { options: PickOptions; onChoose: (path: string) => void; onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const places = useCall('browse.places', {});
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<RpcError | undefined>();
  const [name, setName] = useState('');
  const wantsFile = (options.extensions?.length ?? 0) > 0;

  // Only the folder asked for last is shown: a slow answer for an earlier one must not replace it.
  const asked = useRef(0);
  const [byPerson, setByPerson] = useState(false);
  const open = (path: string, person = true): void => {
    const ask = ++asked.current;
    void api.call('browse.list', { path, extensions: options.extensions ?? [] }).then((r) => {
      if (ask !== asked.current) return;
      setByPerson(person);
      if (r.ok) {
        setListing(r.value);
        setError(undefined);
      } else setError(r.error);
    });
  };
  useEffect(() => {
    const first = places.data?.[0];
    // Unless the person has already chosen a place while the places were arriving.
    if (first && asked.current === 0) open(first.path, false);
  }, [places.data]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const createNamed = (e: FormEvent): void => {
    // The picker may sit inside a page's form: its own submit must not reach that one.
    e.preventDefault();
    e.stopPropagation();
    if (listing && name.trim()) onChoose(joinPath(listing.path, name.trim()));
  };

  // Rendered at the end of the page, so its form never nests in the page's own.
  return createPortal(
    <div className="picker-backdrop">
      <div className="picker card" role="dialog" aria-modal="true" aria-label={t(wantsFile ? 'picker.titleFile' : 'picker.title')} data-testid="picker">
        <nav className="picker-places" aria-label={t('picker.places')}>
          {places.data?.map((p, i) => (
            <button key={`${p.kind}:${p.path}`} type="button" className="link" onClick={() => open(p.path)} autoFocus={i === 0} data-testid={`place-${p.kind}`}>
              {t(`picker.place.${p.kind}`, { name: p.name })}
            </button>
          ))}
        </nav>
        <section className="picker-main">
          <p className="picker-where" data-testid="picker-where">
            {listing?.path ?? t('common.loading')}
          </p>
          <ErrorMessage error={error} />
          <div className="row">
            <button type="button" disabled={!listing?.parent} onClick={() => listing?.parent && open(listing.parent)} data-testid="picker-up">
              {t('picker.up')}
            </button>
            {!wantsFile ? (
              <button type="button" disabled={!listing} onClick={() => listing && onChoose(listing.path)} data-testid="picker-choose">
                {t('picker.choose')}
              </button>
            ) : null}
            <button type="button" onClick={onClose} data-testid="picker-cancel">
              {t('picker.cancel')}
            </button>
          </div>
          {listing ? <PickerEntries listing={listing} focusFirst={byPerson} onOpen={(e) => (e.kind === 'folder' ? open(e.path) : onChoose(e.path))} onUp={() => listing.parent && open(listing.parent)} /> : null}
          {listing && listing.entries.length === 0 ? <p className="muted">{t('picker.empty')}</p> : null}
          {listing?.truncated ? <p className="muted">{t('picker.truncated')}</p> : null}
          {options.allowNew ? (
            <form className="row" onSubmit={createNamed}>
              <label>
                {t('picker.newFolder')} <input value={name} onChange={(e) => setName(e.target.value)} data-testid="picker-new-name" />
              </label>
              <button type="submit" disabled={!name.trim() || /[\\/]/.test(name)} data-testid="picker-new">
                {t('picker.useNew')}
              </button>
            </form>
          ) : null}
        </section>
      </div>
    </div>,
    document.body,
  );
}

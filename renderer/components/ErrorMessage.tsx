import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaid } from './use-said.ts';
import type { RpcError } from '../../electron/backend/rpc/envelope.ts';

/** A backend error in plain words in the user's language, with the log reference when there is one. */
export function ErrorMessage({ error }: { error: RpcError | undefined }): JSX.Element | null {
  const { t } = useTranslation();
  const said = useSaid();
  if (!error) return null;
  return (
    <div className="error" role="alert" data-testid="error">
      <p>{said(error.message, error.says)}</p>
      {error.ref ? <p className="muted">{t('app.errorRef', { ref: error.ref })}</p> : null}
    </div>
  );
}

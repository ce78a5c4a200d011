import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deployment } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

export function ClockOffset({ deployment, onChanged }: { deployment: Deployment; onChanged: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(deployment.clockOffsetSeconds));
  const [error, setError] = useState<RpcError | undefined>();
  const apply = async () => {
    const r = await api.call('deployment.setClockOffset', { deploymentID: deployment.deploymentID, offsetSeconds: Number(value) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    onChanged();
  };
  return (
    <span className="row">
      <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" size={7} aria-label={t('setup.clockOffset')} title={t('setup.offsetHelp')} />
      <button onClick={() => void apply()} disabled={value === String(deployment.clockOffsetSeconds)}>
        {t('setup.setOffset')}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}

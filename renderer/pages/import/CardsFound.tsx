import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Volume } from '../../../electron/backend/ingest/contract.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../components/use-call.ts';

/** Cards already inserted, and a banner for one inserted while the page is open. */
export function CardsFound({ onChoose }: { onChoose: (path: string) => void }): JSX.Element {
  const { t } = useTranslation();
  const volumes = useCall('volumes.list', {});
  const [inserted, setInserted] = useState<Volume | null>(null);
  useEffect(
    () =>
      api.on('volumes.mounted', (v) => {
        setInserted(v);
        volumes.reload();
      }),
    [volumes.reload],
  );
  return (
    <section aria-label={t('import.cardsFound')}>
      {inserted ? (
        <div className="banner" role="status">
          {t('import.cardInserted', { label: inserted.label })}{' '}
          <button onClick={() => onChoose(inserted.path)}>{t('import.importThisCard', { label: inserted.label })}</button>
        </div>
      ) : null}
      {volumes.data && volumes.data.length > 0 ? (
        <ul className="plain row">
          {volumes.data.map((v) => (
            <li key={v.path}>
              <button onClick={() => onChoose(v.path)}>{t('import.importThisCard', { label: v.label })}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('import.noCards')}</p>
      )}
    </section>
  );
}

import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortedPreview } from '../../../electron/backend/ingest/contract.ts';
import { formatCameraTime } from '../../components/locale-format.ts';
import { useSaid } from '../../components/use-said.ts';

/** Each station (or camera) folder: its files, their dates, and the deployment they go into, or why none. */
export function SortedStationsTable({ preview }: { preview: SortedPreview }): JSX.Element {
  const { t, i18n } = useTranslation();
  const said = useSaid();
  const when = (local: string | null) => formatCameraTime(local, i18n.language, 'short');
  return (
    <table className="table sorted-table" data-testid="station-folders">
      <caption>{t('import.sorted.stationFolders')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.sorted.folder')}</th>
          <th scope="col">{t('import.sorted.files')}</th>
          <th scope="col">{t('import.sorted.taken')}</th>
          <th scope="col">{t('import.sorted.goesInto')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.groups.map((g) => (
          <tr key={g.folder} data-testid="station-folder" data-folder={g.folder} className={g.deploymentID ? undefined : 'sorted-missing'}>
            <th scope="row">{g.folder}</th>
            <td>{g.files}</td>
            <td className="sorted-when">{g.firstTime ? `${when(g.firstTime)} – ${when(g.lastTime)}` : t('import.noDates')}</td>
            <td data-testid="station-folder-deployment">
              {g.deploymentID ? t('import.sorted.deploymentAt', { deployment: g.deploymentID, station: g.locationName ?? g.station }) : g.problem ? said('', g.problem) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the import leaves on the card: station folders it cannot place, and files outside any species folder. */
export function LeftWhereTheyAre({ preview }: { preview: SortedPreview }): JSX.Element | null {
  const { t } = useTranslation();
  const skipped = preview.groups.filter((g) => g.deploymentID === null);
  if (skipped.length === 0 && preview.looseFiles === 0) return null;
  return (
    <section data-testid="left-where-they-are">
      <h4>{t('import.sorted.left')}</h4>
      <ul>
        {skipped.map((g) => (
          <li key={g.folder}>{t('import.sorted.leftFolder', { folder: g.folder, count: g.files })}</li>
        ))}
        {preview.looseFiles > 0 ? <li>{t('import.sorted.looseFiles', { count: preview.looseFiles })}</li> : null}
      </ul>
    </section>
  );
}

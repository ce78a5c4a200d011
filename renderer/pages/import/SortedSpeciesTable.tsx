import { Fragment, type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderSpeciesChooser } from './FolderSpeciesChooser.tsx';
import { holdsOf, type FolderChoice, type FolderHolds } from './sorted-choices.ts';
import { useCommonNames } from './use-common-names.ts';
import type { SortedPreview } from '../../../electron/backend/ingest/contract.ts';

function Holds({ holds, common }: { holds: FolderHolds | null; common: string | undefined }): JSX.Element {
  const { t } = useTranslation();
  if (!holds) return <strong className="sorted-todo">{t('import.sorted.toChoose')}</strong>;
  if (holds.observationType !== 'animal' || !holds.scientificName) return <>{t(`import.sorted.what.${holds.observationType}`)}</>;
  return (
    <>
      {common ? `${common} ` : null}
      <em className={common ? 'muted' : undefined}>{holds.scientificName}</em>
    </>
  );
}

/**
 * The species folders of the card: what each was matched to and how, and for a name the app
 * does not know, a chooser; a match can be changed too, and the choice is remembered.
 */
export function SortedSpeciesTable({ preview, choices, onChoose }: { preview: SortedPreview; choices: Record<string, FolderChoice>; onChoose: (name: string, choice: FolderChoice) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [changing, setChanging] = useState<string[]>([]);
  const matched = preview.folders.flatMap((f) => (f.match?.scientificName ? [f.match.scientificName] : []));
  const common = useCommonNames(matched, i18n.language);
  const commonOf = (f: SortedPreview['folders'][number]) => {
    const chosen = choices[f.name];
    if (chosen) return chosen.vernacularName ?? undefined;
    return f.match?.scientificName ? common.get(f.match.scientificName) : undefined;
  };
  return (
    <table className="table sorted-table" data-testid="species-folders">
      <caption>{t('import.sorted.speciesFolders')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.sorted.folderName')}</th>
          <th scope="col">{t('import.sorted.files')}</th>
          <th scope="col">{t('import.sorted.holds')}</th>
          <th scope="col">{t('import.sorted.how')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('import.sorted.change')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {preview.folders.map((f) => {
          const holds = holdsOf(f, choices);
          const open = f.match === null || changing.includes(f.name);
          return (
            <Fragment key={f.name}>
              <tr data-testid="species-folder" data-folder={f.name} className={holds ? undefined : 'sorted-missing'}>
                <th scope="row">{f.name}</th>
                <td>{f.files}</td>
                <td data-testid="species-folder-holds">
                  <Holds holds={holds} common={commonOf(f)} />
                </td>
                <td className="muted">{holds ? t(`import.sorted.from.${holds.from}`) : null}</td>
                <td>
                  {f.match !== null && !open ? (
                    <button type="button" className="link" onClick={() => setChanging([...changing, f.name])} aria-label={t('import.sorted.changeFolder', { name: f.name })}>
                      {t('import.sorted.change')}
                    </button>
                  ) : null}
                </td>
              </tr>
              {open ? (
                <tr className="sorted-chooser-row">
                  <td colSpan={5}>
                    <FolderSpeciesChooser name={f.name} choice={choices[f.name]} onChoose={(c) => onChoose(f.name, c)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

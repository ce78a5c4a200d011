import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderChoice, FolderKind } from './sorted-choices.ts';
import { SpeciesPicker } from '../../components/SpeciesPicker.tsx';

const quick: Exclude<FolderKind, 'animal'>[] = ['unknown', 'blank', 'human', 'vehicle'];

/** What one species folder holds, said once by a person: a species found as they type, or one of the usual non-species. */
export function FolderSpeciesChooser({ name, choice, onChoose }: { name: string; choice: FolderChoice | undefined; onChoose: (choice: FolderChoice) => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="row wrap folder-chooser" role="group" aria-label={t('import.sorted.chooser.group', { name })} data-testid="folder-chooser" data-folder={name}>
      <SpeciesPicker
        label={t('import.sorted.chooser.species', { name })}
        testId="folder-species"
        onPick={(s) => onChoose({ scientificName: s.scientificName, vernacularName: s.vernacularName, observationType: 'animal' })}
      />
      <span className="muted">{t('import.sorted.chooser.or')}</span>
      {quick.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={choice?.observationType === kind}
          onClick={() => onChoose({ scientificName: null, vernacularName: null, observationType: kind })}
          data-testid={`folder-${kind}`}
        >
          {t(`import.sorted.what.${kind}`)}
        </button>
      ))}
    </div>
  );
}

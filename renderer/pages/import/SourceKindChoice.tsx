import { type JSX, useId } from 'react';
import { useTranslation } from 'react-i18next';
import './sorted-folders.css';

export type SourceKind = 'camera' | 'sorted';

/** Whether the card holds pictures as the camera wrote them, or pictures a person already sorted into species folders. */
export function SourceKindChoice({ value, onChange }: { value: SourceKind; onChange: (kind: SourceKind) => void }): JSX.Element {
  const { t } = useTranslation();
  const name = useId();
  const helpId = `${name}-help`;
  return (
    <fieldset className="import-kind" data-testid="import-kind">
      <legend>{t('import.kind.legend')}</legend>
      <label className="check">
        <input type="radio" name={name} checked={value === 'camera'} onChange={() => onChange('camera')} data-testid="import-kind-camera" /> {t('import.kind.camera')}
      </label>
      <label className="check">
        <input type="radio" name={name} checked={value === 'sorted'} onChange={() => onChange('sorted')} aria-describedby={helpId} data-testid="import-kind-sorted" /> {t('import.kind.sorted')}
      </label>
      <p id={helpId} className="muted import-kind-help">
        {t('import.kind.sortedHelp')}
      </p>
    </fieldset>
  );
}

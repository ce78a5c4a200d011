import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';

/** A folder path to type, with the system's folder dialog beside it where the app has one. */
export function FolderInput(props: { value: string; onChange: (v: string) => void; placeholder: string; testId: string; autoFocus?: boolean }): JSX.Element {
  const { t } = useTranslation();
  const pick = api.pickFolder;
  return (
    <span className="row">
      <input value={props.value} onChange={(e) => props.onChange(e.target.value)} placeholder={props.placeholder} data-testid={props.testId} size={50} autoFocus={props.autoFocus} />
      {pick ? (
        <button
          type="button"
          onClick={() =>
            void pick().then((p) => {
              if (p) props.onChange(p);
            })
          }
        >
          {t('common.chooseFolder')}
        </button>
      ) : null}
    </span>
  );
}

import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PathPicker, type PickOptions } from './PathPicker.tsx';
import { api } from '../api/client.ts';

/**
 * A folder or file the user chooses, never types: the system's dialog in the app, the app's own
 * folder browser in a browser. The choice is shown as text.
 */
export function FolderInput(props: { value: string; onChange: (v: string) => void; testId: string; autoFocus?: boolean; pick?: PickOptions }): JSX.Element {
  const { t } = useTranslation();
  const [browsing, setBrowsing] = useState(false);
  const system = api.pickFolder;
  const choose = (): void => {
    if (system && !props.pick?.extensions?.length) {
      void system().then((p) => {
        if (p) props.onChange(p);
      });
    } else setBrowsing(true);
  };
  return (
    <span className="row">
      <output className={props.value ? 'chosen-path' : 'chosen-path muted'} data-testid={props.testId}>
        {props.value || t('common.nothingChosen')}
      </output>
      <button type="button" onClick={choose} autoFocus={props.autoFocus} data-testid={`${props.testId}-choose`}>
        {t('common.chooseFolder')}
      </button>
      {browsing ? (
        <PathPicker
          options={props.pick ?? {}}
          onChoose={(p) => {
            setBrowsing(false);
            props.onChange(p);
          }}
          onClose={() => setBrowsing(false)}
        />
      ) : null}
    </span>
  );
}

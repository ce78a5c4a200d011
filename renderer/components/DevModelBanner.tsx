import { type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from './use-call.ts';
import { api } from '../api/client.ts';

// Hidden for this run of the app only: the warning matters too much to stay away for good.
const dismissedKey = 'camtrap.devModelBanner.dismissed';

let addModelAsked = false;

/** Whether the banner's button led here: the settings page then brings its "Add a model" form into view, once. */
export function takeAddModelRequest(): boolean {
  const asked = addModelAsked;
  addModelAsked = false;
  return asked;
}

function dismissedThisRun(): boolean {
  try {
    return sessionStorage.getItem(dismissedKey) === '1';
  } catch {
    return false;
  }
}

/**
 * On every page while the only usable detector is the development stand-in (a COCO model): its
 * results are wrong on camera-trap pictures, and the user is told where to add a real one.
 */
export function DevModelBanner({ onAddModel }: { onAddModel: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const models = useCall('models.list', {});
  const [dismissed, setDismissed] = useState(dismissedThisRun);
  const { reload } = models;
  useEffect(() => api.on('models.installed', reload), [reload]);
  const usable = (models.data ?? []).filter((m) => m.available);
  if (dismissed || usable.length === 0 || usable.some((m) => !m.development)) return null;
  const dismiss = (): void => {
    try {
      sessionStorage.setItem(dismissedKey, '1');
    } catch {
      // Without storage the banner stays hidden until the page reloads.
    }
    setDismissed(true);
  };
  return (
    <div className="banner warning" role="note" data-testid="dev-model-banner">
      <p>{t('models.devBanner')}</p>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            addModelAsked = true;
            onAddModel();
          }}
          data-testid="dev-model-banner-add"
        >
          {t('models.addHeading')}
        </button>
        <button type="button" className="link" onClick={dismiss} data-testid="dev-model-banner-dismiss">
          {t('models.devBannerDismiss')}
        </button>
      </div>
    </div>
  );
}

import { type JSX, useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A question asked in the page before something that cannot be undone: the safe answer has the
 * focus, Escape is the safe answer too.
 */
export function ConfirmStep({ question, confirmLabel, onConfirm, onCancel, busy }: { question: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void; busy: boolean }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div
      className="banner row confirm-step"
      role="alertdialog"
      aria-labelledby={id}
      data-testid="confirm-step"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={id}>{question}</p>
      <button type="button" onClick={onCancel} autoFocus data-testid="confirm-cancel">
        {t('setup.keep')}
      </button>
      <button type="button" className="danger" onClick={onConfirm} disabled={busy} data-testid="confirm-delete">
        {confirmLabel}
      </button>
    </div>
  );
}

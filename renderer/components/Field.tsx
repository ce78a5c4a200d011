import type { JSX, ReactNode } from 'react';

/** A labelled form control; the label wraps the control so a click or a screen reader finds it. */
export function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: string }): JSX.Element {
  return (
    <label className="field">
      <span className="field-label">
        {label}
        {hint ? <span className="muted"> ({hint})</span> : null}
      </span>
      {children}
    </label>
  );
}

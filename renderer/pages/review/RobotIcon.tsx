import type { JSX } from 'react';

/** The mark of the species model's suggestions: drawn, so that it shows without an emoji font. */
export function RobotIcon(): JSX.Element {
  return (
    <svg className="robot-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <line x1="8" y1="1" x2="8" y2="4" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8" cy="1.5" r="1.2" fill="currentColor" />
      <rect x="2" y="4" width="12" height="9" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="5.5" cy="8" r="1.3" fill="currentColor" />
      <circle cx="10.5" cy="8" r="1.3" fill="currentColor" />
      <line x1="5.5" y1="11" x2="10.5" y2="11" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

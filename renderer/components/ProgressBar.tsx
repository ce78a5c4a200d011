import type { JSX } from 'react';
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }): JSX.Element {
  return <progress className="progress" value={value} max={Math.max(1, max)} aria-label={label} />;
}

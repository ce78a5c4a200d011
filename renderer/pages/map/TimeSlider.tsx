import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonth } from '../../components/locale-format.ts';

function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.slice(0, 7).split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (let guard = 0; guard < 600; guard += 1) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Picks one month between the first and the last event, or the whole period. */
export function TimeSlider({ first, last, value, onChange }: { first: string | null; last: string | null; value: string | null; onChange: (month: string | null) => void }): JSX.Element | null {
  const { t, i18n } = useTranslation();
  if (!first || !last) return null;
  const list = months(first, last);
  const index = value ? Math.max(0, list.indexOf(value)) : 0;
  return (
    <span className="row">
      <label className="check">
        <input type="checkbox" checked={value !== null} onChange={(e) => onChange(e.target.checked ? (list[0] ?? null) : null)} data-testid="time-slider-on" /> {t('map.byMonth')}
      </label>
      <input type="range" min={0} max={Math.max(0, list.length - 1)} value={index} disabled={value === null} onChange={(e) => onChange(list[Number(e.target.value)] ?? null)} aria-label={t('map.month')} aria-valuetext={value ? formatMonth(value, i18n.language) : t('map.wholePeriod')} data-testid="time-slider" />
      <span data-testid="time-slider-month">{value ? formatMonth(value, i18n.language) : t('map.wholePeriod')}</span>
    </span>
  );
}

import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';

/** Most taxa side by side that still leave each small map large enough to read at 1366×768. */
export const maxCompared = 4;

/** Ticks for the species or classes to show side by side; two or more switch the map to small multiples. */
export function CompareChooser({ taxa, chosen, onChange, taxonName }: { taxa: string[]; chosen: string[]; onChange: (taxa: string[]) => void; taxonName: (taxon: string) => string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset className="compare-chooser" data-testid="compare-chooser">
      <legend>{t('multiples.choose', { max: maxCompared })}</legend>
      {taxa.map((x) => {
        const on = chosen.includes(x);
        return (
          <label key={x} className="check">
            <input type="checkbox" checked={on} disabled={!on && chosen.length >= maxCompared} onChange={() => onChange(on ? chosen.filter((c) => c !== x) : [...chosen, x])} data-testid="compare-taxon" data-taxon={x} /> {taxonName(x)}
          </label>
        );
      })}
    </fieldset>
  );
}

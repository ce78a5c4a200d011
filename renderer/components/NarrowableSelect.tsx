import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Choice {
  value: string;
  label: string;
}

/** Lists longer than this get a box to narrow them by typing. */
const longList = 12;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

/**
 * A select whose long list (200 deployments, hundreds of species) can be narrowed by typing a
 * part of a name in the box beside it; the chosen entry always stays in the list. The select
 * comes first, so the Field's label names it.
 */
export function NarrowableSelect({ value, onChange, choices, all, name, testId }: { value: string; onChange: (value: string) => void; choices: Choice[]; all: string; name: string; testId: string }): JSX.Element {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const words = fold(query).split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? choices : choices.filter((c) => c.value === value || words.every((w) => fold(c.label).includes(w)));
  return (
    <span className="narrowable">
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{all}</option>
        {shown.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {choices.length > longList ? (
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter takes the entry that fits best: the one named exactly so, else one that starts so, else the first.
            const q = fold(query).trim();
            const first = shown.find((c) => fold(c.value) === q) ?? shown.find((c) => fold(c.label).startsWith(q)) ?? shown[0];
            if (e.key === 'Enter' && first && words.length > 0) {
              e.preventDefault();
              onChange(first.value);
            }
          }}
          placeholder={t('common.narrow')}
          aria-label={t('common.narrowNamed', { name })}
          size={9}
          data-testid={`${testId}-narrow`}
        />
      ) : null}
    </span>
  );
}

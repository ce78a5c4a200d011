import { type JSX, type KeyboardEvent, type Ref, useEffect, useId, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Field } from './Field.tsx';
import { foldName } from './fold-name.ts';
import { onEnter } from './on-enter.ts';
import type { Species, SpeciesEntry } from '../../electron/backend/review/contract.ts';
import type { RpcError } from '../../electron/backend/rpc/envelope.ts';
import { api } from '../api/client.ts';
import './species-picker.css';

export interface SpeciesPickerHandle {
  /** Does what Enter does: uses the highlighted species, or the best match for what was typed. */
  pick: () => Promise<void>;
}

type Option = { kind: 'species'; entry: SpeciesEntry } | { kind: 'add'; name: string };

const limit = 12;

/** The species in the list, and at the end an offer to add what was typed when nothing is called exactly that. */
function optionsFor(query: string, items: SpeciesEntry[]): Option[] {
  const typed = foldName(query);
  const exact = items.some((s) => foldName(s.scientificName) === typed || (s.vernacularName !== null && foldName(s.vernacularName) === typed));
  const options: Option[] = items.map((entry) => ({ kind: 'species', entry }));
  return typed.length >= 2 && !exact ? [...options, { kind: 'add', name: query.trim() }] : options;
}

/**
 * A search box for the species to label with: it finds the library's own species and the
 * checklist that ships with the app as one types, by scientific or common name in the user's
 * language; arrows choose, Enter uses. A checklist species goes on the library's list when it is
 * used, and a name nobody has yet can be added on the spot, without leaving the page.
 */
export function SpeciesPicker({
  label,
  onPick,
  onQueryChange,
  testId,
  placement = 'below',
  ref,
}: {
  label: string;
  onPick: (species: Species) => void;
  onQueryChange?: (query: string) => void;
  testId?: string;
  placement?: 'above' | 'below';
  ref?: Ref<SpeciesPickerHandle>;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const id = useId();
  const [query, setQueryState] = useState('');
  const [results, setResults] = useState<{ query: string; items: SpeciesEntry[] }>({ query: '', items: [] });
  const [open, setOpen] = useState(false);
  // A page of sequences has a picker each: none asks the backend before someone uses it.
  const [used, setUsed] = useState(false);
  const [active, setActive] = useState(0);
  const [adding, setAdding] = useState<{ scientificName: string; vernacularName: string } | null>(null);
  const [error, setError] = useState<RpcError | undefined>();

  const setQuery = (text: string) => {
    setQueryState(text);
    onQueryChange?.(text);
  };
  const search = async (text: string): Promise<SpeciesEntry[]> => {
    const r = await api.call('species.list', { query: text, limit, language });
    if (!r.ok) setError(r.error);
    return r.ok ? r.value : [];
  };
  useEffect(() => {
    if (!used) return;
    let live = true;
    const text = query.trim();
    void api.call('species.list', { query: text, limit, language }).then((r) => {
      if (!live) return;
      setResults({ query: text, items: r.ok ? r.value : [] });
      setActive(0);
    });
    return () => {
      live = false;
    };
  }, [query, language, used]);

  const options = optionsFor(results.query, results.items);
  const optionId = (i: number) => `${id}-option-${i}`;

  const use = (species: Species) => {
    setError(undefined);
    setOpen(false);
    setAdding(null);
    setQuery(species.scientificName);
    onPick(species);
  };
  const choose = async (option: Option) => {
    if (option.kind === 'add') {
      setOpen(false);
      setAdding({ scientificName: option.name, vernacularName: '' });
      return;
    }
    const { entry } = option;
    if (entry.origin === 'library') return use({ scientificName: entry.scientificName, vernacularName: entry.vernacularName });
    const r = await api.call('species.ensure', { scientificName: entry.scientificName, language });
    if (r.ok) use(r.value);
    else setError(r.error);
  };
  const addNew = async () => {
    if (!adding) return;
    const r = await api.call('species.add', { scientificName: adding.scientificName, vernacularName: adding.vernacularName || undefined });
    if (r.ok) use(r.value);
    else setError(r.error);
  };
  const pick = async () => {
    if (adding) return addNew();
    const text = query.trim();
    if (text === '' && !open) return;
    // What was typed may be newer than the list on screen (typed fast, or pasted): ask again.
    const fresh = results.query === text;
    // The highlighted option counts only while the list is open: a pointer that crossed the list
    // on its way to the Label button must not change what is labelled.
    const option = optionsFor(text, fresh ? results.items : await search(text))[fresh && open ? active : 0];
    if (option) await choose(option);
  };
  useImperativeHandle(ref, () => ({ pick }));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length === 0 ? 0 : (a + step + options.length) % options.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void pick();
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  const showList = open && options.length > 0 && !adding;
  const canAdd = adding !== null && adding.scientificName.trim().length >= 2;

  return (
    <div className="species-picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={showList ? `${id}-list` : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showList ? optionId(active) : undefined}
        value={query}
        placeholder={t('review.speciesPlaceholder')}
        size={22}
        data-testid={testId}
        onChange={(e) => {
          setQuery(e.target.value);
          setAdding(null);
          setOpen(true);
        }}
        onFocus={() => {
          setUsed(true);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList ? (
        <ul id={`${id}-list`} role="listbox" aria-label={label} className={`species-picker-popup species-picker-options ${placement}`}>
          {options.map((option, i) => (
            <li
              key={option.kind === 'add' ? '+' : option.entry.scientificName}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => void choose(option)}
              data-testid={option.kind === 'add' ? 'species-option-add' : 'species-option'}
            >
              {option.kind === 'add' ? (
                <span className="species-picker-add">{t('review.addNewSpecies', { name: option.name })}</span>
              ) : (
                <>
                  <em>{option.entry.scientificName}</em>
                  {option.entry.vernacularName ? <span>{option.entry.vernacularName}</span> : null}
                  {option.entry.taxonRank && option.entry.taxonRank !== 'species' ? <span className="species-picker-tag">{t(`review.rank.${option.entry.taxonRank}`)}</span> : null}
                  {option.entry.origin === 'library' ? <span className="species-picker-tag">{t('review.onList')}</span> : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <div
          className={`species-picker-popup species-picker-form ${placement}`}
          role="group"
          aria-label={t('review.newSpecies')}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setAdding(null);
          }}
        >
          <Field label={t('review.scientificName')}>
            <input
              autoFocus
              value={adding.scientificName}
              onChange={(e) => setAdding({ ...adding, scientificName: e.target.value })}
              onKeyDown={onEnter(() => void addNew(), canAdd)}
              data-testid="new-species-name"
            />
          </Field>
          <Field label={t('review.vernacularName')}>
            <input value={adding.vernacularName} onChange={(e) => setAdding({ ...adding, vernacularName: e.target.value })} onKeyDown={onEnter(() => void addNew(), canAdd)} data-testid="new-species-common" />
          </Field>
          <button className="primary" disabled={!canAdd} onClick={() => void addNew()} data-testid="new-species-add">
            {t('review.addAndUse')}
          </button>
          <button onClick={() => setAdding(null)}>{t('review.cancelNew')}</button>
        </div>
      ) : null}
      <ErrorMessage error={error} />
    </div>
  );
}

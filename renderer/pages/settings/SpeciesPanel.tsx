import { type JSX, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { FolderInput } from '../../components/FolderInput.tsx';
import { onEnter } from '../../components/on-enter.ts';
import { SpeciesPicker } from '../../components/SpeciesPicker.tsx';
import { useCall } from '../../components/use-call.ts';

/** The library's species list: put species on it from the checklist, add one of one's own, or import a CSV (scientificName, vernacularName). */
export function SpeciesPanel(): JSX.Element {
  const { t, i18n } = useTranslation();
  const list = useCall('species.list', { query: '', limit: 500, scope: 'library', language: i18n.language });
  const [name, setName] = useState('');
  const [common, setCommon] = useState('');
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState('');
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<RpcError | undefined>();
  const add = async () => {
    const r = await api.call('species.add', { scientificName: name, vernacularName: common || undefined });
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setName('');
      setCommon('');
      list.reload();
    }
  };
  const importCsv = async () => {
    const r = await api.call('species.importCsv', { file: csv });
    setError(r.ok ? undefined : r.error);
    if (r.ok) {
      setNote(t('review.imported', r.value));
      list.reload();
    }
  };
  return (
    <section className="card" data-testid="species-panel">
      <h3>{t('review.speciesList')}</h3>
      <p className="muted">{t('review.checklistHelp')}</p>
      <div className="row">
        <SpeciesPicker
          label={t('review.findInChecklist')}
          testId="checklist-search"
          onPick={(sp) => {
            setPicked(t('review.putOnList', { name: sp.scientificName }));
            list.reload();
          }}
        />
        {picked ? <span role="status">{picked}</span> : null}
      </div>
      <h4>{t('review.ownList')}</h4>
      <p className="muted">{t('review.speciesCount', { count: list.data?.length ?? 0 })}</p>
      <ul className="plain species-list" aria-label={t('review.ownList')}>
        {list.data?.map((sp) => (
          <li key={sp.scientificName} className="row">
            <em>{sp.scientificName}</em>
            {sp.taxonRank && sp.taxonRank !== 'species' ? <span className="muted">{t(`review.rank.${sp.taxonRank}`)}</span> : null}
            {sp.inChecklist ? null : <span className="muted">{t('review.notInChecklist')}</span>}
            <input
              defaultValue={sp.vernacularName ?? ''}
              aria-label={t('review.vernacularName')}
              onBlur={(e) => void api.call('species.update', { scientificName: sp.scientificName, vernacularName: e.target.value || null }).then((r) => setError(r.ok ? undefined : r.error))}
            />
            <button onClick={() => void api.call('species.remove', { scientificName: sp.scientificName }).then((r) => (r.ok ? list.reload() : setError(r.error)))}>{t('review.remove')}</button>
          </li>
        ))}
      </ul>
      <div className="row wrap">
        <Field label={t('review.scientificName')}>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="species-name" onKeyDown={onEnter(() => void add(), name.trim().length >= 2)} />
        </Field>
        <Field label={t('review.vernacularName')}>
          <input value={common} onChange={(e) => setCommon(e.target.value)} data-testid="species-common" onKeyDown={onEnter(() => void add(), name.trim().length >= 2)} />
        </Field>
        <button disabled={name.trim().length < 2} onClick={() => void add()} data-testid="species-add">
          {t('review.addSpecies')}
        </button>
      </div>
      <div className="row">
        <Field label={t('review.csvFile')}>
          <FolderInput value={csv} onChange={setCsv} testId="species-csv" pick={{ extensions: ['.csv', '.txt'] }} />
        </Field>
        <button disabled={!csv.trim()} onClick={() => void importCsv()}>
          {t('review.importCsv')}
        </button>
        {note ? <span role="status">{note}</span> : null}
      </div>
      <ErrorMessage error={error} />
    </section>
  );
}

import { type FormEvent, type JSX, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamsOf } from '../../../electron/backend/api/contract.ts';
import {
  captureMethods,
  contributorRoles,
  dataLicences,
  mediaLicences,
  observationLevels,
  samplingDesigns,
  type LicenceName,
  type ProjectMetadata,
} from '../../../electron/backend/exchange/project/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { useCall } from '../../components/use-call.ts';
import { enterSubmits } from '../setup/enter-submits.ts';

type ProjectInput = ParamsOf<'project.set'>;
type ContributorForm = { name: string; email: string; role: (typeof contributorRoles)[number]; organization: string };
interface FormState {
  title: string;
  acronym: string;
  description: string;
  website: string;
  samplingDesign: (typeof samplingDesigns)[number];
  captureMethod: (typeof captureMethods)[number][];
  individualAnimals: boolean;
  observationLevel: (typeof observationLevels)[number][];
  contributors: ContributorForm[];
  dataLicence: (typeof dataLicences)[number];
  mediaLicence: LicenceName;
  bibliographicCitation: string;
}

/** Licence names hold dots, which i18next reads as nesting: each gets a plain key. */
const licenceKey: Record<LicenceName, string> = {
  'CC0-1.0': 'cc0',
  'CC-BY-4.0': 'ccBy',
  'CC-BY-NC-4.0': 'ccByNc',
  'CC-BY-SA-4.0': 'ccBySa',
  'CC-BY-NC-SA-4.0': 'ccByNcSa',
  'CC-BY-ND-4.0': 'ccByNd',
  'CC-BY-NC-ND-4.0': 'ccByNcNd',
};

function toForm(p: ProjectMetadata): FormState {
  return {
    ...p,
    acronym: p.acronym ?? '',
    description: p.description ?? '',
    website: p.website ?? '',
    bibliographicCitation: p.bibliographicCitation ?? '',
    contributors: p.contributors.map((c) => ({ name: c.name, email: c.email ?? '', role: c.role, organization: c.organization ?? '' })),
  };
}

function toInput(f: FormState): ProjectInput {
  return { ...f, contributors: f.contributors.map((c) => ({ ...c })) };
}

const toggled = <T,>(list: T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

/**
 * The library's project as Camtrap DP describes it: title, design, capture method, who made the
 * data and under which licences. Saved once per library; every export uses it.
 */
export function ProjectForm({ onChanged }: { onChanged?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const loaded = useCall('project.get', {});
  const [form, setForm] = useState<FormState | null>(null);
  const [savedForm, setSavedForm] = useState<string>('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<RpcError | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!loaded.data) return;
    setForm(toForm(loaded.data));
    setSaved(loaded.data.saved);
    setSavedForm(loaded.data.saved ? JSON.stringify(toForm(loaded.data)) : '');
  }, [loaded.data]);

  if (!form) return loaded.error ? <ErrorMessage error={loaded.error} /> : <p className="muted">{t('common.loading')}</p>;
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm({ ...form, [k]: v });
  const setContributor = (i: number, change: Partial<ContributorForm>) => set('contributors', form.contributors.map((c, j) => (j === i ? { ...c, ...change } : c)));
  const complete = form.title.trim() !== '' && form.contributors.length > 0 && form.contributors.every((c) => c.name.trim() !== '') && form.captureMethod.length > 0 && form.observationLevel.length > 0;
  const unchanged = JSON.stringify(form) === savedForm;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !complete) return;
    setBusy(true);
    const r = await api.call('project.set', toInput(form));
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setForm(toForm(r.value));
    setSavedForm(JSON.stringify(toForm(r.value)));
    setSaved(true);
    onChanged?.();
  };

  return (
    <form className="project-form" onSubmit={(e) => void submit(e)} onKeyDown={enterSubmits} aria-labelledby="project-form-title" data-testid="project-form">
      <h3 id="project-form-title">{t('projectForm.heading')}</h3>
      <p className="muted">{t('projectForm.intro')}</p>
      {!saved ? (
        <p role="status" data-testid="project-not-saved">
          {t('projectForm.notSaved')}
        </p>
      ) : null}
      <div className="row wrap">
        <Field label={t('projectForm.title')}>
          <input value={form.title} onChange={(e) => set('title', e.target.value)} size={40} required data-testid="project-title" />
        </Field>
        <Field label={t('projectForm.acronym')} hint={t('projectForm.optional')}>
          <input value={form.acronym} onChange={(e) => set('acronym', e.target.value)} size={10} />
        </Field>
        <Field label={t('projectForm.website')} hint={t('projectForm.optional')}>
          <input type="url" value={form.website} onChange={(e) => set('website', e.target.value)} size={30} placeholder="https://" />
        </Field>
      </div>
      <Field label={t('projectForm.description')} hint={t('projectForm.optional')}>
        <textarea value={form.description} onChange={(e) => set('description', e.target.value)} rows={3} cols={70} />
      </Field>
      <div className="row wrap">
        <Field label={t('projectForm.samplingDesign')}>
          <select value={form.samplingDesign} onChange={(e) => set('samplingDesign', e.target.value as FormState['samplingDesign'])} data-testid="project-design">
            {samplingDesigns.map((d) => (
              <option key={d} value={d}>
                {t(`projectForm.design.${d}`)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>{t('projectForm.captureMethod')}</legend>
          {captureMethods.map((m) => (
            <label key={m} className="check">
              <input type="checkbox" checked={form.captureMethod.includes(m)} onChange={(e) => set('captureMethod', toggled(form.captureMethod, m, e.target.checked))} /> {t(`projectForm.capture.${m}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('projectForm.observationLevel')}</legend>
          {observationLevels.map((l) => (
            <label key={l} className="check">
              <input type="checkbox" checked={form.observationLevel.includes(l)} onChange={(e) => set('observationLevel', toggled(form.observationLevel, l, e.target.checked))} /> {t(`projectForm.level.${l}`)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={form.individualAnimals} onChange={(e) => set('individualAnimals', e.target.checked)} /> {t('projectForm.individualAnimals')}
        </label>
      </div>
      <fieldset>
        <legend>{t('projectForm.contributors')}</legend>
        {form.contributors.map((c, i) => (
          <div className="row wrap" key={i} data-testid="project-contributor">
            <Field label={t('projectForm.contributorName')}>
              <input value={c.name} onChange={(e) => setContributor(i, { name: e.target.value })} required data-testid="contributor-name" />
            </Field>
            <Field label={t('projectForm.email')} hint={t('projectForm.optional')}>
              <input type="email" value={c.email} onChange={(e) => setContributor(i, { email: e.target.value })} />
            </Field>
            <Field label={t('projectForm.organization')} hint={t('projectForm.optional')}>
              <input value={c.organization} onChange={(e) => setContributor(i, { organization: e.target.value })} />
            </Field>
            <Field label={t('projectForm.role')}>
              <select value={c.role} onChange={(e) => setContributor(i, { role: e.target.value as ContributorForm['role'] })}>
                {contributorRoles.map((r) => (
                  <option key={r} value={r}>
                    {t(`projectForm.roles.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <button type="button" disabled={form.contributors.length < 2} onClick={() => set('contributors', form.contributors.filter((_, j) => j !== i))}>
              {t('projectForm.removeContributor', { name: c.name || '…' })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('contributors', [...form.contributors, { name: '', email: '', role: 'contributor', organization: '' }])}>
          {t('projectForm.addContributor')}
        </button>
      </fieldset>
      <div className="row wrap">
        <Field label={t('projectForm.dataLicence')} hint={t('projectForm.dataLicenceHint')}>
          <select value={form.dataLicence} onChange={(e) => set('dataLicence', e.target.value as FormState['dataLicence'])} data-testid="project-data-licence">
            {dataLicences.map((l) => (
              <option key={l} value={l}>
                {t(`projectForm.licence.${licenceKey[l]}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('projectForm.mediaLicence')}>
          <select value={form.mediaLicence} onChange={(e) => set('mediaLicence', e.target.value as LicenceName)} data-testid="project-media-licence">
            {mediaLicences.map((l) => (
              <option key={l} value={l}>
                {t(`projectForm.licence.${licenceKey[l]}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('projectForm.citation')} hint={t('projectForm.optional')}>
        <textarea value={form.bibliographicCitation} onChange={(e) => set('bibliographicCitation', e.target.value)} rows={2} cols={70} />
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !complete || unchanged} data-testid="project-save">
          {t('projectForm.save')}
        </button>
        {saved && unchanged ? <span role="status">{t('projectForm.saved')}</span> : null}
        {!complete ? <span className="muted">{t('projectForm.incomplete')}</span> : null}
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}

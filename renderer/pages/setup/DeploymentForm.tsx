import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

const empty = { deploymentID: '', locationID: '', deploymentStart: '', deploymentEnd: '', cameraID: '', cameraModel: '', cameraHeight: '', baitUse: false, deploymentComments: '' };

export function DeploymentForm({ locations, onAdded }: { locations: Location[]; onAdded: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<RpcError | undefined>();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const text = (v: string) => v.trim() || undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('deployment.add', {
      deploymentID: text(form.deploymentID),
      locationID: form.locationID,
      deploymentStart: form.deploymentStart.trim(),
      deploymentEnd: form.deploymentEnd.trim(),
      cameraID: text(form.cameraID),
      cameraModel: text(form.cameraModel),
      cameraHeight: form.cameraHeight.trim() ? Number(form.cameraHeight) : undefined,
      baitUse: form.baitUse,
      deploymentComments: text(form.deploymentComments),
    });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setForm(empty);
    onAdded();
  };

  return (
    <form className="row wrap" onSubmit={(e) => void submit(e)} data-testid="deployment-form">
      <Field label={t('setup.deploymentID')} hint={t('setup.optional')}>
        <input value={form.deploymentID} onChange={set('deploymentID')} name="deploymentID" size={10} />
      </Field>
      <Field label={t('setup.location')}>
        <select value={form.locationID} onChange={set('locationID')} name="locationID" required>
          <option value="" />
          {locations.map((l) => (
            <option key={l.locationID} value={l.locationID}>
              {l.locationName} ({l.locationID})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('setup.start')}>
        <input value={form.deploymentStart} onChange={set('deploymentStart')} name="deploymentStart" placeholder="2021-03-27T21:38:18+01:00" required />
      </Field>
      <Field label={t('setup.end')}>
        <input value={form.deploymentEnd} onChange={set('deploymentEnd')} name="deploymentEnd" placeholder="2021-04-18T22:25:00+01:00" required />
      </Field>
      <Field label={t('setup.cameraID')} hint={t('setup.optional')}>
        <input value={form.cameraID} onChange={set('cameraID')} name="cameraID" size={10} />
      </Field>
      <Field label={t('setup.cameraModel')} hint={t('setup.optional')}>
        <input value={form.cameraModel} onChange={set('cameraModel')} name="cameraModel" size={12} />
      </Field>
      <Field label={t('setup.cameraHeight')} hint={t('setup.optional')}>
        <input value={form.cameraHeight} onChange={set('cameraHeight')} name="cameraHeight" inputMode="decimal" size={5} />
      </Field>
      <label className="check">
        <input type="checkbox" checked={form.baitUse} onChange={(e) => setForm({ ...form, baitUse: e.target.checked })} name="baitUse" /> {t('setup.baitUse')}
      </label>
      <Field label={t('setup.comments')} hint={t('setup.optional')}>
        <input value={form.deploymentComments} onChange={set('deploymentComments')} name="deploymentComments" />
      </Field>
      <button type="submit">{t('setup.addDeployment')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}

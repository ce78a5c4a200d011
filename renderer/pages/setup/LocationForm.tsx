import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';

export function LocationForm({ onAdded }: { onAdded: () => void }): JSX.Element {
  const { t } = useTranslation();
  const [form, setForm] = useState({ locationID: '', locationName: '', latitude: '', longitude: '' });
  const [error, setError] = useState<RpcError | undefined>();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('location.add', {
      locationID: form.locationID.trim() || undefined,
      locationName: form.locationName,
      latitude: Number(form.latitude),
      longitude: Number(form.longitude),
    });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setForm({ locationID: '', locationName: '', latitude: '', longitude: '' });
    onAdded();
  };

  return (
    <form className="row wrap" onSubmit={(e) => void submit(e)} data-testid="location-form">
      <Field label={t('setup.locationID')} hint={t('setup.optional')}>
        <input value={form.locationID} onChange={set('locationID')} name="locationID" size={10} />
      </Field>
      <Field label={t('setup.locationName')}>
        <input value={form.locationName} onChange={set('locationName')} name="locationName" required />
      </Field>
      <Field label={t('setup.latitude')}>
        <input value={form.latitude} onChange={set('latitude')} name="latitude" inputMode="decimal" size={9} required />
      </Field>
      <Field label={t('setup.longitude')}>
        <input value={form.longitude} onChange={set('longitude')} name="longitude" inputMode="decimal" size={9} required />
      </Field>
      <button type="submit">{t('setup.addLocation')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}

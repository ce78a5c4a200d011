import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseCoordinate } from './parse-coordinate.ts';
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
    const latitude = parseCoordinate(form.latitude, 'latitude');
    const longitude = parseCoordinate(form.longitude, 'longitude');
    if (latitude === null || longitude === null) {
      return setError({ code: 'invalid-input', message: t(latitude === null ? 'setup.badLatitude' : 'setup.badLongitude') });
    }
    const r = await api.call('location.add', {
      locationID: form.locationID.trim() || undefined,
      locationName: form.locationName,
      latitude,
      longitude,
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
        <input value={form.latitude} onChange={set('latitude')} name="latitude" size={14} placeholder="50,699" required />
      </Field>
      <Field label={t('setup.longitude')}>
        <input value={form.longitude} onChange={set('longitude')} name="longitude" size={14} placeholder="4,013" required />
      </Field>
      <button type="submit">{t('setup.addLocation')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}

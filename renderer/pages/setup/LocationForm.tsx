import { type JSX, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enterSubmits } from './enter-submits.ts';
import { parseCoordinate } from './parse-coordinate.ts';
import { PickOnMap } from './PickOnMap.tsx';
import type { Location } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { formatNumber } from '../../components/locale-format.ts';

const empty = { locationID: '', locationName: '', latitude: '', longitude: '' };

/** Adds a location, or edits one when given it: its ID then stays, deployments refer to it. */
/** The coordinates written so far, if both can be read. */
function coordinates(form: { latitude: string; longitude: string }): { latitude: number; longitude: number } | null {
  const latitude = parseCoordinate(form.latitude, 'latitude');
  const longitude = parseCoordinate(form.longitude, 'longitude');
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

export function LocationForm({ editing, onSaved, onCancel }: { editing?: Location; onSaved: () => void; onCancel?: () => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState(editing ? { locationID: editing.locationID, locationName: editing.locationName, latitude: String(editing.latitude), longitude: String(editing.longitude) } : empty);
  const [error, setError] = useState<RpcError | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const latitude = parseCoordinate(form.latitude, 'latitude');
    const longitude = parseCoordinate(form.longitude, 'longitude');
    if (latitude === null || longitude === null) {
      return setError({ code: 'invalid-input', message: t(latitude === null ? 'setup.badLatitude' : 'setup.badLongitude') });
    }
    setBusy(true);
    const r = editing
      ? await api.call('location.update', { locationID: editing.locationID, locationName: form.locationName, latitude, longitude })
      : await api.call('location.add', { locationID: form.locationID.trim() || undefined, locationName: form.locationName, latitude, longitude });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setForm(empty);
    onSaved();
  };

  return (
    <form
      className="setup-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) onCancel();
        else enterSubmits(e);
      }}
      data-testid="location-form"
      aria-labelledby="location-form-title"
    >
      <h3 id="location-form-title">{editing ? t('setup.editLocation', { name: editing.locationName }) : t('setup.newLocation')}</h3>
      <div className="row wrap">
        <Field label={t('setup.locationID')} hint={editing ? undefined : t('setup.optional')}>
          <input value={form.locationID} onChange={set('locationID')} name="locationID" size={10} disabled={Boolean(editing)} />
        </Field>
        <Field label={t('setup.locationName')}>
          <input value={form.locationName} onChange={set('locationName')} name="locationName" autoFocus={Boolean(editing)} />
        </Field>
        <Field label={t('setup.latitude')}>
          <input value={form.latitude} onChange={set('latitude')} name="latitude" size={14} placeholder="50,699" aria-describedby="coordinate-help" />
        </Field>
        <Field label={t('setup.longitude')}>
          <input value={form.longitude} onChange={set('longitude')} name="longitude" size={14} placeholder="4,013" aria-describedby="coordinate-help" />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {editing ? t('setup.saveChanges') : t('setup.addLocation')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('setup.cancel')}
          </button>
        ) : null}
      </div>
      <PickOnMap
        near={coordinates(form)}
        onPick={(latitude, longitude) => setForm((f) => ({ ...f, latitude: formatNumber(latitude, i18n.language, 5), longitude: formatNumber(longitude, i18n.language, 5) }))}
      />
      <p className="muted zone" id="coordinate-help">
        {t('setup.coordinateHelp')}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}

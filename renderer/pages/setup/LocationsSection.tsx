import { type JSX, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmStep } from './ConfirmStep.tsx';
import { LocationForm } from './LocationForm.tsx';
import { useReturnFocus } from './return-focus.ts';
import type { Deployment, Location } from '../../../electron/backend/library/contract.ts';
import type { RpcError } from '../../../electron/backend/rpc/envelope.ts';
import { api } from '../../api/client.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

/** The stations: listed with their time zone, added, edited, and deleted when no deployment stands at one. */
export function LocationsSection({ locations, deployments, onChanged }: { locations: Location[]; deployments: Deployment[]; onChanged: () => void }): JSX.Element {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const focus = useReturnFocus(heading);
  const [editing, setEditing] = useState<Location | undefined>();
  const [deleting, setDeleting] = useState<Location | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RpcError | undefined>();

  const startDelete = (l: Location) => {
    const using = deployments.filter((d) => d.locationID === l.locationID).map((d) => d.deploymentID);
    setEditing(undefined);
    if (using.length > 0) {
      setDeleting(undefined);
      return setProblem({ code: 'conflict', message: '', says: { key: 'location-in-use', values: { location: l.locationName, count: using.length, deployments: using.join(', ') } } });
    }
    setProblem(undefined);
    focus.remember();
    setDeleting(l);
  };
  const confirmDelete = async (l: Location) => {
    setBusy(true);
    const r = await api.call('location.delete', { locationID: l.locationID });
    setBusy(false);
    setDeleting(undefined);
    if (!r.ok) return setProblem(r.error);
    onChanged();
    heading.current?.focus();
  };
  const closeEdit = () => {
    setEditing(undefined);
    focus.restore();
  };

  return (
    <section aria-labelledby="locations-heading">
      <h2 id="locations-heading" ref={heading} tabIndex={-1}>
        {t('setup.locations')}
      </h2>
      {locations.length === 0 ? <p className="muted">{t('setup.noLocations')}</p> : null}
      <table className="table" data-testid="locations">
        <thead>
          <tr>
            <th>{t('setup.locationID')}</th>
            <th>{t('setup.locationName')}</th>
            <th>{t('setup.coordinates')}</th>
            <th>{t('setup.timeZone')}</th>
            <th>{t('setup.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {locations.map((l) => (
            <tr key={l.locationID}>
              <td>{l.locationID}</td>
              <td>{l.locationName}</td>
              <td>
                {l.latitude}, {l.longitude}
              </td>
              <td>{l.timeZone}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={t('setup.editNamed', { name: l.locationName })}
                    onClick={() => {
                      setDeleting(undefined);
                      setProblem(undefined);
                      focus.remember();
                      setEditing(l);
                    }}
                  >
                    {t('setup.edit')}
                  </button>
                  <button type="button" aria-label={t('setup.deleteNamed', { name: l.locationName })} onClick={() => startDelete(l)}>
                    {t('setup.delete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={problem} />
      {deleting ? (
        <ConfirmStep
          question={t('setup.confirmDeleteLocation', { name: deleting.locationName })}
          confirmLabel={t('setup.deleteLocation')}
          busy={busy}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => {
            setDeleting(undefined);
            focus.restore();
          }}
        />
      ) : null}
      <LocationForm
        key={editing?.locationID ?? 'new'}
        editing={editing}
        onCancel={editing ? closeEdit : undefined}
        onSaved={() => {
          onChanged();
          if (editing) closeEdit();
        }}
      />
    </section>
  );
}

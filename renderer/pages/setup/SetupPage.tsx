import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockOffset } from './ClockOffset.tsx';
import { DeploymentForm } from './DeploymentForm.tsx';
import { LocationForm } from './LocationForm.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';

export function SetupPage(): JSX.Element {
  const { t } = useTranslation();
  const locations = useCall('location.list', {});
  const deployments = useCall('deployment.list', {});
  return (
    <div className="pad">
      <h2>{t('setup.locations')}</h2>
      <ErrorMessage error={locations.error} />
      {locations.data?.length === 0 ? <p className="muted">{t('setup.noLocations')}</p> : null}
      <table className="table" data-testid="locations">
        <tbody>
          {locations.data?.map((l) => (
            <tr key={l.locationID}>
              <td>{l.locationID}</td>
              <td>{l.locationName}</td>
              <td>
                {l.latitude}, {l.longitude}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LocationForm onAdded={locations.reload} />

      <h2>{t('setup.deployments')}</h2>
      <ErrorMessage error={deployments.error} />
      {deployments.data?.length === 0 ? <p className="muted">{t('setup.noDeployments')}</p> : null}
      <table className="table" data-testid="deployments">
        <thead>
          <tr>
            <th>{t('setup.deploymentID')}</th>
            <th>{t('setup.location')}</th>
            <th>{t('setup.start')}</th>
            <th>{t('setup.end')}</th>
            <th>{t('setup.cameraID')}</th>
            <th>{t('setup.media')}</th>
            <th title={t('setup.offsetHelp')}>{t('setup.clockOffset')}</th>
          </tr>
        </thead>
        <tbody>
          {deployments.data?.map((d) => (
            <tr key={d.deploymentID}>
              <td>{d.deploymentID}</td>
              <td>{d.locationName}</td>
              <td>{d.deploymentStart}</td>
              <td>{d.deploymentEnd}</td>
              <td>{d.cameraID}</td>
              <td>{d.mediaCount}</td>
              <td>
                <ClockOffset deployment={d} onChanged={deployments.reload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {locations.data && locations.data.length > 0 ? <DeploymentForm locations={locations.data} onAdded={deployments.reload} /> : null}
    </div>
  );
}

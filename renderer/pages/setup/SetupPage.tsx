import type { JSX } from 'react';
import { DeploymentsSection } from './DeploymentsSection.tsx';
import { LocationsSection } from './LocationsSection.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useCall } from '../../components/use-call.ts';
import './setup.css';

export function SetupPage(): JSX.Element {
  const locations = useCall('location.list', {});
  const deployments = useCall('deployment.list', {});
  // A location's name, coordinates and zone show in its deployments too.
  const reloadBoth = () => {
    locations.reload();
    deployments.reload();
  };
  return (
    <div className="pad">
      <ErrorMessage error={locations.error ?? deployments.error} />
      {locations.data && deployments.data ? (
        <>
          <LocationsSection locations={locations.data} deployments={deployments.data} onChanged={reloadBoth} />
          <DeploymentsSection locations={locations.data} deployments={deployments.data} onChanged={reloadBoth} />
        </>
      ) : null}
    </div>
  );
}

import fs from 'node:fs';
import { heronDeploymentsCsv } from './shared.ts';

/** Deployment 62c200a9 and its location, as deployments.csv of the Camtrap DP example gives them. */
export function heronDeployment() {
  const [header, ...rows] = fs.readFileSync(heronDeploymentsCsv(), 'utf8').trim().split('\n');
  const columns = (header ?? '').split(',');
  const row = rows.find((r) => r.startsWith('62c200a9,'));
  if (!row) throw new Error('deployment 62c200a9 is missing from deployments.csv');
  // The fields used here hold no quoted commas, which come only after them in the row.
  const values = row.split(',');
  const get = (name: string) => values[columns.indexOf(name)] ?? '';
  return {
    location: { locationID: get('locationID'), locationName: get('locationName'), latitude: Number(get('latitude')), longitude: Number(get('longitude')) },
    deployment: {
      deploymentID: get('deploymentID'),
      locationID: get('locationID'),
      deploymentStart: get('deploymentStart'),
      deploymentEnd: get('deploymentEnd'),
      cameraID: get('cameraID'),
      cameraModel: get('cameraModel'),
      cameraHeight: Number(get('cameraHeight')),
      baitUse: get('baitUse') === 'true',
    },
  };
}

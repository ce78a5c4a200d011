import type { testBackend } from './backend.ts';

/** A library with one location and one deployment wide enough for every fixture's dates. */
export async function libraryWithDeployment(t: ReturnType<typeof testBackend>, dir: string, deploymentID = 'dep1') {
  await t.must('library.create', { path: dir });
  await t.must('location.add', { locationID: 'loc1', locationName: 'Test station', latitude: 50.7, longitude: 4.0 });
  await t.must('deployment.add', { deploymentID, locationID: 'loc1', deploymentStart: '2000-01-01T00:00:00Z', deploymentEnd: '2030-01-01T00:00:00Z' });
}

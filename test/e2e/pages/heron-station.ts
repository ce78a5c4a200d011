import path from 'node:path';
import type { Page } from '@playwright/test';
import { LibraryScreen, Navigation, SetupScreen } from './app-pages.ts';
import { heronDeployment } from '../../support/heron-deployment.ts';

/**
 * What most tests start from: a new library in the test's folder with the heron station and its
 * deployment, entered on the Deployments page as a person would. Leaves the page there.
 */
export async function newLibraryWithHeronStation(page: Page, station: { openUrl: string; workDir: string }): Promise<{ nav: Navigation; deploymentID: string }> {
  const { location, deployment } = heronDeployment();
  await page.goto(station.openUrl);
  await new LibraryScreen(page).create(path.join(station.workDir, 'library'));
  const nav = new Navigation(page);
  await nav.go('deployments');
  const setup = new SetupScreen(page);
  await setup.addLocation(location);
  await setup.addDeployment(deployment);
  await page.getByTestId('deployments').getByText(deployment.deploymentID).first().waitFor();
  return { nav, deploymentID: deployment.deploymentID };
}

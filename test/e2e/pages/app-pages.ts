import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Page objects: what a person does on each screen, in the words of the screen. */

/** The folder browser: from "This computer", one click per folder down to the one wanted. */
export class PickerScreen {
  constructor(private readonly page: Page) {}
  async goTo(folder: string) {
    await this.page.getByTestId('place-computer').click();
    const where = this.page.getByTestId('picker-where');
    await expect(where).toHaveText(path.parse(folder).root);
    let at = path.parse(folder).root;
    for (const part of path.relative(at, folder).split(path.sep).filter(Boolean)) {
      await this.page.getByTestId('picker-entry').filter({ hasText: new RegExp(`^${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
      at = path.join(at, part);
      await expect(where).toHaveText(at);
    }
  }
  choose() {
    return this.page.getByTestId('picker-choose').click();
  }
  /** Opens the browser of a file field and picks the file there. */
  async chooseFile(field: string, file: string) {
    await this.page.getByTestId(`${field}-choose`).click();
    await this.goTo(path.dirname(file));
    await this.page.getByTestId('picker-entry').filter({ hasText: path.basename(file) }).click();
  }
  async newFolder(name: string) {
    await this.page.getByTestId('picker-new-name').fill(name);
    await this.page.getByTestId('picker-new').click();
  }
}

export class LibraryScreen {
  constructor(private readonly page: Page) {}
  async create(dir: string) {
    await this.page.getByTestId('library-path-choose').click();
    const picker = new PickerScreen(this.page);
    await picker.goTo(path.dirname(dir));
    await picker.newFolder(path.basename(dir));
    await this.page.getByTestId('library-create').click();
  }
}

export class Navigation {
  constructor(private readonly page: Page) {}
  go(tab: 'media' | 'import' | 'detect' | 'map' | 'deployments' | 'exchange' | 'settings') {
    return this.page.getByTestId(`nav-${tab}`).click();
  }
}

export class SetupScreen {
  constructor(private readonly page: Page) {}
  async addLocation(l: { locationID: string; locationName: string; latitude: number | string; longitude: number | string }) {
    const form = this.page.getByTestId('location-form');
    await form.locator('[name=locationID]').fill(l.locationID);
    await form.locator('[name=locationName]').fill(l.locationName);
    await form.locator('[name=latitude]').fill(String(l.latitude));
    await form.locator('[name=longitude]').fill(String(l.longitude));
    await form.locator('button[type=submit]').click();
  }
  async addDeployment(d: { deploymentID: string; locationID: string; deploymentStart: string; deploymentEnd: string; cameraID: string; cameraModel: string; cameraHeight: number }) {
    const form = this.page.getByTestId('deployment-form');
    await form.locator('[name=deploymentID]').fill(d.deploymentID);
    await form.locator('[name=locationID]').selectOption(d.locationID);
    await this.pickStationTime('deploymentStart', d.deploymentStart);
    await this.pickStationTime('deploymentEnd', d.deploymentEnd);
    await form.locator('[name=cameraID]').fill(d.cameraID);
    await form.locator('[name=cameraModel]').fill(d.cameraModel);
    await form.locator('[name=cameraHeight]').fill(String(d.cameraHeight));
    await form.getByRole('button', { name: /add deployment/i }).click();
  }
  /** The pickers take the station's wall clock (the date and time an ISO time writes); the offset comes from the station's zone. */
  private async pickStationTime(field: 'deploymentStart' | 'deploymentEnd', iso: string) {
    const form = this.page.getByTestId('deployment-form');
    await form.locator(`[name=${field}Date]`).fill(iso.slice(0, 10));
    await form.locator(`[name=${field}Time]`).fill(iso.slice(11, 19));
  }
}

export class ImportScreen {
  constructor(readonly page: Page) {}
  async preview(folder: string) {
    await this.page.getByTestId('import-source-choose').click();
    const picker = new PickerScreen(this.page);
    await picker.goTo(folder);
    await picker.choose();
    await this.page.getByTestId('import-preview').click();
  }
  start() {
    return this.page.getByTestId('import-start').click();
  }
  chooseDeployment(deploymentID: string) {
    return this.page.getByTestId('import-deployment').selectOption(deploymentID);
  }
  /** The files dated outside the chosen deployment, when there are any. */
  outsideDates() {
    return this.page.getByTestId('outside-dates');
  }
  confirmOutsideDates() {
    return this.page.getByTestId('outside-confirm').check();
  }
  summary() {
    return this.page.getByTestId('import-summary');
  }
}

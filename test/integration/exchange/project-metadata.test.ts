import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParamsOf } from '../../../electron/backend/api/contract.ts';
import { testBackend } from '../../support/backend.ts';
import { removeTempDirs, tempDir } from '../../support/temp-dir.ts';

afterAll(removeTempDirs);

const filled: ParamsOf<'project.set'> = {
  title: 'Pond survey 2024',
  acronym: 'PS24',
  description: 'Camera traps around the pond.',
  website: 'https://example.org/pond',
  samplingDesign: 'systematicRandom',
  captureMethod: ['activityDetection', 'timeLapse', 'timeLapse'],
  individualAnimals: true,
  observationLevel: ['event'],
  contributors: [
    { name: 'Ada Field', email: 'ada@example.org', role: 'contact', organization: 'Pond Station' },
    { name: 'Pond Station', role: 'rightsHolder' },
  ],
  dataLicence: 'CC0-1.0',
  mediaLicence: 'CC-BY-4.0',
  bibliographicCitation: 'Field A (2024). Pond survey 2024.',
};

describe('project metadata of a library', () => {
  it('offers defaults until saved, keeps what was saved across a restart, and replaces it whole', async () => {
    const dir = path.join(tempDir(), 'Heron pond');
    const t = testBackend();
    await t.must('library.create', { path: dir });
    expect(await t.must('project.get', {})).toEqual({
      title: 'Heron pond',
      acronym: null,
      description: null,
      website: null,
      samplingDesign: 'opportunistic',
      captureMethod: ['activityDetection'],
      individualAnimals: false,
      observationLevel: ['media', 'event'],
      contributors: [{ name: '', email: null, role: 'contact', organization: null }],
      dataLicence: 'CC-BY-4.0',
      mediaLicence: 'CC-BY-NC-4.0',
      bibliographicCitation: null,
      saved: false,
    });
    const saved = await t.must('project.set', filled);
    expect(saved).toEqual({
      ...filled,
      captureMethod: ['activityDetection', 'timeLapse'],
      observationLevel: ['event'],
      contributors: [{ name: 'Ada Field', email: 'ada@example.org', role: 'contact', organization: 'Pond Station' }, { name: 'Pond Station', email: null, role: 'rightsHolder', organization: null }],
      saved: true,
    });
    t.backend.close();
    const again = testBackend();
    await again.must('library.open', { path: dir });
    expect(await again.must('project.get', {})).toEqual(saved);
    const fewer = await again.must('project.set', { ...filled, acronym: '  ', contributors: [{ name: 'Bo', role: 'contributor' }] });
    expect(fewer).toMatchObject({ acronym: null, contributors: [{ name: 'Bo', email: null, role: 'contributor', organization: null }] });
  });

  it('refuses what the standard or GBIF would refuse, in words that name the field', async () => {
    const t = testBackend();
    await t.must('library.create', { path: path.join(tempDir(), 'library') });
    const refused = async (change: Record<string, unknown>) => {
      const r = await t.call('project.set', { ...filled, ...change } as ParamsOf<'project.set'>);
      return r.ok ? null : r.error;
    };
    expect(await refused({ contributors: [] })).toMatchObject({ code: 'invalid-input', message: 'Name at least one contributor.' });
    expect(await refused({ contributors: [{ name: ' ', role: 'contact' }] })).toMatchObject({ message: 'The name is missing: fill it in.' });
    expect(await refused({ contributors: [{ name: 'Ada', role: 'author' }] })).toMatchObject({ message: 'The role must be one of the choices offered.' });
    expect(await refused({ contributors: [{ name: 'Ada', email: 'ada at home', role: 'contact' }] })).toMatchObject({ says: { key: 'project-email-not-valid' } });
    expect(await refused({ website: 'example.org' })).toMatchObject({ says: { key: 'project-website-not-valid' } });
    expect(await refused({ samplingDesign: 'random' })).toMatchObject({ message: 'The sampling design must be one of the choices offered.' });
    expect(await refused({ dataLicence: 'CC-BY-SA-4.0' })).toMatchObject({ message: 'The data licence must be one of the choices offered.' });
    expect(await refused({ captureMethod: [] })).toMatchObject({ message: 'Tick at least one capture method.' });
    expect(await refused({ observationLevel: [] })).toMatchObject({ message: 'Tick at least one observation level.' });
    expect(await refused({ title: '' })).toMatchObject({ message: 'The title is missing: fill it in.' });
    expect((await t.must('project.get', {})).saved).toBe(false);
  });

  it('migration 6 keeps one project row and only the profile’s terms', async () => {
    const dir = path.join(tempDir(), 'library');
    const t = testBackend();
    await t.must('library.create', { path: dir });
    await t.must('project.set', filled);
    t.backend.close();
    const db = new Database(path.join(dir, 'library.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(() => db.prepare("INSERT INTO project (project_id, title, sampling_design, capture_method, individual_animals, observation_level, data_licence, media_licence, updated_at) VALUES (2, 'x', 'targeted', '[]', 0, '[]', 'CC0-1.0', 'CC0-1.0', 'now')").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE project SET sampling_design = 'random'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE project SET capture_method = 'activityDetection'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE project_contributors SET role = 'author'").run()).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT name, role FROM project_contributors ORDER BY position').all()).toEqual([
      { name: 'Ada Field', role: 'contact' },
      { name: 'Pond Station', role: 'rightsHolder' },
    ]);
    db.close();
  });
});

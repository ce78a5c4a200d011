import path from 'node:path';
import type { Contributor, ProjectMetadata, ProjectSettings } from './contract.ts';
import type { Db } from '../../library/db.ts';
import { nowIso } from '../../library/ids.ts';
import type { Library } from '../../library/open-library.ts';

interface ProjectRow {
  title: string;
  acronym: string | null;
  description: string | null;
  website: string | null;
  samplingDesign: ProjectSettings['samplingDesign'];
  captureMethod: string;
  individualAnimals: number;
  observationLevel: string;
  dataLicence: ProjectSettings['dataLicence'];
  mediaLicence: ProjectSettings['mediaLicence'];
  bibliographicCitation: string | null;
}

/**
 * What the form offers before anyone saved it: the library's name as title, one contributor
 * to name, data under CC BY (GBIF accepts it and asks credit) and media under CC BY-NC (pictures
 * often show people and places a station would not see sold).
 */
export function defaultProject(libraryName: string): ProjectMetadata {
  return {
    title: libraryName,
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
  };
}

/** The library's project as saved, or the defaults. Arrays are read back as the app wrote them; a hand-edited file may hold anything. */
export function getProject(library: Library): ProjectMetadata {
  const { db } = library;
  const row = db
    .prepare(
      `SELECT title, acronym, description, website, sampling_design AS samplingDesign, capture_method AS captureMethod, individual_animals AS individualAnimals,
              observation_level AS observationLevel, data_licence AS dataLicence, media_licence AS mediaLicence, bibliographic_citation AS bibliographicCitation
       FROM project WHERE project_id = 1`,
    )
    .get() as ProjectRow | undefined;
  if (!row) return defaultProject(path.basename(library.paths.root));
  const contributors = db.prepare('SELECT name, email, role, organization FROM project_contributors ORDER BY position').all() as Contributor[];
  return {
    ...row,
    captureMethod: JSON.parse(row.captureMethod) as ProjectSettings['captureMethod'],
    observationLevel: JSON.parse(row.observationLevel) as ProjectSettings['observationLevel'],
    individualAnimals: row.individualAnimals === 1,
    contributors,
    saved: true,
  };
}

/** Replaces the project and its contributors in one transaction. */
export function setProject(library: Library, project: ProjectSettings): ProjectMetadata {
  const db: Db = library.db;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO project (project_id, title, acronym, description, website, sampling_design, capture_method, individual_animals, observation_level,
         data_licence, media_licence, bibliographic_citation, updated_at)
       VALUES (1, @title, @acronym, @description, @website, @samplingDesign, @captureMethod, @individualAnimals, @observationLevel,
         @dataLicence, @mediaLicence, @bibliographicCitation, @updatedAt)
       ON CONFLICT(project_id) DO UPDATE SET title = excluded.title, acronym = excluded.acronym, description = excluded.description,
         website = excluded.website, sampling_design = excluded.sampling_design, capture_method = excluded.capture_method,
         individual_animals = excluded.individual_animals, observation_level = excluded.observation_level, data_licence = excluded.data_licence,
         media_licence = excluded.media_licence, bibliographic_citation = excluded.bibliographic_citation, updated_at = excluded.updated_at`,
    ).run({
      ...project,
      captureMethod: JSON.stringify(project.captureMethod),
      observationLevel: JSON.stringify(project.observationLevel),
      individualAnimals: project.individualAnimals ? 1 : 0,
      updatedAt: nowIso(),
    });
    db.prepare('DELETE FROM project_contributors').run();
    const insert = db.prepare('INSERT INTO project_contributors (position, name, email, role, organization) VALUES (?, ?, ?, ?, ?)');
    project.contributors.forEach((c, i) => insert.run(i + 1, c.name, c.email, c.role, c.organization));
  })();
  return getProject(library);
}

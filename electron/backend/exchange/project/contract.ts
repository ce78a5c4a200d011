import { z } from 'zod';
import { method } from '../../rpc/define.ts';
import { saying } from '../../rpc/saying.ts';

/** The Creative Commons licences a library's data and media may carry, as Camtrap DP names them in `licenses`. */
export const licences = {
  'CC0-1.0': { path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'CC0 1.0 Universal (public domain)' },
  'CC-BY-4.0': { path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' },
  'CC-BY-NC-4.0': { path: 'https://creativecommons.org/licenses/by-nc/4.0/', title: 'Creative Commons Attribution-NonCommercial 4.0' },
  'CC-BY-SA-4.0': { path: 'https://creativecommons.org/licenses/by-sa/4.0/', title: 'Creative Commons Attribution-ShareAlike 4.0' },
  'CC-BY-NC-SA-4.0': { path: 'https://creativecommons.org/licenses/by-nc-sa/4.0/', title: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0' },
  'CC-BY-ND-4.0': { path: 'https://creativecommons.org/licenses/by-nd/4.0/', title: 'Creative Commons Attribution-NoDerivatives 4.0' },
  'CC-BY-NC-ND-4.0': { path: 'https://creativecommons.org/licenses/by-nc-nd/4.0/', title: 'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0' },
} as const;

export type LicenceName = keyof typeof licences;

/** GBIF publishes data only under these three. */
export const dataLicences = ['CC0-1.0', 'CC-BY-4.0', 'CC-BY-NC-4.0'] as const satisfies readonly LicenceName[];
export const mediaLicences = Object.keys(licences) as [LicenceName, ...LicenceName[]];

/** The Camtrap DP profile's lists (camtrap-dp-profile.json, 1.0.2). */
export const samplingDesigns = ['simpleRandom', 'systematicRandom', 'clusteredRandom', 'experimental', 'targeted', 'opportunistic'] as const;
export const captureMethods = ['activityDetection', 'timeLapse'] as const;
export const observationLevels = ['media', 'event'] as const;
export const contributorRoles = ['contact', 'principalInvestigator', 'rightsHolder', 'publisher', 'contributor'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const contributorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: optionalText(200).refine((e) => e === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), saying('project-email-not-valid')),
  role: z.enum(contributorRoles),
  organization: optionalText(200),
});

export const projectSchema = z.object({
  title: z.string().trim().min(1).max(300),
  acronym: optionalText(50),
  description: optionalText(10_000),
  website: optionalText(500).refine((w) => w === null || /^https?:\/\/\S+\.\S+$/.test(w), saying('project-website-not-valid')),
  samplingDesign: z.enum(samplingDesigns),
  captureMethod: z
    .array(z.enum(captureMethods))
    .refine((v) => v.length > 0, saying('project-needs-capture-method')).transform((v) => [...new Set(v)]),
  individualAnimals: z.boolean(),
  observationLevel: z
    .array(z.enum(observationLevels))
    .refine((v) => v.length > 0, saying('project-needs-observation-level')).transform((v) => [...new Set(v)]),
  contributors: z
    .array(contributorSchema)
    .max(100)
    .refine((v) => v.length > 0, saying('project-needs-contributor')),
  dataLicence: z.enum(dataLicences),
  mediaLicence: z.enum(mediaLicences),
  bibliographicCitation: optionalText(2000),
});

export type ProjectInput = z.input<typeof projectSchema>;
export type ProjectSettings = z.output<typeof projectSchema>;
export type Contributor = ProjectSettings['contributors'][number];

export interface ProjectMetadata extends ProjectSettings {
  /** False while nobody has saved the form: these are the defaults, and the contributor still has no name. */
  saved: boolean;
}

export const projectMethods = {
  'project.get': method<ProjectMetadata>()(z.object({})),
  'project.set': method<ProjectMetadata>()(projectSchema),
} as const;

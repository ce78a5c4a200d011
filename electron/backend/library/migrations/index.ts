import { m001Initial } from './001-initial.ts';
import { m002Detection } from './002-detection.ts';
import { m003ContainerRuns } from './003-container-runs.ts';
import { m004Review } from './004-review.ts';
import { m005Events } from './005-events.ts';
import { m006Project } from './006-project.ts';
import { m007PackageImports } from './007-package-imports.ts';
import { m008ImportedResults } from './008-imported-results.ts';
import { m009PmtilesLayers } from './009-pmtiles-layers.ts';
import { m010SpeciesStage } from './010-species-stage.ts';
import { m011VideoMetadata } from './011-video-metadata.ts';
import { m012CameraProblems } from './012-camera-problems.ts';
import type { Migration } from './migration.ts';

/** Every migration in order. A new one is a new numbered file added at the end of this list. */
export const migrations: readonly Migration[] = [m001Initial, m002Detection, m003ContainerRuns, m004Review, m005Events, m006Project, m007PackageImports, m008ImportedResults, m009PmtilesLayers, m010SpeciesStage, m011VideoMetadata, m012CameraProblems];

export const latestVersion = migrations.length;

import type { ImportPreview } from './contract.ts';
import type { Deployment } from '../library/contract.ts';
import { localTimeToMs, wallClockMs } from '../library/local-time.ts';

interface CardFacts {
  firstTime: string | null;
  lastTime: string | null;
  serials: (string | null)[];
  labels: (string | null)[];
}

function normalized(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A deployment's camera matches when its camera ID is the serial or the label the camera wrote. */
function sameCamera(deployment: Deployment, card: CardFacts): boolean {
  if (!deployment.cameraID) return false;
  const id = normalized(deployment.cameraID);
  if (!id) return false;
  return [...card.serials, ...card.labels].some((v) => v !== null && normalized(v) === id);
}

/** How long the deployment is when it holds every picture of the card once its clock offset is applied, else -1. */
function holding(deployment: Deployment, first: number, last: number): number {
  const start = wallClockMs(deployment.deploymentStart);
  const end = wallClockMs(deployment.deploymentEnd);
  const offset = deployment.clockOffsetSeconds * 1000;
  return start <= first + offset && last + offset <= end ? end - start : -1;
}

/**
 * Only a deployment whose dates hold all of the card's pictures is suggested (a card that spans
 * years is not "in" a three-week deployment: then the user is asked). The same camera first;
 * among equals, the shortest deployment, the closest fit.
 */
export function suggestDeployment(deployments: Deployment[], card: CardFacts): ImportPreview['suggestion'] {
  if (!card.firstTime || !card.lastTime) return null;
  const first = localTimeToMs(card.firstTime);
  const last = localTimeToMs(card.lastTime);
  const ranked = deployments
    .map((d) => ({ d, span: holding(d, first, last), camera: sameCamera(d, card) }))
    .filter((r) => r.span >= 0)
    .sort((a, b) => Number(b.camera) - Number(a.camera) || a.span - b.span);
  const best = ranked[0];
  return best ? { deploymentID: best.d.deploymentID, reason: best.camera ? 'camera-and-dates' : 'dates' } : null;
}

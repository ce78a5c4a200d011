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

/** How much of the card's time span falls inside the deployment, in milliseconds. */
function overlap(deployment: Deployment, first: number, last: number): number {
  const start = wallClockMs(deployment.deploymentStart);
  const end = wallClockMs(deployment.deploymentEnd);
  const from = Math.max(start, first);
  const to = Math.min(end, last);
  return to >= from ? to - from + 1 : -1;
}

/**
 * The same camera with overlapping dates first, then overlapping dates alone; among equals,
 * the deployment that covers more of the card's time span.
 */
export function suggestDeployment(deployments: Deployment[], card: CardFacts): ImportPreview['suggestion'] {
  if (!card.firstTime || !card.lastTime) return null;
  const first = localTimeToMs(card.firstTime);
  const last = localTimeToMs(card.lastTime);
  const ranked = deployments
    .map((d) => ({ d, overlap: overlap(d, first, last), camera: sameCamera(d, card) }))
    .filter((r) => r.overlap >= 0)
    .sort((a, b) => Number(b.camera) - Number(a.camera) || b.overlap - a.overlap);
  const best = ranked[0];
  return best ? { deploymentID: best.d.deploymentID, reason: best.camera ? 'camera-and-dates' : 'dates' } : null;
}

import crypto from 'node:crypto';

/** Short random identifiers in the style of Camtrap DP examples (8 hex characters). */
export function newShortId(): string {
  return crypto.randomBytes(4).toString('hex');
}

export function nowIso(): string {
  return new Date().toISOString();
}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ReachableCheckout {
  /** The checkout's root as the other user sees it. */
  root: string;
  release(): void;
}

/** Runs a command as another user, with none of root's groups. */
export function asUser(uid: number, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ReturnType<typeof spawnSync> {
  return spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', command, ...args], { ...options, encoding: 'utf8' });
}

function canRead(uid: number, file: string): boolean {
  return asUser(uid, 'test', ['-r', file]).status === 0;
}

/**
 * The checkout at a path another user can read: where it is when every folder above it lets
 * others in, else bind-mounted under a temporary folder that does (a clone inside `mktemp -d`
 * is mode 0700). Returns the reason in plain words when neither works, for the test to fail with.
 */
export function reachableCheckout(uid: number, probe: string): ReachableCheckout | string {
  const checkout = process.cwd();
  if (canRead(uid, path.join(checkout, probe))) return { root: checkout, release: () => undefined };
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'camtrap-checkout-'));
  fs.chmodSync(outside, 0o755);
  const root = path.join(outside, 'checkout');
  fs.mkdirSync(root);
  const release = (): void => {
    spawnSync('umount', ['-l', root]);
    fs.rmSync(outside, { recursive: true, force: true });
  };
  const mounted = spawnSync('mount', ['--bind', '-o', 'ro', checkout, root], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    release();
    return `user ${uid} cannot read ${probe} in the checkout at ${checkout} (a folder above it is closed to other users), and it could not be mounted elsewhere (${(mounted.stderr || mounted.error?.message || '').trim()}). Run the tests as root, or from a checkout in a folder others may enter.`;
  }
  if (!canRead(uid, path.join(root, probe))) {
    release();
    return `user ${uid} cannot read ${probe} even in the checkout itself (${checkout}): its own folders are closed to other users. Clone it with a umask that lets others read (022).`;
  }
  return { root, release };
}

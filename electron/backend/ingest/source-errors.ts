import type { Says } from '../rpc/messages.ts';

/** Plain words for the errors a card gives when a file cannot be read. */
export function describeSourceError(err: NodeJS.ErrnoException): Says {
  switch (err.code) {
    case 'EIO':
      return { key: 'card-file-read-error' };
    case 'EACCES':
    case 'EPERM':
      return { key: 'card-file-no-permission' };
    case 'ENOENT':
      return { key: 'card-file-vanished' };
    default:
      return { key: 'card-file-unreadable', values: { code: err.code ?? err.message } };
  }
}

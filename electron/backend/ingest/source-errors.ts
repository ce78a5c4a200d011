/** Plain words for the errors a card gives when a file cannot be read. */
export function describeSourceError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'EIO':
      return 'The card could not read this file (input/output error): the card may be damaged. The file was left on the card.';
    case 'EACCES':
    case 'EPERM':
      return 'This file cannot be opened: permission denied. The file was left on the card.';
    case 'ENOENT':
      return 'The file disappeared from the card during the import.';
    default:
      return `This file could not be read (${err.code ?? err.message}). The file was left on the card.`;
  }
}

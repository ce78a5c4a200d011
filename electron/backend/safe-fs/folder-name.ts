const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A folder name for an identifier from the data (a Camtrap DP deploymentID may hold any
 * characters): separators, '..', ':' and other characters Windows refuses become '_', reserved
 * Windows names get a '_' in front, trailing dots and spaces go. The same ID always gives the same name.
 */
export function safeFolderName(id: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are among what a folder name may not hold
  let name = id.normalize('NFC').replace(/[/\\:*?"<>|\x00-\x1f]/g, '_').replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) name = `_${name}`;
  if (reserved.test(name)) name = `_${name}`;
  return name.slice(0, 120);
}

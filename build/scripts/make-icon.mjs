// npm run make:icon — the app's icon for the installers (build/packaging/icon.png, which
// electron-builder finds in its build resources and turns into each system's own format) drawn
// from the one source, renderer/public/icon.svg, which the page itself shows as its icon.
// Run it after changing the SVG; a test checks that the two still agree.
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '../..');
export const iconSource = path.join(root, 'renderer', 'public', 'icon.svg');
export const iconFile = path.join(root, 'build', 'packaging', 'icon.png');

/** 1024 pixels square: the largest size macOS asks for; the others are made from it. */
export function renderIcon() {
  return sharp(iconSource, { density: 288 }).resize(1024, 1024).png();
}

if (process.argv[1] === import.meta.filename) {
  await renderIcon().toFile(iconFile);
  console.log(`make:icon: ${iconFile}`);
}

/* global module */
// electron-builder's configuration: `electron-builder --config build/packaging/electron-builder.config.cjs`.
// The app's code goes into app.asar with its production dependencies only; native modules are
// unpacked beside it (a .node file cannot be loaded from inside an archive) and rebuilt for
// Electron; what the app looks up at run time (bundle/resource-dir.ts) lies in resources/,
// beside app.asar: the worker image tarball with its SHA-256 and manifest, the model packages,
// the Camtrap DP schemas and the species checklist. The basemap is part of the renderer's build.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'org.camtrapstation.desktop',
  productName: 'Camtrap Station',
  copyright: 'Camtrap Station contributors',
  directories: { output: 'release', buildResources: 'build/packaging' },
  files: ['package.json', 'dist-electron/**/*', 'dist/renderer/**/*', '!**/*.map'],
  asar: true,
  asarUnpack: [
    'node_modules/better-sqlite3/**/*',
    'node_modules/sharp/**/*',
    'node_modules/@img/**/*',
    'node_modules/onnxruntime-node/**/*',
    'node_modules/@ffmpeg-installer/**/*',
    'node_modules/@ffprobe-installer/**/*',
  ],
  extraResources: [
    { from: 'resources/image', to: 'image', filter: ['*.tar.gz', '*.tar.gz.sha256', 'image-manifest.json'] },
    { from: 'resources/models', to: 'models', filter: ['**/manifest.json', '**/*.onnx', '**/*.txt', '**/*.json', '**/LICENSE*'] },
    { from: 'resources/spec', to: 'spec' },
    { from: 'resources/species', to: 'species' },
  ],
  // Native modules are rebuilt against Electron's headers; that needs a download, so the stand-in
  // build of `npm run package:dir` turns it off (and says so).
  npmRebuild: true,
  linux: { target: ['AppImage', 'deb'], category: 'Science', maintainer: 'Camtrap Station contributors', synopsis: 'Camera-trap pictures to species maps, offline' },
  deb: { depends: ['libnss3', 'libxss1'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education' },
};

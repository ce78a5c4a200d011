// The layers of the code, lowest first. An import may point to its own layer or one below,
// never up; lint turns this table into import-x/no-restricted-paths zones.
export const backendLayers = [
  { name: 'ground', dirs: ['rpc', 'events', 'tasks', 'log', 'workers', 'safe-fs', 'media-tools', 'bundle'] },
  { name: 'library', dirs: ['library'] },
  { name: 'domains', dirs: ['ingest', 'detect', 'review', 'analysis', 'engine', 'browse', 'exchange'] },
  { name: 'app', dirs: ['app'] },
  { name: 'roof', dirs: ['api', 'server', 'cli'] },
].map((layer) => ({ ...layer, paths: layer.dirs.map((d) => `./electron/backend/${d}`) }));

export const rendererLayers = [
  { name: 'ground', paths: ['./renderer/api', './renderer/i18n'] },
  { name: 'components', paths: ['./renderer/components'] },
  { name: 'pages', paths: ['./renderer/pages'] },
  { name: 'shell', paths: ['./renderer/App.tsx', './renderer/main.tsx'] },
];

/** One zone per layer: its files may not import from any layer above it. */
export function layerZones(layers) {
  return layers.slice(0, -1).flatMap((layer, i) => {
    const above = layers.slice(i + 1);
    return layer.paths.map((target) => ({
      target,
      from: above.flatMap((a) => a.paths),
      message: `The ${layer.name} layer may not import from the layers above it (${above.map((a) => a.name).join(', ')}).`,
    }));
  });
}

/** Electron main and preload sit above the whole backend, which also runs without Electron. */
export const shellZone = {
  target: './electron/backend',
  from: ['./electron/main.ts', './electron/preload.ts', './electron/security.ts', './electron/protocol.ts'],
  message: 'The backend runs in plain Node too: it may not import the Electron shell.',
};

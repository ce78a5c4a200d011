import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // JSON.parse reads the basemap's megabytes of TopoJSON several times faster than a JS object literal of them.
  json: { stringify: true },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});

// The renderer as a plain web bundle: the same UI with the browser implementation of the platform.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { rendererAliases } from './renderer/vite.shared.ts';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { alias: rendererAliases('browser', resolve(import.meta.dirname, 'renderer')) },
  // The first script holds only what Home needs; screens, the library, the grader's language model and
  // the charts are chunks fetched on demand (see README, "Startup budget"). Parsing 4 MB of script
  // before the first paint cost more than a few extra requests from disk or loopback ever do. The
  // manifest lets scripts/bundle-budget.mjs count what index.html loads before the first paint.
  build: { outDir: '../out/web', emptyOutDir: true, manifest: true },
  // ES workers, so the library worker can share chunks and load the built-in packs on demand.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

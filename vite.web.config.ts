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
  // Served from disk or loopback, never over a network: one bundle loads faster than many chunks.
  build: { outDir: '../out/web', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});

import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { rendererAliases } from './renderer/vite.shared.ts';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: rendererAliases('browser', resolve(import.meta.dirname, 'renderer')) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['electron/**/*.test.ts', 'renderer/src/core/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/src/**/*.test.{ts,tsx}'],
          exclude: ['renderer/src/core/**'],
          setupFiles: ['renderer/src/test/setup.ts'],
        },
      },
    ],
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { inputProfiles } from './scripts/vite/inputProfiles.ts';

/** Vite builds the browser app from client/ into dist/, which the Node server serves. */
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  plugins: [react(), inputProfiles()],
  resolve: { dedupe: ['three', 'react', 'react-dom'] },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.{ts,tsx}'],
    // NOTE: tests of a PostgreSQL server's own behaviour need one: `npm run test:postgres` runs them.
    exclude: ['**/node_modules/**', ...(process.env.TEST_DATABASE_URL ? [] : ['tests/integration/postgres/**'])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // NOTE: browser tests render on the CPU (SwiftShader); a panel's layout can take seconds on a busy machine.
    expect: { poll: { timeout: 15_000 } },
  },
});

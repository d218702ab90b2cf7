/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { inputProfiles } from './scripts/vite/inputProfiles.ts';

/** Vite builds the browser app from client/ into dist/, which the Node server serves. */
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  // NOTE: every text asset also as .br and .gz next to it, served by server/http/static.ts to browsers that
  // accept them: compressed once at build time, never per request.
  plugins: [
    react(),
    inputProfiles(),
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|mjs|css|html|json|svg|wasm|txt)$/, threshold: 1024 }),
  ],
  resolve: { dedupe: ['three', 'react', 'react-dom'] },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  test: {
    root: '.',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // NOTE: browser tests render on the CPU (SwiftShader); a panel's layout can take seconds on a busy machine.
    expect: { poll: { timeout: 15_000 } },
    // NOTE: four projects, run one after another (groupOrder) so a slow suite never starves a fast one:
    // unit (no server, no database) a file per thread; integration (each file boots its own server on
    // port 0 with its own database) two files at a time; e2e (each file drives Chromium on the CPU) one at a time.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/assets/**/*.test.ts'], pool: 'threads' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // NOTE: tests of a PostgreSQL server's own behaviour need one: `npm run test:postgres` runs them.
          exclude: [
            '**/node_modules/**',
            'tests/integration/server/cluster/**',
            ...(process.env.TEST_DATABASE_URL ? [] : ['tests/integration/postgres/**']),
          ],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // NOTE: the venue on several processes (Redis, a PostgreSQL cluster, N servers, the proxy):
          // started once per file by the tests, one file at a time; not part of the PostgreSQL rerun
          // of the integration project, since it always runs on a PostgreSQL server of its own.
          name: 'cluster',
          include: ['tests/integration/server/cluster/**/*.test.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 3 } },
      },
    ],
  },
});

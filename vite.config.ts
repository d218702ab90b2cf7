/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Vite builds the browser app from client/ into dist/, which the Node server serves. */
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  plugins: [react()],
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
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

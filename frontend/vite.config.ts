import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies API calls to the Go server; override with PARTNERHUB_API_URL.
const apiTarget = process.env.PARTNERHUB_API_URL ?? 'http://localhost:8080';

// Each HTML entry is a page; the output mirrors the source layout, so the Go
// server can serve dist/ at `/` (dist/index.html, dist/explorer/index.html).
const pages = {
  app: resolve(import.meta.dirname, 'index.html'),
  explorer: resolve(import.meta.dirname, 'explorer/index.html'),
};

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The explorer entry bundles GraphiQL (~700 kB minified, ~230 kB gzipped);
    // raise the warning threshold just above it so real regressions still show.
    chunkSizeWarningLimit: 800,
    rollupOptions: { input: pages },
  },
  server: {
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    testTimeout: 20000,
    setupFiles: ['src/test/setup.ts'],
    reporters: ['default', './scripts/summary-reporter.mjs'],
  },
});

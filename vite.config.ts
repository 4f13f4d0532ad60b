/**
 * Build of the web app (portal `/`, console `/console`, ops `/ops`): one React app, served
 * by the platform from dist/web. In development `npm run dev:web` proxies /api to a
 * platform started with `npm start` on port 3000.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pwa } from './web/build/pwa-plugin';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react(), pwa()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre's and ECharts' own chunks are large by nature and load only where used.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

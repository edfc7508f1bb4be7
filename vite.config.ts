import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline after the first visit: a service worker precaches the app shell and every chunk
    // (lessons, presenter, the worker, mathjs, the survey), CSS and fonts. Large data under
    // public/data/ is cached when first used instead. Updates use 'prompt': a new version waits
    // until every MF Lab tab is closed or the person clicks "Update now" — an open lecture never
    // reloads by itself (autoUpdate would reload the page under the instructor's hands).
    VitePWA({
      registerType: 'prompt',
      // Registered by src/offline/serviceWorker.ts (workbox-window), so tests need no plugin.
      injectRegister: false,
      manifest: {
        name: 'MF Lab — matrix factorization for recommenders',
        short_name: 'MF Lab',
        description: 'See and touch matrix factorization and alternating least squares for recommender systems.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#14213d',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // woff2 only: every browser with service workers reads it, so KaTeX's woff/ttf copies are never asked for.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        globIgnores: ['data/**', 'screenshots/**', '**/*.map'],
        // The main chunk (React, d3, the lessons) is about 0.9 MB; leave room for growth.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/data\//],
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once (a lecture may lose the network before a reload);
        // an update still waits (skipWaiting stays off).
        clientsClaim: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/data/'),
            handler: 'CacheFirst',
            options: { cacheName: 'mf-lab-data', expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
});

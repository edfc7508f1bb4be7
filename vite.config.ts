import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The fonts the first screen is drawn in, asked for with the page instead of after the script
 * has run and the CSS has been applied: fontsource declares `font-display: swap`, so a font that
 * arrives after the first paint redraws every line in it — the header and the lab moved down
 * and sideways (layout shift 0.52 on a phone-sized first load, bench:load). The Latin subsets
 * only; other scripts load when a page uses them.
 */
function preloadFirstFonts(): Plugin {
  const FIRST = [
    /^atkinson-hyperlegible-latin-400-normal-.*\.woff2$/,
    /^atkinson-hyperlegible-latin-700-normal-.*\.woff2$/,
    /^atkinson-hyperlegible-mono-latin-400-normal-.*\.woff2$/,
  ];
  let base = '/';
  return {
    name: 'mf-lab-preload-first-fonts',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const paths = Object.keys(ctx.bundle ?? {}).filter((path) => {
          const file = path.split('/').pop() ?? path;
          return FIRST.some((font) => font.test(file));
        });
        return paths.map((path) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `${base}${path}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    preloadFirstFonts(),
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

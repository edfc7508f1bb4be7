import { defineConfig, type Connect, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import compression from 'compression';

/**
 * The page is drawn before its script runs. Vite's entry tag is a module script, which the
 * browser runs as soon as it has arrived and the HTML is parsed — before the first frame when
 * the script is quick to come, so the header and "Loading MF Lab…" waited for React, d3 and
 * the lab's modules to be evaluated (on a phone, a second or more of a blank white page). Here
 * every module is still fetched at once, with the page (modulepreload, low priority so the
 * stylesheet goes first), and a small inline script starts the entry after the first frame has
 * been drawn: after a requestAnimationFrame callback and one more task, or after 300 ms when
 * no frame comes (a tab opened in the background draws nothing until it is shown).
 */
function startAfterFirstPaint(): Plugin {
  return {
    name: 'mf-lab-start-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
        if (!entry) throw new Error('start-after-first-paint: the entry <script type="module"> was not found in index.html');
        const src = entry[1]!;
        const loader =
          `<script>(function(){var started=false;function start(){if(started)return;started=true;` +
          `var s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=${JSON.stringify(src)};` +
          `document.head.appendChild(s)}requestAnimationFrame(function(){setTimeout(start,0)});setTimeout(start,300)})();</script>`;
        return html
          .replace(entry[0], `<link rel="modulepreload" crossorigin href="${src}" fetchpriority="low">\n    `)
          .replace(
            /<link rel="modulepreload" crossorigin href="([^"]+)">/g,
            '<link rel="modulepreload" crossorigin href="$1" fetchpriority="low">',
          )
          .replace('</body>', `  ${loader}\n  </body>`);
      },
    },
  };
}

/**
 * `npm run preview` (and the page benchmarks and end-to-end tests, which serve the build with
 * Vite's preview server) sends text compressed, as every static host does: without it a phone
 * on a slow network would be measured fetching 400 kB of JavaScript where it fetches 130 kB.
 */
function compressPreview(): Plugin {
  return {
    name: 'mf-lab-compress-preview',
    configurePreviewServer(server) {
      // compression's types are Express's; a Node request and response are all it reads.
      server.middlewares.use(compression() as unknown as Connect.NextHandleFunction);
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    startAfterFirstPaint(),
    compressPreview(),
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

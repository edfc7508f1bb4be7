import { defineConfig } from 'vitest/config';
import { lessonHtmlPlugin } from './src/cli/lessonHtmlPlugin.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // The lessons' HTML typeset ahead of time, as in the build (src/lessons/lessonHtml.ts).
        plugins: [lessonHtmlPlugin()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Waits for the page (expect.poll) allow for a busy two-core machine: a first render can take seconds.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the machine has two cores and the app runs a worker.
          fileParallelism: false,
        },
      },
    ],
  },
});

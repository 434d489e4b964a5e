import { defineConfig } from 'vitest/config';

/** The fast suite: pure tests only, no web build, no database, no browser (npm run test:unit). */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/**/*.db.test.ts',
      'test/**/*.browser.test.ts',
      'test/**/*.process.test.ts',
      'test/platform/embedded-*.test.ts',
      'test/platform/wire-server.test.ts',
    ],
    maxWorkers: 2,
    // a busy 2-core machine runs the larger pure tests (the whole unit map) for seconds
    testTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config'
import base from './vite.config.ts'

// Browser tests drive the built app (dist/) in headless Chromium; run after `npm run build`.
export default defineConfig({
  ...base,
  test: {
    include: ['test/browser/**/*.e2e.ts', 'test/report/**/*.e2e.ts'],
    globalSetup: ['test/browser/server.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One retry absorbs timing noise on a shared 2-core machine; a test failing twice still fails CI.
    retry: 1,
  },
})

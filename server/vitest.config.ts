import { defineConfig } from 'vitest/config'

// Database suites start PGlite and pg-boss; run files one at a time so two cores are enough.
export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})

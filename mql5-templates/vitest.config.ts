import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'mql5-templates',
    include: ['src/**/*.test.ts'],
  },
})

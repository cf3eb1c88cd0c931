import { defineConfig } from 'vitest/config'

// One vitest run covers every package. Each package keeps its own config so that
// `npx vitest run --project compiler -t sma` filters the way CONTRIBUTING.md says.
export default defineConfig({
  test: {
    projects: ['runtime', 'mql5-templates', 'compiler', 'drizzle', 'server', 'web'],
  },
})

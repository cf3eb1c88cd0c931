import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

// A port of its own, so a developer's running app (8787) is never mistaken for the test server.
const PORT = Number(process.env.E2E_PORT ?? 8799)
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results',
  // One worker: the machine is shared and the tests drive one real server and database.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        viewport: { width: 1440, height: 900 },
      },
    },
  ],
  webServer: {
    // Builds the web app, then starts the real server (API + web/dist) on a throw-away PGlite
    // directory; with DATABASE_URL set, the server uses that PostgreSQL instead.
    command: 'npm run build -w @tradeloom/web && node --import tsx web/e2e/start-server.ts',
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/api/health`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets start-server.ts stop the server and delete its temporary database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
})

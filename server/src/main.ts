import { serve } from '@hono/node-server'
import { createDb } from '@tradeloom/drizzle'
import { createApp } from './app'
import { readServerConfig } from './config'
import { onShutdown } from './shutdown'
import { startServices } from './start-services'
import { LOCAL_USER_EMAIL } from './users/ensure-local-user'

// HTTP entry point: API + built web app on one port, with in-process job workers.
const config = readServerConfig()
const database = await createDb()
// PGlite lives inside this process, so no other process could run its jobs.
const workers = config.inProcessWorkers || database.kind === 'pglite'
const services = await startServices({
  database,
  jobSchema: config.jobSchema,
  workers,
  workersPerQueue: config.workersPerQueue,
  localUser: config.mode === 'local',
})

const app = createApp({
  db: database.db,
  databaseKind: database.kind,
  jobs: services.jobs,
  settings: {
    mode: config.mode,
    localUser: services.localUser,
    trustProxy: config.trustProxy,
    maxUploadBytes: config.maxUploadBytes,
    backtestTimeoutSeconds: config.backtestTimeoutSeconds,
    publicUrl: config.publicUrl,
    paperTerminalUrl: config.paperTerminalUrl,
  },
  webDist: config.webDist,
})

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  console.log(`Database: ${database.kind} (${database.location})`)
  console.log(
    `Jobs: ${workers ? 'in-process workers' : 'no in-process workers (run npm run worker)'}`,
  )
  console.log(
    config.mode === 'local'
      ? `Mode: local (signed in automatically as ${LOCAL_USER_EMAIL}; TRADELOOM_MODE=multi requires accounts)`
      : 'Mode: multi-user (register or log in)',
  )
  console.log(`Tradeloom running at http://${shownHost}:${info.port}`)
})
server.on('error', (error: NodeJS.ErrnoException) => {
  const reason =
    error.code === 'EADDRINUSE'
      ? `port ${config.port} is already in use; stop the other process or set PORT`
      : error.message
  console.error(`Cannot start the HTTP server: ${reason}`)
  void services.close().finally(() => process.exit(1))
})

onShutdown(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await services.close()
})

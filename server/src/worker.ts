import { createDb, resolveDbConfig } from '@tradeloom/drizzle'
import { readServerConfig } from './config'
import { onShutdown } from './shutdown'
import { startServices } from './start-services'

// Worker entry point (`npm run worker`): pg-boss workers only, no HTTP, on the same database.
const config = readServerConfig()
if (resolveDbConfig().kind === 'pglite') {
  console.error(
    'npm run worker needs DATABASE_URL: the embedded PGlite database belongs to the one process ' +
      'that opened it, so `npm start` already runs the jobs in-process.',
  )
  process.exit(1)
}
const database = await createDb()
const services = await startServices({
  database,
  jobSchema: config.jobSchema,
  workers: true,
  workersPerQueue: config.workersPerQueue,
})
console.log(
  `Tradeloom worker polling ${services.jobs.status().queues.join(', ')} on ${database.location}`,
)
onShutdown(() => services.close())

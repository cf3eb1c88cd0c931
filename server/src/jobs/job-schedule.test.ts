import { randomUUID } from 'node:crypto'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import type { TestDatabase } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { JobDefinition } from './job-definition'
import { createJobEngine } from './job-engine'
import type { JobEngine } from './job-engine'

describe.each(databaseTargets())('scheduled jobs on $name', (target) => {
  let test: TestDatabase
  let engine: JobEngine
  const schema = `pgboss_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`

  const everyMinute: JobDefinition<Record<string, never>> = {
    queue: 'test.every-minute',
    payloadSchema: z.object({}).strict() as z.ZodType<Record<string, never>>,
    queueOptions: { retryLimit: 0 },
    schedule: { cron: '* * * * *' },
    async handle() {},
  }
  const unscheduled: JobDefinition<Record<string, never>> = {
    ...everyMinute,
    queue: 'test.on-demand',
    schedule: undefined,
  }

  beforeAll(async () => {
    test = await target.open()
    engine = createJobEngine({
      connection: test.handle.jobConnection,
      jobs: [everyMinute, unscheduled] as JobDefinition<unknown>[],
      schema,
      pollingIntervalSeconds: 0.5,
    })
    await engine.start()
  })
  afterAll(async () => {
    await engine?.stop()
    await test?.dispose()
  })

  const schedules = async () => {
    const result = await test.handle.db.execute(
      `select name, cron, timezone from ${schema}.schedule order by name`,
    )
    return (result as unknown as { rows: unknown[] }).rows
  }

  it('registers the cron of scheduled job kinds when workers start, and only theirs', async () => {
    expect(await schedules()).toEqual([])
    await engine.startWorkers(test.handle.db)
    expect(await schedules()).toEqual([
      { name: 'test.every-minute', cron: '* * * * *', timezone: 'UTC' },
    ])
    // A second process (or a restart) registers it again without a duplicate.
    await engine.startWorkers(test.handle.db)
    expect(await schedules()).toHaveLength(1)
  })
})

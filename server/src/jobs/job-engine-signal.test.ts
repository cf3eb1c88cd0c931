import { randomUUID } from 'node:crypto'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import type { TestDatabase } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { waitFor } from '../test-support/test-server'
import type { JobDefinition } from './job-definition'
import { createJobEngine, ENGINE_STOPPING, JOB_CANCELLED } from './job-engine'
import type { JobEngine } from './job-engine'

/**
 * Long-running job kinds (paper terminals): their own concurrency, and a signal that tells a
 * handler it was cancelled or that the process is stopping.
 */
describe.each(databaseTargets())('job engine: concurrency and signal on $name', (target) => {
  let test: TestDatabase
  let engine: JobEngine
  const running = new Set<number>()
  const ended: { n: number; reason: unknown }[] = []

  // Runs until its signal aborts, like a paper terminal.
  const endless: JobDefinition<{ n: number }> = {
    queue: 'test.endless',
    payloadSchema: z.object({ n: z.int() }),
    queueOptions: { retryLimit: 0, expireInSeconds: 600 },
    concurrency: 3,
    async handle({ n }, { signal }) {
      running.add(n)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
      running.delete(n)
      ended.push({ n, reason: signal.reason })
    },
  }

  beforeAll(async () => {
    test = await target.open()
    engine = createJobEngine({
      connection: test.handle.jobConnection,
      jobs: [endless],
      schema: `pgboss_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`,
      pollingIntervalSeconds: 0.5,
    })
    await engine.start()
    await engine.startWorkers(test.handle.db)
  })
  afterAll(async () => {
    await engine?.stop()
    await test?.dispose()
  })

  it('runs `concurrency` jobs of a kind at once, tells a cancelled one, then the rest on stop', async () => {
    expect(engine.status().workers).toBe(3)
    const ids = [await engine.send(endless, { n: 1 }), await engine.send(endless, { n: 2 })]
    await engine.send(endless, { n: 3 })
    await waitFor(
      () => Promise.resolve(running.size),
      (size) => size === 3,
    )
    await engine.cancel(endless, ids[1]!)
    await waitFor(
      () => Promise.resolve(ended.length),
      (count) => count === 1,
    )
    expect(ended).toEqual([{ n: 2, reason: JOB_CANCELLED }])
    await engine.stop()
    expect(ended.slice(1).sort((a, b) => a.n - b.n)).toEqual([
      { n: 1, reason: ENGINE_STOPPING },
      { n: 3, reason: ENGINE_STOPPING },
    ])
  })
})

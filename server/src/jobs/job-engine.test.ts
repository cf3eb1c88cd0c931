import { randomUUID } from 'node:crypto'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import type { TestDatabase } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { waitFor } from '../test-support/test-server'
import type { JobDefinition } from './job-definition'
import { createJobEngine } from './job-engine'
import type { JobEngine } from './job-engine'

describe.each(databaseTargets())('job engine on $name', (target) => {
  let test: TestDatabase
  let engine: JobEngine
  const attempts: { n: number; isLastAttempt: boolean }[] = []

  // Fails its first attempt the way a dropped connection would, then succeeds.
  const flaky: JobDefinition<{ n: number }> = {
    queue: 'test.flaky',
    payloadSchema: z.object({ n: z.int() }),
    queueOptions: { retryLimit: 1, retryDelay: 0 },
    async handle({ n }, { isLastAttempt }) {
      attempts.push({ n, isLastAttempt })
      if (attempts.length === 1) throw new Error('connection reset')
    },
  }

  beforeAll(async () => {
    test = await target.open()
    engine = createJobEngine({
      connection: test.handle.jobConnection,
      jobs: [flaky],
      schema: `pgboss_test_${randomUUID().replaceAll('-', '').slice(0, 10)}`,
      pollingIntervalSeconds: 0.5,
    })
  })
  afterAll(async () => {
    await engine?.stop()
    await test?.dispose()
  })

  it('reports its state through start and stop', async () => {
    expect(engine.status()).toEqual({ state: 'stopped', queues: ['test.flaky'], workers: 0 })
    await engine.start()
    await engine.startWorkers(test.handle.db)
    expect(engine.status()).toEqual({ state: 'running', queues: ['test.flaky'], workers: 1 })
  })

  it('retries a job whose handler throws, telling it when the last attempt comes', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await engine.send(flaky, { n: 42 })
    await waitFor(
      () => Promise.resolve(attempts.length),
      (count) => count >= 2,
    )
    const logged = log.mock.calls.map((call) => String(call[0]))
    log.mockRestore()
    expect(logged).toEqual([
      expect.stringMatching(/^Job test\.flaky \S+ failed \(attempt 1 of 2\):$/),
    ])
    expect(attempts).toEqual([
      { n: 42, isLastAttempt: false },
      { n: 42, isLastAttempt: true },
    ])
  })

  it('refuses to send a payload its queue would reject', async () => {
    await expect(engine.send(flaky, { n: 1.5 })).rejects.toThrow(/expected int/i)
  })

  it('stops', async () => {
    await engine.stop()
    expect(engine.status().state).toBe('stopped')
  })
})

import type { Context } from 'hono'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { ZodType } from 'zod'
import { AppError, PayloadTooLargeError, ValidationError } from '../errors'
import { issuesFromZod } from '../validation'
import { acceptAck } from './ack'
import { eaAuth } from './auth'
import type { EaEnv } from './auth'
import { acceptHeartbeat } from './heartbeat'
import { acceptHello } from './hello'
import { createRateLimiter } from './rate-limit'
import { acceptReady } from './ready'
import { ackMessage, heartbeatMessage, helloMessage, readyMessage, tradesMessage } from './schemas'
import { acceptTrades } from './trades'

/** Largest request body of the protocol (§3): 50 trade reports fit many times over. */
export const EA_MAX_BODY_BYTES = 256 * 1024

/** Per deployment: 30 at once, 2 more a second (protocol §4: 120 a rolling minute). */
const limiter = createRateLimiter({ capacity: 30, refillPerSecond: 2 })

const eaBodyLimit = bodyLimit({
  maxSize: EA_MAX_BODY_BYTES,
  onError: () => {
    throw new PayloadTooLargeError(`Body is larger than ${EA_MAX_BODY_BYTES / 1024} KiB`)
  },
})

/** Reads and validates one protocol message; unknown members are dropped, as §1 requires. */
async function readMessage<T>(c: Context<EaEnv>, name: string, schema: ZodType<T>): Promise<T> {
  let json: unknown
  try {
    json = JSON.parse(await c.req.text())
  } catch {
    throw new AppError(400, 'invalid_json', `The ${name} body is not valid JSON`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error)
    const first = issues[0]
    throw new ValidationError(
      `Invalid ${name} message: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'invalid'}`,
      issues,
    )
  }
  return parsed.data
}

/**
 * EA control protocol v1 (docs/ea-protocol.md), under `/api/ea`. No session: each request carries
 * its deployment's bearer token (`eaAuth`). The paper terminal uses exactly these routes.
 */
export const eaRoutes = new Hono<EaEnv>()
  .use(
    '/v1/deployments/:id/*',
    eaBodyLimit,
    eaAuth(limiter, () => Date.now()),
  )
  .post('/v1/deployments/:id/hello', async (c) => {
    const hello = await readMessage(c, 'hello', helloMessage)
    return c.json(await acceptHello(c.var.db, c.var.deployment, hello, new Date()))
  })
  .post('/v1/deployments/:id/ready', async (c) => {
    const ready = await readMessage(c, 'ready', readyMessage)
    return c.json(await acceptReady(c.var.db, c.var.deployment, ready, new Date()))
  })
  .post('/v1/deployments/:id/heartbeat', async (c) => {
    const heartbeat = await readMessage(c, 'heartbeat', heartbeatMessage)
    return c.json(await acceptHeartbeat(c.var.db, c.var.deployment.id, heartbeat, new Date()))
  })
  .post('/v1/deployments/:id/ack', async (c) => {
    const ack = await readMessage(c, 'ack', ackMessage)
    return c.json(await acceptAck(c.var.db, c.var.deployment.id, ack, new Date()))
  })
  .post('/v1/deployments/:id/trades', async (c) => {
    const { reports } = await readMessage(c, 'trades', tradesMessage)
    return c.json(await acceptTrades(c.var.db, c.var.deployment, reports, new Date()))
  })

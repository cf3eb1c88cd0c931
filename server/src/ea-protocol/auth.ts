import { and, desc, eq } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { deploymentCommands, deployments } from '@tradeloom/drizzle'
import type { Db, DeploymentRow } from '@tradeloom/drizzle'
import type { AppEnv } from '../app-env'
import { DEPLOYMENT_TOKEN_PATTERN, tokenMatches } from '../deployments/token'
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../errors'
import type { RateLimiter } from './rate-limit'

/** What every protocol handler finds on `c.var`: the deployment the token belongs to. */
export interface EaEnv {
  Variables: AppEnv['Variables'] & { deployment: DeploymentRow }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Messages a revoked token may still send while a kill-switch command waits for the EA. */
const SERVED_WHILE_KILLING = new Set(['heartbeat', 'ack', 'trades'])
/**
 * The EA sends its ack before the trades of the same tick (protocol §4), so the deals a
 * `close_all` produced arrive just after the ack: trade reports stay welcome this long after it.
 */
export const CLOSING_DEALS_GRACE_MS = 10 * 60_000

/**
 * One answer for a missing, malformed, unknown or wrong token, another deployment's token and an
 * unknown deployment (protocol §2): nothing tells a guesser which it was.
 */
function unauthorized(): UnauthorizedError {
  return new UnauthorizedError(
    'Unknown deployment or token: download the EA again from the deployment page',
    'unauthorized',
  )
}

/**
 * Authenticates an EA request by its bearer token (SHA-256 compared in constant time), then
 * applies the deployment's rate limit and refuses deployments that no longer run:
 * 401 as above; 429 with Retry-After; 403 `deployment_stopped` (STOPPED or FAILED);
 * 403 `token_revoked`, except for heartbeat, ack and trades while a kill-switch command is still
 * unacknowledged (and trades for a grace period after its ack), so the EA receives its
 * `close_all`/`halt` and reports the closing deals; likewise trades for the grace period after a
 * stop, whose `close_all` ack made the deployment STOPPED.
 */
export function eaAuth(limiter: RateLimiter, clock: () => number): MiddlewareHandler<EaEnv> {
  return async (c, next) => {
    const id = c.req.param('id') ?? ''
    const message = c.req.path.split('/').at(-1) ?? ''
    const match = /^Bearer ([^\s]+)$/.exec(c.req.header('authorization') ?? '')
    const token = match?.[1] ?? ''
    const deployment =
      UUID.test(id) && DEPLOYMENT_TOKEN_PATTERN.test(token)
        ? await findDeployment(c.var.db, id)
        : undefined
    // Hash and compare even without a row, so the refusal takes as long either way.
    if (!tokenMatches(token, deployment?.tokenHash ?? null) || deployment === undefined) {
      throw unauthorized()
    }
    const wait = limiter.take(deployment.id, clock())
    if (wait > 0) {
      throw new TooManyRequestsError(
        `Too many requests for deployment ${deployment.id}: at most 120 a minute; retry in ${wait} s`,
        wait,
      )
    }
    // A stop with close_all ends in STOPPED at the ack, and the closing deals follow it.
    const closingDealsAfterStop =
      message === 'trades' &&
      deployment.status === 'STOPPED' &&
      deployment.stoppedAt !== null &&
      clock() - deployment.stoppedAt.getTime() < CLOSING_DEALS_GRACE_MS
    if (
      (deployment.status === 'STOPPED' || deployment.status === 'FAILED') &&
      !closingDealsAfterStop
    ) {
      const why = deployment.statusReason === null ? '' : `: ${deployment.statusReason}`
      throw new ForbiddenError(
        'deployment_stopped',
        `Deployment ${deployment.id} is ${deployment.status}${why}. Remove the EA from its chart`,
      )
    }
    if (
      deployment.tokenRevokedAt !== null &&
      !closingDealsAfterStop &&
      !(await servedWhileRevoked(c.var.db, id, message, clock()))
    ) {
      throw new ForbiddenError(
        'token_revoked',
        `The token of deployment ${deployment.id} was revoked at ${deployment.tokenRevokedAt.toISOString()} (kill switch): the EA stays halted; deploy again to trade`,
      )
    }
    c.set('deployment', deployment)
    await next()
  }
}

async function findDeployment(db: Db, id: string): Promise<DeploymentRow | undefined> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id))
  return row
}

/** Whether a revoked token may still send `message` now (see `eaAuth`). */
async function servedWhileRevoked(
  db: Db,
  deploymentId: string,
  message: string,
  now: number,
): Promise<boolean> {
  if (!SERVED_WHILE_KILLING.has(message)) return false
  const [newest] = await db
    .select({ ackedAt: deploymentCommands.ackedAt })
    .from(deploymentCommands)
    .where(
      and(
        eq(deploymentCommands.deploymentId, deploymentId),
        eq(deploymentCommands.source, 'kill_switch'),
      ),
    )
    .orderBy(desc(deploymentCommands.commandId))
    .limit(1)
  if (newest === undefined) return false
  if (newest.ackedAt === null) return true
  return message === 'trades' && now - newest.ackedAt.getTime() < CLOSING_DEALS_GRACE_MS
}

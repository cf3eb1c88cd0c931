import { hostname } from 'node:os'
import { createHash } from 'node:crypto'
import type { Db } from '@tradeloom/drizzle'
import { recordEvent } from '../events/record-event'
import type { JobContext } from '../jobs/job-definition'
import { JOB_CANCELLED } from '../jobs/job-engine'
import { loadPaperSetup } from './load-setup'
import type { PaperSetup } from './load-setup'
import { createProtocolClient } from './protocol-client'
import { DEFAULT_SESSION_LIMITS, PaperSessionError, startSessionThread } from './session-host'
import type { PaperSession, SessionThreadLimits } from './session-host'
import type { PaperTerminalPayload } from './start'
import { PAPER_TERMINAL_EXPIRY_SECONDS } from './start'
import { runTerminal } from './terminal'

/** A terminal hands over this long before pg-boss would presume it dead. */
const HANDOVER_MARGIN_MS = 15 * 60_000

/**
 * The paper terminal ended early and a retry should take over: the worker is stopping, or the
 * terminal ran close to its job's expiry. pg-boss retries a job whose handler throws.
 */
export class PaperTerminalRestart extends Error {}

export interface PaperTerminalDeps {
  readonly now?: () => number
  readonly limits?: SessionThreadLimits
  readonly tickMs?: number
  readonly fetch?: typeof fetch
  readonly log?: (line: string) => void
}

/**
 * Runs one paper terminal until its deployment stops or its token is revoked (ends the job), the
 * job is cancelled (ends it), or the worker stops or the expiry nears (throws, so a retry resumes
 * the terminal: feed after the last reported bar, balance as last reported; the simulated
 * positions of the old run are not carried over).
 */
export async function runPaperTerminalJob(
  payload: PaperTerminalPayload,
  context: JobContext,
  deps: PaperTerminalDeps = {},
): Promise<void> {
  const now = deps.now ?? Date.now
  const tag = `paper terminal ${payload.deploymentId.slice(0, 8)}`
  const log = deps.log ?? ((line: string) => console.log(`${tag}: ${line}`))
  const loaded = await loadPaperSetup(context.db, payload.deploymentId)
  if (loaded.kind === 'gone') return
  if (loaded.kind === 'invalid') {
    await reportError(context.db, loaded.deployment, loaded.reason)
    return
  }
  const { setup } = loaded
  const startedAt = now()
  let session: PaperSession
  try {
    session = await startSessionThread(
      {
        tsSource: setup.tsSource,
        symbol: setup.symbol,
        config: {
          initialCash: setup.initialCash,
          lots: setup.deployment.lots,
          accountMode: setup.account.marginMode,
        },
        capacity: Math.max(1, setup.feed.remaining),
        // Tickets of this run start above any earlier run's (ms since 1970 · 1000 < 2^53).
        ticketBase: startedAt * 1000,
      },
      deps.limits ?? DEFAULT_SESSION_LIMITS,
    )
  } catch (error) {
    if (!(error instanceof PaperSessionError)) throw error
    await reportError(context.db, setup.deployment, error.message)
    return
  }
  try {
    log(`started on ${setup.feed.description} (${hostname()}:${process.pid})`)
    const end = await runTerminal({
      client: createProtocolClient({
        serverUrl: payload.serverUrl,
        deploymentId: payload.deploymentId,
        token: payload.token,
        fetch: deps.fetch,
      }),
      session,
      feed: setup.feed,
      symbol: setup.symbol,
      hello: helloFacts(setup),
      lots: setup.deployment.lots,
      heartbeatSeconds: setup.deployment.heartbeatSeconds,
      offlinePolicy:
        setup.deployment.offlinePolicy === 'keep_trading' ? 'keep_trading' : 'stop_entries',
      offlineMinutes: setup.deployment.offlineMinutes,
      runKey: String(startedAt),
      signal: context.signal,
      now,
      tickMs: deps.tickMs,
      maxRunMs: PAPER_TERMINAL_EXPIRY_SECONDS * 1000 - HANDOVER_MARGIN_MS,
      log,
    })
    log(`ended: ${end}`)
    if (end === 'handover') {
      throw new PaperTerminalRestart(
        `${tag} ran close to its job's expiry: a fresh attempt takes over`,
      )
    }
    if (end === 'aborted' && context.signal.reason !== JOB_CANCELLED) {
      throw new PaperTerminalRestart(`${tag} stopped with its worker: a retry resumes it`)
    }
  } finally {
    await session.close()
  }
}

function helloFacts(setup: PaperSetup) {
  const { deployment, account } = setup
  return {
    deploymentId: deployment.id,
    login: account.login,
    server: account.server,
    company: account.broker,
    currency: account.currency,
    marginMode: account.marginMode,
    symbol: deployment.symbol,
    timeframe: deployment.timeframe,
    magic: deployment.magic ?? paperMagic(deployment.id),
    program: setup.strategyName,
    // The hand-off receipt of a paper deployment: the SHA-256 of the TypeScript it runs.
    codeHash: createHash('sha256').update(setup.tsSource).digest('hex'),
    contentHash: setup.contentHash,
    compilerVersion: setup.compilerVersion,
  }
}

/** A magic number for a paper deployment (none is compiled): 31 bits of its id, never 0. */
export function paperMagic(deploymentId: string): string {
  const hex = deploymentId.replaceAll('-', '').slice(0, 8)
  return String(Number.parseInt(hex, 16) & 0x7fffffff || 1)
}

/** A terminal that cannot start says why on the deployment's timeline. */
async function reportError(
  db: Db,
  deployment: { id: string; userId: string; strategyId: string; accountId: string },
  reason: string,
): Promise<void> {
  console.error(`paper terminal ${deployment.id}: ${reason}`)
  await recordEvent(db, {
    userId: deployment.userId,
    strategyId: deployment.strategyId,
    deploymentId: deployment.id,
    accountId: deployment.accountId,
    type: 'ERROR',
    metadata: { source: 'paper_terminal', reason: `The paper terminal cannot start: ${reason}` },
  })
}

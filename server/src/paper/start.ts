import { z } from 'zod'
import type { JobDefinition } from '../jobs/job-definition'
import type { JobEngine } from '../jobs/job-engine'
import { runPaperTerminalJob } from './run-paper-terminal'

/** pg-boss queue of paper terminals: one long-running job per paper deployment. */
export const PAPER_TERMINAL_QUEUE = 'paper.terminal'

/**
 * What a paper terminal needs to start. The EA token travels here in clear, exactly as it is
 * baked into a live EA's source: the terminal must present it to the protocol endpoints, and the
 * server stores only its hash. pg-boss keeps job data in its own tables (completed jobs are
 * archived and then deleted by its maintenance), so the database holds the token for as long as
 * the job row lives; revoking it (kill switch, stop) makes it worthless.
 */
export const paperTerminalPayloadSchema = z.object({
  deploymentId: z.uuid(),
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,128}$/, 'a protocol token (32-128 of A-Z a-z 0-9 _ -)'),
  serverUrl: z.url({ protocol: /^https?$/ }),
})
export type PaperTerminalPayload = z.infer<typeof paperTerminalPayloadSchema>

/** Paper terminals that run at once in one worker process. */
export const PAPER_TERMINALS_PER_PROCESS = 8

/**
 * A terminal runs until its deployment stops, so its expiry is pg-boss's maximum (just under 24
 * hours); the handler hands over to a fresh attempt before that (see run-paper-terminal.ts), so
 * pg-boss never presumes a living terminal dead and starts a second one beside it.
 */
export const PAPER_TERMINAL_EXPIRY_SECONDS = 23 * 60 * 60

/**
 * `paper.terminal`: runs a deployed version's TypeScript on a bar feed and speaks the EA control
 * protocol over HTTP to the server, as a MetaTrader terminal with the EA would.
 */
export const paperTerminalJob: JobDefinition<PaperTerminalPayload> = {
  queue: PAPER_TERMINAL_QUEUE,
  payloadSchema: paperTerminalPayloadSchema,
  // Retries restart a terminal whose worker died or that handed over before its expiry; a
  // terminal ends for good only when its deployment is stopped or refused.
  queueOptions: { retryLimit: 1000, retryDelay: 2, expireInSeconds: PAPER_TERMINAL_EXPIRY_SECONDS },
  concurrency: PAPER_TERMINALS_PER_PROCESS,
  handle: (payload, context) => runPaperTerminalJob(payload, context),
}

/** Enqueues the paper terminal of one deployment (called by the deployment hand-off). */
export async function startPaperTerminal(
  jobs: JobEngine,
  payload: { deploymentId: string; token: string; serverUrl: string },
): Promise<void> {
  await jobs.send(paperTerminalJob, payload)
}

import type { ProtocolOutcome } from './protocol-client'

/**
 * When the terminal may send again after a failed request, as the EA decides it
 * (docs/ea-protocol.md §3): no answer or 5xx backs off 2, 4, 8, 16, 32, then 60 s; 401, 403 and
 * 404 retry every 300 s; 429 waits Retry-After (capped at 600 s); any longer Retry-After wins.
 */
export const NETWORK_BACKOFF_SECONDS = [2, 4, 8, 16, 32, 60] as const
export const REFUSED_RETRY_SECONDS = 300
export const MAX_RETRY_AFTER_SECONDS = 600

export class Backoff {
  private failures = 0

  /** Seconds to wait after `outcome` failed. */
  delayAfter(outcome: Extract<ProtocolOutcome, { ok: false }>): number {
    const retryAfter =
      outcome.retryAfterSeconds === null
        ? 0
        : Math.min(MAX_RETRY_AFTER_SECONDS, outcome.retryAfterSeconds)
    const status = outcome.status
    let own: number
    if (status === 429) own = Math.max(1, retryAfter)
    else if (status === 401 || status === 403 || status === 404) own = REFUSED_RETRY_SECONDS
    else {
      own = NETWORK_BACKOFF_SECONDS[Math.min(this.failures, NETWORK_BACKOFF_SECONDS.length - 1)]!
      this.failures++
    }
    return Math.max(own, retryAfter)
  }

  /** A request got through: the next failure starts at 2 s again. */
  reset(): void {
    this.failures = 0
  }
}

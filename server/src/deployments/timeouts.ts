/** The watchdog's clocks (protocol §4 suggests them). */

/** How long the confirmation phase waits for the EA's ready and first heartbeat after hand-off. */
export const CONFIRMATION_TIMEOUT_MINUTES = 15

/** A deployment is STALE after this long without a heartbeat: max(60 s, 4 heartbeats). */
export function staleAfterMs(heartbeatSeconds: number): number {
  return Math.max(60, 4 * heartbeatSeconds) * 1000
}

/** A stop the EA has not acknowledged within two heartbeats completes without it. */
export function stopTimeoutMs(heartbeatSeconds: number): number {
  return 2 * heartbeatSeconds * 1000
}

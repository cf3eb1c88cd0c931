/**
 * Runs `stop` once on the first SIGINT or SIGTERM and exits when it is done. A second signal
 * exits at once, for when a graceful stop hangs.
 */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`)
      process.exit(1)
    }
    stopping = true
    console.log(`${signal}: shutting down…`)
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', handle)
  process.on('SIGTERM', handle)
}

/**
 * Calls `poll` now and again `intervalMs` after each answer, one call at a time, while the tab is
 * visible: a hidden tab stops polling and polls at once when it is shown again. Returns the stop
 * function (for a React effect's cleanup).
 */
export function pollWhileVisible(poll: () => Promise<void>, intervalMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let running = false
  const tick = async () => {
    if (stopped || running) return
    running = true
    clearTimeout(timer)
    try {
      await poll()
    } finally {
      running = false
    }
    if (!stopped && document.visibilityState !== 'hidden') timer = setTimeout(tick, intervalMs)
  }
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void tick()
  }
  void tick()
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    stopped = true
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}

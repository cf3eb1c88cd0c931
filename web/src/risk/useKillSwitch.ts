import { useEffect } from 'react'
import { create } from 'zustand'
import { getKillSwitch, resolveKillSwitch, triggerKillSwitch } from '../api/risk'
import type { KillSwitchStatus, TriggerKillSwitch } from '../api/risk'

interface KillSwitchStore {
  status: KillSwitchStatus | undefined
  /** The last poll's error (the top bar still shows the button; the banner shows the error). */
  error: string | undefined
  refresh(): Promise<void>
  /** Rejects with the server's message (e.g. 409 when it is already triggered). */
  trigger(input: TriggerKillSwitch): Promise<void>
  resolve(note?: string): Promise<void>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** The user's kill switch, shared by the top-bar button, the banner and the deploy dialog. */
export const useKillSwitch = create<KillSwitchStore>()((set, get) => ({
  status: undefined,
  error: undefined,
  async refresh() {
    try {
      set({ status: await getKillSwitch(), error: undefined })
    } catch (error) {
      set({ error: messageOf(error) })
    }
  },
  async trigger(input) {
    await triggerKillSwitch(input)
    await get().refresh()
  },
  async resolve(note) {
    await resolveKillSwitch(note)
    await get().refresh()
  },
}))

export const KILL_SWITCH_POLL_MS = 2000

/**
 * Polls `GET /api/kill-switch` every 2 s while the tab is visible (and at once when it is shown
 * again), so a switch pulled from another tab or device shows here within a poll.
 */
export function useKillSwitchPolling(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    let running = false
    const tick = async () => {
      if (stopped || running) return
      running = true
      clearTimeout(timer)
      try {
        await useKillSwitch.getState().refresh()
      } finally {
        running = false
      }
      if (!stopped && document.visibilityState !== 'hidden') {
        timer = setTimeout(tick, KILL_SWITCH_POLL_MS)
      }
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
  }, [enabled])
}

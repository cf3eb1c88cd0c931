import { useEffect } from 'react'
import { create } from 'zustand'
import { getKillSwitch, resolveKillSwitch, triggerKillSwitch } from '../api/risk'
import type { KillSwitchStatus, TriggerKillSwitch } from '../api/risk'
import { messageOf } from '../app/message-of'
import { pollWhileVisible } from '../app/poll-while-visible'

interface KillSwitchStore {
  status: KillSwitchStatus | undefined
  /** The last poll's error (the top bar still shows the button; the banner shows the error). */
  error: string | undefined
  refresh(): Promise<void>
  /** Rejects with the server's message (e.g. 409 when it is already triggered). */
  trigger(input: TriggerKillSwitch): Promise<void>
  resolve(note?: string): Promise<void>
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
    return pollWhileVisible(() => useKillSwitch.getState().refresh(), KILL_SWITCH_POLL_MS)
  }, [enabled])
}

import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../app/message-of'
import { pollWhileVisible } from '../app/poll-while-visible'

export interface Polled<T> {
  /** The newest answer; kept when a later poll fails, so the page does not blank. */
  data: T | undefined
  /** The last poll's error message, cleared by the next success. */
  error: string | undefined
  /** True until the first answer (or error) for this key. */
  loading: boolean
  /** `Date.now()` when `data` arrived: ages shown on the page tick from here. */
  fetchedAt: number
  /** Polls at once (after a change the user made). */
  refresh(): Promise<void>
}

interface State<T> {
  key: string | null
  data: T | undefined
  error: string | undefined
  loading: boolean
  fetchedAt: number
}

/**
 * Loads `load()` now and every `intervalMs` while the tab is visible (a hidden tab does not
 * poll; it polls again as soon as it is shown). `key` names what is loaded: a new key starts
 * over, `null` pauses. Answers to an older key, or slower than a newer poll, are dropped.
 */
export function usePolling<T>(
  key: string | null,
  load: () => Promise<T>,
  intervalMs = 2000,
): Polled<T> {
  const [state, setState] = useState<State<T>>({
    key,
    data: undefined,
    error: undefined,
    loading: key !== null,
    fetchedAt: 0,
  })
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  const sequence = useRef(0)

  const poll = useCallback(async () => {
    if (key === null) return
    const mine = ++sequence.current
    try {
      const data = await loadRef.current()
      if (mine !== sequence.current) return
      setState({ key, data, error: undefined, loading: false, fetchedAt: Date.now() })
    } catch (error) {
      if (mine !== sequence.current) return
      setState((before) => ({
        ...(before.key === key ? before : { data: undefined, fetchedAt: 0 }),
        key,
        error: messageOf(error),
        loading: false,
      }))
    }
  }, [key])

  useEffect(() => {
    if (key === null) return
    const stop = pollWhileVisible(poll, intervalMs)
    return () => {
      stop()
      // An answer still on its way belongs to the key being left: drop it.
      sequence.current++
    }
  }, [key, poll, intervalMs])

  const current: State<T> =
    state.key === key
      ? state
      : { key, data: undefined, error: undefined, loading: key !== null, fetchedAt: 0 }
  return { ...current, refresh: poll }
}

/** `Date.now()`, re-rendering every `intervalMs` (heartbeat ages tick between polls). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

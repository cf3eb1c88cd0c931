/**
 * A seeded pseudo-random generator: mulberry32, a 32-bit generator with good statistical quality
 * for simulation and a one-line state, so the same seed gives the same bars on every platform.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number
}

/** Creates a mulberry32 generator from any integer seed (taken modulo 2^32). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  let spare = NaN
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    normal(): number {
      if (spare === spare) {
        const s = spare
        spare = NaN
        return s
      }
      const u = 1 - next() // (0, 1]: log(0) would be -Infinity
      const v = next()
      const r = Math.sqrt(-2 * Math.log(u))
      spare = r * Math.sin(2 * Math.PI * v)
      return r * Math.cos(2 * Math.PI * v)
    },
  }
}

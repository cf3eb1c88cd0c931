/** Bar length of each MT5 timeframe; a month is taken as 30 days, which only spaces synthetic bars. */
const SECONDS: Readonly<Record<string, number>> = {
  M1: 60,
  M5: 300,
  M15: 900,
  M30: 1_800,
  H1: 3_600,
  H4: 14_400,
  D1: 86_400,
  W1: 604_800,
  MN1: 2_592_000,
}

/** Seconds per bar for a timeframe name, or one hour when the name is unknown. */
export function timeframeSeconds(timeframe: unknown): number {
  return (typeof timeframe === 'string' ? SECONDS[timeframe] : undefined) ?? SECONDS.H1!
}

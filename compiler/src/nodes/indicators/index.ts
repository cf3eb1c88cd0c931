import type { NodeDefinition } from '../define-node'
import { adx } from './adx'
import { adxWilder } from './adx-wilder'
import { atr } from './atr'
import { bollingerBands } from './bollinger-bands'
import { cci } from './cci'
import { donchian } from './donchian'
import { ema } from './ema'
import { envelopes } from './envelopes'
import { highest } from './highest'
import { ichimoku } from './ichimoku'
import { lowest } from './lowest'
import { lwma } from './lwma'
import { macd } from './macd'
import { momentum } from './momentum'
import { parabolicSar } from './parabolic-sar'
import { rsi } from './rsi'
import { sma } from './sma'
import { smma } from './smma'
import { stdDev } from './std-dev'
import { stochastic } from './stochastic'
import { williamsR } from './williams-r'

/** Indicator nodes, keyed by kind. Keep alphabetical. */
export const indicatorNodes = {
  adx,
  'adx-wilder': adxWilder,
  atr,
  'bollinger-bands': bollingerBands,
  cci,
  donchian,
  ema,
  envelopes,
  highest,
  ichimoku,
  lowest,
  lwma,
  macd,
  momentum,
  'parabolic-sar': parabolicSar,
  rsi,
  sma,
  smma,
  'std-dev': stdDev,
  stochastic,
  'williams-r': williamsR,
} as const satisfies Record<string, NodeDefinition>

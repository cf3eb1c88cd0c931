import { templateBuilder } from './build'

/**
 * The turtle rule: enter when the close breaks the highest high (lowest low) of the previous 20
 * bars, exit on the opposite 10-bar extreme, with a stop 2 ATRs away. The channel is read one
 * bar back because today's channel already contains today's bar.
 */
const t = templateBuilder('Donchian breakout (turtle)', 'D1')
t.node('price', 'price', 0, { field: 'close' })
t.node('entry_channel', 'donchian', 0, { period: 20 }, 'Entry channel')
t.node('exit_channel', 'donchian', 0, { period: 10 }, 'Exit channel')
t.node('prev_high', 'bars-ago', 1, { bars: 1 }, 'Previous 20-bar high')
t.node('prev_low', 'bars-ago', 1, { bars: 1 }, 'Previous 20-bar low')
t.node('prev_exit_low', 'bars-ago', 1, { bars: 1 }, 'Previous 10-bar low')
t.node('prev_exit_high', 'bars-ago', 1, { bars: 1 }, 'Previous 10-bar high')
t.node('breaks_high', 'greater', 2)
t.node('breaks_low', 'less', 2)
t.node('exit_long_signal', 'less', 2)
t.node('exit_short_signal', 'greater', 2)
t.node('stop', 'stop-loss', 2, { unit: 'atr', distance: 2, atrPeriod: 20 }, '2N stop')
t.node('buy', 'enter-long', 3)
t.node('sell_short', 'enter-short', 3)
t.node('exit_buy', 'exit-long', 3)
t.node('exit_short', 'exit-short', 3)
t.wire('entry_channel.upper', 'prev_high.value')
t.wire('entry_channel.lower', 'prev_low.value')
t.wire('exit_channel.lower', 'prev_exit_low.value')
t.wire('exit_channel.upper', 'prev_exit_high.value')
t.wire('price.value', 'breaks_high.a')
t.wire('prev_high.value', 'breaks_high.b')
t.wire('price.value', 'breaks_low.a')
t.wire('prev_low.value', 'breaks_low.b')
t.wire('price.value', 'exit_long_signal.a')
t.wire('prev_exit_low.value', 'exit_long_signal.b')
t.wire('price.value', 'exit_short_signal.a')
t.wire('prev_exit_high.value', 'exit_short_signal.b')
t.wire('breaks_high.result', 'buy.when')
t.wire('breaks_low.result', 'sell_short.when')
t.wire('stop.level', 'buy.stopLoss')
t.wire('stop.level', 'sell_short.stopLoss')
t.wire('exit_long_signal.result', 'exit_buy.when')
t.wire('exit_short_signal.result', 'exit_short.when')

export const donchianBreakout = t.build()

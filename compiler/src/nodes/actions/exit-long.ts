import { defineExit } from './define-exit'

export const exitLong = defineExit('long')

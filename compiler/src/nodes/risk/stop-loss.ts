import { defineLevel } from './define-level'

export const stopLoss = defineLevel('stop-loss')

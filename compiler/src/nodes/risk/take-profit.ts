import { defineLevel } from './define-level'

export const takeProfit = defineLevel('take-profit')

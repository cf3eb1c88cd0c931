import { defineLogic } from './define-logic'

export const or = defineLogic('or')

import { defineLogic } from './define-logic'

export const and = defineLogic('and')

/**
 * The MQL5 sources the compiler fills, as plain strings (pure data, no fs).
 * @module
 */
export { mql5Sources } from './templates.gen'
export { readMql5Source, SKELETON_PATH } from './read-source'

/** Written into every generated file and stored with every version. Bump on any output change. */
export const COMPILER_VERSION = '0.1.0'

/** The runtime's `.d.ts` files by relative path, emitted at build time (vite-plugin-runtime-dts). */
declare module 'virtual:tradeloom-runtime-dts' {
  const files: Record<string, string>
  export default files
}

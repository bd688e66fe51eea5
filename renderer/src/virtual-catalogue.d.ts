/** A language's message catalogue, merged at build time (scripts/vite-catalogues.ts). */
declare module 'virtual:catalogue/*' {
  const catalogue: Record<string, string>;
  export default catalogue;
}

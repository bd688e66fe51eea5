/** A language's message catalogue, merged and compiled to syntax trees at build time (scripts/vite-catalogues.ts). */
declare module 'virtual:catalogue/*' {
  const catalogue: Record<string, import('@formatjs/icu-messageformat-parser').MessageFormatElement[]>;
  export default catalogue;
}

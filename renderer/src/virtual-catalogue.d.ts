/** A language's message catalogue, merged and compiled to syntax trees at build time (scripts/vite-catalogues.ts). */
declare module 'virtual:catalogue/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

  const catalogue: Record<string, MessageFormatElement[]>;
  export default catalogue;
}

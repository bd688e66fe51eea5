/**
 * Messages precompiled at build time: the British English written in the
 * code (`defaultMessage`) and every language's catalogue become ICU syntax
 * trees in the bundle, so the renderer never parses a message and ships
 * without FormatJS's parser (its imports resolve to the parser-less build).
 * Uses FormatJS's own TypeScript transformer, the one its extractor uses, so
 * every message the catalogue check sees is compiled.
 */
import { transformWithTs } from '@formatjs/ts-transformer';
import ts from 'typescript';
import type { Plugin } from 'vite';

const SOURCE = /\.(ts|tsx)$/;

export function precompileMessagesPlugin(): Plugin {
  const transformer = transformWithTs(ts, { ast: true });
  return {
    name: 'agentdesk-precompile-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!SOURCE.test(id) || id.includes('/node_modules/') || !code.includes('defaultMessage')) return null;
      const output = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ESNext,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.Preserve,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          useDefineForClassFields: true,
          sourceMap: true,
          inlineSources: true,
        },
        transformers: { before: [transformer] },
      });
      return { code: output.outputText, map: output.sourceMapText ?? null };
    },
  };
}

/** Imports of the parser itself (not its printer or manipulator) resolve to its parser-less build. */
export const NO_PARSER_ALIAS = { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' };

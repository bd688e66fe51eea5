import { useLayoutEffect } from 'react';
import { isTypingTarget } from '../../shell/keyboard';
import { commands } from './useCommands';

/**
 * The one key listener for commands. It listens first (capture on window), so a
 * command's key means the same wherever focus is; a key it runs goes no further.
 * Keys of focused controls (list rows, fields) are declared `local` and left to them.
 */
export function useCommandKeys(): void {
  // Installed as the shell commits, so a key pressed the moment the workstation shows already works.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      const found = commands.find(event, {
        typing: isTypingTarget(event.target),
        inOverlay: !!target?.closest('[role="dialog"],[role="alertdialog"],[role="menu"]'),
      });
      if (!found) return;
      event.preventDefault();
      event.stopPropagation();
      found.binding.run();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

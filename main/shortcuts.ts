/** Keys main handles itself (pure: unit-tested). */

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Ctrl+Q quits on Windows and Linux, where the application menu is removed so Alt+letter shortcuts
 * reach the page (macOS keeps its menu, whose Cmd+Q quits).
 */
export function isQuitShortcut(input: KeyInput, platform: NodeJS.Platform): boolean {
  if (platform === 'darwin' || input.type !== 'keyDown') return false;
  return input.control && !input.alt && !input.shift && !input.meta && input.key.toLowerCase() === 'q';
}

import { useSyncExternalStore } from 'react';

/** One shared ticking clock for every waiting time and SLA countdown on screen. */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, updated every second while any component shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/**
 * "4:07" or "1:02:33" for a duration in milliseconds.
 * @deprecated Use `useFormat().clockDuration(ms)` (a running timer) or `.duration(ms)` (a span in words), in the agent's language.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = hours ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

import { createElement, lazy, useState, type ComponentType } from 'react';

export type PreloadableComponent<P extends object> = ComponentType<P> & {
  /** Starts fetching the component's chunk (once); rendering it afterwards does not suspend once this has settled. */
  preload: () => Promise<unknown>;
};

/**
 * React.lazy for a named export, plus a `preload()` that fetches the chunk
 * ahead of time, so screens can be warmed while the agent is idle and shown
 * without a fallback when they are opened.
 */
export function lazyWithPreload<M, P extends object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): PreloadableComponent<P> {
  let loading: Promise<M> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = pick(module);
        return module;
      },
      (error: unknown) => {
        // A failed fetch (offline, a new build replaced the files) may be retried by the next render.
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((module) => ({ default: pick(module) })));
  // React.lazy suspends on its first render even when the chunk is already here, and React then holds the
  // fallback for a moment: a preloaded screen renders directly instead. Chosen once per mount, so it never remounts.
  function Preloadable(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  return Object.assign(Preloadable, { preload });
}

/**
 * Fetches the given chunks one after another when the browser is idle, so
 * warming the other screens never competes with what the agent is doing.
 */
export function preloadWhenIdle(preloads: readonly (() => Promise<unknown>)[]): () => void {
  let cancelled = false;
  let cancelWait: () => void = () => undefined;
  const idle = (next: () => void) => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(next, { timeout: 2000 });
      cancelWait = () => cancelIdleCallback(handle);
    } else {
      const timer = setTimeout(next, 200);
      cancelWait = () => clearTimeout(timer);
    }
  };
  const step = (index: number) => {
    if (cancelled || index >= preloads.length) return;
    const preload = preloads[index]!;
    preload().then(
      () => idle(() => step(index + 1)),
      // Offline or a build swapped underneath: the screen will load (or say why) when it is opened.
      () => idle(() => step(index + 1)),
    );
  };
  idle(() => step(0));
  return () => {
    cancelled = true;
    cancelWait();
  };
}

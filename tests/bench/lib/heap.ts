/** Heap figures for the Node benchmarks: heapUsed read after a full garbage collection where the runtime allows one. */
import v8 from 'node:v8';
import vm from 'node:vm';

export const MB = 2 ** 20;

/** A full garbage collection, when the runtime lets one be asked for (heap figures are then what is really held). */
export const collectGarbage: (() => void) | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})();

export function heapUsed(): number {
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}

/** What this origin stores on disk, as the browser estimates it (lagging, and shrinking late after deletes); null when unknown. */
export async function storageUsage(): Promise<number | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return typeof estimate?.usage === 'number' ? estimate.usage : null;
  } catch {
    return null;
  }
}

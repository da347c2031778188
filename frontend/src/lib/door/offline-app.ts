/**
 * Asks the service worker to store the whole app on this device (it does so only for door devices),
 * and answers once it has: the door then survives a reload without network.
 */
export async function storeAppForOffline(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) return false;
  const channel = new MessageChannel();
  const answer = new Promise<unknown>((resolve) => (channel.port1.onmessage = (event) => resolve(event.data)));
  worker.postMessage('precache', [channel.port2]);
  return (await answer) === 'ready';
}

/** Asks the service worker to drop the stored app (a revoked device keeps nothing of the door). */
export async function forgetStoredApp(): Promise<void> {
  const keys = await caches.keys().catch(() => [] as string[]);
  await Promise.all(keys.filter((key) => key.startsWith('door-app-')).map((key) => caches.delete(key)));
  navigator.serviceWorker?.controller?.postMessage('forget');
}

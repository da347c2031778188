/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

/**
 * Keeps the door app working offline. SvelteKit registers this worker on every page, but only door
 * devices need the app stored: a member opening their RSVP link on a slow phone must not download it
 * all. So nothing is stored at install; a door page asks (message 'precache') and the build and
 * static files (the ZXing wasm among them) are stored then. Navigations under /door try the network
 * and fall back to the stored single-page shell; stored assets come from the cache; the API is never
 * cached (the door keeps its data in IndexedDB itself).
 */
const worker = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'door-app-';
const CACHE = `${PREFIX}${version}`;
/** The server answers /door with the single-page app's index.html: the shell every door page starts from. */
const SHELL = '/door';
const ASSETS = [...build, ...files];
const STORED = new Set(ASSETS);

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  if (!(await cache.match(SHELL))) await cache.addAll([...ASSETS, SHELL]);
}

worker.addEventListener('install', () => {
  void worker.skipWaiting();
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
      // A door device updated to a new version: store the new app before giving up the old one.
      if (old.length > 0) await precache();
      for (const key of old) await caches.delete(key);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data === 'forget') {
    // This device was signed out by an organiser: keep nothing of the door app.
    event.waitUntil(
      caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX)).map((k) => caches.delete(k)))),
    );
    return;
  }
  if (event.data !== 'precache') return;
  event.waitUntil(
    precache().then(
      () => event.ports[0]?.postMessage('ready'),
      (error: unknown) => event.ports[0]?.postMessage(`failed: ${String(error)}`),
    ),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;

  if (request.mode === 'navigate') {
    if (url.pathname === SHELL || url.pathname.startsWith(`${SHELL}/`)) event.respondWith(networkThenShell(request));
    return;
  }
  if (STORED.has(url.pathname)) event.respondWith(cacheThenNetwork(request));
});

async function networkThenShell(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html') && (await cache.match(SHELL))) {
      await cache.put(SHELL, response.clone());
    }
    return response;
  } catch {
    return (await cache.match(SHELL)) ?? Response.error();
  }
}

async function cacheThenNetwork(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHE })) ?? fetch(request);
}

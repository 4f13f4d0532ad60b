/*
 * Service worker of the Tỉnh số web app. It lets the installed app start without a network:
 * the app shell (index.html, the code of the three areas, styles, icons) is cached at
 * install; the large map and chart libraries are cached the first time they are used; pages are fetched from the network first and fall
 * back to the cached shell offline. API responses are never cached, except the two the
 * offline map needs to start (the commune boundaries and the public configuration).
 * The build (web/build/pwa-plugin.ts) fills in VERSION and PRECACHE.
 */
const VERSION = 'development';
const PRECACHE = [];

const SHELL_CACHE = `tinhso-shell-${VERSION}`;
// Hashed file names never change content, so one cache serves every version.
const ASSET_CACHE = 'tinhso-assets';
const DATA_CACHE = 'tinhso-data';
const OFFLINE_DATA = ['/api/geo/boundaries.geojson', '/api/config/public'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('tinhso-shell-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok && cacheName) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(ASSET_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith('/api/')) {
    if (OFFLINE_DATA.includes(url.pathname)) {
      event.respondWith(networkFirst(request, DATA_CACHE));
    }
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, null, '/index.html'));
    return;
  }
  event.respondWith(cacheFirst(request));
});

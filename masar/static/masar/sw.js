/* Masar service worker: keeps public pages and the directory snapshot for offline reading.
 *
 * Served by masar.portal.pwa.service_worker at /sw.js, which fills in the cache version (a
 * hash of the static files) and the list of files to keep at install.
 *
 * What is stored: ONLY responses marked "X-Masar-Public: 1" (pages rendered for an anonymous
 * visitor, see masar/portal/public.py) under the public paths below, the static files and
 * the directory snapshot. Staff pages (/accounts/, /cases/, /desk/, /portal/, /api/, ...)
 * never match the public paths, and a page seen while signed in carries no marker, so
 * nothing personal is ever written to the browser's cache.
 */
"use strict";

const VERSION = "__MASAR_VERSION__";
const PRECACHE = __MASAR_PRECACHE__;
const STATIC_CACHE = "masar-static-" + VERSION;
const PAGES_CACHE = "masar-pages-" + VERSION;
const OFFLINE_URL = "/offline/";
const SNAPSHOT_URL = "/offline/directory.json";
const PUBLIC_EXACT = ["/"];
const PUBLIC_PREFIXES = ["/info/", "/desks/", "/services/", "/offline/"];
const MAX_PAGES = 40;
const NETWORK_TIMEOUT_MS = 4000;

function isPublicPath(pathname) {
  return PUBLIC_EXACT.includes(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC_CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((n) => n.startsWith("masar-") && n !== STATIC_CACHE && n !== PAGES_CACHE)
          .map((n) => caches.delete(n))
      ))
      .then(() => self.clients.claim())
  );
});

/* The network answer, or undefined if it takes longer than the timeout (the request goes on
 * and still refreshes the cache when it completes). */
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); },
      (error) => { clearTimeout(timer); reject(error); });
  });
}

/* A copy of a public page, stamped with the time it was saved (read by pwa.js). */
async function storePage(request, response) {
  const body = await response.blob();
  const headers = new Headers(response.headers);
  headers.set("X-Masar-Saved-At", new Date().toISOString());
  headers.delete("Content-Encoding");  // the body read here is already decoded
  headers.delete("Content-Length");
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(request.url);  // re-added last: the least recently seen go first
  await cache.put(request.url, new Response(body, { status: 200, headers: headers }));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) {
    await cache.delete(old);
  }
}

function keepable(url, response) {
  return isPublicPath(url.pathname) && response && response.status === 200 &&
    response.type === "basic" && response.headers.get("X-Masar-Public") === "1";
}

async function fromCache(request) {
  const page = await caches.match(request.url, { cacheName: PAGES_CACHE, ignoreVary: true });
  if (page) return page;
  const kept = await caches.match(request.url, { cacheName: STATIC_CACHE, ignoreVary: true });
  if (kept) return kept;
  return caches.match(OFFLINE_URL, { cacheName: STATIC_CACHE, ignoreVary: true });
}

async function navigate(event) {
  const request = event.request;
  const url = new URL(request.url);
  const network = fetch(request).then((response) => {
    if (keepable(url, response)) {
      event.waitUntil(storePage(request, response.clone()));
    }
    return response;
  });
  try {
    const response = await withTimeout(network, NETWORK_TIMEOUT_MS);
    if (response) return response;
    const cached = isPublicPath(url.pathname) ? await caches.match(
      request.url, { cacheName: PAGES_CACHE, ignoreVary: true }) : undefined;
    return cached || await network;
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    throw error;
  }
}

async function snapshot(event) {
  const request = event.request;
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response && response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(STATIC_CACHE).then((c) => c.put(SNAPSHOT_URL, copy)));
      return response;
    }
    if (response) return response;
  } catch (error) { /* offline: the kept copy */ }
  const cached = await caches.match(SNAPSHOT_URL, { cacheName: STATIC_CACHE, ignoreVary: true });
  return cached || new Response("{}", { status: 503, headers: { "Content-Type": "application/json" } });
}

async function staticFile(event) {
  const cached = await caches.match(event.request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === "basic") {
    const copy = response.clone();
    event.waitUntil(caches.open(STATIC_CACHE).then((c) => c.put(event.request, copy)));
  }
  return response;
}

/* The static files a page uses, from the browser's HTTP cache (no second download). */
async function keepAssets(assets) {
  const cache = await caches.open(STATIC_CACHE);
  for (const address of assets) {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin || !url.pathname.startsWith("/static/")) continue;
    if (await cache.match(url.href, { ignoreVary: true })) continue;
    const response = await fetch(url.href);
    if (response.ok) await cache.put(url.href, response);
  }
}

/* pwa.js asks to keep the page open when the worker arrived (that first visit went past the
 * worker; fetched again, kept only under the same conditions as any page) and the static
 * files it uses. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "keep" || typeof data.url !== "string") return;
  const url = new URL(data.url, self.location.origin);
  if (url.origin !== self.location.origin || !isPublicPath(url.pathname)) return;
  const assets = Array.isArray(data.assets) ? data.assets.slice(0, 30) : [];
  event.waitUntil(
    keepAssets(assets).catch(() => undefined).then(() =>
      caches.match(url.href, { cacheName: PAGES_CACHE, ignoreVary: true })
    ).then((kept) => {
      if (kept) return undefined;
      return fetch(url.href, { credentials: "same-origin" }).then((response) => {
        if (keepable(url, response)) return storePage(new Request(url.href), response);
        return undefined;
      });
    }).catch(() => undefined)
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
  } else if (url.pathname === SNAPSHOT_URL) {
    event.respondWith(snapshot(event));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFile(event));
  }
});

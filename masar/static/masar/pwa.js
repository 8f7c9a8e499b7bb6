/* Masar as an installable app: registers the service worker (/sw.js) and, when the
 * connection is lost, says that the page is a saved copy and from when.
 * Translated texts come from the data- attributes of this script's tag (base.html). */
(function () {
  "use strict";
  var tag = document.currentScript;
  if (!tag || !("serviceWorker" in navigator)) return;
  var data = tag.dataset;

  navigator.serviceWorker.register(data.sw || "/sw.js", { scope: "/" }).catch(function () {});
  // The page open when the worker first arrives went past it: ask it to keep that one too.
  navigator.serviceWorker.ready.then(function (registration) {
    if (registration.active && navigator.onLine !== false) {
      var assets = Array.prototype.map.call(
        document.querySelectorAll("link[rel=stylesheet][href], script[src]"),
        function (node) { return node.href || node.src; }
      );
      registration.active.postMessage({ type: "keep", url: location.href, assets: assets });
    }
  }).catch(function () {});

  function formatDate(iso) {
    var lang = document.documentElement.lang || undefined;
    try {
      return new Date(iso).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (e) {
      return iso;
    }
  }

  function banner() {
    var existing = document.getElementById("offline-banner");
    if (existing) return existing;
    var box = document.createElement("div");
    box.id = "offline-banner";
    box.className = "alert alert-warning py-2 small";
    box.setAttribute("role", "status");
    box.setAttribute("data-testid", "offline-banner");
    box.hidden = true;
    var main = document.getElementById("main");
    if (main) main.insertBefore(box, main.firstChild);
    return box;
  }

  function showOffline() {
    var box = banner();
    box.textContent = data.offlineText || "You are offline.";
    box.hidden = false;
    if (!("caches" in window)) return;
    caches.match(location.href, { ignoreVary: true }).then(function (response) {
      var saved = response && response.headers.get("X-Masar-Saved-At");
      if (saved && data.savedText) {
        box.textContent = data.savedText.replace("%(date)s", formatDate(saved));
      }
    }).catch(function () {});
  }

  function showOnline() {
    var box = document.getElementById("offline-banner");
    if (box) box.hidden = true;
  }

  window.addEventListener("offline", showOffline);
  window.addEventListener("online", showOnline);
  if (navigator.onLine === false) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", showOffline);
    } else {
      showOffline();
    }
  }
})();

/* Masar maps: progressive enhancement of lists that already work without JavaScript.
 *
 * A map container is <div data-masar-map data-points="ID" data-tiles="URL template"
 * data-attribution="…" hidden>; its markers are read from <script type="application/json"
 * id="ID"> (Django's json_script). Nothing here is inline, so the strict CSP holds.
 * Offline, tiles fail to load but the markers and the list remain.
 */
(function () {
  "use strict";

  var TUNISIA = [34.0, 9.5];

  function readPoints(id) {
    var source = id && document.getElementById(id);
    if (!source) {
      return [];
    }
    try {
      var points = JSON.parse(source.textContent);
      return Array.isArray(points) ? points : [];
    } catch (error) {
      return [];
    }
  }

  function popup(point) {
    // Built as DOM nodes: names are data, never markup.
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    box.appendChild(link);
    if (point.place) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(point.place));
    }
    return box;
  }

  function init(container) {
    if (typeof window.L === "undefined" || container.dataset.ready) {
      return;
    }
    var points = readPoints(container.dataset.points);
    container.hidden = false;
    if (container.dataset.icon) {
      // Hashed static names defeat Leaflet's guess of its image folder: name it.
      window.L.Icon.Default.imagePath = container.dataset.icon.replace(/[^/]*$/, "");
    }
    var map = window.L.map(container, { scrollWheelZoom: false });
    window.L.tileLayer(container.dataset.tiles, {
      maxZoom: 19,
      attribution: container.dataset.attribution || "",
    }).addTo(map);
    var bounds = [];
    points.forEach(function (point) {
      if (typeof point.lat !== "number" || typeof point.lon !== "number") {
        return;
      }
      window.L.marker([point.lat, point.lon], { title: point.name })
        .bindPopup(popup(point))
        .addTo(map);
      bounds.push([point.lat, point.lon]);
    });
    if (bounds.length) {
      map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
    } else {
      map.setView(TUNISIA, 6);
    }
    container.dataset.ready = "1";
  }

  function initAll() {
    document.querySelectorAll("[data-masar-map]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();

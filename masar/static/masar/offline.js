/* The offline page: the directory snapshot kept by the service worker, as a searchable list,
 * and the pages kept for offline reading. Works from the cache when there is no connection.
 * Texts come from data- attributes of #offline-app (translated by the template). */
(function () {
  "use strict";
  var app = document.getElementById("offline-app");
  if (!app) return;
  var t = app.dataset;
  var lang = document.documentElement.lang || "fr";
  var input = document.getElementById("offline-q");
  var list = document.getElementById("offline-services");
  var count = document.getElementById("offline-count");
  var deskList = document.getElementById("offline-desks");
  var snapshot = null;

  function pick(values) {
    if (!values) return "";
    return values[lang] || values.fr || values.en || values.ar || "";
  }

  function dayName(weekday) {
    try {  // 1 January 2024 was a Monday (weekday 0)
      return new Date(2024, 0, 1 + weekday).toLocaleDateString(lang, { weekday: "long" });
    } catch (e) {
      return String(weekday);
    }
  }

  function el(name, cls, text) {
    var node = document.createElement(name);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function hoursText(hours) {
    return hours.map(function (h) { return dayName(h[0]) + " " + h[1] + "–" + h[2]; }).join(" · ");
  }

  function normal(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f]/g, "");
  }

  function matches(service, words) {
    if (!words.length) return true;
    var hay = normal([pick(service.name), service.name.fr, pick(service.org), pick(service.area),
      (service.cat || []).map(function (c) { return pick(snapshot.categories[c]); }).join(" ")].join(" "));
    return words.every(function (w) { return hay.indexOf(w) !== -1; });
  }

  function renderServices() {
    var words = normal(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    list.textContent = "";
    snapshot.services.forEach(function (service) {
      if (!matches(service, words) || shown >= 100) return;
      shown += 1;
      var item = el("li", "list-group-item");
      item.setAttribute("data-testid", "offline-service");
      var link = el("a", "fw-semibold", pick(service.name));
      link.href = "/services/" + service.id + "/";
      item.appendChild(link);
      var facts = [pick(service.org), pick(service.area)].filter(Boolean).join(" — ");
      if (facts) item.appendChild(el("div", "small", facts));
      if (service.phones.length) {
        item.appendChild(el("div", "small", t.phoneLabel + " " + service.phones.join(", ")));
      }
      if (service.hours.length) item.appendChild(el("div", "small", hoursText(service.hours)));
      list.appendChild(item);
    });
    count.textContent = t.countText.replace("%(count)s", String(shown));
  }

  function renderDesks() {
    deskList.textContent = "";
    snapshot.desks.forEach(function (desk) {
      var item = el("li", "list-group-item");
      item.setAttribute("data-testid", "offline-desk");
      var link = el("a", "fw-semibold", pick(desk.name));
      link.href = "/desks/" + desk.code + "/";
      item.appendChild(link);
      if (pick(desk.address)) item.appendChild(el("div", "small", pick(desk.address)));
      var upcoming = desk.next.filter(function (n) { return new Date(n[1]) > new Date(); });
      if (upcoming.length) {
        var start = new Date(upcoming[0][0]);
        item.appendChild(el("div", "small", t.nextLabel + " " +
          start.toLocaleString(lang, { weekday: "long", day: "numeric", month: "long",
            hour: "2-digit", minute: "2-digit" })));
      } else if (desk.openings.length) {
        item.appendChild(el("div", "small", hoursText(desk.openings)));
      }
      deskList.appendChild(item);
    });
  }

  function listSavedPages() {
    var saved = document.getElementById("offline-pages");
    if (!saved || !("caches" in window)) return;
    caches.keys().then(function (names) {
      var pages = names.filter(function (n) { return n.indexOf("masar-pages-") === 0; });
      return Promise.all(pages.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.keys(); });
      }));
    }).then(function (groups) {
      var requests = [].concat.apply([], groups).reverse();
      if (!requests.length) return;
      saved.textContent = "";
      requests.forEach(function (request) {
        var url = new URL(request.url);
        var item = el("li", "list-group-item");
        item.setAttribute("data-testid", "offline-page");
        var link = el("a", "", decodeURIComponent(url.pathname + url.search));
        link.href = url.pathname + url.search;
        item.appendChild(link);
        saved.appendChild(item);
        caches.match(request, { ignoreVary: true }).then(function (response) {
          return response ? response.text() : "";
        }).then(function (html) {
          var title = /<title>([^<]*)<\/title>/i.exec(html || "");
          if (title) {
            var div = document.createElement("textarea");  // decodes the entities, runs nothing
            div.innerHTML = title[1];
            link.textContent = div.value.trim();
          }
        });
      });
    }).catch(function () {});
  }

  listSavedPages();
  fetch(app.dataset.snapshot, { credentials: "omit" }).then(function (response) {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }).then(function (data) {
    snapshot = data;
    if (!snapshot.services) throw new Error("empty");
    app.hidden = false;
    var generated = new Date(snapshot.generated);
    document.getElementById("offline-generated").textContent =
      t.generatedText.replace("%(date)s", generated.toLocaleString(lang,
        { dateStyle: "medium", timeStyle: "short" }));
    renderServices();
    renderDesks();
    input.addEventListener("input", renderServices);
  }).catch(function () {
    var missing = document.getElementById("offline-missing");
    if (missing) missing.hidden = false;
  });
})();

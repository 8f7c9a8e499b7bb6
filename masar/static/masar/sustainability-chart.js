/* Masar: the evolution of the sustainability scores on the case page.
 *
 * Progressive enhancement: the page already shows the figures in a table. A container
 * <div data-masar-chart="ID" hidden><canvas></canvas></div> is drawn from the JSON in
 * <script type="application/json" id="ID"> (Django's json_script) with Chart.js (vendored,
 * UMD build). Nothing is inline, so the strict CSP holds.
 */
(function () {
  "use strict";

  var COLOURS = {
    composite: "#212529",
    economic: "#0d6efd",
    social: "#198754",
    psychosocial: "#d63384",
  };

  function read(id) {
    var source = id && document.getElementById(id);
    if (!source) {
      return null;
    }
    try {
      return JSON.parse(source.textContent);
    } catch (error) {
      return null;
    }
  }

  function draw(container) {
    var data = read(container.getAttribute("data-masar-chart"));
    var canvas = container.querySelector("canvas");
    if (!data || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var datasets = data.series.map(function (series) {
      return {
        label: series.label,
        data: series.values,
        borderColor: COLOURS[series.key] || "#6c757d",
        backgroundColor: COLOURS[series.key] || "#6c757d",
        borderWidth: series.key === "composite" ? 3 : 2,
        tension: 0.2,
      };
    });
    datasets.push({
      label: data.threshold_label,
      data: data.labels.map(function () {
        return data.threshold;
      }),
      borderColor: "#adb5bd",
      borderDash: [6, 4],
      borderWidth: 1,
      pointRadius: 0,
    });
    container.hidden = false;
    new window.Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        animation: false,
        scales: { y: { min: 0, max: 1 } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function init() {
    var containers = document.querySelectorAll("[data-masar-chart]");
    for (var i = 0; i < containers.length; i++) {
      draw(containers[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

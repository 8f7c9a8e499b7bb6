/* Masar: the charts of the desk statistics page.
 *
 * Progressive enhancement: the page shows every figure in a table, which is the truth.
 * Each container <div data-desk-chart="ID" hidden><canvas></canvas></div> is drawn from
 * the JSON in <script type="application/json" id="ID"> (Django's json_script), holding
 * {type, labels, series: [{label, values}], horizontal?, stacked?}, with Chart.js (vendored,
 * UMD build). Nothing is inline, so the strict CSP holds. Right-to-left pages get a
 * right-to-left legend and tooltips, and the time axis runs from the right.
 */
(function () {
  "use strict";

  var COLOURS = ["#0d6efd", "#d63384", "#6c757d", "#198754", "#fd7e14", "#6f42c1"];

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
    var data = read(container.getAttribute("data-desk-chart"));
    var canvas = container.querySelector("canvas");
    if (!data || !canvas || typeof window.Chart === "undefined" || !data.labels) {
      return;
    }
    var rtl = document.documentElement.getAttribute("dir") === "rtl";
    var datasets = data.series.map(function (series, index) {
      var colour = COLOURS[index % COLOURS.length];
      return {
        label: series.label,
        data: series.values,
        backgroundColor: colour,
        borderColor: colour,
      };
    });
    var indexAxis = data.horizontal ? "y" : "x";
    var valueAxis = data.horizontal ? "x" : "y";
    var scales = {};
    scales[valueAxis] = { beginAtZero: true, stacked: !!data.stacked, ticks: { precision: 0 } };
    scales[indexAxis] = { stacked: !!data.stacked, reverse: rtl && !data.horizontal };
    if (data.horizontal) {
      scales[indexAxis].ticks = { autoSkip: false };
      scales[valueAxis].reverse = rtl;
      scales[indexAxis].position = rtl ? "right" : "left";
    }
    container.hidden = false;
    new window.Chart(canvas, {
      type: data.type || "bar",
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: indexAxis,
        responsive: true,
        aspectRatio: data.horizontal ? 1 : 2,
        animation: false,
        scales: scales,
        plugins: {
          legend: { display: datasets.length > 1, position: "bottom", rtl: rtl },
          tooltip: { rtl: rtl },
        },
      },
    });
  }

  function init() {
    var containers = document.querySelectorAll("[data-desk-chart]");
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

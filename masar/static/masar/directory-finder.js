/* "Near me" on the service finder: asks the browser for the position, then submits the
 * search form with lat/lon (rounded to about 100 m). Without JavaScript the button stays
 * hidden and the governorate filter does the job. */
(function () {
  "use strict";

  function init() {
    var button = document.getElementById("near-me");
    if (!button || !("geolocation" in navigator)) {
      return;
    }
    var form = button.form;
    var error = document.getElementById("near-me-error");
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          ["lat", "lon"].forEach(function (name) {
            var input = form.elements[name];
            var value = name === "lat" ? position.coords.latitude : position.coords.longitude;
            input.value = value.toFixed(3);
            input.disabled = false;
          });
          var page = form.elements.page;
          if (page) {
            page.disabled = true;
          }
          form.submit();
        },
        function () {
          button.disabled = false;
          if (error) {
            error.hidden = false;
          }
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
      );
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

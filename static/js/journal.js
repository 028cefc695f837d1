// Small, optional enhancements. Every page works without this file.
(function () {
  "use strict";

  // Preselect the browser's time zone on the registration form if the user
  // has not chosen one yet; the server-side default (UTC) stays otherwise.
  function guessTimeZone() {
    var select = document.querySelector(".js-guess-time-zone select");
    if (!select || select.value !== "UTC" || !window.Intl || document.querySelector(".form-summary")) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && select.querySelector('option[value="' + CSS.escape(zone) + '"]')) {
      select.value = zone;
    }
  }

  document.addEventListener("DOMContentLoaded", guessTimeZone);
})();

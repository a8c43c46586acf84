// Enhancements only: every feature works without this file.
(function () {
  "use strict";
  // Sorting applies at once instead of waiting for the Search button.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // "/" jumps to the query box, as on many search sites.
  document.addEventListener("keydown", function (event) {
    var box = document.getElementById("q");
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "");
    if (event.key === "/" && box && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
  // A passage linked from a result (#q1) gets keyboard focus, so screen readers start there.
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.matches("mark.stmt, .unplaced li")) {
    target.focus({ preventScroll: false });
  }
})();

/* Keep a #fragment's target at the top of the screen on pages that let the browser
   skip the layout of parts off screen (CSS content-visibility: auto, used on the long
   API page; see extra.css). The browser scrolls to the target using estimated sizes
   for the skipped parts; as the parts near the target are laid out, their real sizes
   can push the target away. For up to two seconds after a page load, a change of the
   fragment or a link within the page (which Material may handle without a hashchange
   event), this script scrolls the target back into place whenever it moves, until it
   has stayed put for a few frames or the reader scrolls. Pages without such parts are
   left alone. */
(function () {
  "use strict";

  var SKIPPING = ".doc-children > .doc-object";
  var WINDOW_MS = 2000;
  var STABLE_FRAMES = 10;
  var READER_SCROLLS = ["wheel", "touchstart", "keydown", "mousedown"];
  var current = 0; // the alignment in progress; a newer one replaces it

  function align(target) {
    var run = ++current;
    var deadline = performance.now() + WINDOW_MS;
    var stable = 0;

    function stop() {
      if (run === current) {
        current++;
      }
    }
    READER_SCROLLS.forEach(function (type) {
      window.addEventListener(type, stop, { once: true, passive: true });
    });

    function step() {
      if (run !== current || performance.now() > deadline) {
        return;
      }
      var margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
      var offset = target.getBoundingClientRect().top - margin;
      if (Math.abs(offset) > 1) {
        window.scrollBy(0, offset);
        stable = 0;
      } else if (++stable >= STABLE_FRAMES) {
        return;
      }
      requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  }

  function alignCurrent() {
    if (location.hash.length < 2 || !document.querySelector(SKIPPING)) {
      return;
    }
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      align(target);
    }
  }

  window.addEventListener("hashchange", alignCurrent);
  window.addEventListener("load", alignCurrent);
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(alignCurrent); // also after instant navigation
  }
  if (typeof window.target$ !== "undefined") {
    // Material handles links within the page itself, without a hashchange event.
    window.target$.subscribe(function (target) {
      if (target instanceof HTMLElement && document.querySelector(SKIPPING)) {
        align(target);
      }
    });
  }
})();

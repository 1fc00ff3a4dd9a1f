/* The language menu loads the other language's page in full. Material's instant
   navigation would swap in the page's content but keep the current language's search
   index, interface strings and <html lang>, so a switch from English to Chinese would
   show a Chinese article inside an English frame. The menu's links already point at the
   same page in the other language; this only makes the browser load it properly. */
(function () {
  "use strict";

  window.addEventListener(
    "click",
    function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
        return;
      }
      var link = event.target instanceof Element ? event.target.closest("a[hreflang]") : null;
      if (!link || !link.closest(".md-select")) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      window.location.assign(link.href);
    },
    true
  );
})();

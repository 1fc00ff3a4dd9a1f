/* Changes to Material's page before its (deferred) bundle reads it: overrides/main.html. */
(function () {
  "use strict";
  // mkdocs-static-i18n points the head's hreflang links at the twin page; Material would
  // fetch a "sitemap.xml" next to each (404s) and take over the language menu, dropping
  // the #fragment. sitemap.xml keeps the alternates for search engines.
  document.querySelectorAll("head link[rel=alternate][hreflang]").forEach(function (link) { link.remove(); });
  // No "source" component: it would ask api.github.com for stars (no other hosts).
  document.querySelectorAll("[data-md-component=source]").forEach(function (link) {
    link.removeAttribute("data-md-component");
  });
  // The search dialog gets an accessible name: the search box's own label.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "");
  }
  // The language menu keeps the #section (both languages have the same anchors).
  function keepFragment() {
    document.querySelectorAll(".md-select a[hreflang]").forEach(function (link) {
      link.hash = window.location.hash;
    });
  }
  window.addEventListener("hashchange", keepFragment);
  keepFragment();
})();

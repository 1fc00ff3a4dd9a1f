/* What the site changes in Material's page before Material's bundle reads it: loaded
   first by overrides/main.html (all scripts are deferred, so they run in order, once the
   page is parsed). */
(function () {
  "use strict";
  // mkdocs-static-i18n points the head's <link rel="alternate" hreflang> at the same
  // page in the other language; Material would fetch a "sitemap.xml" next to each (two
  // 404s per page) and then take over the language menu's clicks, dropping the
  // #fragment. sitemap.xml keeps the alternates for search engines.
  document.querySelectorAll("head link[rel=alternate][hreflang]").forEach(function (link) {
    link.remove();
  });
  // The repository link without Material's "source" component, which asks
  // api.github.com for stars and releases: no page makes a request to another host.
  document.querySelectorAll("[data-md-component=source]").forEach(function (link) {
    link.removeAttribute("data-md-component");
  });
  // The search dialog gets an accessible name: the search box's own label.
  var dialog = document.querySelector(".md-search[role=dialog]");
  var input = document.querySelector(".md-search__input");
  if (dialog && input) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || "");
  }
  // The language menu leads to the same #section in the other language (both
  // languages' pages have the same anchors): its links get the address's #fragment.
  function keepFragment() {
    document.querySelectorAll(".md-select a[hreflang]").forEach(function (link) {
      link.hash = window.location.hash;
    });
  }
  window.addEventListener("hashchange", keepFragment);
  keepFragment();
})();

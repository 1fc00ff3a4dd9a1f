/* Render the math that pymdownx.arithmatex (generic mode) leaves in .arithmatex
   elements, with the KaTeX copy served from this site (assets/vendor/katex/).
   KaTeX is fetched only by pages that have math, once. Material's instant navigation
   swaps pages without reloading scripts, so every page change renders again. */
(function () {
  "use strict";

  var script = document.currentScript;
  var base = new URL("../vendor/katex/", script ? script.src : document.baseURI).href;
  var loading = null;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      var element = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) {
        element.setAttribute(name, attributes[name]);
      });
      element.onload = resolve;
      element.onerror = reject;
      document.head.appendChild(element);
    });
  }

  function loadKatex() {
    if (!loading) {
      loading = Promise.all([
        load("link", { rel: "stylesheet", href: base + "katex.min.css" }),
        load("script", { src: base + "katex.min.js" }).then(function () {
          return load("script", { src: base + "contrib/auto-render.min.js" });
        })
      ]);
    }
    return loading;
  }

  function render() {
    var elements = document.querySelectorAll(".arithmatex");
    if (elements.length === 0) {
      return;
    }
    loadKatex().then(function () {
      for (var i = 0; i < elements.length; i++) {
        window.renderMathInElement(elements[i], {
          delimiters: [
            { left: "\\(", right: "\\)", display: false },
            { left: "\\[", right: "\\]", display: true }
          ],
          throwOnError: false
        });
      }
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(render);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();

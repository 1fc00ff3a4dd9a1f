/* The copy button of a doctest block (">>> " lines, "... " continuations, the output
   under them) copies its code only, with an empty line after a multi-line statement so
   that the interactive interpreter accepts it too; other blocks copy as they are.
   Material's button copies a block's data-copy attribute when it has one: this script
   only sets it, by doctest's rules (tests/browser/test_copy.py compares the two). */
(function () {
  "use strict";

  var PS1 = /^>>>( |$)/, PS2 = /^\.\.\.( |$)/;  // doctest's prompts

  function doctestCode(lines) {
    var code = [];
    var inSource = false;  // on the ">>> " line of an example or its "... " lines
    var size = 0;  // the lines of the current example's source
    lines.forEach(function (line) {
      if (PS1.test(line)) {
        if (size > 1) code.push("");
        code.push(line.slice(4));
        inSource = true;
        size = 1;
      } else if (inSource && PS2.test(line)) {
        code.push(line.slice(4));
        size += 1;
      } else {
        inSource = false;  // the example's output, or a blank line
      }
    });
    return code.join("\n");
  }

  function prepare() {
    document.querySelectorAll(".md-content .highlight").forEach(function (block) {
      var code = block.querySelector("pre > code");
      if (!code || block.hasAttribute("data-copy")) return;
      var lines = code.textContent.replace(/\n+$/, "").split("\n");
      if (PS1.test(lines[0])) block.setAttribute("data-copy", doctestCode(lines));
    });
  }

  document.addEventListener("DOMContentLoaded", prepare);  // every link loads a whole page
})();

/* The copy button of a code block gives code that runs.

   A doctest block (">>> " lines, "... " continuations and the output under them) is
   copied as its code only: prompts and output left out, and an empty line after a
   multi-line statement so that the interactive interpreter accepts it too. A shell
   block whose commands start with "$ " is copied as its commands only. Every other
   block is copied as it is, and selecting text by hand copies what is shown.

   Material's copy button copies the data-copy attribute of the block when it has one,
   its text otherwise: this script only sets data-copy. The rules are those of Python's
   doctest module (tests/browser/test_copy.py compares the two on every page). */
(function () {
  "use strict";

  var PS1 = /^>>>( |$)/;
  var PS2 = /^\.\.\.( |$)/;

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

  function shellCommands(lines) {
    var commands = [];
    var continued = false;
    lines.forEach(function (line) {
      if (line.indexOf("$ ") === 0) {
        commands.push(line.slice(2));
      } else if (continued) {
        commands.push(line);
      } else {
        return;
      }
      continued = /\\$/.test(line);
    });
    return commands.join("\n");
  }

  /* The text to copy for a block's source, or null to copy the block as shown. */
  function runnable(text) {
    var lines = text.replace(/\n+$/, "").split("\n");
    if (PS1.test(lines[0])) return doctestCode(lines);
    if (lines[0].indexOf("$ ") === 0) return shellCommands(lines);
    return null;
  }

  function prepare() {
    var blocks = document.querySelectorAll(".md-content .highlight");
    Array.prototype.forEach.call(blocks, function (block) {
      var code = block.querySelector("pre > code");
      if (!code || block.hasAttribute("data-copy")) return;
      var copy = runnable(code.textContent);
      if (copy !== null) block.setAttribute("data-copy", copy);
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(prepare);
  } else {
    document.addEventListener("DOMContentLoaded", prepare);
  }
})();

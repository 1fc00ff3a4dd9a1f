"""Browser checks of the shape calculator, collected through test_site.py.

The calculator page and rnn_guide give the same answer, message for message, in both
languages. Cases come from a seeded generator (valid and wrong specs and input shapes,
typed as a reader types them: spaces, `torch.Size([...])`, full-width digits, floats,
sizes beyond int64, empty parts); they are typed into the page's own form, and the
page's answer is read back with the Python it shows. That Python is then run here:
`RNNSpec(...)` and `expected_shapes(...)` must give the page's shapes, or raise the
`ShapeError` whose message (`error.message("en")` or `("zh")`) is the page's.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from rnn_guide import RNNSpec, ShapeError, expected_shapes
from rnn_guide.shapes import format_shape

CASES = 400

# ---------------------------------------------------------------- the cases

_FLOATS = ["2.5", "3.0", "1e3", "1E-5", ".5", "5.", "-0.0", "1e16", "12345678901234567.5", "1e400"]
_STRINGS = ["x", "ten", "'7'", 'a"b', "3 4", "", "  ", "一", "n/a", "a\tb", "x" * 70]
_HUGE = ["9223372036854775808", "99999999999999999999999", "-99999999999999999999"]
_FULLWIDTH = str.maketrans("0123456789,()", "０１２３４５６７８９，（）")


def _size(rng: random.Random, low: int = 1) -> str:
    roll = rng.random()
    if roll < 0.05:
        return str(rng.choice([0, -1, -3]))
    if roll < 0.08:
        return rng.choice(_FLOATS)
    if roll < 0.10:
        return rng.choice(_STRINGS)
    if roll < 0.11:
        return rng.choice(_HUGE)
    if roll < 0.13:
        return f" {rng.randint(low, 24)} "
    if roll < 0.14:
        return "+" + str(rng.randint(low, 24))
    return str(rng.randint(low, 24))


def _shape_text(rng: random.Random, sizes: list[str]) -> str:
    joined = ", ".join(sizes)
    roll = rng.random()
    if roll < 0.15:
        return f"torch.Size([{joined}])"
    if roll < 0.25:
        return f"({joined}{',' if len(sizes) == 1 else ''})"
    if roll < 0.30:
        return f"[{joined}]"
    if roll < 0.34:
        return ",".join(sizes).translate(_FULLWIDTH)
    if roll < 0.37 and len(sizes) > 1:
        return ",,".join(sizes)  # a typo: an empty size
    return ",".join(sizes) + ("," if len(sizes) == 1 else "")


def generate_cases(count: int, seed: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        mode = rng.choice(["RNN", "GRU", "LSTM"])
        input_size = _size(rng)
        hidden_size = _size(rng)
        roll = rng.random()
        if roll < 0.6:
            proj = "0"
        elif roll < 0.9:
            proj = str(rng.randint(1, 26))
        else:
            proj = rng.choice(["-1", "1.5", "x", _HUGE[0]])
        rank = rng.choices([1, 2, 3, 4, 0, 70], weights=[4, 25, 60, 6, 2, 1])[0]
        sizes = [
            str(rng.randint(0, 9) if rng.random() < 0.15 else rng.randint(1, 9))
            for _ in range(rank)
        ]
        if rank and rng.random() < 0.8:
            sizes[-1] = input_size.strip()
        if rank and rng.random() < 0.05:
            sizes[rng.randrange(rank)] = rng.choice(["-2", "2.5", "x", _HUGE[1], "3000000000"])
        if rng.random() < 0.02:
            hidden_size = "3037000500"  # weights beyond int64 bytes
        cases.append(
            {
                "mode": mode,
                "input_size": input_size,
                "hidden_size": hidden_size,
                "num_layers": str(rng.choice([1, 1, 2, 3])) if rng.random() > 0.05 else "0",
                "proj_size": proj,
                "bidirectional": rng.random() < 0.4,
                "batch_first": rng.random() < 0.5,
                "input_shape": _shape_text(rng, sizes),
            }
        )
    return cases


# ---------------------------------------------------------------- Python's answer

_CALL = re.compile(r"^(spec = RNNSpec\(.*\)|shapes = expected_shapes\(spec, .*\))$")


def python_answer(code: str, lang: str = "en") -> dict[str, Any]:
    """Run the lines of the page's Python that ask rnn_guide; word the answer as the page."""
    lines = [line for line in code.splitlines() if _CALL.match(line)]
    assert len(lines) == 2, f"the page's Python lacks the RNNSpec/expected_shapes lines:\n{code}"
    namespace: dict[str, Any] = {"RNNSpec": RNNSpec, "expected_shapes": expected_shapes}
    try:
        exec("\n".join(lines), namespace)  # the page's own code, from seeded cases
    except ShapeError as error:
        return {"ok": False, "key": error.key, "error": error.message(lang)}  # type: ignore[arg-type]
    shapes = namespace["shapes"]
    c_n = format_shape(shapes.c_n) if shapes.c_n is not None else "—"
    return {
        "ok": True,
        "input": format_shape(shapes.input),
        "output": format_shape(shapes.output),
        "h_0": format_shape(shapes.h_n),
        "h_n": format_shape(shapes.h_n),
        "c_0": c_n,
        "c_n": c_n,
    }


# Fill every field of the form the way typing would (value, then an input event), then
# read the table, the status line and the Python shown. One call runs every case.
_DRIVE = """(cases) => {
  const root = document.querySelector("[data-shape-calculator]");
  const form = root.querySelector("form");
  const set = (name, value) => {
    const field = form.elements[name];
    if (field.type === "checkbox") { field.checked = value; } else { field.value = value; }
    field.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const status = root.querySelector('[data-calc="status"]');
  return cases.map((c) => {
    for (const name of ["mode", "input_size", "hidden_size", "num_layers", "proj_size",
                        "bidirectional", "batch_first", "input_shape"]) {
      set(name, c[name]);
    }
    const code = root.querySelector('[data-calc="code"]').textContent;
    const wrong = [...form.querySelectorAll('[aria-invalid="true"]')].map((f) => f.name);
    const described = [...form.querySelectorAll('[aria-invalid="true"]')].every(
      (f) => f.getAttribute("aria-describedby").split(" ").includes(
        root.querySelector('[data-calc="message"]').id));
    if (status.hasAttribute("data-error")) {
      return {answer: {ok: false, key: status.getAttribute("data-error-key"),
                       error: status.getAttribute("data-error")},
              code, wrong, described};
    }
    const answer = {ok: true};
    for (const name of ["input", "output", "h_0", "h_n", "c_0", "c_n"]) {
      answer[name] = root.querySelector(`[data-shape="${name}"]`).textContent;
    }
    return {answer, code, wrong, described};
  });
}"""


def _drive(site: Any, page: Any, path: str, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    page.goto(site.url(path))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    result: list[dict[str, Any]] = page.evaluate(_DRIVE, cases)
    return result


def _compare(cases: list[dict[str, Any]], got: list[dict[str, Any]], lang: str) -> list[str]:
    wrong = []
    for case, have in zip(cases, got, strict=True):
        want = python_answer(have["code"], lang)
        if want != have["answer"]:
            wrong.append(f"{case}\n  python: {want}\n  page:   {have['answer']}\n{have['code']}")
        elif not want["ok"] and (not have["wrong"] or not have["described"]):
            wrong.append(f"{case}: no field marked and described for {want['key']}")
        elif want["ok"] and have["wrong"]:
            wrong.append(f"{case}: fields marked wrong on a right answer: {have['wrong']}")
    return wrong


@pytest.mark.browser
def test_calculator_agrees_with_expected_shapes(site: Any, page: Any) -> None:
    cases = generate_cases(CASES)
    got = _drive(site, page, "reference/calculator/", cases)
    answers = [python_answer(have["code"]) for have in got]
    valid = sum(answer["ok"] for answer in answers)
    keys = {answer["key"] for answer in answers if not answer["ok"]}
    # The generator must exercise both sides and the messages a form can reach.
    assert 100 <= valid <= CASES - 100, f"{valid} valid cases of {CASES}"
    assert len(keys) >= 14, f"only these errors were generated: {sorted(keys)}"
    wrong = _compare(cases, got, "en")
    assert not wrong, f"{len(wrong)} of {CASES} cases differ, e.g.\n" + "\n".join(wrong[:4])


@pytest.mark.browser
def test_calculator_in_chinese_names_the_same_errors(site: Any, page: Any) -> None:
    cases = generate_cases(200, seed=1)
    got = _drive(site, page, "zh/reference/calculator/", cases)
    wrong = _compare(cases, got, "zh")
    assert not wrong, f"{len(wrong)} of {len(cases)} cases differ, e.g.\n" + "\n".join(wrong[:4])
    errors = [have["answer"]["error"] for have in got if not have["answer"]["ok"]]
    assert len(errors) > 50 and all(re.search(r"[\u4e00-\u9fff]", e) for e in errors)


@pytest.mark.browser
def test_the_python_shown_runs_and_agrees_with_torch(site: Any, page: Any) -> None:
    # The module line of the page's Python, run with torch on 12 small valid cases: its
    # output and states have the shapes the page shows.
    import torch
    from torch import nn

    cases = [case for case in generate_cases(200, seed=2)][:200]
    got = _drive(site, page, "reference/calculator/", cases)
    checked = 0
    for have in got:
        answer = have["answer"]
        if not answer["ok"] or checked >= 12:
            continue
        namespace: dict[str, Any] = {"nn": nn}
        module_line = next(line for line in have["code"].splitlines() if line.startswith("rnn ="))
        exec(module_line, namespace)  # the page's own code, from seeded cases
        shape = tuple(int(size) for size in re.findall(r"\d+", answer["input"]))
        torch.manual_seed(0)
        output, state = namespace["rnn"](torch.zeros(shape))
        h_n, c_n = state if isinstance(state, tuple) else (state, None)
        assert format_shape(output.shape) == answer["output"], have["code"]
        assert format_shape(h_n.shape) == answer["h_n"], have["code"]
        assert (format_shape(c_n.shape) if c_n is not None else "—") == answer["c_n"]
        checked += 1
    assert checked == 12, checked


@pytest.mark.browser
def test_calculator_answers_typing_and_clicking(site: Any, page: Any) -> None:
    page.goto(site.url("reference/calculator/"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    # The starting values are the ones the page's Python example uses.
    assert page.text_content('[data-shape="output"]') == "(3, 7, 20)"
    assert page.text_content('[data-shape="c_n"]') == "(2, 3, 20)"
    page.get_by_label("mode", exact=True).select_option("GRU")
    page.get_by_label("bidirectional", exact=True).check()
    page.get_by_label("input_shape", exact=True).fill("7, 10")
    assert page.text_content('[data-shape="output"]') == "(7, 40)"
    assert page.text_content('[data-shape="h_n"]') == "(4, 20)"
    assert page.text_content('[data-shape="c_n"]') == "—"
    # Pasted as Python prints a shape.
    for pasted in ("torch.Size([7, 3, 10])", "(7, 3, 10)", "（７，３，１０）"):
        page.get_by_label("input_shape", exact=True).fill(pasted)
        assert page.text_content('[data-shape="output"]') == "(7, 3, 40)", pasted
    page.get_by_label("input_shape", exact=True).fill("7, 12")
    message = page.get_attribute('[data-calc="status"]', "data-error")
    code = page.text_content('[data-calc="code"]')
    assert message == python_answer(code)["error"]
    field = page.get_by_label("input_shape", exact=True)
    assert field.get_attribute("aria-invalid") == "true"
    described = field.get_attribute("aria-describedby").split()
    assert page.text_content(f"#{described[0]}") == message
    # A typo is reported, not read as another shape.
    field.fill("7,,10")
    assert page.get_attribute('[data-calc="status"]', "data-error-key") == "shape_not_ints"


@pytest.mark.browser
def test_a_link_shares_the_question(site: Any, page: Any) -> None:
    page.goto(site.url("zh/reference/calculator/"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    page.get_by_label("mode", exact=True).select_option("GRU")
    page.get_by_label("proj_size", exact=True).fill("3")
    page.get_by_label("input_shape", exact=True).fill("torch.Size([2, 5, 10])")
    # Typing rewrites the address once it pauses.
    page.wait_for_function(
        "new URLSearchParams(location.search).get('input') === 'torch.Size([2, 5, 10])'"
    )
    shared = page.evaluate("location.href")
    assert "mode=GRU" in shared and "proj_size=3" in shared, shared
    message = page.get_attribute('[data-calc="status"]', "data-error")
    page.goto("about:blank")
    page.goto(shared)
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    assert page.get_by_label("mode", exact=True).input_value() == "GRU"
    assert page.get_by_label("input_shape", exact=True).input_value() == "torch.Size([2, 5, 10])"
    assert page.get_attribute('[data-calc="status"]', "data-error") == message
    assert page.get_by_label("proj_size", exact=True).get_attribute("aria-invalid") == "true"
    # A hostile address changes nothing but the fields' text.
    page.goto(site.url("reference/calculator/?mode=<b>&input=%3Cimg%20src=x%3E&batch_first=2"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    assert page.get_by_label("mode", exact=True).input_value() == "LSTM"
    assert page.locator("[data-shape-calculator] img").count() == 0
    assert page.get_attribute('[data-calc="status"]', "data-error-key") == "shape_not_ints"


@pytest.mark.browser
def test_typing_rewrites_the_address_a_few_times_not_per_key(site: Any, page: Any) -> None:
    # Safari throws after 100 rewrites of the address in 30 s, and Chromium ignores
    # them after 200 in 10 s: a burst of typing must stay far below, and still end in an
    # address that holds what was typed. A committed change (a choice) is written at once.
    page.add_init_script(
        """window.__writes = 0;
        const replace = history.replaceState.bind(history);
        history.replaceState = (...args) => { window.__writes += 1; return replace(...args); };"""
    )
    page.goto(site.url("reference/calculator/"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    field = page.get_by_label("input_shape", exact=True)
    field.fill("")
    field.press_sequentially("9, 3, 10" + ", 1" * 40)
    page.wait_for_function(
        f"new URLSearchParams(location.search).get('input') === {('9, 3, 10' + ', 1' * 40)!r}"
    )
    writes = page.evaluate("window.__writes")
    assert 1 <= writes <= 20, f"{writes} address rewrites for {8 + 3 * 40} keys"
    page.get_by_label("mode", exact=True).select_option("GRU")
    assert "mode=GRU" in page.evaluate("location.search")  # no wait: written at once
    # Leaving the page writes what is owed; but not once the address is another page's
    # (as instant navigation changes it, then takes the calculator away). One script each,
    # so that no timer fires in between.
    assert page.evaluate(_LEAVE, False) == "6, 6"
    assert page.evaluate(_LEAVE, True) == "/rnn-guide/reference/shapes/"


_LEAVE = """(away) => {
  const root = document.querySelector("[data-shape-calculator]");
  const field = root.querySelector("[name=input_shape]");
  field.value = away ? "7, 7" : "6, 6";
  field.dispatchEvent(new Event("input", {bubbles: true}));
  if (away) {
    history.pushState(null, "", "../shapes/");
    root.remove();
  }
  window.dispatchEvent(new Event("pagehide"));
  const input = new URLSearchParams(location.search).get("input");
  return away ? location.pathname + location.search : input;
}"""


@pytest.mark.browser
def test_the_code_and_the_link_can_be_copied(site: Any, browser: Any) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        tab = context.new_page()
        tab.goto(site.url("reference/calculator/?input=7,3,10&batch_first=0"))
        tab.wait_for_selector('[data-shape-calculator][data-ready="true"]')
        tab.get_by_role("button", name="Copy the code").click()
        tab.wait_for_function("document.querySelector('.rg-calc__feedback').textContent !== ''")
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert copied == tab.text_content('[data-calc="code"]')
        assert "expected_shapes(spec, (7, 3, 10))" in copied and "nn.LSTM(10, 20" in copied
        tab.get_by_role("button", name="Copy a link to this question").click()
        tab.wait_for_function(
            "document.querySelector('.rg-calc__feedback').textContent === 'Link copied.'"
        )
        assert "input=7%2C3%2C10" in tab.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()


@pytest.mark.browser
def test_calculator_survives_instant_navigation(site: Any, page: Any) -> None:
    page.goto(site.url("reference/shapes/"))
    page.click('a[href$="calculator/"]')
    page.wait_for_url("**/reference/calculator/")
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]', timeout=5000)
    assert page.text_content('[data-shape="output"]') == "(3, 7, 20)"


@pytest.mark.browser
def test_calculator_fits_a_phone(site: Any, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto(site.url("reference/calculator/"))
        phone.wait_for_selector('[data-shape-calculator][data-ready="true"]')
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
    finally:
        context.close()

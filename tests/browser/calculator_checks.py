"""Browser checks of the shape calculator, collected through test_site.py.

The calculator page agrees with rnn_guide.expected_shapes, message for message.

Cases come from a seeded generator (valid and invalid specs and input shapes); they are
typed into the page's own form fields and the page's answers are read back from the
table and the status line.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from rnn_guide.shapes import RNNSpec, ShapeError, expected_shapes, format_shape

CASES = 400


# ---------------------------------------------------------------- the cases


def _python_value(text: str) -> object:
    """What a form field's text means as a Python value (as the page reads it)."""
    stripped = text.strip()
    if re.fullmatch(r"[+-]?\d+", stripped):
        return int(stripped)
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", stripped):
        return float(stripped)
    return text


def _size(rng: random.Random, low: int = 1) -> str:
    roll = rng.random()
    if roll < 0.06:
        return str(rng.choice([0, -1, -3]))
    if roll < 0.09:
        return rng.choice(["2.5", "3.0", "x"])
    return str(rng.randint(low, 24))


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
            proj = rng.choice(["-1", "1.5"])
        rank = rng.choices([1, 2, 3, 4, 0], weights=[4, 25, 60, 6, 2])[0]
        sizes = [
            str(rng.randint(0, 9) if rng.random() < 0.15 else rng.randint(1, 9))
            for _ in range(rank)
        ]
        if rank and rng.random() < 0.8:
            sizes[-1] = input_size.strip()
        if rank and rng.random() < 0.04:
            sizes[rng.randrange(rank)] = rng.choice(["-2", "2.5"])
        shape = ", ".join(sizes) + ("," if rank == 1 else "")
        cases.append(
            {
                "mode": mode,
                "input_size": input_size,
                "hidden_size": hidden_size,
                "num_layers": str(rng.choice([1, 1, 2, 3])) if rng.random() > 0.05 else "0",
                "proj_size": proj,
                "bidirectional": rng.random() < 0.4,
                "batch_first": rng.random() < 0.5,
                "shape": shape,
            }
        )
    return cases


def python_answer(case: dict[str, Any]) -> dict[str, Any]:
    """What rnn_guide says for one case, written as the page writes it."""
    shape = tuple(_python_value(part) for part in case["shape"].split(",") if part.strip())
    try:
        spec = RNNSpec(
            case["mode"],
            input_size=_python_value(case["input_size"]),  # type: ignore[arg-type]
            hidden_size=_python_value(case["hidden_size"]),  # type: ignore[arg-type]
            num_layers=_python_value(case["num_layers"]),  # type: ignore[arg-type]
            bidirectional=case["bidirectional"],
            batch_first=case["batch_first"],
            proj_size=_python_value(case["proj_size"]),  # type: ignore[arg-type]
        )
        shapes = expected_shapes(spec, shape)  # type: ignore[arg-type]
    except ShapeError as error:
        return {"ok": False, "key": error.key, "error": str(error)}
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
# read the table and the status line. One call runs every case in the page.
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
    set("mode", c.mode);
    set("input_size", c.input_size);
    set("hidden_size", c.hidden_size);
    set("num_layers", c.num_layers);
    set("proj_size", c.proj_size);
    set("bidirectional", c.bidirectional);
    set("batch_first", c.batch_first);
    set("input_shape", c.shape);
    if (status.hasAttribute("data-error")) {
      return {ok: false, key: status.getAttribute("data-error-key"),
              error: status.getAttribute("data-error")};
    }
    const answer = {ok: true};
    for (const name of ["input", "output", "h_0", "h_n", "c_0", "c_n"]) {
      answer[name] = root.querySelector(`[data-shape="${name}"]`).textContent;
    }
    return answer;
  });
}"""


@pytest.mark.browser
def test_calculator_agrees_with_expected_shapes(site: Any, page: Any) -> None:
    cases = generate_cases(CASES)
    expected = [python_answer(case) for case in cases]
    valid = sum(answer["ok"] for answer in expected)
    keys = {answer["key"] for answer in expected if not answer["ok"]}
    # The generator must exercise both sides and most of the messages.
    assert 120 <= valid <= CASES - 120, f"{valid} valid cases of {CASES}"
    assert len(keys) >= 8, f"only these errors were generated: {sorted(keys)}"

    page.goto(site.url("reference/calculator/"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    got = page.evaluate(_DRIVE, cases)
    wrong = [
        f"{case}\n  python: {want}\n  page:   {have}"
        for case, want, have in zip(cases, expected, got, strict=True)
        if want != have
    ]
    assert not wrong, f"{len(wrong)} of {CASES} cases differ, e.g.\n" + "\n".join(wrong[:5])


@pytest.mark.browser
def test_calculator_in_chinese_names_the_same_errors(site: Any, page: Any) -> None:
    cases = generate_cases(120, seed=1)
    expected = [python_answer(case) for case in cases]
    page.goto(site.url("zh/reference/calculator/"))
    page.wait_for_selector('[data-shape-calculator][data-ready="true"]')
    got = page.evaluate(_DRIVE, cases)
    for case, want, have in zip(cases, expected, got, strict=True):
        assert want["ok"] == have["ok"], (case, want, have)
        if want["ok"]:
            assert want == have, (case, want, have)
        else:
            assert have["key"] == want["key"], (case, want, have)
            assert "{" not in have["error"] and re.search(r"[\u4e00-\u9fff]", have["error"])


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
    page.get_by_label("input_shape", exact=True).fill("7, 12")
    message = page.get_attribute('[data-calc="status"]', "data-error")
    want = python_answer(
        {
            "mode": "GRU",
            "input_size": "10",
            "hidden_size": "20",
            "num_layers": "2",
            "proj_size": "0",
            "bidirectional": True,
            "batch_first": True,
            "shape": "7, 12",
        }
    )
    assert message == want["error"]


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

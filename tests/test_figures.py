"""The committed figures are what tools/figures/draw.py draws today (run `make figures`).

Every figure has four variants (wide and narrow, light and dark); each is checked for
being up to date, for its text alternative, for its smallest text size and its colour
contrast, and every page that shows a figure shows all four with the same alt text.
"""

from __future__ import annotations

import html
import re

import pytest

from tools.figures import draw as figures
from tools.paths import DOCS

FILES = [
    (lang, file_name)
    for lang in figures.LANGS
    for name in figures.NAMES
    for file_name in figures.variants(name)
]


@pytest.fixture(scope="module")
def fresh() -> dict[str, dict[str, str]]:
    return {lang: figures.draw_all(lang) for lang in figures.LANGS}


@pytest.mark.parametrize(("lang", "file_name"), FILES)
def test_figure_is_up_to_date(fresh: dict[str, dict[str, str]], lang: str, file_name: str) -> None:
    committed_path = figures.figure_dir(DOCS, lang) / file_name
    assert committed_path.exists(), f"{committed_path} is missing: run `make figures`"
    committed = committed_path.read_text(encoding="utf-8")
    assert committed == fresh[lang][file_name], (
        f"{committed_path} is stale: run `make figures` and commit it"
    )


def test_no_figure_file_is_left_over() -> None:
    for lang in figures.LANGS:
        drawn = {file_name for _, file_name in FILES}
        present = {path.name for path in figures.figure_dir(DOCS, lang).glob("*.svg")}
        assert present == drawn, f"{lang}: not drawn by tools/figures/draw.py: {present - drawn}"


@pytest.mark.parametrize(("lang", "file_name"), FILES)
def test_every_figure_is_accessible(lang: str, file_name: str) -> None:
    path = figures.figure_dir(DOCS, lang) / file_name
    content = path.read_text(encoding="utf-8")
    name = next(name for name in figures.NAMES if file_name in figures.variants(name))
    assert f'<title id="{name}-title">' in content, f"{path} has no <title>"
    assert f'<desc id="{name}-desc">' in content, f"{path} has no <desc>"
    assert f'aria-labelledby="{name}-title {name}-desc"' in content, path
    assert "http://" not in content.replace("http://www.w3.org/2000/svg", ""), path


@pytest.mark.parametrize(("lang", "file_name"), FILES)
def test_text_is_large_enough_for_its_layout(lang: str, file_name: str) -> None:
    # What the browser shows is checked in tests/browser/test_layout.py; this is the
    # drawing's own promise: narrow figures fit a phone, wide ones the 45em column.
    content = (figures.figure_dir(DOCS, lang) / file_name).read_text(encoding="utf-8")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', content).group(1))  # type: ignore[union-attr]
    layout = "narrow" if "-narrow" in file_name else "wide"
    limit = figures.NARROW_WIDTH if layout == "narrow" else figures.WIDE_MAX
    assert width <= limit, f"{file_name} is {width} wide"
    labels = [float(size) for size in re.findall(r'<text [^>]*font-size="([\d.]+)"', content)]
    assert min(labels) >= figures.MIN_FONT[layout], f"{file_name}: a label at {min(labels)}"
    # Subscripts (x with 0, h with t-1) too.
    subscripts = [float(size) for size in re.findall(r'<tspan font-size="([\d.]+)"', content)]
    smallest = min(subscripts, default=figures.MIN_FONT[layout])
    assert smallest >= figures.MIN_FONT[layout], f"{file_name}: a subscript at {smallest}"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", figures.SCHEMES)
def test_every_text_colour_has_contrast_on_every_background(scheme: str) -> None:
    palette = figures.PALETTES[scheme]
    for colour in palette.text_colours:
        for background in (palette.page, *palette.fills):
            ratio = contrast(colour, background)
            assert ratio >= 4.5, f"{scheme}: {colour} on {background} is {ratio:.2f}:1"
    for lang in figures.LANGS:
        for file_name in (f for _, f in FILES if ("-dark" in f) == (scheme == "dark")):
            content = (figures.figure_dir(DOCS, lang) / file_name).read_text(encoding="utf-8")
            used = set(re.findall(r'<text [^>]*fill="(#[0-9a-f]{6})"', content))
            assert used <= set(palette.text_colours), f"{file_name}: {used}"


def test_contrast_check_can_fail() -> None:
    assert contrast("#ffffff", "#000000") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") < 4.5


def test_batching_plot_names_machine_and_torch() -> None:
    for file_name in figures.variants("batching-speed"):
        content = (figures.figure_dir(DOCS, "en") / file_name).read_text(encoding="utf-8")
        assert "measured on " in content and "torch " in content, file_name


def test_labels_are_translated() -> None:
    assert set(figures.TEXT["en"]) == set(figures.TEXT["zh"])
    light = figures.PALETTES["light"]
    for name, draw in figures.DETERMINISTIC.items():
        for layout in figures.LAYOUTS:
            en, zh = (draw(figures.TEXT[lang], layout, light) for lang in figures.LANGS)
            assert en != zh, (name, layout)


def test_wrap_keeps_every_word_and_the_width() -> None:
    label = "h_0 and h_n are (num_layers·D, N, H) either way: never batch-first"
    lines = figures.wrap(label, 12, 200)
    assert len(lines) > 1 and " ".join(lines) == label
    assert all(figures.text_width(line, 12) <= 200 for line in lines)
    zh = figures.wrap("两种情况下 h_0 和 h_n 都是：从不批次优先", 12, 100)
    assert "".join(zh).replace(" ", "") == "两种情况下h_0和h_n都是：从不批次优先"
    assert not any(line.startswith("：") for line in zh)


_PICTURE = re.compile(
    r'^<picture class="rg-figure"><source [^>]*><img src="((?:\.\./)+assets/figures/)'
    r'([a-z0-9-]+)\.svg#only-(?:light|dark)" alt="([^"]*)"[^>]*></picture>$',
    re.MULTILINE,
)

# Any image of a figure, in Markdown or HTML.
_ANY_FIGURE = re.compile(
    r"!\[[^\]]*\]\([^)]*assets/figures/|<(img|picture|source)\b[^>]*assets/figures/"
)


def test_pages_show_every_variant_of_their_figures() -> None:
    # A page shows a figure with the two lines figures.markdown writes (a picture per
    # scheme, each with both layouts and the sizes of the drawings in the page's
    # language); its first figure's light picture is fetched with the page.
    problems = []
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            if _ANY_FIGURE.search(line) and not _PICTURE.match(line):
                problems.append(f"{page.relative_to(DOCS)}: not written by markdown(): {line}")
        shown: dict[str, list[str]] = {}
        for match in _PICTURE.finditer(text):
            base = re.sub(r"(-dark)?$", "", match.group(2))
            shown.setdefault(base, []).append(match.group(0))
        for number, (base, lines) in enumerate(shown.items()):
            match = _PICTURE.match(lines[0])
            assert match is not None
            alt = html.unescape(match.group(3))
            wanted = figures.markdown(base, alt, page, first=number == 0)
            for line in wanted.splitlines():
                if text.count(line) != 1:
                    problems.append(f"{page.relative_to(DOCS)}: {base} needs\n{line}")
    assert not problems, "\n".join(problems)

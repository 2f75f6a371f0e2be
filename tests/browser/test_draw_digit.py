"""Notebook 24's canvas, live: draw with the mouse in JupyterLab and watch the reading change.

A small notebook displays ``draw_digit_explorer`` with the model file notebook 24
loads. In headless Chromium the test presses the mouse button on the canvas,
moves it and lets go, as a learner draws; after every stroke the kernel reads
the drawing and the widget shows the ten probabilities. The test checks that
they appear, that they change with a second stroke, that Clear empties the
canvas, and that another drawing is read again. The fixtures (server, browser,
pages) are in ``conftest.py``.
"""

import re

import nbformat
import pytest

from .conftest import ARTIFACTS
from .lab_driver import save_screenshot, wait_for_rendering, wait_until_run, widget_outputs
from .test_jupyterlab import DEFAULT_KERNEL

pytestmark = pytest.mark.browser

EMPTY = "the drawing is empty: draw a digit first"
# "reads 1 with probability 1.00 | 0:0.00 1:1.00 ... 9:0.00", as reading_summary writes it
READING = re.compile(r"reads (\d) with probability ([\d.]+) \| ((?:\d:[\d.]+ ?){10})")


def canvas_notebook(path):
    """Write a notebook that shows the digit canvas with the shipped model."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": DEFAULT_KERNEL,
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in (
        "%matplotlib inline\n"
        "from nnfs_helpers import MODEL_FILE\n"
        "from nnfs_helpers import load_model\n"
        "from nnfs_widgets import draw_digit_explorer",
        "draw_digit_explorer(load_model(MODEL_FILE))",
    )]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def readout_text(widget):
    return widget.locator(".widget-html-content").first.text_content().strip()


def picture(widget):
    return widget.locator("img").first.get_attribute("src")


def wait_for_readout(widget, done, timeout=20.0):
    """Poll the widget's line of text until ``done(text)``; return the last text."""
    page = widget.page
    for _ in range(int(timeout / 0.2)):
        text = readout_text(widget)
        if done(text):
            return text
        page.wait_for_timeout(200)
    return readout_text(widget)


def stroke(page, box, points, steps=6):
    """Press the mouse at the first point (canvas pixels), move through the rest, let go."""
    def at(x, y):
        return box["x"] + x * box["width"] / 280, box["y"] + y * box["height"] / 280

    page.mouse.move(*at(*points[0]))
    page.mouse.down()
    for point in points[1:]:
        page.mouse.move(*at(*point), steps=steps)
    page.mouse.up()


def parse(text):
    """The digit read, its probability, and all ten probabilities from a reading."""
    match = READING.search(text)
    assert match, f"no reading in {text!r}"
    probabilities = [float(pair.split(":")[1]) for pair in match.group(3).split()]
    return int(match.group(1)), float(match.group(2)), probabilities


def test_drawing_on_the_canvas_is_read_after_every_stroke(notebook_pages, lab):
    path = "browser-checks/draw_a_digit.ipynb"
    canvas_notebook(lab.root / path)
    page = notebook_pages.start(path, DEFAULT_KERNEL)
    passed = False
    try:
        state = wait_until_run(page)
        assert [cell["prompt"] for cell in state["cells"]] == ["[1]:", "[2]:"]
        wait_for_rendering(page, 0, 1)
        widget = widget_outputs(page).first
        canvas = widget.locator("canvas").last  # ipycanvas may stack a few; the top one listens
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()
        assert box and box["width"] > 100, f"the canvas is not on the page: {box}"
        assert wait_for_readout(widget, lambda text: EMPTY in text).startswith(EMPTY)
        empty_picture = picture(widget)

        # A vertical stroke: a 1, wherever and however big it is drawn.
        stroke(page, box, [(150, 40), (148, 140), (146, 240)])
        text = wait_for_readout(widget, lambda text: READING.search(text) is not None)
        digit, probability, probabilities = parse(text)
        assert digit == 1, f"a straight vertical stroke was read as {digit}: {text}"
        assert sum(probabilities) == pytest.approx(1, abs=0.06)  # ten numbers rounded to 0.01
        assert probability == max(probabilities)
        assert picture(widget) != empty_picture, "the 8 x 8 image and bars were not drawn"
        first = text

        # A second stroke across the top: the same drawing, read again.
        stroke(page, box, [(100, 45), (200, 45)])
        second = wait_for_readout(widget, lambda text: text != first)
        assert second != first, "the reading did not change after the second stroke"
        parse(second)

        widget.get_by_role("button", name="Clear").click()
        assert EMPTY in wait_for_readout(widget, lambda text: EMPTY in text)

        # Another digit: an oval, drawn in one stroke around the canvas's middle.
        oval = [(140, 50), (95, 80), (85, 140), (95, 200), (140, 230), (185, 200),
                (195, 140), (185, 80), (140, 50)]
        stroke(page, box, oval, steps=3)
        third = wait_for_readout(widget, lambda text: READING.search(text) is not None)
        digit, _, _ = parse(third)
        assert digit == 0, f"an oval was read as {digit}: {third}"
        passed = True
    finally:
        save_screenshot(page, ARTIFACTS / "draw_a_digit.png")
        notebook_pages.finish(page, path, reuse=passed)

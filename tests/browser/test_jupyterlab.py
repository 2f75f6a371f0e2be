"""The learner's path, tested: every notebook run in JupyterLab in headless Chromium.

For each notebook in ``notebooks/`` (new ones are picked up automatically),
JupyterLab (in a fresh workspace) opens it from the File menu, clears all
outputs, runs all cells through the Run menu as a learner would, waits until
every cell has run and the kernel is idle, and then checks what the page shows
against the stored notebook:

- no error output, except in cells tagged ``raises-exception`` (which must show one);
- the notebook's key printed result (see ``key_result``) is on the page;
- every figure the stored notebook has is rendered as an image, cell by cell;
- every widget the stored notebook has is rendered, and moving its first
  slider changes what it displays.

A screenshot of each whole notebook goes to ``test-artifacts/browser/``.

To keep the suite quick, two JupyterLab pages are reused for one notebook after
another, and the next notebook is started in one while the current one is
checked in the other (``conftest.NotebookPages``). The fixtures (server,
browser, pages, skip rules) are in ``conftest.py``; page actions in ``lab_driver.py``.
"""

import os
import re

import nbformat
import pytest

from .conftest import ARTIFACTS, NOTEBOOK_DIR, ROOT
from .lab_driver import (
    notebook_state,
    nudge_slider,
    save_screenshot,
    wait_for_display,
    wait_for_rendering,
    wait_until_run,
    widget_display,
    widget_outputs,
)

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SANITIZE_FILE = ROOT / "tests" / "nbval_sanitize.cfg"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The stored notebook's display name for its kernel, when its metadata has none.
DEFAULT_KERNEL = "Python 3 (ipykernel)"


# ---------------------------------------------------------------------------
# What the stored notebook promises
# ---------------------------------------------------------------------------


def read_sanitizers():
    """The nbval sanitize regexes: stdout lines they match vary between runs."""
    lines = SANITIZE_FILE.read_text().splitlines()
    return [re.compile(line.removeprefix("regex:").strip())
            for line in lines if line.startswith("regex:")]


def tags(cell):
    return cell.metadata.get("tags", [])


def is_closing_heading(cell):
    """True for the Summary / Exercises headings: the lesson's body ends there."""
    return (cell.cell_type == "markdown"
            and cell.source.lstrip().startswith(("## Summary", "## Exercises")))


def key_result(nb):
    """Return the line of output that shows the notebook reached its point.

    That is the last line printed before the Summary (after it come the
    exercises, whose checkers print verdicts, not results) that says something
    in words: a bare ``True`` or a row of numbers could turn up anywhere.
    Lines that vary between runs or machines (those the nbval sanitize file
    rewrites, and the outputs of cells tagged nbval-ignore-output, such as a
    training run's digits) are skipped. A notebook that prints no such line falls back to its last
    plain-text result; None if it has neither.
    """
    varying = read_sanitizers()
    printed, results = [], []
    for cell in nb.cells:
        if is_closing_heading(cell):
            break
        if cell.cell_type != "code" or {"raises-exception", "nbval-ignore-output"} & set(
                tags(cell)):
            continue
        for output in cell.outputs:
            if output.output_type == "stream" and output.name == "stdout":
                printed.extend(line.strip() for line in output.text.splitlines())
            elif output.output_type == "execute_result" and WIDGET_VIEW not in output.data:
                results.append(output.data.get("text/plain", "").strip())
    printed = [line for line in printed
               if says_something(line) and not any(regex.search(line) for regex in varying)]
    if printed:
        return printed[-1]
    results = [text.splitlines()[-1].strip() for text in results if text]
    return results[-1] if results else None


def says_something(line):
    """True if ``line`` has a word of three letters or more besides True/False/None."""
    words = re.findall(r"[A-Za-z]{3,}", line)
    return any(word not in {"True", "False", "None"} for word in words)


def stored_images(cell):
    return sum(any(kind in output.get("data", {}) for kind in IMAGE_TYPES)
               for output in cell.outputs)


def stored_widgets(cell):
    return sum(WIDGET_VIEW in output.get("data", {}) for output in cell.outputs)


def is_error(output):
    """True if a rendered output is a Python error (a traceback), not a warning."""
    return (output["mime"] == "application/vnd.jupyter.stderr"
            and ("Traceback (most recent call last)" in output["text"]
                 or re.search(r"^\w+(Error|Exception)\b", output["text"], re.MULTILINE)
                 is not None))


def squash(text):
    """Collapse runs of whitespace, so line wrapping and indentation do not matter."""
    return " ".join(text.split())


def kernel_display_name(nb):
    return nb.metadata.get("kernelspec", {}).get("display_name", DEFAULT_KERNEL)


def next_notebook(request):
    """The notebook of the next browser test pytest will run, or None.

    Read from the collected tests, so ``-k`` and other selections are respected.
    Under pytest-xdist a worker does not know which tests it runs next: None.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    items = request.session.items
    for item in items[items.index(request.node) + 1:]:
        notebook = getattr(item, "callspec", None) and item.callspec.params.get("notebook")
        if notebook is not None:
            return notebook
    return None


# ---------------------------------------------------------------------------
# The tests
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_in_jupyterlab(notebook_pages, lab, notebook, request):
    # The server's copy, taken when the session started, is what the page shows.
    stored = nbformat.read(lab.root / notebook.name, as_version=4)
    code = [cell for cell in stored.cells if cell.cell_type == "code"]
    page = notebook_pages.start(notebook.name, kernel_display_name(stored))
    following = next_notebook(request)
    if following is not None:
        # Started now, the next notebook runs while this one is checked.
        notebook_pages.start_early(following.name, kernel_display_name(
            nbformat.read(lab.root / following.name, as_version=4)))
    passed = False
    try:
        check_run(page, stored, code)
        passed = True
    finally:
        save_screenshot(page, ARTIFACTS / f"{notebook.stem}.png")
        notebook_pages.finish(page, notebook.name, reuse=passed)


def check_run(page, stored, code):
    """Compare what the page shows after Run All with what the stored notebook promises."""
    page.bring_to_front()  # it may have been started in the background
    cells = wait_until_run(page)["cells"]
    assert len(cells) == len(code), "JupyterLab shows a different number of code cells"

    problems = []
    for number, (cell, shown) in enumerate(zip(code, cells, strict=True), start=1):
        errors = [o["text"] for o in shown["outputs"] if is_error(o)]
        first_line = cell.source.splitlines()[0] if cell.source else ""
        where = f"code cell {number} ({first_line!r})"
        if "raises-exception" in tags(cell):
            if not errors:
                problems.append(f"{where} is tagged raises-exception but showed no error")
        elif errors:
            problems.append(f"{where} showed an error:\n{errors[0][-1500:]}")
        if not re.fullmatch(r"\[\d+\]:", shown["prompt"]):
            problems.append(f"{where} did not run (prompt {shown['prompt']!r})")
    assert not problems, "\n".join(problems)
    # A fresh kernel numbers the cells 1, 2, 3, ... in order.
    assert [cell["prompt"] for cell in cells] == [f"[{n}]:" for n in range(1, len(cells) + 1)]

    expected_images = [stored_images(cell) for cell in code]
    expected_widgets = [stored_widgets(cell) for cell in code]
    wait_for_rendering(page, sum(expected_images), sum(expected_widgets))
    cells = notebook_state(page)["cells"]
    assert [cell["images"] for cell in cells] == expected_images, (
        "figures rendered per code cell differ from the stored notebook's")
    assert [cell["widgets"] for cell in cells] == expected_widgets, (
        "widgets rendered per code cell differ from the stored notebook's")

    marker = key_result(stored)
    if marker is not None:
        shown_text = squash(" ".join(o["text"] for cell in cells for o in cell["outputs"]))
        assert squash(marker) in shown_text, f"key result {marker!r} is not on the page"

    # Every widget with a slider must react to it: that is the point of a widget.
    widgets = widget_outputs(page)
    for index in range(widgets.count()):
        widget = widgets.nth(index)
        if widget.locator(".noUi-handle").count() == 0:
            continue
        before = widget_display(widget)
        nudge_slider(widget)
        after = wait_for_display(widget, lambda now, before=before: now != before)
        assert after != before, f"widget {index + 1} did not change when its slider moved"


def explorer_notebook(path):
    """Write a notebook that displays both explorations of ``nnfs_widgets``."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": DEFAULT_KERNEL,
                                 "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in (
        "%matplotlib inline\nfrom nnfs_widgets import neuron_explorer, "
        "softmax_temperature_explorer",
        "neuron_explorer()",
        "softmax_temperature_explorer()",
    )]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def readout_values(widget):
    """The sliders' values as the page shows them, by description (w1, w2, b, T)."""
    values = {}
    for slider in widget.locator(".widget-slider").all():
        name = slider.locator(".widget-label").text_content().strip()
        # The readout writes negative numbers with a true minus sign, U+2212.
        text = slider.locator(".widget-readout").text_content().replace("\u2212", "-")
        values[name] = float(text)
    return values


def test_explorers_compute_what_their_sliders_show(notebook_pages, lab):
    """Both explorations, live: after a slider moves, the text is what the maths gives.

    This checks the widgets themselves, whatever the notebooks do with them:
    the line each one prints is recomputed from the slider values the page shows.
    """
    from nnfs_widgets import (
        BOOK_LOGITS,
        neuron_data,
        neuron_output,
        neuron_summary,
        softmax_at_temperature,
        softmax_summary,
    )

    path = "browser-checks/explorers.ipynb"
    explorer_notebook(lab.root / path)
    page = notebook_pages.start(path, DEFAULT_KERNEL)
    passed = False
    try:
        state = wait_until_run(page)
        assert [cell["prompt"] for cell in state["cells"]] == ["[1]:", "[2]:", "[3]:"]
        wait_for_rendering(page, 0, 2)
        neuron, softmax = widget_outputs(page).all()

        before = widget_display(neuron)
        nudge_slider(neuron, index=2, presses=5)  # the bias, b: 0.0 -> 0.5
        values = readout_values(neuron)
        assert values == pytest.approx({"w1": 1.0, "w2": -0.5, "b": 0.5})
        expected = neuron_summary(neuron_output(neuron_data(), values["w1"], values["w2"],
                                                values["b"]))
        after = wait_for_display(neuron, lambda now: now["text"] == expected)
        assert after["text"] == expected
        assert after["images"] != before["images"], "the neuron picture was not redrawn"

        before = widget_display(softmax)
        nudge_slider(softmax, presses=4)  # T: 10 ** 0 -> 10 ** 0.2, about 1.58
        temperature = 10 ** 0.2
        assert readout_values(softmax)["T"] == pytest.approx(temperature, abs=0.005)
        expected = softmax_summary(softmax_at_temperature(BOOK_LOGITS, temperature),
                                   temperature)
        after = wait_for_display(softmax, lambda now: now["text"] == expected)
        assert after["text"] == expected
        assert after["images"] != before["images"], "the bar chart was not redrawn"
        passed = True
    finally:
        save_screenshot(page, ARTIFACTS / "explorers.png")
        notebook_pages.finish(page, path, reuse=passed)


"""Driving JupyterLab in a Playwright page as a learner would, and reading what it shows.

Actions go through the menus (no keyboard shortcuts, no JupyterLab API calls);
what the page shows is read from its DOM. Selectors are JupyterLab 4's.
"""

import re
import time

import pytest

RUN_TIMEOUT = 120  # seconds for one notebook's Run All; the slowest builds in about 20
STALL_SECONDS = 3  # idle with cells left unrun for this long: Run All stopped at an error
VIEWPORT = {"width": 1280, "height": 900}
MAX_SCREENSHOT_HEIGHT = 16_000  # Chromium cannot draw a taller image in one piece

# One snapshot of the open notebook: kernel, prompts, and each code cell's outputs.
# Errors and stderr both render as application/vnd.jupyter.stderr; the test
# tells an error apart by its traceback.
NOTEBOOK_STATE_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return null;
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernel = panel.querySelector('.jp-Toolbar-kernelName');
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-CodeCell')).map(cell => {
    const area = cell.querySelector('.jp-Cell-outputArea');
    const outputs = area ? Array.from(area.querySelectorAll(
        ':scope > .jp-OutputArea-child > .jp-OutputArea-output')) : [];
    return {
      prompt: cell.querySelector('.jp-InputArea-prompt').textContent.trim(),
      outputs: outputs.map(o => ({mime: o.dataset.mimeType || '', text: o.textContent})),
      images: outputs.map(o => Array.from(o.querySelectorAll(
          '.jp-RenderedImage img, .jp-RenderedSVG img')))
        .flat().filter(img => img.complete && img.naturalWidth > 0).length,
      widgets: outputs.filter(o => o.querySelector(':scope > .jupyter-widgets')).length,
    };
  });
  return {
    status: indicator ? indicator.dataset.status : null,
    kernel: kernel ? kernel.textContent.trim() : null,
    cells: cells,
  };
}"""

# Enough to tell whether Run All is done; cheap, for polling.
PROGRESS_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const indicator = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
  return {
    status: indicator ? indicator.dataset.status : null,
    prompts: panel ? Array.from(panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'),
                                p => p.textContent.trim()) : [],
  };
}"""

# The kernel is ready when the toolbar names it *and* the indicator says idle:
# the indicator alone says idle before any kernel exists.
KERNEL_READY_JS = """([name]) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const kernel = panel && panel.querySelector('.jp-Toolbar-kernelName');
  const indicator = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
  return Boolean(kernel && kernel.textContent.trim() === name
                 && indicator && indicator.dataset.status === 'idle');
}"""

# What a widget displays, without its controls: every slider is removed first
# (its readout changes as it moves, whether or not the widget reacts).
WIDGET_DISPLAY_JS = """(output) => {
  const copy = output.cloneNode(true);
  copy.querySelectorAll('.widget-slider').forEach(s => s.remove());
  const images = Array.from(output.querySelectorAll('img')).map(img => img.src);
  return {text: copy.textContent.trim(), images: images};
}"""

NOTEBOOK_SCROLLER = ".jp-NotebookPanel .jp-WindowedPanel-outer"


def click_menu(page, menu, command):
    """Open a menu in the menu bar and click the item that runs ``command``."""
    page.locator("#jp-MainMenu").get_by_role("menuitem", name=menu, exact=True).click()
    page.locator(f'.lm-Menu .lm-Menu-item[data-command="{command}"]').click()


def notebook_state(page):
    return page.evaluate(NOTEBOOK_STATE_JS)


def open_from_path(page, path):
    """File > Open from Path..., type the notebook's path (relative to the root), Open."""
    click_menu(page, "File", "filebrowser:open-path")
    dialog = page.locator(".jp-Dialog")
    dialog.locator("input").fill(path)
    dialog.locator(".jp-mod-accept").click()


def close_and_shut_down(page):
    """File > Close and Shut Down Notebook..., confirmed; wait until the tab is gone.

    Nothing is saved: a second dialog about unsaved changes is answered with
    its warning button (discard).
    """
    click_menu(page, "File", "filemenu:close-and-cleanup")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(
        """() => document.querySelectorAll('.jp-NotebookPanel').length === 0
                 || document.querySelector('.jp-Dialog .jp-mod-warn') !== null""")
    discard = page.locator(".jp-Dialog .jp-mod-warn")
    if discard.count():
        discard.click()
    page.wait_for_function("() => document.querySelectorAll('.jp-NotebookPanel').length === 0")


def wait_for_kernel(page, kernel_name, timeout=60_000):
    """Wait until the notebook is on the page and its kernel is started and idle."""
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout)
    page.wait_for_function(KERNEL_READY_JS, arg=[kernel_name], timeout=timeout)


def clear_and_start_run(page):
    """Edit > Clear Outputs of All Cells, then Run > Run All Cells (does not wait for it)."""
    click_menu(page, "Edit", "editmenu:clear-all")
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-child').length === 0")
    click_menu(page, "Run", "runmenu:run-all")


def wait_until_run(page, timeout=RUN_TIMEOUT):
    """Wait until Run All has finished; return the final ``notebook_state``.

    Finished means the kernel is idle and every code cell has an execution
    number. If the kernel stays idle with cells left unrun (Run All stops at an
    unexpected error), that state is returned for the caller to report.
    """
    deadline = time.monotonic() + timeout
    stalled_since = None
    while True:
        progress = page.evaluate(PROGRESS_JS)
        prompts = progress["prompts"]
        idle = progress["status"] == "idle"
        if idle and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            return notebook_state(page)
        if idle and not any("*" in p for p in prompts):
            stalled_since = stalled_since or time.monotonic()
            if time.monotonic() - stalled_since > STALL_SECONDS:
                return notebook_state(page)
        else:
            stalled_since = None
        if time.monotonic() > deadline:
            pytest.fail(f"Run All did not finish within {timeout} s; prompts: {prompts}")
        page.wait_for_timeout(200)


def wait_for_rendering(page, n_images, n_widgets, timeout=20.0):
    """Wait until ``n_images`` images have loaded and ``n_widgets`` widgets have rendered.

    Outputs arrive before the browser has decoded images or built widget
    views; the caller compares the counts cell by cell afterwards.
    """
    deadline = time.monotonic() + timeout
    while True:
        cells = notebook_state(page)["cells"]
        images = sum(cell["images"] for cell in cells)
        widgets = sum(cell["widgets"] for cell in cells)
        if images >= n_images and widgets >= n_widgets:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"after {timeout:.0f} s the page shows {images} of {n_images} figures "
                        f"and {widgets} of {n_widgets} widgets")
        page.wait_for_timeout(200)


def widget_outputs(page):
    """Locate every output that holds a widget view (it carries no mime-type attribute)."""
    return page.locator(".jp-NotebookPanel .jp-OutputArea-output:has(> .jupyter-widgets)")


def widget_display(widget):
    return widget.evaluate(WIDGET_DISPLAY_JS)


def nudge_slider(widget, index=0, presses=3):
    """Move a widget's slider ``presses`` steps to the right with the keyboard.

    The keyboard on the slider's handle is what a learner without a mouse
    uses, and it moves by whole steps, so the new value is predictable.
    """
    handle = widget.locator(".noUi-handle").nth(index)
    handle.focus()
    for _ in range(presses):
        handle.press("ArrowRight")


def wait_for_display(widget, done, timeout=15.0):
    """Poll what ``widget`` displays until ``done(display)``; return the last display.

    Each slider step is a round trip to the kernel, so the display catches up
    step by step after the slider has moved.
    """
    deadline = time.monotonic() + timeout
    while True:
        now = widget_display(widget)
        if done(now) or time.monotonic() > deadline:
            return now
        widget.page.wait_for_timeout(200)


def save_screenshot(page, path):
    """Save the whole notebook as one image: grow the viewport to its height first.

    JupyterLab scrolls inside its own panel, so a "full page" screenshot would
    show one screenful.
    """
    height = page.evaluate(f"""() => {{
      const scroller = document.querySelector('{NOTEBOOK_SCROLLER}');
      return scroller ? scroller.scrollHeight : 0;
    }}""")
    tall = min(max(VIEWPORT["height"], height + 160), MAX_SCREENSHOT_HEIGHT)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": tall})
    page.evaluate(f"""() => {{
      const scroller = document.querySelector('{NOTEBOOK_SCROLLER}');
      if (scroller) scroller.scrollTop = 0;
    }}""")
    page.wait_for_timeout(300)  # let the layout settle at the new size
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.set_viewport_size(VIEWPORT)  # the page is reused for the next notebook
    return path

"""The course as a website: ``make site`` builds it, and it reads right in a browser.

The site is built once for this module (``tools/build_site.py``, as ``make
site`` runs it) from the notebooks as stored, then checked two ways:

- from its files: a page per notebook in course order with previous/next
  links, every stored figure on its page, a download link serving the stored
  notebook, the home page, the name map and the benchmark page, MathJax served
  from the site, nothing loaded from another host;
- in headless Chromium (Debian's, through Playwright, as the JupyterLab tests),
  with the site served on 127.0.0.1 from a thread: every page at a desktop
  (1280x800) and a phone (390x844) viewport shows no console error, requests
  nothing from another host (every request is intercepted), renders its maths,
  loads every image and fits the screen's width; every link between pages (and
  to an anchor) resolves; on a phone the sidebar button opens the course's
  contents as a menu; searching for "softmax" finds notebook 03.

Screenshots of notebook 03 and of the home page at both viewports (the top of
the page, the first figure, and the phone's menu) go to ``test-artifacts/site/``.
Without the site's tools (``make site`` installs them) or without Chromium the
tests are skipped, unless NNFS_REQUIRE_BROWSER=1 (set by ``.ci/run``), which
makes that a failure.
"""

import functools
import hashlib
import html
import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urldefrag, urljoin, urlsplit

import nbformat
import pytest

from .conftest import NOTEBOOK_DIR, ROOT, skip_or_fail

SITE = ROOT / "site"
ARTIFACTS = ROOT / "test-artifacts" / "site"
BUILD_SCRIPT = ROOT / "tools" / "build_site.py"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
              "has_touch": True, "device_scale_factor": 2},
}
SCREENSHOT_PAGES = {"03_softmax": "notebooks/03_softmax.html", "home": "index.html"}
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml")
MATHJAX_TIMEOUT = 30_000  # ms; MathJax typesets the longest page in about 2 s here

# What a page shows once it has loaded: maths, images, width, links.
PAGE_STATE_JS = """async () => {
  const RAW_MATH = /\\$\\$|\\\\\\(|\\\\\\[|\\$[^$\\n]*\\\\[A-Za-z]+[^$\\n]*\\$/g;
  const math = Array.from(document.querySelectorAll('.math'));
  if (math.length) {
    // The script is deferred: wait until MathJax has started, then until it has typeset.
    const started = () => window.MathJax && MathJax.startup && MathJax.startup.promise;
    for (let i = 0; i < 300 && !started(); i++)
      await new Promise(resolve => setTimeout(resolve, 100));
    if (started()) await MathJax.startup.promise;
  }
  const article = document.querySelector('article') || document.body;
  const copy = article.cloneNode(true);
  copy.querySelectorAll('pre, code, script, style, mjx-container').forEach(el => el.remove());
  const text = copy.textContent;
  return {
    math: math.length,
    typeset: math.filter(el => el.querySelector('mjx-container')).length,
    mathErrors: document.querySelectorAll('mjx-merror').length,
    // $$, \\( or \\[ left in the text, or $...\\command...$: maths MathJax did not render.
    rawMath: (text.match(RAW_MATH) || []).slice(0, 3),
    brokenImages: Array.from(document.images)
      .filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src),
    images: document.images.length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
  };
}"""


# ---------------------------------------------------------------------------
# Fixtures: the build and the server
# ---------------------------------------------------------------------------


def site_tools_problem():
    """Return why the site cannot be built here, or None when it can."""
    for module in ("sphinx", "myst_nb", "sphinx_book_theme"):
        if importlib.util.find_spec(module) is None:
            return (f"{module} not installed: `make site` (or pip install -r "
                    "requirements-site.txt) installs the site's tools")
    try:
        importlib.metadata.version("django-static-mathjax")
    except importlib.metadata.PackageNotFoundError:
        return ("django-static-mathjax (MathJax) not installed: "
                "pip install -r requirements-site.txt")
    return None


@pytest.fixture(scope="module")
def built_site():
    """Build the site once, as ``make site`` does; fail with Sphinx's output if it fails."""
    problem = site_tools_problem()
    if problem:
        skip_or_fail(problem, "site tests")
    result = subprocess.run([sys.executable, str(BUILD_SCRIPT)], cwd=ROOT, text=True,
                            capture_output=True, check=False)
    if result.returncode:
        pytest.fail(f"tools/build_site.py failed (exit {result.returncode}):\n"
                    f"{result.stdout[-4000:]}\n{result.stderr[-8000:]}")
    return SITE


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="module")
def site_url(built_site):
    """Serve ``site/`` on 127.0.0.1 (a free port) from a thread; stop it afterwards."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def site_pages(site):
    """Every HTML page of the site, as paths relative to it (not theme or download files)."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html")
                  if not any(part.startswith("_") for part in path.relative_to(site).parts))


def read_page(site, page):
    return (site / page).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# The build script's own pieces
# ---------------------------------------------------------------------------


def _build_module():
    spec = importlib.util.spec_from_file_location("build_site", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_headings_move_but_code_comments_stay():
    build_site = _build_module()
    text = "## Two commands\n\n```sh\n# a comment\n```\n\n### Sub\n"
    assert build_site.shift_headings(text, 1, "Run it") == (
        "# Run it\n\n```sh\n# a comment\n```\n\n## Sub\n")


def test_readme_links_point_at_site_pages():
    build_site = _build_module()
    sources = {}
    text = ("[A](notebooks/01_dense_layer.ipynb) [B](#shown) [C](#not-shown) "
            "[D](nnfs_helpers.py) [E](https://example.org/) [F](no_such_file.txt)\n"
            "```\n[G](nnfs_helpers.py)\n```\n")
    assert build_site.rewrite_links(text, sources, anchors={"shown": "page.md#shown"}) == (
        "[A](notebooks/01_dense_layer.ipynb) [B](page.md#shown) C "
        "[D](source/nnfs_helpers_py.md) [E](https://example.org/) [F](no_such_file.txt)\n"
        "```\n[G](nnfs_helpers.py)\n```\n")
    assert sources == {"nnfs_helpers.py": "source/nnfs_helpers_py.md"}


def test_notebook_links_point_at_site_pages():
    build_site = _build_module()
    sources = {}
    text = ("[A](02_relu.ipynb#why) [B](../nnfs_helpers.py) [C](../README.md) [D](#a-heading)\n"
            "![E](../tools/site_favicon.svg)\n")
    base = ROOT / "notebooks"
    assert build_site.rewrite_links(text, sources, base=base) == (
        "[A](02_relu.ipynb#why) [B](../source/nnfs_helpers_py.md) [C](../index.md) "
        "[D](#a-heading)\n![E](../tools/site_favicon.svg)\n")
    assert build_site.local_images(text, base) == ["tools/site_favicon.svg"]


# ---------------------------------------------------------------------------
# What the built files hold
# ---------------------------------------------------------------------------


def test_nothing_is_loaded_from_another_host(built_site):
    build_site = _build_module()
    assert build_site.external_loads(built_site) == []
    mathjax = built_site / "_static" / "mathjax" / "tex-chtml.js"
    assert mathjax.is_file()
    for page in site_pages(built_site):
        if 'class="math' in read_page(built_site, page):
            assert "_static/mathjax/tex-chtml.js" in read_page(built_site, page), page


def test_one_page_per_notebook_in_course_order(built_site):
    names = [path.stem for path in NOTEBOOKS]
    for index, name in enumerate(names):
        page = read_page(built_site, f"notebooks/{name}.html")
        title = nbformat.read(NOTEBOOKS[index], as_version=4).cells[0].source.splitlines()[0]
        assert html.escape(title.lstrip("# ").strip(), quote=False) in page, name
        previous = re.search(r'<link rel="prev" title="[^"]*" href="([^"]+)"', page)
        following = re.search(r'<link rel="next" title="[^"]*" href="([^"]+)"', page)
        assert previous and following, f"{name}: no previous/next link"
        expected_previous = f"{names[index - 1]}.html" if index else "../index.html"
        assert previous.group(1) == expected_previous, name
        if index + 1 < len(names):
            assert following.group(1) == f"{names[index + 1]}.html", name
        # The sidebar lists the whole course on every page.
        sidebar = re.search(r'<nav class="[^"]*\bbd-docs-nav\b.*?</nav>', page, re.DOTALL)
        assert sidebar, f"{name}: no sidebar"
        sidebar = sidebar.group(0)
        for other in names:
            if other != name:  # the page itself is the sidebar's current entry
                assert f"{other}.html" in sidebar, f"{name}: sidebar misses {other}"


def test_every_stored_figure_is_on_its_page(built_site):
    """Each cell's figures appear in that cell's output on the page, in course order."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        stored = sum(1 for cell in nb.cells if cell.cell_type == "code"
                     for output in cell.outputs
                     if any(kind in output.get("data", {}) for kind in IMAGE_TYPES))
        page = read_page(built_site, f"notebooks/{path.stem}.html")
        shown = re.findall(r'<img [^>]*src="(\.\./_images/[^"]+)"', page)
        assert len(shown) == stored, f"{path.name}: {stored} figures stored, {len(shown)} shown"
        for src in shown:
            assert (built_site / "notebooks" / src).resolve().is_file(), f"{path.name}: {src}"


def test_each_notebook_page_offers_the_stored_notebook(built_site):
    for path in NOTEBOOKS:
        page = read_page(built_site, f"notebooks/{path.stem}.html")
        links = re.findall(r'<a [^>]*\bdownload[^>]*href="([^"]+)"', page)
        links = [link for link in links if link.endswith(f"/{path.name}")]
        assert links, f"{path.name}: no download link on its page"
        served = (built_site / "notebooks" / links[0]).resolve().read_bytes()
        assert hashlib.sha256(served).digest() == hashlib.sha256(path.read_bytes()).digest()


def test_home_page_has_the_introduction_and_contents(built_site):
    page = read_page(built_site, "index.html")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_words = re.search(r"^# .+\n\n(\S+ \S+ \S+ \S+)", readme, re.MULTILINE).group(1)
    assert first_words in page
    table = page.split('id="contents"', 1)[1].split("</table>", 1)[0]
    for path in NOTEBOOKS:
        assert f'href="notebooks/{path.stem}.html"' in table, path.name
    assert ".ipynb" not in table, "a contents link still points at a notebook file"


def test_readme_says_how_to_build_and_serve_the_site():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make site" in readme and "python -m http.server -d site" in readme
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:", makefile, re.MULTILINE)


def test_name_map_and_benchmark_pages(built_site):
    names = read_page(built_site, "book-names.html")
    assert "Layer_Dense" in names and "Optimizer_Adam" in names
    benchmark = read_page(built_site, "benchmark.html")
    assert "<table" in benchmark and "MLPClassifier" in benchmark


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


def _watch(page, origin, problems):
    """Record console errors, page errors, failed and off-site requests of ``page``."""
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("response", lambda response: problems.append(
        f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
    # A request cut short by going to the next page (the favicon, say) is no
    # problem; a file missing from the site shows as HTTP 404 above.
    page.on("requestfailed", lambda request: problems.append(
        f"request failed: {request.url} ({request.failure})")
        if request.url.startswith(origin) and request.failure != "net::ERR_ABORTED" else None)


def _keep_on_this_machine(context, origin, problems):
    """Intercept every request: only the site's own server is asked; others are refused."""
    def route(route):
        url = route.request.url
        if url.startswith(origin):
            route.continue_()
        else:
            problems.append(f"request to another host: {url}")
            route.abort()

    context.route("**/*", route)


@pytest.mark.browser
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_reads_right(browser, site_url, built_site, viewport):
    origin = site_url.rstrip("/")
    context = browser.new_context(**VIEWPORTS[viewport])
    context.set_default_timeout(MATHJAX_TIMEOUT)
    problems = []
    _keep_on_this_machine(context, origin, problems)
    links = set()
    totals = {"math": 0, "images": 0}
    try:
        page = context.new_page()
        _watch(page, origin, problems)
        for name in site_pages(built_site):
            before = len(problems)
            page.goto(site_url + name, wait_until="load")
            state = page.evaluate(PAGE_STATE_JS)
            if state["typeset"] < state["math"]:
                problems.append(f"{state['math'] - state['typeset']} of {state['math']} "
                                "formulas not typeset")
            if state["mathErrors"]:
                problems.append(f"{state['mathErrors']} formulas with TeX errors")
            if state["rawMath"]:
                problems.append(f"raw maths in the text: {state['rawMath']}")
            for src in state["brokenImages"]:
                problems.append(f"image not loaded: {src}")
            if state["overflow"] > 1:
                problems.append(f"page {state['overflow']} px wider than the screen")
            for problem in range(before, len(problems)):
                problems[problem] = f"{name}: {problems[problem]}"
            totals["math"] += state["math"]
            totals["images"] += state["images"]
            links.update(state["links"])
            if name in SCREENSHOT_PAGES.values():
                _screenshots(context, site_url, name, viewport)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
    assert totals["math"] > 0 and totals["images"] > 0, totals
    broken = _broken_links(links, origin)
    assert not broken, "links that do not resolve:\n" + "\n".join(broken)


def _screenshots(context, site_url, name, viewport):
    """Save the top of ``name`` and, for a notebook, its first figure, at ``viewport``.

    A new tab, as a reader arriving there sees it (the theme restores the
    sidebar's scroll position within a tab).
    """
    stem = next(key for key, value in SCREENSHOT_PAGES.items() if value == name)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    try:
        page.goto(site_url + name, wait_until="load")
        page.evaluate(PAGE_STATE_JS)  # waits until the maths is typeset
        page.screenshot(path=str(ARTIFACTS / f"{stem}-{viewport}.png"))
        figure = page.locator("div.cell_output img").first
        if figure.count():
            figure.scroll_into_view_if_needed()
            page.wait_for_timeout(300)  # the theme's header settles after a scroll
            page.screenshot(path=str(ARTIFACTS / f"{stem}-figure-{viewport}.png"))
        if viewport == "phone":
            # The sidebar is a menu behind a button; it lists the whole course.
            page.evaluate("() => window.scrollTo(0, 0)")
            page.locator("button.primary-toggle:visible").first.click()
            menu = page.locator("#pst-primary-sidebar-modal nav.bd-docs-nav")
            menu.wait_for(state="visible")
            for path in NOTEBOOKS:
                assert menu.locator(f"a[href$='{path.stem}.html']").count() or \
                    name.endswith(f"{path.stem}.html"), f"phone menu misses {path.stem}"
            page.wait_for_timeout(300)  # the menu slides in
            page.screenshot(path=str(ARTIFACTS / f"{stem}-menu-{viewport}.png"))
    finally:
        page.close()


def _broken_links(links, origin):
    """Return the same-site links that do not answer 200, or whose anchor is missing."""
    broken = []
    pages = {}
    for link in sorted(links):
        if not link.startswith(origin):
            continue  # a link a reader may follow elsewhere; nothing loads it
        address, fragment = urldefrag(link)
        if address not in pages:
            pages[address] = _fetch(address)
        status, body = pages[address]
        if status != 200:
            broken.append(f"{link}: HTTP {status}")
        elif fragment and urlsplit(address).path.endswith(".html"):
            anchor = re.escape(html.escape(fragment))
            if not re.search(rf'\b(?:id|name)="{anchor}"', body):
                broken.append(f"{link}: no anchor #{fragment} on the page")
    return broken


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            return response.status, body.decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.browser
def test_search_finds_softmax(browser, site_url):
    origin = site_url.rstrip("/")
    context = browser.new_context(**VIEWPORTS["desktop"])
    problems = []
    _keep_on_this_machine(context, origin, problems)
    try:
        page = context.new_page()
        _watch(page, origin, problems)
        page.goto(urljoin(site_url, "search.html?q=softmax"))
        result = page.wait_for_selector("#search-results a[href*='03_softmax']", timeout=30_000)
        assert "Softmax" in result.text_content()
    finally:
        context.close()
    assert not problems, "\n".join(problems)

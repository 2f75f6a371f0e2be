"""Build the course website: ``site/`` from ``README.md`` and ``notebooks/*.ipynb``.

The notebooks are shown as stored, with their outputs and figures: nothing is
executed. The script lays out a Sphinx source tree in ``build/site/src/``
(generated, like all of ``build/site/``, and ignored by git), runs Sphinx
(myst-nb, sphinx-book-theme) on it, and moves the result to ``site/``:

- ``index.md``, the home page: the README's introduction and its contents
  table, whose links to notebooks become links to the notebooks' pages;
- ``notebooks/NN_topic.ipynb``: one page per notebook, in course order (the
  order of their numbered names), each with a link to download the notebook;
- a page for each README section in ``README_PAGES`` (how to run the course,
  the name map to the book, the benchmark), and one showing each repository
  file those pages link to (``nnfs_helpers.py``).

Nothing on the site comes from the internet: MathJax is copied from the
``django-static-mathjax`` package into the site's static files, and no CDN
script is included. After the build, every page is checked for a script,
stylesheet, image or frame from another host; one found fails the build.

Run it as ``make site`` (which installs ``requirements-site.txt`` first), or
``.venv/bin/python tools/build_site.py``; serve the result with
``python -m http.server -d site --bind 127.0.0.1``. Sources are rewritten only
when their content changes, so Sphinx reads again only the pages that changed.
"""

import argparse
import importlib.metadata
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
NOTEBOOK_DIR = ROOT / "notebooks"
# Everything Sphinx reads and writes on the way lives in build/site/ (ignored);
# the finished site is moved to site/ at the end.
BUILD_DIR = ROOT / "build" / "site"
SOURCE_DIR = BUILD_DIR / "src"
DOCTREE_DIR = BUILD_DIR / "doctrees"
# myst-nb also writes a folder beside Sphinx's output one (jupyter_execute/).
HTML_DIR = BUILD_DIR / "html"
SITE_DIR = ROOT / "site"
CONF_FILE = ROOT / "tools" / "site_conf.py"
CSS_FILE = ROOT / "tools" / "site.css"
FAVICON_FILE = ROOT / "tools" / "site_favicon.svg"
JS_FILE = ROOT / "tools" / "site.js"

# Files the pages link to or offer for download, kept out of Sphinx's sources.
FILES = "_files"
MATHJAX_PACKAGE = "django-static-mathjax"
# Of MathJax's bundles only tex-chtml.js is loaded; it loads the rest (input
# extensions, fonts, menu, accessibility) on demand from beside it.
MATHJAX_UNUSED = ["mml-*.js", "tex-mml-*.js", "tex-svg*.js", "tex-chtml-full*.js",
                  "node-main.js", "latest.js"]


@dataclass(frozen=True)
class ReadmePage:
    """A README section shown as a page of its own.

    Parameters
    ----------
    name : str
        The page's file name without ``.md``.
    heading : str
        How the section's heading starts in the README.
    title : str or None
        The page's title; None keeps the README's heading.
    """

    name: str
    heading: str
    title: str | None = None


README_PAGES = [
    ReadmePage("running", "Two commands", "Run the course on your computer"),
    ReadmePage("your-machine", "What holds on your machine"),
    ReadmePage("book-names", "The helpers and the book's names"),
    ReadmePage("benchmark", "Speed"),
]
# The README section the home page shows after the introduction.
CONTENTS_HEADING = "Contents"

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)|<img\b[^>]*\bsrc=[\"']([^\"']+)")
# tqdm's text fallback, e.g. "training:   0%|          | 0/10000 [00:00<?, ?it/s]".
PROGRESS_BAR = re.compile(r"\d+%\|.*\|\s*\d+/\d+")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# Scripts, stylesheets, images and frames a page loads (not links a reader clicks).
LOADED_URL = re.compile(
    r"<(?:script|link|img|iframe|source|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*"
    r"[\"']((?:https?:)?//[^\"']+)", re.IGNORECASE)


# ---------------------------------------------------------------------------
# README: sections, headings, links
# ---------------------------------------------------------------------------


def outside_fences(lines):
    """Yield ``(index, line)`` for the lines of Markdown that are not in a code block."""
    fence = None
    for index, line in enumerate(lines):
        match = FENCE.match(line)
        if match:
            if fence is None:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = None
            continue
        if fence is None:
            yield index, line


def headings(text):
    """Return ``(line index, level, title)`` for every heading outside code blocks."""
    lines = text.splitlines()
    found = []
    for index, line in outside_fences(lines):
        match = HEADING.match(line)
        if match:
            found.append((index, len(match.group(1)), match.group(2)))
    return found


def slugify(title):
    """Return the anchor GitHub and MyST give a heading (``A: `b` c`` -> ``a-b-c``)."""
    slug = re.sub(r"[^\w\- ]", "", title.strip().lower())
    return slug.replace(" ", "-")


def preamble(text):
    """Return the README up to its first second-level heading: title and introduction."""
    lines = text.splitlines()
    for index, level, _ in headings(text):
        if level == 2:
            return "\n".join(lines[:index]).strip() + "\n"
    return text


def section(text, heading):
    """Return the section whose heading starts with ``heading``, subsections included.

    Raises
    ------
    SystemExit
        When the README has no such heading, naming the one that is missing.
    """
    lines = text.splitlines()
    found = headings(text)
    for position, (index, level, title) in enumerate(found):
        if title.startswith(heading):
            end = next((i for i, lvl, _ in found[position + 1:] if lvl <= level), len(lines))
            return "\n".join(lines[index:end]).strip() + "\n"
    raise SystemExit(f"build_site: README.md has no section headed {heading!r}; "
                     "update README_PAGES in tools/build_site.py")


def shift_headings(markdown, top_level, title=None):
    """Move every heading so the first one is at ``top_level``; retitle it if ``title``."""
    lines = markdown.splitlines()
    shift = None
    for index, line in outside_fences(lines):
        match = HEADING.match(line)
        if not match:
            continue
        level = len(match.group(1))
        if shift is None:
            shift = top_level - level
            heading_text = title or match.group(2)
        else:
            heading_text = match.group(2)
        lines[index] = "#" * max(1, min(6, level + shift)) + " " + heading_text
    return "\n".join(lines) + "\n"


def rewrite_links(markdown, source_pages, base=ROOT, anchors=None):
    """Point the links of a README excerpt or a notebook's Markdown at the site's pages.

    Parameters
    ----------
    markdown : str
        The text; code blocks are left alone.
    source_pages : dict of str to str
        Repository file linked to (filled in here) -> the page that shows it.
    base : Path
        The folder the text's relative links start from: the project for the
        README (whose pages sit at the site's root), ``notebooks/`` for a notebook.
    anchors : dict of str to str or None
        For the README: heading anchor -> the page (``name.md`` or
        ``name.md#anchor``) showing that section. None leaves ``#anchor``
        links as they are (a notebook's links to its own headings).

    Returns
    -------
    str
        The text with links to notebooks, the README, README sections and
        other repository files pointed at the site's pages. A link to a README
        section the site does not show keeps its text and loses the link. A
        link to a file that does not exist is left for Sphinx to report (the
        build fails).
    """
    to_root = "" if base == ROOT else "../"

    def replace(match):
        text, target = match.groups()
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            return match.group(0)  # http:, mailto:, ... left as they are
        if target.startswith("#"):
            if anchors is None:
                return match.group(0)
            page = anchors.get(target[1:])
            return f"[{text}]({page})" if page else text
        path, _, fragment = target.partition("#")
        resolved = (base / path).resolve()
        if not resolved.is_file() or not resolved.is_relative_to(ROOT):
            return match.group(0)
        relative = resolved.relative_to(ROOT).as_posix()
        anchor = f"#{fragment}" if fragment else ""
        if re.fullmatch(r"notebooks/\d\d_\w+\.ipynb", relative):
            if base == NOTEBOOK_DIR:
                return f"[{text}]({resolved.name}{anchor})"
            return f"[{text}]({to_root}{relative}{anchor})"
        if relative == README.name:
            return f"[{text}]({to_root}index.md)"
        page = source_pages.setdefault(relative, source_page_name(relative))
        return f"[{text}]({to_root}{page})"

    lines = markdown.splitlines()
    for index, line in outside_fences(lines):
        lines[index] = LINK.sub(replace, line)
    return "\n".join(lines) + "\n"


def local_images(markdown, base):
    """Return the repository files (relative to the project) that ``markdown`` shows as images."""
    found = []
    for match in IMAGE.finditer(markdown):
        target = (match.group(1) or match.group(2)).partition("#")[0]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or not target:
            continue  # http:, data:, attachment: ...
        resolved = (base / target).resolve()
        if resolved.is_file() and resolved.is_relative_to(ROOT):
            found.append(resolved.relative_to(ROOT).as_posix())
    return found


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def readme_pages(readme, source_pages):
    """Return ``{file name: Markdown}`` for the README's pages, the home page first.

    The home page (``index.md``) still lacks its toctrees: ``lay_out_sources``
    adds them once every page is known.
    """
    anchors = {}
    excerpts = {}
    for page in README_PAGES:
        excerpt = section(readme, page.heading)
        excerpts[page] = excerpt
        for position, (_, _, title) in enumerate(headings(excerpt)):
            anchors[slugify(title)] = f"{page.name}.md" + (
                f"#{slugify(title)}" if position else "")
    home = preamble(readme) + "\n" + section(readme, CONTENTS_HEADING)
    pages = {"index.md": rewrite_links(home, source_pages, anchors=anchors)}
    for page in README_PAGES:
        text = shift_headings(excerpts[page], 1, page.title)
        pages[f"{page.name}.md"] = rewrite_links(text, source_pages, anchors=anchors)
    return pages


def toctree(caption, entries):
    """A hidden toctree: it orders the sidebar and the previous/next links."""
    lines = ["", "```{toctree}", ":hidden:", f":caption: {caption}", ""]
    return "\n".join(lines + entries + ["```", ""])


def source_page_name(path):
    """The page showing repository file ``path``: ``tools/x.py`` -> ``source/tools_x_py.md``."""
    return "source/" + re.sub(r"[^\w-]", "_", path) + ".md"


def source_page(path):
    """A page showing repository file ``path``, with a link to download it."""
    language = "python" if path.endswith(".py") else "text"
    return (f"# {path}\n\n"
            f"The course's `{path}`, as it is in the course's files. "
            f"{{download}}`Download it <../{FILES}/{path}>`.\n\n"
            f"```{{literalinclude}} ../{FILES}/{path}\n:language: {language}\n```\n")


def download_cell(path):
    """The box at the top of a notebook's page with the link to download it."""
    return nbformat.v4.new_markdown_cell(
        "```{admonition} Run this notebook yourself\n"
        ":class: tip course-download\n"
        f"{{download}}`Download {path.name} <../{FILES}/notebooks/{path.name}>`"
        " and open it in JupyterLab. It imports the course's helper modules, so run it"
        " in a copy of the whole course: see [](../running.md).\n"
        "```")


def site_notebook(path, source_pages, images):
    """Return notebook ``path`` as its page shows it (the download is the stored one).

    Unchanged: every cell, output and figure. Added: the download box after
    the first cell (title and goal). Changed: links to repository files point
    at the site's pages for them (``source_pages``, filled in here), and the
    repository images the Markdown shows are listed in ``images``. Left out:
    progress-bar widgets, whose text fallback shows a bar at 0 % although the
    run finished, and the widgets' saved state, which only a live kernel could use.
    """
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [output for output in cell.outputs if not is_progress_bar(output)]
        elif cell.cell_type == "markdown":
            cell.source = rewrite_links(cell.source, source_pages, base=path.parent).rstrip("\n")
            images.extend(local_images(cell.source, path.parent))
    nb.cells.insert(1, download_cell(path))
    for cell in nb.cells:
        cell.pop("id", None)  # ids were only unique before the insertion
    nb.nbformat_minor = 4
    return nbformat.writes(nb) + "\n"


def is_progress_bar(output):
    """True for a tqdm progress-bar widget's output."""
    data = output.get("data", {})
    return WIDGET_VIEW in data and bool(PROGRESS_BAR.search(str(data.get("text/plain", ""))))


# ---------------------------------------------------------------------------
# The source tree, the build, the check
# ---------------------------------------------------------------------------


def write_if_changed(path, content):
    """Write ``content`` (str or bytes) to ``path`` unless it already holds it."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def mathjax_source():
    """The folder of MathJax 3's browser bundles in the installed package."""
    files = importlib.metadata.files(MATHJAX_PACKAGE) or []
    for file in files:
        if file.as_posix().endswith("/es5/tex-chtml.js"):
            return Path(file.locate()).parent
    raise SystemExit(f"build_site: {MATHJAX_PACKAGE} is not installed: "
                     "make site installs it (requirements-site.txt)")


def copy_mathjax(static):
    """Copy MathJax into ``static/mathjax`` (again only when the package version changes)."""
    target = static / "mathjax"
    stamp = target / ".package-version"
    version = importlib.metadata.version(MATHJAX_PACKAGE)
    if stamp.is_file() and stamp.read_text() == version:
        return
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(mathjax_source(), target, ignore=shutil.ignore_patterns(*MATHJAX_UNUSED))
    stamp.write_text(version)


def lay_out_sources(source_dir=SOURCE_DIR):
    """Write the Sphinx source tree; remove what is left from an earlier build."""
    readme = README.read_text(encoding="utf-8")
    source_pages = {}  # repository file -> its page, for every file a page links to
    images = []  # repository images the pages show, relative to the project
    wanted = readme_pages(readme, source_pages)
    for text in wanted.values():
        images.extend(local_images(text, ROOT))
    notebooks = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    for path in notebooks:
        wanted[f"notebooks/{path.name}"] = site_notebook(path, source_pages, images)
        wanted[f"{FILES}/notebooks/{path.name}"] = path.read_bytes()
    for relative, page in source_pages.items():
        wanted[page] = source_page(relative)
        wanted[f"{FILES}/{relative}"] = (ROOT / relative).read_bytes()
    for relative in images:  # at the same place relative to the pages as in the project
        wanted[relative] = (ROOT / relative).read_bytes()
    reference = [page.name for page in README_PAGES]
    reference += sorted(page.removesuffix(".md") for page in source_pages.values())
    wanted["index.md"] += (toctree("The course", [f"notebooks/{path.stem}" for path in notebooks])
                           + toctree("Reference", reference))
    wanted["conf.py"] = CONF_FILE.read_bytes()
    wanted["_static/course.css"] = CSS_FILE.read_bytes()
    wanted["_static/favicon.svg"] = FAVICON_FILE.read_bytes()
    wanted["_static/course.js"] = JS_FILE.read_bytes()
    for name, content in wanted.items():
        write_if_changed(source_dir / name, content)
    for path in sorted(source_dir.rglob("*"), reverse=True):
        relative = path.relative_to(source_dir).as_posix()
        if relative.startswith("_static/mathjax"):
            continue
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    copy_mathjax(source_dir / "_static")


def external_loads(site_dir=SITE_DIR):
    """Return ``(page, url)`` for everything a page would load from another host."""
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        for url in LOADED_URL.findall(page.read_text(encoding="utf-8", errors="replace")):
            found.append((page.relative_to(site_dir).as_posix(), url))
    return found


def build(clean=False):
    """Lay out the sources, run Sphinx, check that no page loads from elsewhere, publish."""
    # The pages are always written afresh, so no page of a removed notebook
    # stays; the sources and the doctree cache are kept unless ``clean``, so
    # only the pages whose sources changed are read again.
    for folder in (BUILD_DIR, SITE_DIR) if clean else (HTML_DIR, SITE_DIR):
        shutil.rmtree(folder, ignore_errors=True)
    lay_out_sources()
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q",
               "-W", "--keep-going",  # a broken reference or missing image fails
               "-d", str(DOCTREE_DIR), str(SOURCE_DIR), str(HTML_DIR)]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode:
        raise SystemExit(f"build_site: Sphinx failed (exit {result.returncode}); "
                         "its warnings are above")
    loads = external_loads(HTML_DIR)
    if loads:
        listed = "\n".join(f"  {page}: {url}" for page, url in loads[:20])
        raise SystemExit(f"build_site: pages load files from other hosts:\n{listed}")
    HTML_DIR.rename(SITE_DIR)
    print(f"build_site: {SITE_DIR.relative_to(ROOT)}/ is ready; serve it with: "
          "python -m http.server -d site --bind 127.0.0.1")


def main(argv=None):
    """Build the site; ``--clean`` starts from nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true",
                        help="delete build/site/ (sources and caches) and site/ first")
    build(clean=parser.parse_args(argv).clean)


if __name__ == "__main__":
    main()

"""Sphinx configuration of the course website.

``tools/build_site.py`` copies this file to ``build/site/src/conf.py`` beside
the pages it generates, and runs Sphinx there. Everything the site needs is
served from the site itself: MathJax is copied from a PyPI package into
``_static/mathjax``, and nothing is loaded from a CDN (no ipywidgets or
require.js scripts, no launch buttons, no web fonts from elsewhere), so the
site builds and reads with no network.
"""

project = "Neural Networks from Scratch, as notebooks"
author = "the course's authors"
copyright = "the course's authors"  # noqa: A001 (Sphinx's name for it)

extensions = ["myst_nb"]

# The notebooks are shown exactly as stored: never executed here.
nb_execution_mode = "off"
# No ipywidgets (nor require.js) from a CDN. A widget's stored text/plain
# fallback is shown instead of its live view, and the figure before it is the
# static picture of what it explores.
nb_ipywidgets_js = {}
nb_mime_priority_overrides = [
    ("html", "application/vnd.jupyter.widget-view+json", None),
    ("html", "application/vnd.jupyter.widget-state+json", None),
]
# Inline maths ($...$) and display maths ($$...$$) as the notebooks write them.
myst_enable_extensions = ["dollarmath", "amsmath"]
# Headings get anchors, so a section of a page can be linked to.
myst_heading_anchors = 3

# MathJax 3 from the site's own static files (copied there by build_site.py).
mathjax_path = "mathjax/tex-chtml.js"

# _files holds the stored notebooks and other files offered for download.
exclude_patterns = ["_files", "**.ipynb_checkpoints"]
html_static_path = ["_static"]
html_css_files = ["course.css"]
# Makes the sidebar buttons work (see the file).
html_js_files = ["course.js"]
# The download links point at the original notebooks, not at Sphinx's copies.
html_copy_source = False
html_show_sourcelink = False
html_title = "Neural Networks from Scratch"
# Served from the site (a browser asks for one on every page).
html_favicon = "_static/favicon.svg"
html_last_updated_fmt = None
# Light unless the reader picks dark with the theme switch (an empty default
# makes the theme log an error in the console).
html_context = {"default_mode": "light"}

html_theme = "sphinx_book_theme"
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,  # each notebook page has its own download link
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "launch_buttons": {},
    "navigation_with_keys": False,
    "show_navbar_depth": 1,
}

# A warning (a broken cross-reference, a missing image) fails the build.
suppress_warnings = [
    # Notebook headings may skip a level (# then ###); that is fine on a page.
    "myst.header",
    # A traceback the IPython lexer cannot colour is shown plain.
    "misc.highlighting_failure",
]

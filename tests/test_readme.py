"""The README stays true: its contents table and name map cover what exists."""

import re

from test_notebook_sync import NOT_TAUGHT

import nnfs_helpers
from conftest import NOTEBOOKS, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_contents_links_every_notebook_and_nothing_else():
    linked = set(re.findall(r"\]\(notebooks/(\d\d_\w+\.ipynb)\)", README))
    assert linked == {p.name for p in NOTEBOOKS}


def test_name_map_lists_every_taught_helper():
    first_cells = re.findall(r"^\| (`[^|]+) \|", README, flags=re.MULTILINE)
    mapped = {name for cell in first_cells for name in re.findall(r"`(\w+)", cell)}
    taught = set(nnfs_helpers.__all__) - NOT_TAUGHT
    assert taught <= mapped, f"missing from the README's name map: {taught - mapped}"


def test_readme_shows_the_two_commands():
    assert "make lab" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^lab:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)


def test_ci_calls_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)

"""The course's conventions, checked on every stored notebook.

Names and numbering, the skeleton (goal, imports, Summary, Exercises), outputs
stored in order from a fresh kernel, no memory addresses, no images from the
internet, and stored notebooks in step with their sources in notebook_src/.
"""

import re

import jupytext
import pytest

from conftest import (
    NOTEBOOK_DIR,
    NOTEBOOKS,
    SOURCE_DIR,
    code_cells,
    markdown_text,
    read_notebook,
)

IDS = [p.stem for p in NOTEBOOKS]
NAME = re.compile(r"^(\d\d)_[a-z0-9]+(_[a-z0-9]+)*\.ipynb$")


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 4


def test_names_are_numbered_topics_without_gaps():
    numbers = []
    for path in NOTEBOOKS:
        match = NAME.match(path.name)
        assert match, f"{path.name} is not named NN_topic.ipynb"
        numbers.append(int(match.group(1)))
    assert numbers == list(range(1, len(numbers) + 1)), f"numbers {numbers}"


def test_every_source_has_a_notebook_and_back():
    sources = {p.stem for p in SOURCE_DIR.glob("*.py")}
    notebooks = {p.stem for p in NOTEBOOK_DIR.glob("*.ipynb")}
    assert sources == notebooks


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_notebook_matches_its_source(path):
    """Edits go to notebook_src/ and `make notebooks` rebuilds; this catches a skipped rebuild."""
    source = jupytext.read(SOURCE_DIR / f"{path.stem}.py")
    stored = read_notebook(path)

    def cells(nb):
        return [(c.cell_type, c.source.strip(), sorted(c.metadata.get("tags", [])))
                for c in nb.cells]

    assert cells(stored) == cells(source), (
        f"{path.name} is out of date: run `make notebooks` after editing "
        f"notebook_src/{path.stem}.py")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_opening_cell_states_goal_prerequisites_and_what_you_build(path):
    first = read_notebook(path).cells[0]
    assert first.cell_type == "markdown"
    number = path.name[:2]
    assert first.source.startswith(f"# {number} · "), "title '# NN · Topic' first"
    for field in ("**Goal:**", "**Prerequisites:**", "**What you will build:**"):
        assert field in first.source, f"opening cell lacks {field}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_imports_cell_comes_second_and_is_seeded(path):
    nb = read_notebook(path)
    imports = nb.cells[1]
    assert imports.cell_type == "code"
    assert "import numpy as np" in imports.source
    assert "%matplotlib inline" in imports.source
    assert re.search(r"\b(SEED|seed)\b", imports.source), "seed the randomness here"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_summary_then_exercises(path):
    nb = read_notebook(path)
    headings = [c.source.splitlines()[0] for c in nb.cells
                if c.cell_type == "markdown" and c.source]
    assert "## Summary" in headings and "## Exercises" in headings
    assert headings.index("## Summary") < headings.index("## Exercises")
    summary = next(c.source for c in nb.cells if c.source.startswith("## Summary"))
    bullets = [line for line in summary.splitlines() if line.startswith("- ")]
    assert 3 <= len(bullets) <= 6, f"Summary has {len(bullets)} bullets, want 3-6"


def exercise_cells(nb):
    """(heading, the code cell after it) for every '### Exercise' heading."""
    pairs = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and cell.source.startswith("### Exercise"):
            following = [c for c in nb.cells[index + 1:] if c.cell_type == "code"]
            pairs.append((cell.source.splitlines()[0], following[0]))
    return pairs


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_two_to_four_exercises_each_with_a_checker(path):
    pairs = exercise_cells(read_notebook(path))
    assert 2 <= len(pairs) <= 4, f"{len(pairs)} exercises"
    for heading, cell in pairs:
        assert re.search(r"\bcheck_\w+\(", cell.source), f"{heading}: no checker call"
        shown = "".join(output_text(o) for o in cell.outputs)
        assert "Not attempted yet" in shown, (
            f"{heading}: a fresh notebook should show 'Not attempted yet'")


def output_text(output):
    if output.output_type == "stream":
        return output.text
    return output.get("data", {}).get("text/plain", "") or output.get("evalue", "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_stored_in_order_from_a_fresh_kernel(path):
    counts = [c.execution_count for c in code_cells(read_notebook(path))]
    assert counts == list(range(1, len(counts) + 1)), f"execution counts {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_errors_only_where_tagged(path):
    for cell in code_cells(read_notebook(path)):
        tags = cell.metadata.get("tags", [])
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "raises-exception" in tags:
            assert errors, f"cell tagged raises-exception did not raise:\n{cell.source}"
        else:
            assert not errors, f"unexpected error in:\n{cell.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_ignored_outputs_say_why(path):
    for cell in code_cells(read_notebook(path)):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            assert "# output not compared:" in cell.source, (
                f"cell tagged nbval-ignore-output needs a '# output not compared: "
                f"<reason>' comment:\n{cell.source}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_uncompared_outputs_are_backed_by_checked_claims(path):
    """An output nbval does not compare (a training run's digits, a timing) is
    followed by the claims the text makes about it, checked with check_claim in
    the same cell or one of the next three code cells: what the prose says about
    it is then tested on every machine, though its digits are not."""
    cells = code_cells(read_notebook(path))
    for index, cell in enumerate(cells):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            nearby = cells[index:index + 4]
            assert any("check_claim(" in other.source for other in nearby), (
                f"no check_claim within three code cells of this uncompared output:\n"
                f"{cell.source}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_memory_addresses_in_outputs(path):
    for cell in code_cells(read_notebook(path)):
        for output in cell.outputs:
            assert not re.search(r" at 0x[0-9a-f]+", output_text(output)), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_figures_are_shown_not_echoed(path):
    """plt.show() ends plot cells: no '<Figure ...>' or '[<matplotlib...>]' result text.

    A figure itself is a display_data output with image/png (and a text/plain
    stand-in, which is fine); what plt.show() prevents is an execute_result
    echoing the last matplotlib object, or a figure that never got drawn.
    """
    for cell in code_cells(read_notebook(path)):
        for output in cell.outputs:
            text = output_text(output)
            has_image = "image/png" in output.get("data", {})
            if output.output_type == "execute_result" or not has_image:
                assert not re.search(r"<(Figure size|matplotlib\.)", text), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_images_or_data_from_the_internet(path):
    nb = read_notebook(path)
    text = markdown_text(nb)
    assert not re.search(r"!\[[^\]]*\]\(\s*https?:", text), "markdown image from a URL"
    assert not re.search(r"<img[^>]+src=[\"']https?:", text), "<img> from a URL"
    for cell in code_cells(nb):
        assert not re.search(r"https?://", cell.source), (
            f"code cell reaches for the internet:\n{cell.source}")

"""Interactive explorations for the notebooks (ipywidgets); filled in by issue #3."""

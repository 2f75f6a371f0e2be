"""Unit tests for nnfs_widgets: the explorations build, compute the right values, and draw.

The browser test (tests/browser) moves the sliders in a real JupyterLab; here the
callbacks are driven directly by setting slider values in the kernel.
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

import nnfs_widgets as nw
from nnfs_helpers import Softmax

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------------------
# Neuron (notebook 01)
# ---------------------------------------------------------------------------


def test_neuron_data_is_seeded_small_and_in_the_unit_square():
    points = nw.neuron_data(40, seed=3)
    assert points.shape == (40, 2)
    assert np.all(np.abs(points) <= 1)
    np.testing.assert_array_equal(points, nw.neuron_data(40, seed=3))
    assert not np.array_equal(points, nw.neuron_data(40, seed=4))


@pytest.mark.parametrize("bad", [0, -5])
def test_neuron_data_refuses_a_non_positive_size(bad):
    with pytest.raises(ValueError, match="n_points"):
        nw.neuron_data(bad)


def test_neuron_output_is_the_weighted_sum_plus_bias():
    points = np.array([[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0]])
    expected = [0.5 * 1 - 2 * 2 + 0.25, 0.5 * -1 - 2 * 0.5 + 0.25, 0.25]
    np.testing.assert_allclose(nw.neuron_output(points, 0.5, -2.0, 0.25), expected)


def test_neuron_output_refuses_points_that_are_not_2d():
    with pytest.raises(ValueError, match=r"shape \(n_samples, 2\)"):
        nw.neuron_output(np.ones((4, 3)), 1.0, 1.0, 0.0)


@pytest.mark.parametrize("w1, w2, b", [(1.0, -0.5, 0.3), (0.0, 2.0, -1.0), (1.5, 0.0, 0.6),
                                       (-0.2, 1.9, 0.0)])
def test_sign_change_line_is_where_the_output_is_zero(w1, w2, b):
    x1, x2 = nw._sign_change_line(w1, w2, b)
    np.testing.assert_allclose(w1 * np.asarray(x1) + w2 * np.asarray(x2) + b, 0, atol=1e-12)


def test_no_sign_change_line_when_both_weights_are_zero():
    assert nw._sign_change_line(0.0, 0.0, 0.7) is None


def test_draw_neuron_returns_outputs_and_draws_the_zero_line():
    fig, ax = plt.subplots()
    points = nw.neuron_data()
    outputs = nw.draw_neuron(ax, points, 1.0, -0.5, 0.2)
    np.testing.assert_allclose(outputs, nw.neuron_output(points, 1.0, -0.5, 0.2))
    (line,) = ax.lines
    x1, x2 = line.get_data()
    np.testing.assert_allclose(1.0 * x1 - 0.5 * x2 + 0.2, 0, atol=1e-12)


def test_draw_neuron_says_so_when_there_is_no_line():
    fig, ax = plt.subplots()
    nw.draw_neuron(ax, nw.neuron_data(), 0.0, 0.0, 1.0)
    assert not ax.lines
    assert any("output is b everywhere" in text.get_text() for text in ax.texts)


def test_neuron_summary_counts_positive_outputs():
    text = nw.neuron_summary(np.array([-1.0, 0.0, 0.5, 2.0]))
    assert text == "output positive for 2 of 4 points; outputs range from -1.00 to 2.00"


def test_neuron_explorer_builds_with_three_sliders_a_readout_and_an_image():
    explorer = nw.neuron_explorer()
    assert isinstance(explorer, widgets.VBox)
    assert list(explorer.sliders) == ["w1", "w2", "b"]
    assert all(isinstance(s, widgets.FloatSlider) for s in explorer.sliders.values())
    readout, image = explorer.children[1], explorer.children[2]
    assert isinstance(readout, widgets.HTML)
    assert isinstance(image, widgets.Image)
    assert bytes(image.value).startswith(PNG_SIGNATURE)
    np.testing.assert_allclose(explorer.outputs,
                               nw.neuron_output(explorer.points, 1.0, -0.5, 0.0))


def test_moving_a_neuron_slider_recomputes_and_redraws():
    explorer = nw.neuron_explorer()
    readout, image = explorer.children[1], explorer.children[2]
    before = image.value
    explorer.sliders["w1"].value = -1.2
    explorer.sliders["b"].value = 0.7
    expected = nw.neuron_output(explorer.points, -1.2, -0.5, 0.7)
    np.testing.assert_allclose(explorer.outputs, expected)
    assert readout.value == f"<code>{nw.neuron_summary(expected)}</code>"
    assert image.value != before


# ---------------------------------------------------------------------------
# Softmax temperature (notebook 03)
# ---------------------------------------------------------------------------


def test_temperature_one_is_plain_softmax():
    logits = np.array(nw.BOOK_LOGITS)
    np.testing.assert_allclose(nw.softmax_at_temperature(logits, 1.0),
                               Softmax().forward(logits[np.newaxis])[0])


def test_book_logits_give_the_books_probabilities():
    # Chapter 4 prints [0.89528266 0.02470831 0.08000903] for these scores.
    np.testing.assert_allclose(nw.softmax_at_temperature(nw.BOOK_LOGITS, 1.0),
                               [0.89528266, 0.02470831, 0.08000903], atol=1e-8)


def test_temperature_divides_the_scores():
    logits = np.array([2.0, -1.0, 0.5])
    expected = np.exp(logits / 4) / np.exp(logits / 4).sum()
    np.testing.assert_allclose(nw.softmax_at_temperature(logits, 4.0), expected)


def test_low_temperature_sharpens_and_high_temperature_flattens():
    cold = nw.softmax_at_temperature(nw.BOOK_LOGITS, 0.05)
    hot = nw.softmax_at_temperature(nw.BOOK_LOGITS, 1000.0)
    np.testing.assert_allclose(cold, [1.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(hot, np.full(3, 1 / 3), atol=1e-2)
    # The winner never changes with the temperature, only its margin.
    maxima = [nw.softmax_at_temperature(nw.BOOK_LOGITS, t).max() for t in (0.1, 1, 10)]
    assert maxima == sorted(maxima, reverse=True)


def test_tiny_temperature_does_not_overflow():
    # exp() of very negative numbers may underflow to 0 (harmless); it must not overflow.
    with np.errstate(over="raise", invalid="raise"):
        probabilities = nw.softmax_at_temperature([1000.0, 999.0], 1e-3)
    np.testing.assert_allclose(probabilities, [1.0, 0.0])


@pytest.mark.parametrize("bad", [0.0, -1.0, np.nan, np.inf])
def test_temperature_must_be_positive_and_finite(bad):
    with pytest.raises(ValueError, match="temperature must be a positive number"):
        nw.softmax_at_temperature(nw.BOOK_LOGITS, bad)


def test_logits_must_be_one_vector():
    with pytest.raises(ValueError, match="one vector"):
        nw.softmax_at_temperature(np.ones((2, 3)), 1.0)


def test_draw_softmax_draws_one_bar_per_probability():
    fig, ax = plt.subplots()
    probabilities = nw.draw_softmax(ax, nw.BOOK_LOGITS, 2.0)
    heights = [patch.get_height() for patch in ax.patches]
    np.testing.assert_allclose(heights, probabilities)
    assert ax.get_title() == "T = 2.00"


def test_softmax_explorer_builds_and_recomputes_when_the_slider_moves():
    explorer = nw.softmax_temperature_explorer()
    assert isinstance(explorer, widgets.VBox)
    assert isinstance(explorer.slider, widgets.FloatLogSlider)
    readout, image = explorer.children[1], explorer.children[2]
    np.testing.assert_allclose(explorer.probabilities,
                               nw.softmax_at_temperature(nw.BOOK_LOGITS, 1.0))
    before = image.value
    explorer.slider.value = 0.25
    expected = nw.softmax_at_temperature(nw.BOOK_LOGITS, 0.25)
    np.testing.assert_allclose(explorer.probabilities, expected)
    assert readout.value == f"<code>{nw.softmax_summary(expected, 0.25)}</code>"
    assert bytes(image.value).startswith(PNG_SIGNATURE) and image.value != before


def test_softmax_explorer_refuses_a_bad_start_temperature():
    with pytest.raises(ValueError, match="temperature"):
        nw.softmax_temperature_explorer(temperature=0.0)


# ---------------------------------------------------------------------------
# What gets stored in a notebook, and what pyplot sees
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("make", [nw.neuron_explorer, nw.softmax_temperature_explorer])
def test_text_form_is_fixed_and_short(make):
    """nbval compares a widget's text/plain; it must not depend on the widget's state."""
    first, second = make(), make()
    text = first._repr_mimebundle_()["text/plain"]
    assert text == second._repr_mimebundle_()["text/plain"] == repr(first)
    assert len(text) <= 110, "ipywidgets would cut it off with an ellipsis"
    assert "slider" in text and "0x" not in text
    slider = first.sliders["w1"] if make is nw.neuron_explorer else first.slider
    slider.value = slider.max
    assert first._repr_mimebundle_()["text/plain"] == text


@pytest.mark.parametrize("make", [nw.neuron_explorer, nw.softmax_temperature_explorer])
def test_widgets_leave_pyplot_alone(make):
    """The widgets draw off pyplot, so the inline backend shows no stray copy."""
    before = plt.get_fignums()
    explorer = make()
    explorer.update()
    assert plt.get_fignums() == before


def test_plot_neuron_grid_draws_one_panel_per_setting():
    fig = nw.plot_neuron_grid()
    assert len(fig.axes) == 4
    fig = nw.plot_neuron_grid(settings=[(1, 0, 0), (0, 1, 0.5)])
    assert len(fig.axes) == 2
    assert fig.axes[1].get_title() == "output = 0.0·x1 +1.0·x2 +0.5"


def test_plot_softmax_temperatures_draws_one_panel_per_temperature():
    fig = nw.plot_softmax_temperatures(temperatures=(0.5, 1.0, 3.0, 9.0))
    assert [ax.get_title() for ax in fig.axes] == ["T = 0.50", "T = 1.00", "T = 3.00",
                                                   "T = 9.00"]
    for ax, temperature in zip(fig.axes, (0.5, 1.0, 3.0, 9.0), strict=True):
        heights = [patch.get_height() for patch in ax.patches]
        np.testing.assert_allclose(heights,
                                   nw.softmax_at_temperature(nw.BOOK_LOGITS, temperature))

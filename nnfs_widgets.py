"""Interactive explorations for the notebooks, built with ipywidgets.

Each exploration comes in two forms that draw the same picture:

- a widget (``neuron_explorer`` for notebook 01, ``softmax_temperature_explorer``
  for notebook 03, ``draw_digit_explorer`` for notebook 24): sliders or a drawing
  canvas, a line of text and a figure that is redrawn when a slider moves or a
  stroke ends. It needs a running kernel, so it is live only when the learner
  runs the notebook;
- a static figure (``plot_neuron_grid``, ``plot_softmax_temperatures``,
  ``plot_drawing_readings``) showing a few settings or drawings side by side, so
  the stored notebook still teaches the idea where no kernel runs (a notebook
  viewer, a rendered page on a website).

The widget's figure is drawn with matplotlib's object-oriented API on an Agg
canvas and sent as PNG bytes to an ``ipywidgets.Image``, rather than through
pyplot into an ``Output`` widget: nothing joins pyplot's list of open figures
(so the inline backend never shows a stray copy under the cell), and the cell's
stored output is the widget alone, which keeps nbval's comparison stable.
"""

import io

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from nnfs_helpers import Softmax, check_size

__all__ = [
    "BOOK_LOGITS",
    "CANVAS_SIZE",
    "Explorer",
    "draw_digit_explorer",
    "draw_neuron",
    "draw_reading",
    "draw_softmax",
    "draw_strokes",
    "neuron_data",
    "neuron_explorer",
    "neuron_output",
    "neuron_summary",
    "plot_drawing_readings",
    "plot_neuron_grid",
    "plot_softmax_temperatures",
    "reading_summary",
    "softmax_summary",
    "softmax_temperature_explorer",
    "softmax_at_temperature",
]

# The scores the book feeds its first softmax (chapter 4), so notebook 03's
# numbers and the exploration's agree.
BOOK_LOGITS = (4.8, 1.21, 2.385)

# Output values beyond +-3 get the end colours; with the sliders' ranges most
# points fall inside, so the colour scale stays fixed while the sliders move
# and a colour always means the same output.
_OUTPUT_NORM = Normalize(vmin=-3.0, vmax=3.0)
_CMAP = "RdBu_r"  # blue = negative, white = zero, red = positive
_LIMIT = 1.2  # the neuron plot shows the square [-1.2, 1.2]^2 around the data
# The widgets' figures: small and at a screen resolution, so a redraw is quick.
_DPI = 80
_NEURON_FIGSIZE = (4.4, 4.0)
_SOFTMAX_FIGSIZE = (4.4, 3.2)


class Explorer(widgets.VBox):
    """A column of widgets whose text form is a fixed note, not its state.

    A displayed widget also stores a ``text/plain`` form, which is what a
    viewer without JavaScript shows and what nbval compares. ipywidgets makes
    it from ``repr``, i.e. from every child's state, cut at 110 characters;
    this class says instead what the widget is and that it needs a kernel.

    Parameters
    ----------
    children : sequence of ipywidgets.Widget
        The controls and displays, top to bottom.
    text : str
        Its text form: what it explores and which controls to move (at most
        110 characters, where ipywidgets would cut it).
    update : callable
        Called with no arguments to recompute and redraw; sliders call it
        whenever they move.
    """

    def __init__(self, children, text, update, **kwargs):
        super().__init__(children=children, **kwargs)
        self._text = text
        self.update = update

    def __repr__(self):
        return self._text


# ---------------------------------------------------------------------------
# Notebook 01: one neuron on a plane
# ---------------------------------------------------------------------------


def neuron_data(n_points=40, seed=0):
    """Return a small, seeded 2-D data set for the neuron explorer.

    Parameters
    ----------
    n_points : int, default 40
        Number of points.
    seed : int, default 0
        Seed for ``numpy.random.default_rng``; the same seed gives the same points.

    Returns
    -------
    ndarray of shape (n_points, 2)
        Points drawn uniformly from the square [-1, 1] x [-1, 1].
    """
    n_points = check_size("n_points", n_points)
    rng = np.random.default_rng(seed)
    return rng.uniform(-1.0, 1.0, size=(n_points, 2))


def neuron_output(points, w1, w2, b):
    """Return one neuron's output ``w1 * x1 + w2 * x2 + b`` for every row of ``points``.

    Parameters
    ----------
    points : array_like of shape (n_samples, 2)
        Inputs, one point per row.
    w1, w2 : float
        The neuron's two weights.
    b : float
        The neuron's bias.

    Returns
    -------
    ndarray of shape (n_samples,)
    """
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(
            f"neuron_output expects points of shape (n_samples, 2), got {points.shape}")
    # (n_samples, 2) @ (2,) -> (n_samples,)
    return points @ np.array([w1, w2], dtype=float) + b


def _sign_change_line(w1, w2, b):
    """Return two end points of the line ``w1*x1 + w2*x2 + b = 0``, or None.

    The line is solved for whichever coordinate has the larger weight, so it
    stays well defined when it is vertical (``w2 = 0``) or horizontal.
    """
    if abs(w1) < 1e-12 and abs(w2) < 1e-12:
        return None  # the output is b everywhere: no sign change anywhere
    ends = np.array([-_LIMIT, _LIMIT])
    if abs(w2) >= abs(w1):
        return ends, -(w1 * ends + b) / w2
    return -(w2 * ends + b) / w1, ends


def draw_neuron(ax, points, w1, w2, b):
    """Draw a neuron's output over the plane, the data, and where it changes sign.

    The background is coloured by the output ``w1*x1 + w2*x2 + b`` (blue
    negative, red positive), the points by their own output, the black line is
    where the output is zero, and the arrow is the weight vector, which points
    towards growing output.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    points : ndarray of shape (n_samples, 2)
    w1, w2, b : float
        The neuron's weights and bias.

    Returns
    -------
    ndarray of shape (n_samples,)
        The neuron's output for each point.
    """
    grid = np.linspace(-_LIMIT, _LIMIT, 60)
    xx, yy = np.meshgrid(grid, grid)
    plane = w1 * xx + w2 * yy + b  # (60, 60)
    ax.imshow(plane, origin="lower", extent=(-_LIMIT, _LIMIT, -_LIMIT, _LIMIT),
              cmap=_CMAP, norm=_OUTPUT_NORM, alpha=0.35, interpolation="bilinear")
    outputs = neuron_output(points, w1, w2, b)
    ax.scatter(points[:, 0], points[:, 1], c=outputs, cmap=_CMAP, norm=_OUTPUT_NORM, s=28,
               edgecolor="black", linewidth=0.5)
    line = _sign_change_line(w1, w2, b)
    if line is None:
        ax.text(0, -1.1, "w1 = w2 = 0: the output is b everywhere",
                ha="center", fontsize=8)
    else:
        ax.plot(*line, color="black", linewidth=1.5)
        # The weight vector is perpendicular to the line; scaled to a fixed
        # length so it stays inside the axes for any slider setting.
        direction = np.array([w1, w2]) / np.hypot(w1, w2)
        ax.annotate("", xy=0.5 * direction, xytext=(0, 0),
                    arrowprops={"arrowstyle": "->", "color": "black"})
    ax.set_xlim(-_LIMIT, _LIMIT)
    ax.set_ylim(-_LIMIT, _LIMIT)
    ax.set_aspect("equal")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.set_title(f"output = {w1:.1f}·x1 {w2:+.1f}·x2 {b:+.1f}", fontsize=9)
    return outputs


def neuron_summary(outputs):
    """Return one line describing a neuron's outputs on the data set.

    Parameters
    ----------
    outputs : ndarray of shape (n_samples,)

    Returns
    -------
    str
    """
    positive = int(np.count_nonzero(outputs > 0))
    return (f"output positive for {positive} of {outputs.size} points; "
            f"outputs range from {outputs.min():.2f} to {outputs.max():.2f}")


def plot_neuron_grid(settings=None, seed=0):
    """Draw one neuron at a few weight and bias settings, side by side.

    The static companion of ``neuron_explorer``: the default settings show
    that the weights turn the zero line and the bias shifts it.

    Parameters
    ----------
    settings : sequence of (w1, w2, b), optional
        One panel per setting. Default: four settings that turn, then shift,
        the line.
    seed : int, default 0
        Seed for ``neuron_data``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt  # pyplot here so the notebook's inline backend shows it

    if settings is None:
        settings = [(1.0, 0.0, 0.0), (1.0, 1.0, 0.0), (1.0, 1.0, 1.0), (-1.0, 2.0, -0.5)]
    points = neuron_data(seed=seed)
    fig, axes = plt.subplots(1, len(settings), figsize=(3.2 * len(settings), 3.4),
                             squeeze=False)
    for ax, (w1, w2, b) in zip(axes[0], settings, strict=True):
        draw_neuron(ax, points, w1, w2, b)
    fig.suptitle("One neuron: blue = negative output, red = positive; "
                 "the black line is where the output is 0", fontsize=10)
    fig.tight_layout()
    return fig


def neuron_explorer(w1=1.0, w2=-0.5, b=0.0, n_points=40, seed=0):
    """Build sliders for one neuron's weights and bias on a small 2-D data set.

    Moving a slider recomputes the neuron's output for every point, recolours
    the points and redraws the line where the output changes sign.

    Parameters
    ----------
    w1, w2, b : float
        Starting weights and bias (each slider spans -2 to 2).
    n_points : int, default 40
        Size of the data set.
    seed : int, default 0
        Seed for the data set.

    Returns
    -------
    Explorer
        Display it (last line of a cell). ``explorer.outputs`` holds the
        outputs for the current sliders, ``explorer.points`` the points, and
        ``explorer.sliders`` the three sliders by name.
    """
    points = neuron_data(n_points, seed)
    sliders = {
        name: widgets.FloatSlider(value=value, min=-2.0, max=2.0, step=0.1,
                                  description=name, continuous_update=False,
                                  readout_format=".1f")
        for name, value in (("w1", w1), ("w2", w2), ("b", b))
    }
    readout = widgets.HTML()
    image = _image_widget(_NEURON_FIGSIZE)

    def update(change=None):
        values = {name: slider.value for name, slider in sliders.items()}
        fig = Figure(figsize=_NEURON_FIGSIZE, dpi=_DPI)
        outputs = draw_neuron(fig.add_subplot(), points,
                              values["w1"], values["w2"], values["b"])
        explorer.outputs = outputs
        readout.value = f"<code>{neuron_summary(outputs)}</code>"
        image.value = _png(fig)

    explorer = Explorer([widgets.HBox(list(sliders.values())), readout, image],
                        "Neuron explorer: move the w1, w2 and b sliders "
                        "(live when the notebook runs on a kernel)", update)
    explorer.points = points
    explorer.sliders = sliders
    for slider in sliders.values():
        slider.observe(update, names="value")
    update()
    return explorer


# ---------------------------------------------------------------------------
# Notebook 03: softmax temperature
# ---------------------------------------------------------------------------


def softmax_at_temperature(logits, temperature):
    """Return ``softmax(logits / temperature)`` for one vector of scores.

    Dividing by a temperature below 1 stretches the gaps between scores, so
    the largest one takes nearly all the probability; above 1 the gaps shrink
    and the probabilities approach uniform.

    Parameters
    ----------
    logits : array_like of shape (n_classes,)
        Unnormalised scores.
    temperature : float
        Positive divisor.

    Returns
    -------
    ndarray of shape (n_classes,)
        Probabilities that sum to 1.

    Raises
    ------
    ValueError
        If ``temperature`` is not a positive finite number.
    """
    temperature = float(temperature)
    if not (np.isfinite(temperature) and temperature > 0):
        raise ValueError(f"temperature must be a positive number, got {temperature}")
    logits = np.asarray(logits, dtype=float)
    if logits.ndim != 1:
        raise ValueError(f"logits must be one vector of scores, got shape {logits.shape}")
    # Softmax from nnfs_helpers (notebook 03) subtracts the maximum first, so
    # a small temperature (large logits / T) cannot overflow.
    return Softmax().forward(logits[np.newaxis, :] / temperature)[0]


def draw_softmax(ax, logits, temperature):
    """Draw a bar chart of ``softmax(logits / temperature)``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    logits : array_like of shape (n_classes,)
    temperature : float

    Returns
    -------
    ndarray of shape (n_classes,)
        The probabilities drawn.
    """
    probabilities = softmax_at_temperature(logits, temperature)
    classes = np.arange(probabilities.size)
    bars = ax.bar(classes, probabilities, color="#1f77b4")
    ax.bar_label(bars, labels=[f"{p:.2f}" for p in probabilities], fontsize=8)
    ax.axhline(1 / probabilities.size, color="grey", linestyle="--", linewidth=1)
    ax.set_xticks(classes, [f"class {k}" for k in classes])
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("probability")
    ax.set_title(f"T = {temperature:.2f}", fontsize=10)
    return probabilities


def plot_softmax_temperatures(logits=BOOK_LOGITS, temperatures=(0.2, 1.0, 5.0)):
    """Draw ``softmax(logits / T)`` for a few temperatures, side by side.

    The static companion of ``softmax_temperature_explorer``.

    Parameters
    ----------
    logits : array_like of shape (n_classes,), default BOOK_LOGITS
    temperatures : sequence of float, default (0.2, 1.0, 5.0)
        One panel per temperature.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt  # pyplot here so the notebook's inline backend shows it

    fig, axes = plt.subplots(1, len(temperatures), figsize=(3.2 * len(temperatures), 3.2),
                             sharey=True, squeeze=False)
    for ax, temperature in zip(axes[0], temperatures, strict=True):
        draw_softmax(ax, logits, temperature)
    fig.suptitle("softmax(logits / T): small T sharpens, large T flattens "
                 "(dashed: uniform)", fontsize=10)
    fig.tight_layout()
    return fig


def softmax_summary(probabilities, temperature):
    """Return one line describing softmax probabilities at a temperature.

    Parameters
    ----------
    probabilities : ndarray of shape (n_classes,)
    temperature : float

    Returns
    -------
    str
    """
    shown = ", ".join(f"{p:.3f}" for p in probabilities)
    return (f"T = {temperature:.2f}: probabilities [{shown}]; "
            f"largest {probabilities.max():.3f}, uniform would be {1 / probabilities.size:.3f}")


def softmax_temperature_explorer(logits=BOOK_LOGITS, temperature=1.0):
    """Build a temperature slider over a bar chart of ``softmax(logits / T)``.

    Parameters
    ----------
    logits : array_like of shape (n_classes,), default BOOK_LOGITS
        The scores to turn into probabilities.
    temperature : float, default 1.0
        Starting temperature; the slider is logarithmic, from about 0.03 to 30.

    Returns
    -------
    Explorer
        Display it (last line of a cell). ``explorer.probabilities`` holds the
        probabilities at the slider's temperature, ``explorer.slider`` the slider.
    """
    logits = np.asarray(logits, dtype=float)
    softmax_at_temperature(logits, temperature)  # fail here, not in a callback
    # Logarithmic: each step multiplies T by the same factor, so the sharp end
    # (T near 0) gets as much slider as the flat end.
    slider = widgets.FloatLogSlider(value=temperature, base=10, min=-1.5, max=1.5, step=0.05,
                                    description="T", continuous_update=False,
                                    readout_format=".2f")
    readout = widgets.HTML()
    image = _image_widget(_SOFTMAX_FIGSIZE)

    def update(change=None):
        fig = Figure(figsize=_SOFTMAX_FIGSIZE, dpi=_DPI)
        probabilities = draw_softmax(fig.add_subplot(), logits, slider.value)
        explorer.probabilities = probabilities
        readout.value = f"<code>{softmax_summary(probabilities, slider.value)}</code>"
        image.value = _png(fig)

    explorer = Explorer([slider, readout, image],
                        "Softmax temperature explorer: move the T slider "
                        "(live when the notebook runs on a kernel)", update)
    explorer.logits = logits
    explorer.slider = slider
    slider.observe(update, names="value")
    update()
    return explorer


def _image_widget(figsize):
    """An Image widget shown at the figure's own pixel size.

    Without a width the column stretches the image to the cell's width, and a
    small figure blown up looks blurred.
    """
    width = round(figsize[0] * _DPI)
    return widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px"))


def _png(fig):
    """Render a matplotlib Figure (not managed by pyplot) to PNG bytes."""
    FigureCanvasAgg(fig)  # attaches itself as fig.canvas
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# Notebook 24: draw a digit
# ---------------------------------------------------------------------------

CANVAS_SIZE = 280  # pixels; the shipped drawings (data/digit_strokes.json) use the same
# The canvas's pen, in canvas pixels: only what the learner sees while drawing.
# The image the network reads is drawn again by preprocess_drawing with the
# data set's pen, whatever this width is.
_CANVAS_PEN = 16
_READING_FIGSIZE = (5.6, 2.6)
_EMPTY_CANVAS = "the drawing is empty: draw a digit first"


def draw_strokes(ax, strokes, size=CANVAS_SIZE, linewidth=2.5):
    """Draw a stroke drawing as it was drawn on a square canvas (y downwards).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    strokes : list of ndarray of shape (n_points, 2)
    size : float, default CANVAS_SIZE
        The canvas's side, in the strokes' units.
    linewidth : float, default 2.5
    """
    for stroke in strokes:
        stroke = np.asarray(stroke, dtype=float)
        ax.plot(stroke[:, 0], stroke[:, 1], color="black", linewidth=linewidth,
                solid_capstyle="round", marker="o" if len(stroke) == 1 else None,
                markersize=linewidth)
    ax.set_xlim(0, size)
    ax.set_ylim(size, 0)  # y grows downwards, as on the canvas
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])


def draw_reading(image_ax, bars_ax, pixels, probabilities, label=None):
    """Draw the 8 x 8 image a network reads and its ten probabilities.

    Parameters
    ----------
    image_ax, bars_ax : matplotlib.axes.Axes
    pixels : ndarray of shape (64,)
        Values 0 to 16, as ``preprocess_drawing`` returns them.
    probabilities : ndarray of shape (10,) or None
        None draws empty bars (nothing to read yet).
    label : int, optional
        The digit drawn, if known: its bar is outlined.
    """
    image_ax.imshow(np.reshape(pixels, (8, 8)), cmap="gray_r", vmin=0, vmax=16)
    image_ax.set_xticks([])
    image_ax.set_yticks([])
    image_ax.set_title("what the network sees", fontsize=9)
    digits = np.arange(10)
    heights = np.zeros(10) if probabilities is None else probabilities
    colours = ["#1f77b4"] * 10
    if probabilities is not None:
        colours[int(np.argmax(probabilities))] = "#d62728"
    bars = bars_ax.bar(digits, heights, color=colours)
    if label is not None:
        bars[label].set_edgecolor("black")
        bars[label].set_linewidth(1.5)
    bars_ax.set_xticks(digits)
    bars_ax.set_ylim(0, 1)
    bars_ax.set_yticks([0, 0.5, 1])
    bars_ax.set_title("its probabilities", fontsize=9)


def reading_summary(probabilities):
    """One line saying which digit the network reads, and all ten probabilities.

    Parameters
    ----------
    probabilities : ndarray of shape (10,)

    Returns
    -------
    str
    """
    best = int(np.argmax(probabilities))
    shown = " ".join(f"{digit}:{p:.2f}" for digit, p in enumerate(probabilities))
    return f"reads {best} with probability {probabilities[best]:.2f} | {shown}"


def plot_drawing_readings(drawings, model, labels=None, size=CANVAS_SIZE):
    """Show drawings as drawn, the 8 x 8 images the network sees, and its probabilities.

    The static companion of ``draw_digit_explorer``: what the canvas shows after
    each of these drawings.

    Parameters
    ----------
    drawings : list of list of ndarray of shape (n_points, 2)
    model : Model
        Takes raw pixel values 0-16 (``input_scale=16``).
    labels : sequence of int, optional
        The digits drawn: a wrong reading's title turns red.
    size : float, default CANVAS_SIZE

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt  # pyplot here so the notebook's inline backend shows it

    from nnfs_helpers import preprocess_drawing

    pixels = np.array([preprocess_drawing(strokes) for strokes in drawings])  # (n, 64)
    probabilities = model.predict(pixels)                                   # (n, 10)
    fig, axes = plt.subplots(3, len(drawings), figsize=(1.5 * len(drawings), 4.6),
                             squeeze=False, gridspec_kw={"height_ratios": [1, 1, 0.8]})
    for k, strokes in enumerate(drawings):
        draw_strokes(axes[0, k], strokes, size, linewidth=1.5)
        label = None if labels is None else int(labels[k])
        draw_reading(axes[1, k], axes[2, k], pixels[k], probabilities[k], label)
        guess = int(np.argmax(probabilities[k]))
        right = label is None or guess == label
        axes[0, k].set_title(f"reads {guess}", fontsize=10,
                             color="black" if right else "tab:red")
        for ax in axes[1:, k]:
            ax.set_title("")
        axes[2, k].tick_params(labelsize=7)
        if k:
            axes[2, k].set_yticklabels([])
    axes[1, 0].set_ylabel("8 x 8 image", fontsize=9)
    axes[2, 0].set_ylabel("probability", fontsize=9)
    # Fixed margins: tight_layout measures all 3 x n axes, which takes longer than
    # drawing them.
    fig.subplots_adjust(left=0.6 / fig.get_figwidth(), right=0.99, bottom=0.06, top=0.94,
                        wspace=0.15, hspace=0.3)
    return fig


def draw_digit_explorer(model, size=CANVAS_SIZE):
    """Build a drawing canvas whose digit a model reads after every stroke.

    Draw with the mouse (or a finger on a touch screen); when a stroke ends the
    drawing goes through ``preprocess_drawing``, and the widget shows the 8 x 8
    image the network sees and a bar chart of its ten probabilities. Clear
    empties the canvas.

    Parameters
    ----------
    model : Model
        A digit classifier that takes raw pixel values 0-16 (``input_scale=16``),
        e.g. loaded with ``load_model``.
    size : int, default CANVAS_SIZE
        The canvas's side in pixels.

    Returns
    -------
    Explorer
        Display it (last line of a cell). ``explorer.strokes`` holds the drawing,
        ``explorer.pixels`` and ``explorer.probabilities`` the last reading
        (None while the canvas is empty), ``explorer.canvas`` and
        ``explorer.clear_button`` the controls. ``pen_down(x, y)``,
        ``pen_move(x, y)``, ``pen_up(x, y)`` and ``clear()`` do what the
        pointer and the button do.
    """
    from ipycanvas import Canvas

    from nnfs_helpers import preprocess_drawing

    canvas = Canvas(width=size, height=size,
                    layout=widgets.Layout(width=f"{size}px", height=f"{size}px",
                                          border="1px solid #888"))
    canvas.line_width = _CANVAS_PEN
    canvas.line_cap = "round"
    canvas.line_join = "round"
    clear_button = widgets.Button(description="Clear", icon="eraser")
    readout = widgets.HTML()
    image = _image_widget(_READING_FIGSIZE)
    pen = {"down": False}

    def update(change=None):
        try:
            pixels = preprocess_drawing(explorer.strokes)
        except ValueError as error:  # nothing drawn yet: say so, show empty bars
            explorer.pixels = explorer.probabilities = None
            readout.value = f"<code>{error}</code>"
            fig = Figure(figsize=_READING_FIGSIZE, dpi=_DPI)
            draw_reading(*fig.subplots(1, 2), np.zeros(64), None)
            image.value = _png(fig)
            return
        probabilities = model.predict(pixels[np.newaxis, :])[0]  # (1, 64) -> (10,)
        explorer.pixels, explorer.probabilities = pixels, probabilities
        readout.value = f"<code>{reading_summary(probabilities)}</code>"
        fig = Figure(figsize=_READING_FIGSIZE, dpi=_DPI)
        draw_reading(*fig.subplots(1, 2), pixels, probabilities)
        image.value = _png(fig)

    def pen_down(x, y):
        pen["down"] = True
        explorer.strokes.append([(x, y)])
        canvas.fill_circle(x, y, _CANVAS_PEN / 2)

    def pen_move(x, y):
        if not pen["down"]:
            return
        stroke = explorer.strokes[-1]
        canvas.stroke_line(*stroke[-1], x, y)
        stroke.append((x, y))

    def pen_up(x=None, y=None):
        if not pen["down"]:
            return
        pen["down"] = False
        update()  # the reading changes once per stroke

    def clear(button=None):
        pen["down"] = False
        explorer.strokes.clear()
        canvas.clear()
        update()

    explorer = Explorer(
        [widgets.HBox([widgets.VBox([canvas, clear_button],
                                    layout=widgets.Layout(width=f"{size + 8}px")),
                       widgets.VBox([readout, image], layout=widgets.Layout(
                           width=f"{round(_READING_FIGSIZE[0] * _DPI) + 8}px"))])],
        "Digit canvas: draw a digit with the mouse or a finger "
        "(live when the notebook runs on a kernel)", update)
    explorer.strokes = []
    explorer.canvas, explorer.clear_button = canvas, clear_button
    explorer.pen_down, explorer.pen_move, explorer.pen_up = pen_down, pen_move, pen_up
    explorer.clear = clear
    canvas.on_mouse_down(pen_down)
    canvas.on_mouse_move(pen_move)
    canvas.on_mouse_up(pen_up)
    canvas.on_mouse_out(pen_up)  # leaving the canvas ends the stroke
    canvas.on_touch_start(lambda touches: pen_down(*touches[0]))
    canvas.on_touch_move(lambda touches: pen_move(*touches[0]))
    canvas.on_touch_end(lambda touches: pen_up())
    clear_button.on_click(clear)
    update()
    return explorer

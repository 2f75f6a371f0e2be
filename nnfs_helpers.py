"""The neural network library the course builds, one section per notebook.

Every class here is taught in a notebook, which defines it in a cell exactly as
it stands here (``tests/test_notebook_sync.py`` enforces that); later notebooks
import it instead of repeating it.

The protocol every part of a network follows:

- ``forward(inputs)`` returns the output and keeps it as ``self.output``;
- ``backward(dvalues)`` returns the gradient with respect to the inputs and
  keeps it as ``self.dinputs`` (a layer with parameters also keeps
  ``self.dweights`` and ``self.dbiases``).

So a forward pass is a loop over the layers, and a backward pass is the same loop
reversed. The names follow PEP 8; the README maps them to the book's names
(``DenseLayer`` is the book's ``Layer_Dense``, and so on).

Randomness is always explicit: anything random takes ``rng`` (a
``numpy.random.Generator``, or an int seed) or ``seed``. Nothing here reseeds or
patches NumPy for the whole process.
"""

import numbers

import numpy as np
from nnfs import datasets as _nnfs_datasets

__all__ = [
    "DenseLayer",
    "ReLU",
    "Softmax",
    "check_inputs",
    "check_size",
    "draw_network",
    "plot_decision_regions",
    "plot_spiral",
    "spiral_data",
]


# ---------------------------------------------------------------------------
# Input checks shared by every layer (notebook 01)
# ---------------------------------------------------------------------------


def check_size(name, value):
    """Return ``value`` as an int if it is a positive whole number, else raise.

    Parameters
    ----------
    name : str
        The argument's name, used in the error message.
    value : int
        The size to check (a number of inputs, neurons, samples or classes).

    Returns
    -------
    int

    Raises
    ------
    TypeError
        If ``value`` is not a whole number (``3.0`` and ``True`` are refused too).
    ValueError
        If ``value`` is zero or negative.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a whole number, got {value!r} "
            f"of type {type(value).__name__}"
        )
    if value <= 0:
        raise ValueError(f"{name} must be a positive whole number, got {value}")
    return int(value)


def check_inputs(owner, inputs, n_features=None):
    """Return ``inputs`` as a 2-D numeric array, or raise an error a learner can act on.

    Every ``forward`` calls this first, so a wrong shape or a typo in a
    hand-written batch is reported in words instead of as a broadcasting
    traceback from deep inside NumPy.

    Parameters
    ----------
    owner : str
        Who is checking (``"DenseLayer"``), named in the error message.
    inputs : array_like of shape (n_samples, n_features)
        A batch: one row per sample. Nested lists are converted.
    n_features : int, optional
        The number of columns the owner expects; not checked when ``None``.

    Returns
    -------
    ndarray of shape (n_samples, n_features)
        The same array when it already was one (no copy), otherwise a new one.

    Raises
    ------
    TypeError
        If the values are not numbers (strings, objects, booleans).
    ValueError
        If the batch is ragged, not 2-D, empty, has the wrong number of
        features, or holds NaN or infinity.
    """
    if not isinstance(inputs, np.ndarray):
        inputs = _to_array(owner, inputs)
    if inputs.dtype.kind not in "iuf":
        raise TypeError(
            f"{owner} expects numeric inputs (floats or integers), "
            f"got an array of dtype {inputs.dtype}"
        )
    if inputs.ndim != 2:
        wanted = "n_features" if n_features is None else n_features
        hint = ""
        if inputs.ndim == 1:
            hint = " To pass one sample, make it a batch of one: [sample] or x[np.newaxis, :]."
        raise ValueError(
            f"{owner} expects a 2-D batch of shape (n_samples, {wanted}), "
            f"got a {inputs.ndim}-D array of shape {inputs.shape}.{hint}"
        )
    if inputs.shape[0] == 0:
        raise ValueError(f"{owner} got an empty batch (0 samples)")
    if n_features is not None and inputs.shape[1] != n_features:
        raise ValueError(
            f"{owner} expects inputs with {n_features} features, "
            f"got {inputs.shape[1]} (inputs of shape {inputs.shape})"
        )
    # One sum is much cheaper than a full isfinite() pass, and any NaN or inf
    # makes it non-finite; only then do we look for the culprit.
    if inputs.dtype.kind == "f" and not np.isfinite(inputs.sum()):
        bad = np.argwhere(~np.isfinite(inputs))
        if len(bad):
            row, col = bad[0]
            raise ValueError(
                f"{owner} got a non-finite value ({inputs[row, col]}) at row {row}, "
                f"column {col}. Check the data for missing values; during "
                f"training this usually means the numbers blew up (try a "
                f"smaller learning rate)."
            )
    return inputs


def _to_array(owner, inputs):
    """Convert a nested list to an array, explaining ragged rows in words."""
    try:
        return np.asarray(inputs)
    except ValueError:
        # NumPy refuses ragged nested lists ("inhomogeneous shape"); the usual
        # cause is a typo such as -0,8 for -0.8, which adds a number to a row.
        try:
            lengths = [len(row) for row in inputs]
        except TypeError:
            lengths = None
        detail = f" (row lengths {lengths})" if lengths else ""
        raise ValueError(
            f"{owner} expects a rectangular batch, every sample with the same "
            f"number of features, got rows of different lengths{detail}. "
            f"Look for a typo such as a comma in place of a decimal point."
        ) from None


# ---------------------------------------------------------------------------
# Notebook 01: a dense layer
# ---------------------------------------------------------------------------


class DenseLayer:
    """A fully connected layer: every input feeds every neuron.

    ``output = inputs @ weights + biases``. Introduced in notebook 01.

    Parameters
    ----------
    n_inputs : int
        Number of features each sample has (the previous layer's neurons).
    n_neurons : int
        Number of neurons in this layer, i.e. outputs per sample.
    rng : numpy.random.Generator or int or None, optional
        Source of the initial weights; an int is used as a seed.
        ``None`` draws fresh, unrepeatable weights.
    weight_scale : float, default 0.01
        Standard deviation of the initial weights.
    dtype : numpy dtype, default numpy.float64
        Precision of the weights and biases; ``numpy.float32`` halves the
        memory traffic and is what the training benchmark uses.

    Attributes
    ----------
    weights : ndarray of shape (n_inputs, n_neurons)
        One column per neuron, so ``inputs @ weights`` needs no transpose.
    biases : ndarray of shape (1, n_neurons)
        One per neuron, broadcast over the rows of the batch.
    inputs : ndarray of shape (n_samples, n_inputs)
        The last batch seen by ``forward`` (the backward pass needs it).
    output : ndarray of shape (n_samples, n_neurons)
        The last result of ``forward``.
    """

    def __init__(self, n_inputs, n_neurons, *, rng=None, weight_scale=0.01,
                 dtype=np.float64):
        n_inputs = check_size("n_inputs", n_inputs)
        n_neurons = check_size("n_neurons", n_neurons)
        if not weight_scale > 0:
            raise ValueError(f"weight_scale must be positive, got {weight_scale!r}")
        dtype = np.dtype(dtype)
        if dtype.kind != "f":
            raise TypeError(f"dtype must be a floating-point type, got {dtype}")
        rng = np.random.default_rng(rng)
        # Small, zero-centred Gaussian weights: some neurons start by adding an
        # input and others by subtracting it, and no output starts out huge.
        self.weights = (weight_scale * rng.standard_normal((n_inputs, n_neurons))
                        ).astype(dtype, copy=False)
        # Zero biases are the usual start; the random weights already make the
        # neurons differ from one another.
        self.biases = np.zeros((1, n_neurons), dtype=dtype)

    @property
    def n_inputs(self):
        """int : Number of input features, read from the weights' shape."""
        return self.weights.shape[0]

    @property
    def n_neurons(self):
        """int : Number of neurons, read from the weights' shape."""
        return self.weights.shape[1]

    def forward(self, inputs):
        """Compute the weighted sums of a batch.

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_inputs)

        Returns
        -------
        ndarray of shape (n_samples, n_neurons)
            Also kept as ``self.output``.
        """
        inputs = check_inputs("DenseLayer", inputs, self.n_inputs)
        self.inputs = inputs
        # (n_samples, n_inputs) @ (n_inputs, n_neurons) -> (n_samples, n_neurons);
        # the (1, n_neurons) biases are added to every row.
        self.output = inputs @ self.weights + self.biases
        return self.output

    def __repr__(self):
        return f"DenseLayer(n_inputs={self.n_inputs}, n_neurons={self.n_neurons})"


# ---------------------------------------------------------------------------
# Notebook 02: ReLU
# ---------------------------------------------------------------------------


class ReLU:
    """Rectified linear unit: ``max(0, x)`` for every value.

    Introduced in notebook 02.

    Attributes
    ----------
    inputs : ndarray of shape (n_samples, n_features)
        The last batch seen by ``forward``.
    output : ndarray of shape (n_samples, n_features)
        The last result of ``forward``: the inputs with negatives set to 0.
    """

    def forward(self, inputs):
        """Clip every negative value of the batch to zero.

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Also kept as ``self.output``.
        """
        inputs = check_inputs("ReLU", inputs)
        self.inputs = inputs
        self.output = np.maximum(inputs, 0)
        return self.output

    def __repr__(self):
        return "ReLU()"


# ---------------------------------------------------------------------------
# Notebook 03: softmax
# ---------------------------------------------------------------------------


class Softmax:
    """Turn each row of scores into probabilities that sum to 1.

    ``softmax(z)_j = exp(z_j) / sum_k exp(z_k)``, computed on ``z - max(z)``,
    which gives the same result without overflowing. Introduced in notebook 03.

    Attributes
    ----------
    inputs : ndarray of shape (n_samples, n_classes)
        The last scores seen by ``forward``.
    output : ndarray of shape (n_samples, n_classes)
        The last probabilities; every row sums to 1.
    """

    def forward(self, inputs):
        """Exponentiate and normalise each row of a batch of scores.

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_classes)
            Unnormalised scores ("logits"), e.g. a dense layer's output.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Probabilities, also kept as ``self.output``.
        """
        inputs = check_inputs("Softmax", inputs)
        self.inputs = inputs
        # Subtracting each row's maximum changes nothing (the common factor
        # exp(-max) cancels in the division) but caps every exponent at 0, so
        # exp() cannot overflow to inf however large the scores are.
        exp_values = np.exp(inputs - inputs.max(axis=1, keepdims=True))
        self.output = exp_values / exp_values.sum(axis=1, keepdims=True)
        return self.output

    def __repr__(self):
        return "Softmax()"


# ---------------------------------------------------------------------------
# Notebook 04: spiral data
# ---------------------------------------------------------------------------


def spiral_data(samples=100, classes=3, *, seed=0):
    """Make the book's spiral data set, the same every time for a given seed.

    A thin wrapper over ``nnfs.datasets.spiral_data``, which draws from NumPy's
    global generator: the global state is saved, seeded for the call, and
    restored, so this function leaves no trace on other code's randomness.

    Parameters
    ----------
    samples : int, default 100
        Points per class.
    classes : int, default 3
        Number of spiral arms, one class each.
    seed : int, default 0
        Seed for the angular noise.

    Returns
    -------
    X : ndarray of shape (samples * classes, 2)
        Point coordinates, each within [-1, 1].
    y : ndarray of shape (samples * classes,)
        Class labels ``0 .. classes - 1`` as integers (``intp``, ready for
        indexing), in blocks: the first ``samples`` rows are class 0.
    """
    samples = check_size("samples", samples)
    classes = check_size("classes", classes)
    return _call_seeded(_nnfs_datasets.spiral_data, seed, samples, classes)


def _call_seeded(make_data, seed, *args):
    """Call an nnfs data maker with the global NumPy generator seeded, then restore it."""
    # nnfs only knows the legacy global generator, hence the NPY002 exemptions.
    state = np.random.get_state()  # noqa: NPY002
    try:
        np.random.seed(seed)  # noqa: NPY002
        X, y = make_data(*args)
    finally:
        np.random.set_state(state)  # noqa: NPY002
    # nnfs returns uint8 labels, where y - 1 would wrap round to 255.
    return X, y.astype(np.intp)


# ---------------------------------------------------------------------------
# Plotting helpers shared by the notebooks
# ---------------------------------------------------------------------------

# One colour per class, used by every figure so class 0 is always the same blue.
CLASS_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")


def _axes(ax, figsize=(5, 5)):
    """Return ``ax``, or a new axes on a new figure when it is ``None``."""
    if ax is None:
        import matplotlib.pyplot as plt  # imported late: the maths needs no plotting

        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_spiral(X, y, ax=None, title=None):
    """Scatter 2-D points coloured by class.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
        Integer class labels.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    X = check_inputs("plot_spiral", X, 2)
    y = np.asarray(y)
    ax = _axes(ax)
    for label in np.unique(y):
        points = X[y == label]
        ax.scatter(points[:, 0], points[:, 1], s=12,
                   color=CLASS_COLOURS[label % len(CLASS_COLOURS)],
                   edgecolor="white", linewidth=0.3, label=f"class {label}")
    ax.set_aspect("equal")
    ax.set_xlabel("x[0]")
    ax.set_ylabel("x[1]")
    ax.legend(loc="upper right", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def plot_decision_regions(predict_proba, X, y, ax=None, title=None, resolution=150):
    """Colour the plane by a model's class probabilities, with the data on top.

    Each pixel's colour mixes the class colours in proportion to the predicted
    probabilities, so confident regions are saturated and a model that is unsure
    everywhere (probabilities near 1/k) paints a uniform grey-brown.

    Parameters
    ----------
    predict_proba : callable
        Maps an ndarray of shape (n_points, 2) to probabilities of shape
        (n_points, n_classes).
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    resolution : int, default 150
        Pixels along each axis of the grid.

    Returns
    -------
    matplotlib.axes.Axes
    """
    X = check_inputs("plot_decision_regions", X, 2)
    resolution = check_size("resolution", resolution)
    ax = _axes(ax)
    lo = X.min(axis=0) - 0.1
    hi = X.max(axis=0) + 0.1
    xx, yy = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([xx.ravel(), yy.ravel()])  # (resolution**2, 2)
    probs = np.asarray(predict_proba(grid))  # (resolution**2, n_classes)
    palette = np.array([_hex_to_rgb(c) for c in CLASS_COLOURS])[: probs.shape[1]]
    rgb = (probs @ palette).reshape(resolution, resolution, 3)
    # Blend towards white so the data points stay visible on top.
    rgb = 0.45 + 0.55 * rgb
    ax.imshow(rgb, origin="lower", extent=(lo[0], hi[0], lo[1], hi[1]),
              interpolation="bilinear")
    plot_spiral(X, y, ax=ax, title=title)
    return ax


def _hex_to_rgb(colour):
    """``"#1f77b4"`` -> array of three floats in [0, 1]."""
    return np.array([int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])


def draw_network(layer_sizes, weights=None, ax=None, title=None):
    """Draw a fully connected network: circles for neurons, lines for weights.

    Parameters
    ----------
    layer_sizes : sequence of int
        Neurons per layer, input layer first, e.g. ``(4, 3)``.
    weights : sequence of ndarray, optional
        One array of shape (n_in, n_out) per pair of adjacent layers. When
        given, each line is blue for a positive weight and red for a negative
        one, with thickness in proportion to the weight's size.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    sizes = [check_size("layer size", n) for n in layer_sizes]
    if len(sizes) < 2:
        raise ValueError(f"draw_network needs at least 2 layers, got {len(sizes)}")
    if weights is not None:
        weights = [np.asarray(w) for w in weights]
        expected = [(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
        actual = [w.shape for w in weights]
        if actual != expected:
            raise ValueError(
                f"draw_network expects weight shapes {expected} for layers "
                f"{tuple(sizes)}, got {actual}"
            )
    ax = _axes(ax, figsize=(2.2 * len(sizes), 0.9 * max(sizes) + 1))
    tallest = max(sizes)
    # Centre each column of neurons vertically.
    positions = [
        [(col, (tallest - 1) / 2 + (n - 1) / 2 - row) for row in range(n)]
        for col, n in enumerate(sizes)
    ]
    biggest = max((np.abs(w).max() for w in weights), default=1.0) if weights else 1.0
    for layer, (left, right) in enumerate(zip(positions[:-1], positions[1:],
                                              strict=True)):
        for i, (x0, y0) in enumerate(left):
            for j, (x1, y1) in enumerate(right):
                if weights is None:
                    colour, width = "0.6", 1.0
                else:
                    w = weights[layer][i, j]
                    colour = "#1f77b4" if w >= 0 else "#d62728"
                    width = 0.3 + 3.0 * abs(w) / (biggest or 1.0)
                ax.plot([x0, x1], [y0, y1], color=colour, linewidth=width, zorder=1)
    names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
    for col, (column, name) in enumerate(zip(positions, names, strict=True)):
        face = "#c6dbef" if col == 0 else "#fdd0a2" if col == len(sizes) - 1 else "white"
        for x, y in column:
            ax.scatter([x], [y], s=600, color=face, edgecolor="black", zorder=2)
        ax.text(col, -1.0, f"{name}\n({len(column)})", ha="center", va="top")
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-1.9, tallest - 0.4)
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax

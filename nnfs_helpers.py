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
reversed. A loss ends the chain: ``forward(y_pred, y_true)`` returns the mean loss
and ``backward()``, with no argument, starts the backward pass. An optimizer's
``step(layers)`` then updates every layer that has ``parameters()``::

    for epoch in range(10_000):
        values = X
        for layer in layers:                      # e.g. [dense1, relu, dense2]
            values = layer.forward(values)
        loss = loss_function.forward(values, y)   # e.g. SoftmaxCrossEntropy()
        gradient = loss_function.backward()
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)                    # e.g. Adam(learning_rate=0.05)

The names follow PEP 8; the README maps them to the book's names
(``DenseLayer`` is the book's ``Layer_Dense``, and so on).

Randomness is always explicit: anything random takes ``rng`` (a
``numpy.random.Generator``, or an int seed) or ``seed``. Nothing here reseeds or
patches NumPy for the whole process.
"""

import contextlib
import json
import math
import numbers
import os
import re
import stat
import struct
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

import numpy as np
from nnfs import datasets as _nnfs_datasets
from tqdm.auto import tqdm

__all__ = [
    "AdaGrad",
    "Adam",
    "BinaryCrossEntropy",
    "CategoricalCrossEntropy",
    "DenseLayer",
    "Dropout",
    "FlatAdam",
    "Linear",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "Model",
    "ModelArchive",
    "ModelFileError",
    "Optimizer",
    "Point",
    "RMSProp",
    "ReLU",
    "SGD",
    "Sigmoid",
    "Softmax",
    "SoftmaxCrossEntropy",
    "TileBuffers",
    "accuracy",
    "adam_state",
    "binary_accuracy",
    "block_sums",
    "block_views",
    "centre_by_mass",
    "centre_of_mass",
    "check_backward_done",
    "check_claim",
    "check_data",
    "check_fast_network",
    "check_forward_done",
    "check_hyperparameter",
    "check_inputs",
    "check_labels",
    "check_loss",
    "check_probabilities",
    "check_size",
    "check_strokes",
    "check_targets",
    "count_correct",
    "descend",
    "deslant",
    "digits_data",
    "distance_to_segments",
    "draw_network",
    "draw_shapes_diagram",
    "evaluate",
    "fit_into_box",
    "forward_pass",
    "gradient_check",
    "initial_scale",
    "ink_box",
    "load_model",
    "load_stroke_drawings",
    "numerical_gradient",
    "pack_parameters",
    "plot_decision_regions",
    "plot_seed_study",
    "plot_spiral",
    "prepare_tiles",
    "preprocess_drawing",
    "print_seed_study",
    "regression_accuracy",
    "relative_error",
    "render_strokes",
    "rotate_images",
    "row_max",
    "row_sum",
    "save_adam_state",
    "save_model",
    "seed_study",
    "sine_data",
    "slant",
    "spiral_data",
    "split_tiles",
    "tile_step",
    "total_penalty",
    "train",
    "train_digits",
    "train_fast",
    "train_with_loss",
    "train_with_validation",
    "unpack_parameters",
    "vertical_data",
    "write_atomically",
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
    traceback from deep inside NumPy. It looks at the shape and type only,
    so it costs next to nothing.

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
        If the values are not numbers (strings, objects, booleans), or the
        array is a NumPy subclass (``np.matrix``, a masked array).
    ValueError
        If the batch is ragged, not 2-D, empty, or has the wrong number of
        features. (Values are not scanned for NaN: ``Model`` checks the data
        once, and the training loops check the loss at every step.)
    """
    if not isinstance(inputs, np.ndarray):
        inputs = _to_array(owner, inputs)
    if type(inputs) is not np.ndarray and not isinstance(inputs, np.memmap):
        # A matrix keeps rows 2-D and makes * a matrix product; a masked array's
        # mask is dropped by most of NumPy. Either goes wrong deep inside a layer.
        # (A memory-mapped array, from np.load(..., mmap_mode="r"), is plain data.)
        raise TypeError(
            f"{owner} expects a plain NumPy array, got a {type(inputs).__module__}."
            f"{type(inputs).__name__}; convert it first with np.asarray(x)"
            + (" (after filling or removing the masked values)"
               if isinstance(inputs, np.ma.MaskedArray) else ""))
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
# Checks for losses and backward passes (notebooks 05-08)
# ---------------------------------------------------------------------------


def check_labels(owner, y_true, n_samples, n_classes):
    """Return class labels as an array, or raise an error a learner can act on.

    Two encodings are accepted, as in the book: sparse labels (one class index
    per sample) and one-hot rows (a 1 in the column of the correct class).
    Rows of probabilities that sum to 1 ("soft" labels) pass as one-hot.

    Parameters
    ----------
    owner : str
        Who is checking (``"CategoricalCrossEntropy"``), named in the message.
    y_true : array_like of shape (n_samples,) or (n_samples, n_classes)
        Integer class indices in ``0 .. n_classes - 1``, or one-hot rows.
    n_samples : int
        Number of predictions the labels must match.
    n_classes : int
        Number of columns of the predictions.

    Returns
    -------
    ndarray of shape (n_samples,) or (n_samples, n_classes)
        The labels; the same array when it already was one (no copy).

    Raises
    ------
    TypeError
        If sparse labels are not integers (``2.0`` is refused: an index is a
        whole number) or the labels are not numbers.
    ValueError
        If the labels have the wrong length or shape, a class index is out of
        range, or a one-hot row is not made of values in [0, 1] summing to 1.
    """
    y_true = np.asarray(y_true)
    if y_true.dtype.kind not in "iuf":
        raise TypeError(
            f"{owner} expects numeric labels (integer class indices or one-hot rows), "
            f"got an array of dtype {y_true.dtype}"
        )
    if y_true.ndim not in (1, 2):
        raise ValueError(
            f"{owner} expects labels of shape ({n_samples},) (class indices) or "
            f"({n_samples}, {n_classes}) (one-hot), got shape {y_true.shape}"
        )
    if y_true.shape[0] != n_samples:
        raise ValueError(
            f"{owner} got {y_true.shape[0]} labels for {n_samples} predictions; "
            f"there must be one label per sample"
        )
    if y_true.ndim == 1:
        if y_true.dtype.kind == "f":
            raise TypeError(
                f"{owner} expects integer class indices, got labels of dtype "
                f"{y_true.dtype}; if they are whole numbers, pass y.astype(int)"
            )
        low, high = y_true.min(), y_true.max()
        if low < 0 or high >= n_classes:
            bad = low if low < 0 else high
            raise ValueError(
                f"{owner} got class index {bad}, but the predictions have {n_classes} "
                f"columns, so labels must be in 0..{n_classes - 1}"
            )
        return y_true
    if y_true.shape[1] != n_classes:
        hint = " (a column of class indices? pass y.ravel())" if y_true.shape[1] == 1 else ""
        raise ValueError(
            f"{owner} expects one-hot labels of shape ({n_samples}, {n_classes}), "
            f"got shape {y_true.shape}{hint}"
        )
    row_sums = y_true.sum(axis=1)
    # NaN fails every comparison, so it is looked for first; its row sum is
    # NaN too, which np.argmax picks out as the largest.
    if (not np.isfinite(y_true).all() or y_true.min() < 0 or y_true.max() > 1
            or np.abs(row_sums - 1).max() > 1e-6):
        row = int(np.argmax(np.abs(row_sums - 1)))
        raise ValueError(
            f"{owner} expects one-hot rows (values in [0, 1] summing to 1), "
            f"but row {row} is {y_true[row]} (sum {row_sums[row]:g})"
        )
    return y_true


def check_probabilities(owner, y_pred):
    """Return predicted probabilities as a 2-D array, or raise a clear error.

    Parameters
    ----------
    owner : str
        Who is checking, named in the message.
    y_pred : array_like of shape (n_samples, n_classes)
        One row of class probabilities per sample (e.g. a ``Softmax`` output).

    Returns
    -------
    ndarray of shape (n_samples, n_classes)
        The same array when it already was one (no copy).

    Raises
    ------
    ValueError
        If the predictions hold NaN (training diverged), are not a 2-D batch,
        or are not probabilities (values outside [0, 1], rows not summing to 1).
    """
    y_pred = np.asarray(y_pred)
    # NaN is checked first, and separately from check_inputs, because in a
    # loss it almost always means training blew up, not that the data is bad.
    if y_pred.dtype.kind == "f" and np.isnan(y_pred.sum()) and np.isnan(y_pred).any():
        raise ValueError(
            f"{owner} found NaN in the predictions: training diverged? "
            f"Try a smaller learning rate."
        )
    y_pred = check_inputs(owner, y_pred)
    low, high = y_pred.min(), y_pred.max()
    # A tolerance for rounding: rows a learner types by hand (0.7, 0.2, 0.1)
    # rarely sum to exactly 1 in binary floating point.
    if low < 0 or high > 1 or np.abs(y_pred.sum(axis=1) - 1).max() > 1e-3:
        raise ValueError(
            f"{owner} expects probabilities (values in [0, 1], each row summing to 1, "
            f"e.g. a Softmax output), got values from {low:.4g} to {high:.4g}. "
            f"For raw scores (logits) use SoftmaxCrossEntropy."
        )
    return y_pred


def check_targets(owner, y_true, shape):
    """Return regression or yes/no targets as an array shaped like the predictions.

    Parameters
    ----------
    owner : str
        Who is checking, named in the message.
    y_true : array_like of shape (n_samples, n_outputs)
        One row of targets per sample. A 1-D array is accepted when there is
        one output (the book's ``y.reshape(-1, 1)``, done for you).
    shape : tuple of int
        The predictions' shape, (n_samples, n_outputs).

    Returns
    -------
    ndarray of shape (n_samples, n_outputs)

    Raises
    ------
    TypeError
        If the targets are not numbers.
    ValueError
        If their shape differs from the predictions' or they hold NaN or inf.
    """
    y_true = np.asarray(y_true)
    if y_true.dtype.kind not in "iuf":
        raise TypeError(
            f"{owner} expects numeric targets, got an array of dtype {y_true.dtype}"
        )
    if y_true.ndim == 1 and shape[1] == 1 and len(y_true) == shape[0]:
        y_true = y_true.reshape(-1, 1)
    if y_true.shape != tuple(shape):
        raise ValueError(
            f"{owner} expects targets of shape {tuple(shape)}, like the predictions, "
            f"got shape {y_true.shape}"
        )
    if not np.isfinite(y_true).all():
        raise ValueError(f"{owner} got NaN or infinity in the targets")
    return y_true


def check_forward_done(layer):
    """Raise a clear error if ``layer.backward`` is called before its ``forward``.

    ``backward`` uses what ``forward`` kept (``self.inputs``, ``self.output``),
    so the order is always forward, then backward. Every layer and loss keeps
    ``self.output`` in ``forward``; that is what is looked for.

    Raises
    ------
    RuntimeError
        If ``layer`` has no ``output`` yet.
    """
    if not hasattr(layer, "output"):
        owner = type(layer).__name__
        raise RuntimeError(
            f"{owner}.backward was called before forward: call forward first "
            f"(it keeps what backward needs), then backward, then the optimizer's step")


def check_backward_done(layer):
    """Raise a clear error if an optimizer steps a layer before its ``backward``.

    A layer with ``weights`` gets its ``dweights`` in ``backward``.

    Raises
    ------
    RuntimeError
        If ``layer`` has ``weights`` but no ``dweights`` yet.
    """
    if hasattr(layer, "weights") and not hasattr(layer, "dweights"):
        owner = type(layer).__name__
        raise RuntimeError(
            f"the optimizer's step was called before {owner}.backward: the order is "
            f"forward, then the loss's backward and each layer's backward, then step")


# ---------------------------------------------------------------------------
# Notebook 01: a dense layer
# ---------------------------------------------------------------------------


class DenseLayer:
    """A fully connected layer: every input feeds every neuron.

    ``output = inputs @ weights + biases``. Notebook 01 introduces it,
    notebook 08 adds ``backward``, 10 ``parameters``, 11 the ``"he"`` and
    ``"glorot"`` starting scales, and 16 the L1/L2 penalties.

    Parameters
    ----------
    n_inputs : int
        Number of features each sample has (the previous layer's neurons).
    n_neurons : int
        Number of neurons in this layer, i.e. outputs per sample.
    rng : numpy.random.Generator or int or None, optional
        Source of the initial weights; an int is used as a seed.
    weight_scale : float or {"he", "glorot"}, default 0.01
        Standard deviation of the initial weights, or the name of a rule that
        picks it from the layer's size (notebook 11).
    weight_l1, weight_l2, bias_l1, bias_l2 : float, default 0.0
        Strengths of the L1 and L2 penalties (notebook 16); 0 means none.

    Attributes
    ----------
    weights : ndarray of shape (n_inputs, n_neurons)
    biases : ndarray of shape (1, n_neurons)
    output : ndarray of shape (n_samples, n_neurons)
    dweights, dbiases : ndarrays shaped like weights and biases
    dinputs : ndarray of shape (n_samples, n_inputs)
    """

    def __init__(self, n_inputs, n_neurons, rng=None, weight_scale=0.01,
                 weight_l1=0.0, weight_l2=0.0, bias_l1=0.0, bias_l2=0.0):
        """Random weights (one column per neuron), zero biases, and the penalties."""
        scale = initial_scale(weight_scale, n_inputs, n_neurons)
        rng = np.random.default_rng(rng)
        self.weights = scale * rng.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))
        self.weight_l1 = check_hyperparameter("DenseLayer", "weight_l1", weight_l1)
        self.weight_l2 = check_hyperparameter("DenseLayer", "weight_l2", weight_l2)
        self.bias_l1 = check_hyperparameter("DenseLayer", "bias_l1", bias_l1)
        self.bias_l2 = check_hyperparameter("DenseLayer", "bias_l2", bias_l2)

    def forward(self, inputs):
        """``inputs @ weights + biases``: (n_samples, n_inputs) -> (n_samples, n_neurons)."""
        inputs = check_inputs("DenseLayer", inputs, n_features=len(self.weights))
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases
        return self.output

    def backward(self, dvalues):
        """Gradients of the weights, biases and inputs, from ``dvalues`` (n_samples, n_neurons).

        Each penalty adds its own slope: L1's is ``sign(w)``, L2's is ``2 w``.
        """
        check_forward_done(self)
        self.dweights = self.inputs.T @ dvalues          # (n_inputs, n_neurons)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        if self.weight_l1 > 0:
            self.dweights += self.weight_l1 * np.sign(self.weights)
        if self.weight_l2 > 0:
            self.dweights += 2 * self.weight_l2 * self.weights
        if self.bias_l1 > 0:
            self.dbiases += self.bias_l1 * np.sign(self.biases)
        if self.bias_l2 > 0:
            self.dbiases += 2 * self.bias_l2 * self.biases
        self.dinputs = dvalues @ self.weights.T          # (n_samples, n_inputs)
        return self.dinputs

    def parameters(self):
        """``(name, value, gradient)`` for each parameter array, for optimizers.

        The arrays are the layer's own (no copies), so updating ``value`` in
        place trains the layer. Call it after ``backward``.
        """
        return [("weights", self.weights, self.dweights),
                ("biases", self.biases, self.dbiases)]

    def regularization_loss(self):
        """The L1 (``sum |w|``) and L2 (``sum w**2``) penalties, added to the loss."""
        penalty = 0.0
        if self.weight_l1 > 0:
            penalty += self.weight_l1 * np.sum(np.abs(self.weights))
        if self.weight_l2 > 0:
            penalty += self.weight_l2 * np.sum(self.weights ** 2)
        if self.bias_l1 > 0:
            penalty += self.bias_l1 * np.sum(np.abs(self.biases))
        if self.bias_l2 > 0:
            penalty += self.bias_l2 * np.sum(self.biases ** 2)
        return float(penalty)

    def __repr__(self):
        n_inputs, n_neurons = self.weights.shape
        return f"DenseLayer(n_inputs={n_inputs}, n_neurons={n_neurons})"


# ---------------------------------------------------------------------------
# Notebook 02: ReLU
# ---------------------------------------------------------------------------


class ReLU:
    """Rectified linear unit: ``max(0, x)`` for every value.

    Notebook 02 introduces it, notebook 08 adds ``backward``.

    Attributes
    ----------
    inputs, output : ndarray of shape (n_samples, n_features)
        The last batch seen by ``forward`` and its result.
    dinputs : ndarray of shape (n_samples, n_features)
        The last result of ``backward``.
    """

    def forward(self, inputs):
        """``max(0, x)`` for every value x of the batch (n_samples, n_features)."""
        inputs = check_inputs("ReLU", inputs)
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output

    def backward(self, dvalues):
        """The slope of ``max(0, x)`` is 1 where x > 0 and 0 elsewhere (0 at x = 0)."""
        check_forward_done(self)
        self.dinputs = dvalues * (self.inputs > 0)
        return self.dinputs

    def __repr__(self):
        return "ReLU()"


# ---------------------------------------------------------------------------
# Notebook 03: softmax
# ---------------------------------------------------------------------------


class Softmax:
    """Turn each row of scores into probabilities that sum to 1.

    ``softmax(z)_j = exp(z_j) / sum_k exp(z_k)``. Notebook 03 introduces it,
    notebook 09 adds ``backward``.

    Attributes
    ----------
    output : ndarray of shape (n_samples, n_classes)
        The last probabilities; every row sums to 1.
    dinputs : ndarray of shape (n_samples, n_classes)
        The last result of ``backward``.
    """

    def forward(self, inputs):
        """Exponentiate and normalise each row of scores (n_samples, n_classes)."""
        inputs = check_inputs("Softmax", inputs)
        # exp(z - max z) / sum exp(z - max z) is the same number, because
        # exp(-max z) cancels, but no exponent is above 0, so exp cannot overflow.
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        return self.output

    def backward(self, dvalues):
        """Multiply each sample's gradient by that sample's softmax Jacobian.

        ``d p_i / d z_j = p_i * (delta_ij - p_j)``: as a matrix,
        ``diag(p) - p p^T``, shape (n_classes, n_classes), one per sample.
        """
        check_forward_done(self)
        self.dinputs = np.empty_like(dvalues)
        for i in range(len(dvalues)):
            p = self.output[i].reshape(-1, 1)         # a column, (n_classes, 1)
            jacobian = np.diagflat(p) - p @ p.T       # (n_classes, n_classes)
            self.dinputs[i] = jacobian @ dvalues[i]
        return self.dinputs

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


def forward_pass(layers, inputs):
    """Feed ``inputs`` through each layer in turn and return the last output.

    Introduced in notebook 04.

    Parameters
    ----------
    layers : list
        The network in order, e.g. ``[dense1, relu, dense2]``.
    inputs : array_like of shape (n_samples, n_features)

    Returns
    -------
    ndarray of shape (n_samples, n_outputs)
    """
    output = inputs
    for layer in layers:
        output = layer.forward(output)
    return output


# ---------------------------------------------------------------------------
# Notebook 05: categorical cross-entropy
# ---------------------------------------------------------------------------


class CategoricalCrossEntropy:
    """Mean negative log of the probability given to the correct class.

    ``loss = mean over samples of -sum_j y_j * log(p_j)``: with one-hot labels
    only the correct class's term is left, ``-log(p_correct)``. A confident
    right answer costs nearly 0, a confident wrong one a lot, and a uniform
    guess over k classes ``ln k``. Introduced in notebook 05.

    Attributes
    ----------
    clipped : ndarray of shape (n_samples, n_classes)
        The last predictions, clipped to [1e-7, 1 - 1e-7].
    y_true : ndarray of shape (n_samples,) or (n_samples, n_classes)
        The last labels.
    sample_losses : ndarray of shape (n_samples,)
        The loss of each sample in the last batch.
    output : float
        The last mean loss.
    dinputs : ndarray of shape (n_samples, n_classes)
        Gradient of the mean loss with respect to the predictions.
    """

    def forward(self, y_pred, y_true):
        """Compute the mean loss of a batch of predictions.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_classes)
            Predicted probabilities, e.g. a ``Softmax`` output.
        y_true : array_like of shape (n_samples,) or (n_samples, n_classes)
            Class indices (sparse labels) or one-hot rows.

        Returns
        -------
        float
            The mean loss, also kept as ``self.output``.
        """
        y_pred = check_probabilities("CategoricalCrossEntropy", y_pred)
        y_true = check_labels("CategoricalCrossEntropy", y_true, *y_pred.shape)
        # log(0) is -inf, and one -inf makes the mean -inf: keep every
        # probability a hair away from 0 (and symmetrically from 1).
        self.clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        self.y_true = y_true
        if y_true.ndim == 1:
            # Sparse labels: pick each row's probability of its correct class.
            correct = self.clipped[np.arange(len(y_true)), y_true]
            self.sample_losses = -np.log(correct)
        else:
            # One-hot rows: the zeros cancel every class but the correct one.
            self.sample_losses = -np.sum(y_true * np.log(self.clipped), axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """Gradient of the last mean loss with respect to the predictions.

        A loss ends the chain, so there is no incoming gradient: this uses
        what ``forward`` kept. ``d(-log p)/dp = -1/p`` for the correct class,
        and 1/n_samples because the loss is a mean.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_classes = self.clipped.shape
        y_true = self.y_true
        if y_true.ndim == 1:
            # Row i of the identity matrix is the one-hot vector of class i.
            y_true = np.eye(n_classes)[y_true]
        # Dividing by the clipped value keeps the gradient finite when a
        # prediction is exactly 0.
        self.dinputs = -y_true / self.clipped / n_samples
        return self.dinputs

    def __repr__(self):
        return "CategoricalCrossEntropy()"


# ---------------------------------------------------------------------------
# Notebook 06: accuracy
# ---------------------------------------------------------------------------


def accuracy(y_pred, y_true):
    """Fraction of samples whose highest-scoring class is the correct one.

    Introduced in notebook 06. Unlike the loss, it ignores how confident a
    prediction is: only which class wins counts.

    Parameters
    ----------
    y_pred : array_like of shape (n_samples, n_classes)
        Probabilities or raw scores; only the largest of each row matters.
    y_true : array_like of shape (n_samples,) or (n_samples, n_classes)
        Class indices or one-hot rows.

    Returns
    -------
    float
        Between 0 and 1.
    """
    y_pred = check_inputs("accuracy", y_pred)
    y_true = check_labels("accuracy", y_true, *y_pred.shape)
    if y_true.ndim == 2:
        y_true = np.argmax(y_true, axis=1)
    return float(np.mean(np.argmax(y_pred, axis=1) == y_true))


# ---------------------------------------------------------------------------
# Notebook 07: derivatives
# ---------------------------------------------------------------------------


def numerical_gradient(f, x, h=1e-5):
    """Estimate the gradient of ``f`` at ``x`` by centred differences.

    ``df/dx_i ~ (f(x + h e_i) - f(x - h e_i)) / (2 h)``, one element at a
    time. The error shrinks like ``h**2`` (a one-sided difference: like ``h``)
    until rounding takes over, which is why ``h`` is about 1e-5 in float64.
    Introduced in notebook 07.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a number. It may also ignore its argument and read
        ``x`` through other references (e.g. a layer's ``weights``).
    x : ndarray of floats, any shape
        Where to take the gradient. Each element is nudged **in place** and
        put back exactly, so ``x`` can be a layer's own parameter array.
        Use float64 (NumPy's default): in float32 a nudge of 1e-5 is lost
        in rounding.
    h : float, default 1e-5
        The nudge.

    Returns
    -------
    ndarray of the same shape as x
        The estimated partial derivatives, in float64.
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(
            f"numerical_gradient expects x as a NumPy array of floats (it is "
            f"nudged in place), got {type(x).__name__}"
            + (f" of dtype {x.dtype}" if isinstance(x, np.ndarray) else "")
        )
    if not h > 0:
        raise ValueError(f"numerical_gradient expects a positive step h, got {h!r}")
    gradient = np.zeros(x.shape)
    # A loop over the elements, not over samples: each element needs two
    # evaluations of f of its own, which is why this is slow and used only to check.
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        f_plus = _scalar(f(x))
        x[index] = original - h
        f_minus = _scalar(f(x))
        x[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient


def _scalar(value):
    """``float(value)``, with a clear error when ``f`` returns an array."""
    if np.size(value) != 1:
        raise ValueError(
            f"numerical_gradient expects f to return one number, "
            f"got an array of shape {np.shape(value)}"
        )
    return float(np.asarray(value).item())


def vertical_data(samples=100, classes=3, *, seed=0):
    """Make the book's "vertical" data set: one Gaussian blob per class.

    Classes are easy to separate here, which makes it the data set on which
    notebook 07 shows that even random search struggles. A seeded wrapper of
    ``nnfs.datasets.vertical_data``, like ``spiral_data``.

    Parameters
    ----------
    samples : int, default 100
        Points per class.
    classes : int, default 3
        Number of blobs, one class each, side by side along x[0].
    seed : int, default 0

    Returns
    -------
    X : ndarray of shape (samples * classes, 2)
    y : ndarray of shape (samples * classes,)
        Integer labels, in blocks of ``samples``.
    """
    samples = check_size("samples", samples)
    classes = check_size("classes", classes)
    return _call_seeded(_nnfs_datasets.vertical_data, seed, samples, classes)


# ---------------------------------------------------------------------------
# Notebook 09: softmax and cross-entropy together
# ---------------------------------------------------------------------------


class SoftmaxCrossEntropy:
    """Softmax followed by categorical cross-entropy, as one step.

    Together their gradient with respect to the scores is simply
    ``(probabilities - one_hot_labels) / n_samples``: no Jacobian, no
    division by a probability. Introduced in notebook 09.

    Attributes
    ----------
    output : ndarray of shape (n_samples, n_classes)
        The last probabilities (the softmax of the scores).
    y_true : ndarray of shape (n_samples,) or (n_samples, n_classes)
        The last labels.
    sample_losses : ndarray of shape (n_samples,)
        The loss of each sample in the last batch.
    dinputs : ndarray of shape (n_samples, n_classes)
        Gradient of the mean loss with respect to the scores.
    """

    def forward(self, inputs, y_true):
        """Softmax of the scores (n_samples, n_classes), then the mean cross-entropy.

        Returns the mean loss, a float; the probabilities are kept as ``self.output``.
        """
        inputs = check_inputs("SoftmaxCrossEntropy", inputs)
        self.y_true = check_labels("SoftmaxCrossEntropy", y_true, *inputs.shape)
        shifted = inputs - np.max(inputs, axis=1, keepdims=True)
        exp_values = np.exp(shifted)
        sums = np.sum(exp_values, axis=1, keepdims=True)
        self.output = exp_values / sums
        # log p = shifted - log(sums): the same number as np.log(self.output),
        # but finite even where p rounds to 0, so no clipping is needed.
        log_p = shifted - np.log(sums)
        if self.y_true.ndim == 1:
            self.sample_losses = -log_p[np.arange(len(inputs)), self.y_true]
        else:
            self.sample_losses = -np.sum(self.y_true * log_p, axis=1)
        return float(np.mean(self.sample_losses))

    def backward(self):
        """``(p - y) / n_samples``, with y the one-hot labels: (n_samples, n_classes)."""
        check_forward_done(self)
        n_samples, n_classes = self.output.shape
        y_true = self.y_true
        if y_true.ndim == 1:
            y_true = np.eye(n_classes)[y_true]       # row i of the identity is class i
        self.dinputs = (self.output - y_true) / n_samples
        return self.dinputs

    def __repr__(self):
        return "SoftmaxCrossEntropy()"


# ---------------------------------------------------------------------------
# Notebook 10: gradient checking
# ---------------------------------------------------------------------------


def relative_error(analytic, numerical, tiny=1e-12):
    """Relative error ``|a - n| / max(|a| + |n|, tiny)`` of two gradients.

    Scale-free, unlike ``|a - n|``: 1e-7 means "agrees to about 7 digits"
    whether the gradient is 1e3 or 1e-3. For arrays, ``|.|`` is the vector
    length (Euclidean norm): element by element, a gradient entry of 1e-6
    would show the finite differences' rounding noise (about 1e-11) as a
    large relative error although nothing is wrong. ``tiny`` only avoids
    0 / 0 when both are exactly 0. Introduced in notebook 10.

    Parameters
    ----------
    analytic, numerical : float or array_like of the same shape

    Returns
    -------
    float
        Between 0 (equal) and 1.
    """
    analytic = np.asarray(analytic, dtype=np.float64)
    numerical = np.asarray(numerical, dtype=np.float64)
    if analytic.shape != numerical.shape:
        raise ValueError(
            f"relative_error expects two arrays of the same shape, "
            f"got {analytic.shape} and {numerical.shape}"
        )
    difference = np.linalg.norm(analytic - numerical)
    size = np.linalg.norm(analytic) + np.linalg.norm(numerical)
    return float(difference / max(size, tiny))


def total_penalty(layers):
    """The L1 and L2 penalties of all the layers that have them (0.0 if none).

    Introduced in notebook 16: training minimises the data loss plus this.

    Parameters
    ----------
    layers : list
        The network; layers with a ``regularization_loss()`` method count.

    Returns
    -------
    float
    """
    return sum(layer.regularization_loss() for layer in layers
               if hasattr(layer, "regularization_loss"))


def gradient_check(layers, loss, X, y, *, h=1e-5):
    """Compare backpropagation with centred differences for every parameter.

    Runs one forward and backward pass for the analytic gradients, then
    ``numerical_gradient`` on each parameter array of each layer. Introduced
    in notebook 10; notebook 16 adds the penalties: the loss checked is the
    data loss plus ``total_penalty(layers)``, the sum training minimises.
    Rough guide to the relative errors: below 1e-7 is right; around 1e-4
    look closer (a ReLU input near its kink); 1e-2 or more is a bug.

    Parameters
    ----------
    layers : list
        The network in order, e.g. ``[dense1, relu, dense2]``. Layers with a
        ``parameters()`` method are checked.
    loss : SoftmaxCrossEntropy or CategoricalCrossEntropy
        Called as ``loss.forward(last_output, y)``, then ``loss.backward()``.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,) or (n_samples, n_classes)
    h : float, default 1e-5
        The nudge for the centred differences.

    Returns
    -------
    dict of str to float
        The relative error of each parameter array (see ``relative_error``),
        keyed ``"layers[0].weights"``, ``"layers[0].biases"``, ...
    """
    def forward_loss(_=None):
        values = X
        for layer in layers:
            values = layer.forward(values)
        # The penalties are part of what training minimises and of what
        # backward's gradients include, so they are checked too.
        return loss.forward(values, y) + total_penalty(layers)

    forward_loss()
    dvalues = loss.backward()
    for layer in reversed(layers):
        dvalues = layer.backward(dvalues)
    errors = {}
    for index, layer in enumerate(layers):
        if not hasattr(layer, "parameters"):
            continue  # ReLU, Softmax: nothing to learn, nothing to check
        for name, value, gradient in layer.parameters():
            # forward_loss() only runs forward passes, so `gradient` still
            # holds the analytic result while `value` is nudged.
            numerical = numerical_gradient(forward_loss, value, h)
            errors[f"layers[{index}].{name}"] = relative_error(gradient, numerical)
    return errors


# ---------------------------------------------------------------------------
# Notebook 11: stochastic gradient descent and the training loop
# ---------------------------------------------------------------------------


def initial_scale(weight_scale, n_inputs, n_neurons):
    """Standard deviation of a dense layer's starting weights.

    Introduced in notebook 11. ``"he"`` gives ``sqrt(2 / n_inputs)`` (He et
    al., 2015), which keeps the spread of the values about the same from layer
    to layer through ReLUs; ``"glorot"`` gives ``sqrt(2 / (n_inputs +
    n_neurons))`` (Glorot and Bengio, 2010), the same idea for layers without
    ReLU. A number is used as given (the book's is 0.01).

    Parameters
    ----------
    weight_scale : float or {"he", "glorot"}
    n_inputs, n_neurons : int
        The layer's size; the weights have shape (n_inputs, n_neurons).

    Returns
    -------
    float
    """
    check_size("n_inputs", n_inputs)
    check_size("n_neurons", n_neurons)
    if weight_scale == "he":
        return math.sqrt(2 / n_inputs)
    if weight_scale == "glorot":
        return math.sqrt(2 / (n_inputs + n_neurons))
    if isinstance(weight_scale, str):
        raise ValueError(
            f'DenseLayer: weight_scale must be a number, "he" or "glorot", '
            f"got {weight_scale!r}")
    return check_hyperparameter("DenseLayer", "weight_scale", weight_scale, positive=True)


def train(layers, optimizer, X, y, epochs, *, record=None, progress=True):
    """Full-batch training of a classifier; returns what each epoch measured.

    Each epoch: forward pass, loss, backward pass, optimizer step. The loss
    and accuracy recorded for an epoch belong to the weights *before* its
    step, as in the book. Introduced in notebook 11.

    Parameters
    ----------
    layers : list
        The network, its last layer giving raw scores (n_samples, n_classes).
    optimizer : Optimizer
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Class indices.
    epochs : int
    record : callable, optional
        ``record(layers)`` is called before each step; its value is appended
        to ``history["record"]`` (notebook 12 counts live neurons with it).
    progress : bool, default True
        Show a progress bar.

    Returns
    -------
    dict of str to list
        ``"loss"``, ``"accuracy"`` and ``"learning_rate"`` per epoch (and
        ``"record"`` when ``record`` is given).

    Raises
    ------
    FloatingPointError
        If the loss stops being a finite number or grows to more than 100
        times the first epoch's: training diverged.
    """
    loss_function = SoftmaxCrossEntropy()
    history = {"loss": [], "accuracy": [], "learning_rate": [], "record": []}
    for epoch in tqdm(range(epochs), desc="training", disable=not progress):
        loss = loss_function.forward(forward_pass(layers, X), y)
        history["loss"].append(loss)
        check_loss(loss, epoch, first_loss=history["loss"][0])
        history["accuracy"].append(accuracy(loss_function.output, y))
        history["learning_rate"].append(optimizer.current_learning_rate)
        if record is not None:
            history["record"].append(record(layers))
        gradient = loss_function.backward()
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)
    return history


def evaluate(layers, X, y):
    """Loss and accuracy of a classifier as it is now, without training it.

    Introduced in notebook 11.

    Parameters
    ----------
    layers : list
        The network, its last layer giving raw scores.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)

    Returns
    -------
    (float, float)
        The mean loss and the accuracy.
    """
    loss_function = SoftmaxCrossEntropy()
    loss = loss_function.forward(forward_pass(layers, X), y)
    return loss, accuracy(loss_function.output, y)


def check_loss(loss, epoch, first_loss=None):
    """Raise a clear error if training has diverged.

    Called by the training loops, once per step or per epoch: every number
    the network computes flows into the loss, so a blow-up anywhere shows
    here. Diverged means the loss is NaN or infinite, or, when ``first_loss``
    is given, more than 100 times it (a healthy loss falls; an epoch's loss
    that has grown a hundredfold does not come back). A loss that started
    below 1 (a trained model, trained on) may wander up a little without
    harm, so that limit is never below 100.

    Parameters
    ----------
    loss : float
    epoch : int
        Named in the message.
    first_loss : float, optional
        The loss training started from (its first step's, or before any step).

    Raises
    ------
    FloatingPointError
        If the loss is not finite, or more than 100 times ``first_loss``
        (and more than 100).
    """
    if math.isfinite(loss) and (first_loss is None or loss <= 100 * max(first_loss, 1.0)):
        return
    start = "" if first_loss is None else f" (it started at {first_loss:.4g})"
    raise FloatingPointError(
        f"the loss became {loss:.4g} at epoch {epoch}{start}: "
        f"training diverged. The usual cause is a learning rate too large for "
        f"this network: try a smaller learning rate (10 times smaller is a good "
        f"first try). Non-finite values in the data do the same: check X.")


def check_hyperparameter(owner, name, value, *, positive=False, below_one=False):
    """Return ``value`` as a float if it is a valid hyperparameter, else raise.

    Parameters
    ----------
    owner : str
        The optimizer checking (``"SGD"``), named in the message.
    name : str
        The argument's name (``"learning_rate"``).
    value : float
        Must be a finite real number, at least 0.
    positive : bool, default False
        Also refuse 0 (a learning rate or an epsilon of 0 does nothing useful).
    below_one : bool, default False
        Also refuse 1 and more (a momentum or a beta of 1 never forgets).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If it is NaN, infinite or outside the allowed range. (An infinite
        learning rate or decay would not fail loudly: ``decay=inf`` makes every
        step after the first a step of size 0, and training silently stops.)
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{owner}: {name} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{owner}: {name} must be a finite number, got {value!r}")
    if below_one and not 0 <= value < 1:
        raise ValueError(f"{owner}: {name} must be in [0, 1), got {value!r}")
    if positive and not value > 0:
        raise ValueError(f"{owner}: {name} must be positive, got {value!r}")
    if not value >= 0:  # also catches NaN, which fails every comparison
        raise ValueError(f"{owner}: {name} must be zero or positive, got {value!r}")
    return value


class Optimizer:
    """What every optimizer shares: the update loop and learning-rate decay.

    A subclass says how one parameter array changes (``update``) and what it
    remembers about it between steps (``new_state``). Introduced in notebook 11.

    Parameters
    ----------
    learning_rate : float
        The step size at the start, > 0.
    decay : float
        After ``t`` steps the learning rate is
        ``learning_rate / (1 + decay * t)``: large steps first, finer later.

    Attributes
    ----------
    current_learning_rate : float
        The learning rate the next step will use.
    iterations : int
        Steps taken so far.
    state : dict
        What the optimizer remembers, per layer and parameter:
        ``state[layer][name]`` is a dict of arrays shaped like the parameter.
        It lives here, keyed by the layer object, not on the layers.
    """

    def __init__(self, learning_rate, decay):
        owner = type(self).__name__
        self.learning_rate = check_hyperparameter(owner, "learning_rate", learning_rate,
                                                  positive=True)
        self.decay = check_hyperparameter(owner, "decay", decay)
        self.current_learning_rate = self.learning_rate
        self.iterations = 0
        self.state = {}

    def step(self, layers):
        """Update every layer that has parameters, using its last gradients.

        Call it once per batch, after the backward pass.

        Parameters
        ----------
        layers : list
            The network's layers, e.g. ``[dense1, relu, dense2]``; layers
            without a ``parameters()`` method (``ReLU``, ``Softmax``) are skipped.
        """
        for layer in layers:
            if not hasattr(layer, "parameters"):
                continue
            check_backward_done(layer)
            layer_state = self.state.setdefault(layer, {})
            for name, value, gradient in layer.parameters():
                if name not in layer_state:
                    layer_state[name] = self.new_state(value)
                self.update(value, gradient, layer_state[name])
        self.iterations += 1
        self.current_learning_rate = self.learning_rate / (1 + self.decay * self.iterations)

    def new_state(self, value):
        """What to remember about a new parameter array: nothing by default.

        Parameters
        ----------
        value : ndarray
            The parameter array.

        Returns
        -------
        dict of str to ndarray
        """
        return {}

    def update(self, value, gradient, state):
        """Change one parameter array in place; each optimizer says how.

        Parameters
        ----------
        value : ndarray
            The parameter array, updated in place.
        gradient : ndarray of the same shape
        state : dict of str to ndarray
            What ``new_state`` made for this array, updated in place.
        """
        raise NotImplementedError(f"{type(self).__name__} must define update()")


class SGD(Optimizer):
    """Stochastic gradient descent, with optional decay and momentum.

    Plain SGD steps against the gradient: ``value -= learning_rate * gradient``.
    With momentum, each step also carries on a fraction of the previous one,
    which rolls through small bumps and shallow local minima. Introduced in
    notebook 11 (decay and momentum in notebook 12).

    Parameters
    ----------
    learning_rate : float, default 1.0
    decay : float, default 0.0
        See ``Optimizer``.
    momentum : float, default 0.0
        In [0, 1): the fraction of the previous step that is kept.
    """

    def __init__(self, learning_rate=1.0, decay=0.0, momentum=0.0):
        super().__init__(learning_rate, decay)
        self.momentum = check_hyperparameter("SGD", "momentum", momentum, below_one=True)

    def new_state(self, value):
        """Momentum needs the previous step of each parameter, starting at 0."""
        return {"velocity": np.zeros_like(value)} if self.momentum else {}

    def update(self, value, gradient, state):
        """``velocity = momentum * velocity - lr * gradient; value += velocity``."""
        if self.momentum:
            velocity = state["velocity"]
            velocity *= self.momentum
            velocity -= self.current_learning_rate * gradient
            value += velocity
        else:
            value -= self.current_learning_rate * gradient

    def __repr__(self):
        return (f"SGD(learning_rate={self.learning_rate}, decay={self.decay}, "
                f"momentum={self.momentum})")


class Point:
    """A stand-in for a layer in toy problems: one parameter array and its gradient.

    Optimizers update anything with a ``parameters()`` method, so a point on a
    toy landscape can be trained like a layer. Introduced in notebook 12.

    Attributes
    ----------
    w : ndarray
        The parameters (a copy of ``start``, as floats).
    dw : ndarray of the same shape
        Their gradient, set by whoever computes it.
    """

    def __init__(self, start):
        self.w = np.array(start, dtype=float)
        self.dw = np.zeros_like(self.w)

    def parameters(self):
        """``[("w", w, dw)]``, as a layer's ``parameters()`` lists its arrays."""
        return [("w", self.w, self.dw)]


def descend(optimizer, gradient, start, steps=50):
    """Follow a toy landscape's gradient from ``start``; return the path.

    Introduced in notebook 12 (notebook 13 uses it again).

    Parameters
    ----------
    optimizer : Optimizer
    gradient : callable
        ``gradient(w)`` returns the slope at ``w``, an array shaped like ``w``.
    start : array_like of shape (n,)
    steps : int, default 50

    Returns
    -------
    ndarray of shape (steps + 1, n)
        The point before the first step and after each step.
    """
    point = Point(start)
    path = [point.w.copy()]
    for _ in range(steps):
        point.dw[:] = gradient(point.w)
        optimizer.step([point])
        path.append(point.w.copy())
    return np.array(path)


# ---------------------------------------------------------------------------
# Notebook 13: per-parameter learning rates
# ---------------------------------------------------------------------------


class AdaGrad(Optimizer):
    """SGD with a learning rate per parameter, shrinking as its gradients add up.

    ``cache += gradient**2``; ``value -= lr * gradient / (sqrt(cache) + epsilon)``.
    Parameters that got large gradients take smaller steps from then on.
    Introduced in notebook 13.

    Parameters
    ----------
    learning_rate : float, default 1.0
    decay : float, default 0.0
        See ``Optimizer``.
    epsilon : float, default 1e-7
        Keeps the division finite while the cache is 0.
    """

    def __init__(self, learning_rate=1.0, decay=0.0, epsilon=1e-7):
        super().__init__(learning_rate, decay)
        self.epsilon = check_hyperparameter("AdaGrad", "epsilon", epsilon, positive=True)

    def new_state(self, value):
        """The running sum of squared gradients, starting at 0."""
        return {"cache": np.zeros_like(value)}

    def update(self, value, gradient, state):
        """Add the squared gradient to the cache, then take a scaled step."""
        cache = state["cache"]
        cache += gradient ** 2
        value -= self.current_learning_rate * gradient / (np.sqrt(cache) + self.epsilon)

    def __repr__(self):
        return (f"AdaGrad(learning_rate={self.learning_rate}, decay={self.decay}, "
                f"epsilon={self.epsilon})")


class RMSProp(Optimizer):
    """AdaGrad with a cache that forgets: a moving average of squared gradients.

    ``cache = rho * cache + (1 - rho) * gradient**2``;
    ``value -= lr * gradient / (sqrt(cache) + epsilon)``. Unlike AdaGrad's,
    the steps do not shrink for ever. Introduced in notebook 13.

    Parameters
    ----------
    learning_rate : float, default 0.001
    decay : float, default 0.0
        See ``Optimizer``.
    epsilon : float, default 1e-7
    rho : float, default 0.9
        In [0, 1): how much of the cache is kept at each step.
    """

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, rho=0.9):
        super().__init__(learning_rate, decay)
        self.epsilon = check_hyperparameter("RMSProp", "epsilon", epsilon, positive=True)
        self.rho = check_hyperparameter("RMSProp", "rho", rho, below_one=True)

    def new_state(self, value):
        """The moving average of squared gradients, starting at 0."""
        return {"cache": np.zeros_like(value)}

    def update(self, value, gradient, state):
        """Blend the squared gradient into the cache, then take a scaled step."""
        cache = state["cache"]
        cache *= self.rho
        cache += (1 - self.rho) * gradient ** 2
        value -= self.current_learning_rate * gradient / (np.sqrt(cache) + self.epsilon)

    def __repr__(self):
        return (f"RMSProp(learning_rate={self.learning_rate}, decay={self.decay}, "
                f"epsilon={self.epsilon}, rho={self.rho})")


# ---------------------------------------------------------------------------
# Notebook 14: Adam
# ---------------------------------------------------------------------------


class Adam(Optimizer):
    """Momentum and RMSProp together, with bias correction.

    ``m`` (momentum) is a moving average of the gradients and ``v`` (cache)
    one of their squares. Both start at 0, so early on they are too small;
    dividing by ``1 - beta**t`` after ``t`` steps corrects that exactly.
    Introduced in notebook 14.

    Parameters
    ----------
    learning_rate : float, default 0.001
    decay : float, default 0.0
        See ``Optimizer``.
    epsilon : float, default 1e-7
    beta_1 : float, default 0.9
        In [0, 1): how much of the momentum is kept at each step.
    beta_2 : float, default 0.999
        In [0, 1): how much of the cache is kept at each step.
    """

    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, beta_1=0.9,
                 beta_2=0.999):
        super().__init__(learning_rate, decay)
        self.epsilon = check_hyperparameter("Adam", "epsilon", epsilon, positive=True)
        self.beta_1 = check_hyperparameter("Adam", "beta_1", beta_1, below_one=True)
        self.beta_2 = check_hyperparameter("Adam", "beta_2", beta_2, below_one=True)

    def new_state(self, value):
        """Moving averages of the gradients and of their squares, starting at 0."""
        return {"momentum": np.zeros_like(value), "cache": np.zeros_like(value)}

    def update(self, value, gradient, state):
        """Update both averages, correct their bias, then take a scaled step."""
        state["momentum"] = self.beta_1 * state["momentum"] + (1 - self.beta_1) * gradient
        state["cache"] = self.beta_2 * state["cache"] + (1 - self.beta_2) * gradient ** 2
        t = self.iterations + 1  # this is step number t, counting from 1
        momentum_hat = state["momentum"] / (1 - self.beta_1 ** t)
        cache_hat = state["cache"] / (1 - self.beta_2 ** t)
        value -= self.current_learning_rate * momentum_hat / (np.sqrt(cache_hat) + self.epsilon)

    def __repr__(self):
        return (f"Adam(learning_rate={self.learning_rate}, decay={self.decay}, "
                f"epsilon={self.epsilon}, beta_1={self.beta_1}, beta_2={self.beta_2})")


# ---------------------------------------------------------------------------
# Notebook 15: validation
# ---------------------------------------------------------------------------


def train_with_validation(layers, optimizer, X, y, X_val, y_val, epochs, *, every=100,
                          measure=evaluate, record=None):
    """``train``, pausing every ``every`` epochs to measure both data sets.

    Each measurement comes after an optimizer step, never between a forward
    and a backward pass: a forward pass on other data would replace the inputs
    the layers keep for ``backward``. Introduced in notebook 15.

    Parameters
    ----------
    layers, optimizer, X, y, epochs
        As for ``train``.
    X_val, y_val
        The validation set: measured, never trained on.
    every : int, default 100
        Epochs between two measurements; the last epoch is always measured.
    measure : callable, default evaluate
        ``measure(layers, X, y) -> (loss, accuracy)`` (notebook 17 passes one
        that switches dropout off).
    record : callable, optional
        ``record(layers)`` is called at each measurement; its value is appended
        to ``history["record"]`` (notebook 16 records the penalty with it).

    Returns
    -------
    dict of str to list
        At each measurement: ``"epoch"``, ``"loss"``, ``"accuracy"``,
        ``"val_loss"``, ``"val_accuracy"`` (and ``"record"``). For every epoch,
        ``train``'s figures from before its step: ``"step_loss"`` and
        ``"step_accuracy"``.
    """
    history = {"epoch": [], "loss": [], "accuracy": [], "val_loss": [], "val_accuracy": [],
               "record": [], "step_loss": [], "step_accuracy": []}
    for done in range(0, epochs, every):
        n_epochs = min(every, epochs - done)
        steps = train(layers, optimizer, X, y, n_epochs, progress=False)
        history["step_loss"] += steps["loss"]
        history["step_accuracy"] += steps["accuracy"]
        loss, acc = measure(layers, X, y)  # after the step, never in between
        val_loss, val_acc = measure(layers, X_val, y_val)
        for key, value in zip(["epoch", "loss", "accuracy", "val_loss", "val_accuracy"],
                              [done + n_epochs, loss, acc, val_loss, val_acc], strict=True):
            history[key].append(value)
        if record is not None:
            history["record"].append(record(layers))
    return history


# ---------------------------------------------------------------------------
# Notebook 17: dropout
# ---------------------------------------------------------------------------


class Dropout:
    """Switch off a random fraction of the values while training.

    Inverted dropout: each value is kept with probability ``1 - rate`` and
    then divided by ``1 - rate``, so its expected value is unchanged and
    nothing needs rescaling at inference, where the layer passes its inputs
    through untouched. Introduced in notebook 17.

    Parameters
    ----------
    rate : float
        Fraction of values to drop, in [0, 1).
    rng : numpy.random.Generator or int or None, optional
        Source of the masks; an int is used as a seed.

    Attributes
    ----------
    training : bool
        ``True`` (the default) drops values; set it to ``False`` for
        validation and prediction.
    mask : ndarray of shape (n_samples, n_features)
        The last mask: 0 where a value was dropped, ``1 / (1 - rate)`` where kept
        (all ones at inference).
    output : ndarray of shape (n_samples, n_features)
    """

    def __init__(self, rate, *, rng=None):
        self.rate = check_hyperparameter("Dropout", "rate", rate, below_one=True)
        self.rng = np.random.default_rng(rng)
        self.training = True

    def forward(self, inputs):
        """Drop values at random (training) or pass them through (inference).

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Also kept as ``self.output``.
        """
        inputs = check_inputs("Dropout", inputs)
        self.inputs = inputs
        if not self.training or self.rate == 0:
            self.mask = np.ones_like(inputs)
            self.output = inputs
            return self.output
        keep = 1 - self.rate
        # A uniform number below `keep` happens with probability `keep`;
        # dividing by `keep` makes up for the values dropped.
        self.mask = (self.rng.random(inputs.shape) < keep).astype(inputs.dtype) / keep
        self.output = inputs * self.mask
        return self.output

    def backward(self, dvalues):
        """Send the gradient back through the values that were kept.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, n_features)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        self.dinputs = dvalues * self.mask
        return self.dinputs

    def __repr__(self):
        return f"Dropout(rate={self.rate})"


# ---------------------------------------------------------------------------
# Notebook 18: binary logistic regression
# ---------------------------------------------------------------------------


class Sigmoid:
    """Squash each value into (0, 1): ``1 / (1 + exp(-x))``.

    Each output is read as an independent probability, one per output neuron.
    Introduced in notebook 18.

    Attributes
    ----------
    output : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, inputs):
        """Apply the sigmoid to every value, without overflow.

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Values in [0, 1], also kept as ``self.output``.
        """
        inputs = check_inputs("Sigmoid", inputs)
        self.inputs = inputs
        # exp(-x) overflows for x below about -709. With
        # e = exp(-|x|), which is at most 1, the sigmoid is 1 / (1 + e) for
        # x >= 0 and e / (1 + e) for x < 0: the same values, never an overflow.
        e = np.exp(-np.abs(inputs))
        self.output = np.where(inputs >= 0, 1, e) / (1 + e)
        return self.output

    def backward(self, dvalues):
        """The sigmoid's slope is ``s * (1 - s)``, with ``s`` its output.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        self.dinputs = dvalues * self.output * (1 - self.output)
        return self.dinputs

    def __repr__(self):
        return "Sigmoid()"


class BinaryCrossEntropy:
    """Cross-entropy of independent yes/no predictions.

    ``-(y log p + (1 - y) log(1 - p))`` for each output, averaged over the
    outputs of a sample, then over the samples. Introduced in notebook 18.

    Attributes
    ----------
    clipped : ndarray of shape (n_samples, n_outputs)
        The last predictions, clipped to [1e-7, 1 - 1e-7].
    y_true : ndarray of shape (n_samples, n_outputs)
    sample_losses : ndarray of shape (n_samples,)
    output : float
        The last mean loss.
    dinputs : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, y_pred, y_true):
        """Compute the mean loss of a batch of predicted probabilities.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_outputs)
            Probabilities, e.g. a ``Sigmoid`` output.
        y_true : array_like of shape (n_samples, n_outputs)
            Targets in [0, 1], usually 0 or 1.

        Returns
        -------
        float
            Also kept as ``self.output``.
        """
        y_pred = check_inputs("BinaryCrossEntropy", y_pred)
        if y_pred.min() < 0 or y_pred.max() > 1:
            raise ValueError(
                f"BinaryCrossEntropy expects probabilities in [0, 1] (e.g. a Sigmoid "
                f"output), got values from {y_pred.min():.4g} to {y_pred.max():.4g}"
            )
        y_true = check_targets("BinaryCrossEntropy", y_true, y_pred.shape)
        if y_true.min() < 0 or y_true.max() > 1:
            raise ValueError(
                f"BinaryCrossEntropy expects targets in [0, 1], got values from "
                f"{y_true.min():.4g} to {y_true.max():.4g}"
            )
        # As in categorical cross-entropy: log(0) would be -inf.
        self.clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        self.y_true = y_true
        losses = -(y_true * np.log(self.clipped) + (1 - y_true) * np.log(1 - self.clipped))
        self.sample_losses = losses.mean(axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """Gradient of the last mean loss with respect to the predictions.

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_outputs = self.clipped.shape
        p, y = self.clipped, self.y_true
        self.dinputs = -(y / p - (1 - y) / (1 - p)) / n_outputs / n_samples
        return self.dinputs

    def __repr__(self):
        return "BinaryCrossEntropy()"


def train_with_loss(layers, loss_function, metric, X, y, *, optimizer, epochs, every=10):
    """Notebook 11's full-batch loop with any loss and any accuracy.

    Introduced in notebook 18 (binary cross-entropy and ``binary_accuracy``);
    notebook 19 trains regressions with it (mean squared error and
    ``regression_accuracy``). Measured at epoch 1 and every ``every`` epochs,
    each time before that epoch's step.

    Parameters
    ----------
    layers : list
        The network; its last layer gives what ``loss_function`` expects.
    loss_function : object
        ``forward(y_pred, y_true)`` and ``backward()``, e.g. ``BinaryCrossEntropy()``.
    metric : callable
        ``metric(y_pred, y_true) -> float``, e.g. ``binary_accuracy``.
    X, y : ndarray
        The training data and its targets.
    optimizer : Optimizer
    epochs : int
    every : int, default 10

    Returns
    -------
    dict of str to list
        ``"epoch"``, ``"loss"`` (the data loss), ``"regularization_loss"``
        (``total_penalty``) and ``"accuracy"`` at each measured epoch.
    """
    history = {"epoch": [], "loss": [], "regularization_loss": [], "accuracy": []}
    for epoch in range(1, epochs + 1):
        output = forward_pass(layers, X)
        loss = loss_function.forward(output, y)
        check_loss(loss, epoch)
        if epoch % every == 0 or epoch == 1:
            history["epoch"].append(epoch)
            history["loss"].append(loss)
            history["regularization_loss"].append(total_penalty(layers))
            history["accuracy"].append(metric(output, y))
        gradient = loss_function.backward()
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)
    return history


def binary_accuracy(y_pred, y_true):
    """Fraction of yes/no predictions on the right side of 0.5.

    Introduced in notebook 18.

    Parameters
    ----------
    y_pred : array_like of shape (n_samples, n_outputs)
        Probabilities, e.g. a ``Sigmoid`` output.
    y_true : array_like of shape (n_samples, n_outputs)
        Targets, 0 or 1.

    Returns
    -------
    float
    """
    y_pred = check_inputs("binary_accuracy", y_pred)
    y_true = check_targets("binary_accuracy", y_true, y_pred.shape)
    return float(np.mean((y_pred > 0.5) == (y_true > 0.5)))


# ---------------------------------------------------------------------------
# Notebook 19: regression
# ---------------------------------------------------------------------------


class Linear:
    """The identity: a regression network's output layer passes numbers through.

    Introduced in notebook 19.
    """

    def forward(self, inputs):
        """Return the inputs unchanged (kept as ``self.output``).

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
        """
        self.output = check_inputs("Linear", inputs)
        return self.output

    def backward(self, dvalues):
        """The slope of the identity is 1: the gradient passes through.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            ``dvalues`` itself (nothing changes it, so no copy), also kept as
            ``self.dinputs``.
        """
        check_forward_done(self)
        self.dinputs = dvalues
        return self.dinputs

    def __repr__(self):
        return "Linear()"


class MeanSquaredError:
    """Mean of the squared differences between predictions and targets.

    Large errors count much more than small ones. Introduced in notebook 19.

    Attributes
    ----------
    sample_losses : ndarray of shape (n_samples,)
    output : float
    dinputs : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, y_pred, y_true):
        """Compute the mean squared error of a batch.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_outputs)
        y_true : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        float
            Also kept as ``self.output``.
        """
        y_pred = check_inputs("MeanSquaredError", y_pred)
        y_true = check_targets("MeanSquaredError", y_true, y_pred.shape)
        self.errors = y_pred - y_true
        self.sample_losses = np.mean(self.errors ** 2, axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """``d/dp mean((p - y)**2) = 2 (p - y) / n_outputs``, then / n_samples.

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_outputs = self.errors.shape
        self.dinputs = 2 * self.errors / n_outputs / n_samples
        return self.dinputs

    def __repr__(self):
        return "MeanSquaredError()"


class MeanAbsoluteError:
    """Mean of the absolute differences between predictions and targets.

    Every unit of error counts the same, so outliers pull less than with
    ``MeanSquaredError``. Introduced in notebook 19.

    Attributes
    ----------
    sample_losses : ndarray of shape (n_samples,)
    output : float
    dinputs : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, y_pred, y_true):
        """Compute the mean absolute error of a batch.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_outputs)
        y_true : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        float
            Also kept as ``self.output``.
        """
        y_pred = check_inputs("MeanAbsoluteError", y_pred)
        y_true = check_targets("MeanAbsoluteError", y_true, y_pred.shape)
        self.errors = y_pred - y_true
        self.sample_losses = np.mean(np.abs(self.errors), axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """``d/dp |p - y| = sign(p - y)``, then / n_outputs / n_samples.

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_outputs = self.errors.shape
        self.dinputs = np.sign(self.errors) / n_outputs / n_samples
        return self.dinputs

    def __repr__(self):
        return "MeanAbsoluteError()"


def regression_accuracy(y_pred, y_true, tolerance=None):
    """Fraction of predictions within ``tolerance`` of their target.

    Regression has no "right class", so the book counts a prediction as
    right when it is close enough. Introduced in notebook 19.

    Parameters
    ----------
    y_pred : array_like of shape (n_samples, n_outputs)
    y_true : array_like of shape (n_samples, n_outputs)
    tolerance : float, optional
        How close is close enough; by default the book's choice,
        ``np.std(y_true) / 250``.

    Returns
    -------
    float
    """
    y_pred = check_inputs("regression_accuracy", y_pred)
    y_true = check_targets("regression_accuracy", y_true, y_pred.shape)
    if tolerance is None:
        tolerance = np.std(y_true) / 250
    return float(np.mean(np.abs(y_pred - y_true) < tolerance))


def sine_data(samples=1000):
    """Make the book's regression data set: one period of a sine wave.

    No randomness: ``X`` is evenly spaced in [0, 1) and ``y = sin(2 pi X)``.

    Parameters
    ----------
    samples : int, default 1000

    Returns
    -------
    X : ndarray of shape (samples, 1)
    y : ndarray of shape (samples, 1)
    """
    samples = check_size("samples", samples)
    X = np.arange(samples).reshape(-1, 1) / samples
    y = np.sin(2 * np.pi * X)
    return X, y


# ---------------------------------------------------------------------------
# Notebook 20: a Model object
# ---------------------------------------------------------------------------


def check_data(owner, X, y):
    """Return ``X`` and ``y`` as arrays if they are usable data, else raise a clear error.

    ``Model`` checks its data here once, where it enters (``fit``, ``evaluate``,
    ``predict``), instead of every layer scanning every array at every step.

    Parameters
    ----------
    owner : str
        Who is checking (``"Model.fit"``), named in the message.
    X : array_like of shape (n_samples, n_features)
    y : array_like with one label or target per sample

    Returns
    -------
    (ndarray, ndarray)

    Raises
    ------
    TypeError, ValueError
        If ``X`` is not a 2-D batch of finite numbers or ``y`` does not match it.
    """
    X = check_inputs(owner, X)
    if X.dtype.kind == "f" and not np.isfinite(X).all():
        row, col = np.argwhere(~np.isfinite(X))[0]
        raise ValueError(
            f"{owner} got a non-finite value ({X[row, col]}) in X at row {row}, "
            f"column {col}. Check the data for missing values.")
    y = np.asarray(y)
    if y.ndim == 0 or len(y) != len(X):
        raise ValueError(
            f"{owner} got {len(X)} samples in X but "
            f"{'a single value' if y.ndim == 0 else len(y)} in y; "
            f"they must match one to one")
    return X, y


def _count(n, noun):
    """'1 epoch', '3 epochs': a number with its noun, for messages."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _short(value, limit=60):
    """``repr(value)``, cut to ``limit`` characters: a file's text, quoted in a message."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


def _describe(value):
    """A few words on what a value is, for error messages: 'an ndarray of shape (60, 2)'."""
    if isinstance(value, np.ndarray):
        return f"an ndarray of shape {value.shape}"
    if isinstance(value, tuple | list):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__}"


class Model:
    """A network as one object: its layers, loss, optimizer and accuracy.

    Notebook 20 introduces it in five steps: a model that predicts and
    evaluates; ``train_epoch``, one pass of notebook 11's loop in mini-batches;
    ``fit``, which runs the epochs; and what it does with bad inputs and with a
    run that diverges.

    Parameters
    ----------
    layers : list
        The network in order, e.g. ``[DenseLayer(2, 64), ReLU(), DenseLayer(64, 3)]``.
    loss : object
        A loss with ``forward(y_pred, y_true)`` and ``backward()``, e.g.
        ``SoftmaxCrossEntropy()`` (the last layer then outputs raw scores).
    optimizer : Optimizer, optional
        Needed by ``fit`` only; a loaded model predicts without one.
    accuracy : callable, default accuracy
        ``accuracy(y_pred, y_true) -> float``, e.g. ``binary_accuracy``.
    input_scale : float, default 1.0
        Every ``X`` given to ``fit``, ``evaluate`` and ``predict`` is divided
        by it first, so the model takes data as it comes (pixels 0-16 for the
        digits of notebook 21, which use 16) and a saved model remembers it.

    Attributes
    ----------
    history : dict of str to list of float
        The last ``fit``'s per-epoch ``"loss"`` (the data loss),
        ``"regularization_loss"``, ``"accuracy"``, ``"learning_rate"`` and,
        with validation data, ``"val_loss"`` and ``"val_accuracy"``.
    """

    def __init__(self, layers, loss, optimizer=None, accuracy=accuracy, input_scale=1.0):
        if not layers:
            raise ValueError("Model needs at least one layer, got an empty list")
        self.layers = list(layers)
        self.loss = loss
        self.optimizer = optimizer
        self.accuracy = accuracy
        self.input_scale = check_hyperparameter("Model", "input_scale", input_scale,
                                                positive=True)
        self.history = {}

    def forward(self, X, training=False):
        """Run a batch, divided by ``input_scale``, through every layer.

        ``Dropout`` drops values only when training.
        """
        for layer in self.layers:
            if isinstance(layer, Dropout):
                layer.training = training
        return forward_pass(self.layers, X / self.input_scale)

    def loss_and_accuracy(self, X, y, training=False):
        """Forward one batch; return its mean data loss and its accuracy."""
        output = self.forward(X, training)
        loss = self.loss.forward(output, y)
        # SoftmaxCrossEntropy keeps the probabilities; for other losses the
        # last layer's output is the prediction.
        predictions = self.loss.output if isinstance(self.loss, SoftmaxCrossEntropy) else output
        return loss, self.accuracy(predictions, y)

    def evaluate(self, X, y, batch_size=None):
        """Mean data loss and accuracy on ``X``, without training: ``(float, float)``."""
        X, y = check_data("Model.evaluate", X, y)
        batch_size = len(X) if batch_size is None else check_size("batch_size", batch_size)
        total_loss = total_accuracy = 0.0
        for start in range(0, len(X), batch_size):
            X_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            loss, acc = self.loss_and_accuracy(X_batch, y_batch)
            # Weighted by the batch's size: a short last batch counts for what it holds.
            total_loss += loss * len(X_batch)
            total_accuracy += acc * len(X_batch)
        return total_loss / len(X), total_accuracy / len(X)

    def predict(self, X, batch_size=None):
        """The network's outputs for ``X``; probabilities for a softmax classifier."""
        X, _ = check_data("Model.predict", X, np.zeros(len(np.asarray(X))))
        batch_size = len(X) if batch_size is None else check_size("batch_size", batch_size)
        output = np.concatenate([self.forward(X[start:start + batch_size])
                                 for start in range(0, len(X), batch_size)])
        if isinstance(self.loss, SoftmaxCrossEntropy):
            output = Softmax().forward(output)
        return output

    def __repr__(self):
        layers = ", ".join(repr(layer) for layer in self.layers)
        scale = "" if self.input_scale == 1 else f", input_scale={self.input_scale:g}"
        return f"Model([{layers}], loss={self.loss!r}, optimizer={self.optimizer!r}{scale})"

    def fit(self, X, y, epochs, batch_size=None, validation_data=None, shuffle=False,
            rng=None, progress=True):
        """Train for ``epochs`` passes over ``X``, in mini-batches; return the history.

        ``validation_data=(X_val, y_val)`` is evaluated after every epoch;
        ``shuffle`` visits the samples in a new order every epoch, drawn from ``rng``.
        If training diverges (``check_loss``: a batch's loss that is not
        finite, or an epoch's mean loss more than 100 times the loss before
        training), ``fit`` puts back the weights the model had at the start of
        its best epoch (lowest training loss) and raises FloatingPointError;
        ``history`` keeps every epoch before the failing one.
        """
        X, y, validation_data, start_loss = self.check_fit(X, y, epochs, batch_size,
                                                           validation_data)
        rng = np.random.default_rng(rng)
        names = ["loss", "regularization_loss", "accuracy", "learning_rate"]
        if validation_data is not None:
            names += ["val_loss", "val_accuracy"]
        self.history = {name: [] for name in names}
        best_epoch, best_loss, best_weights = 0, math.inf, self.copy_weights()
        for epoch in tqdm(range(1, epochs + 1), desc="epochs", disable=not progress):
            start_weights = self.copy_weights()
            learning_rate = self.optimizer.current_learning_rate
            order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
            try:
                loss, penalty, acc = self.train_epoch(X[order], y[order],
                                                      batch_size or len(X), epoch)
                check_loss(loss, epoch, start_loss)
            except FloatingPointError as error:
                self.stop_diverged(error, best_epoch, best_weights)
            if loss < best_loss:
                best_epoch, best_loss, best_weights = epoch, loss, start_weights
            self.history["learning_rate"].append(learning_rate)
            self.history["loss"].append(loss)
            self.history["regularization_loss"].append(penalty)
            self.history["accuracy"].append(acc)
            if validation_data is not None:
                val_loss, val_accuracy = self.evaluate(*validation_data)
                self.history["val_loss"].append(val_loss)
                self.history["val_accuracy"].append(val_accuracy)
        return self.history

    def train_epoch(self, X, y, batch_size, epoch):
        """One pass over the data, one step of notebook 11's loop per batch.

        Returns the epoch's mean data loss, penalty and accuracy, each batch
        weighted by its size.
        """
        total_loss = penalty_sum = total_accuracy = 0.0
        for start in range(0, len(X), batch_size):
            X_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            loss, acc = self.loss_and_accuracy(X_batch, y_batch, training=True)
            check_loss(loss, epoch)  # NaN or inf: no step is taken on it
            gradient = self.loss.backward()
            for layer in reversed(self.layers):
                gradient = layer.backward(gradient)
            # The penalty of the weights this step trained on, like the loss.
            penalty_sum += self.regularization_loss() * len(X_batch)
            total_loss += loss * len(X_batch)
            total_accuracy += acc * len(X_batch)
            self.optimizer.step(self.layers)
        return total_loss / len(X), penalty_sum / len(X), total_accuracy / len(X)

    def check_fit(self, X, y, epochs, batch_size, validation_data):
        """Check everything ``fit`` is given before its first step.

        Returns the data and the loss before training, which later losses are
        compared with to notice divergence.
        """
        if self.optimizer is None:
            raise ValueError("Model.fit needs an optimizer: Model(layers, loss, optimizer)")
        check_size("epochs", epochs)
        if batch_size is not None:
            check_size("batch_size", batch_size)
        X, y = check_data("Model.fit", X, y)
        # Every label is checked once, before the first step: batch by batch, a bad
        # label in a late batch would stop training half-way, the model changed.
        start_loss, _ = self.loss_and_accuracy(X, y)
        if validation_data is not None:
            if not isinstance(validation_data, tuple | list) or len(validation_data) != 2:
                raise TypeError(
                    f"Model.fit: validation_data must be a pair (X_val, y_val), got "
                    f"{_describe(validation_data)}")
            validation_data = check_data("Model.fit validation_data", *validation_data)
            self.loss_and_accuracy(*validation_data)
        return X, y, validation_data, start_loss

    def regularization_loss(self):
        """Sum of the layers' L1 and L2 penalties (0.0 without any)."""
        return total_penalty(self.layers)

    def copy_weights(self):
        """Copies of every dense layer's weights and biases, in layer order."""
        return [(layer.weights.copy(), layer.biases.copy())
                for layer in self.layers if isinstance(layer, DenseLayer)]

    def stop_diverged(self, error, best_epoch, best_weights):
        """Put back ``best_weights`` and raise the divergence ``error``, with what was done."""
        dense = [layer for layer in self.layers if isinstance(layer, DenseLayer)]
        for layer, (weights, biases) in zip(dense, best_weights, strict=True):
            # In place: the optimizer keeps its state per array.
            layer.weights[...] = weights
            layer.biases[...] = biases
        kept = (f"the weights it had at the start of epoch {best_epoch}, its lowest loss"
                if best_epoch else "the weights it started with")
        raise FloatingPointError(
            f"Model.fit stopped: {error} (The learning rate was "
            f"{self.optimizer.current_learning_rate:.4g}.) The model was put back to "
            f"{kept}; model.history keeps the {_count(len(self.history['loss']), 'epoch')} "
            f"before the one that failed.") from None


# ---------------------------------------------------------------------------
# Notebook 21: a real data set
# ---------------------------------------------------------------------------


def digits_data(seed=0):
    """The 8 x 8 digit scans, as raw pixel values 0-16, split 60/20/20 for training.

    Introduced in notebook 21 (notebooks 22 and 24 use it again). Both splits are
    stratified, so each part has the same share of every digit.

    Parameters
    ----------
    seed : int, default 0
        Fixes the shuffles of the two splits.

    Returns
    -------
    (X_train, y_train), (X_val, y_val), (X_test, y_test)
        ``X`` of shape (n_images, 64), pixel values 0-16 as scanned (a model
        for them divides by 16: ``Model(..., input_scale=16.0)``); ``y`` the
        digits 0-9. 1,077, 360 and 360 images.
    """
    # Imported inside the function, so that importing nnfs_helpers does not
    # need scikit-learn (only notebooks 21 and 22 use it).
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X_all, y_all = digits.data, digits.target
    # 20% of the images for the test set, then a quarter of the rest for validation.
    X_rest, X_test, y_rest, y_test = train_test_split(
        X_all, y_all, test_size=0.2, stratify=y_all, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_rest, y_rest, test_size=0.25, stratify=y_rest, random_state=seed)
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)


def train_digits(training_data, validation_data, seed, progress=False):
    """Build the 64-128-128-10 digit classifier and train it; every random draw from seed.

    Introduced in notebook 21 (notebooks 22 and 24 train it again).

    Parameters
    ----------
    training_data, validation_data : (X, y)
        As ``digits_data`` returns them.
    seed : int
        The initial weights, the dropout masks and the order of the batches.
    progress : bool, default False

    Returns
    -------
    Model
        Trained for 40 epochs; its ``history`` holds the training curves.
    """
    rng = np.random.default_rng(seed)
    model = Model(
        [DenseLayer(64, 128, rng=rng, weight_scale="he", weight_l2=1e-4), ReLU(),
         Dropout(0.2, rng=rng),
         DenseLayer(128, 128, rng=rng, weight_scale="he", weight_l2=1e-4), ReLU(),
         Dropout(0.2, rng=rng),
         DenseLayer(128, 10, rng=rng, weight_scale="glorot")],
        SoftmaxCrossEntropy(),
        Adam(learning_rate=0.002, decay=1e-3),
        input_scale=16.0,   # the pixels are 0-16; the network sees 0-1
    )
    model.fit(*training_data, epochs=40, batch_size=32, shuffle=True, rng=seed,
              validation_data=validation_data, progress=progress)
    return model


# ---------------------------------------------------------------------------
# Notebook 22: saving and loading a model safely
# ---------------------------------------------------------------------------

MODEL_FORMAT = "nnfs-course-model"
MODEL_FORMAT_VERSION = 2
# The largest model load_model reads unless told otherwise: 64 MiB of parameters
# (eight million float64 numbers, far beyond anything in the course).
MAX_MODEL_BYTES = 64 * 2**20
# The JSON description is about 150 bytes per layer: 64 KiB is room for over
# 400 layers, and parsing it cannot take more than a few MiB of memory.
MAX_DESCRIPTION_BYTES = 64 * 2**10
# The only classes a model file may name: loading builds these and nothing
# else, so a file cannot make the loader run code of its choosing.
_LAYER_TYPES = {"DenseLayer": DenseLayer, "ReLU": ReLU, "Softmax": Softmax,
                "Sigmoid": Sigmoid, "Linear": Linear, "Dropout": Dropout}
_LOSS_TYPES = {"SoftmaxCrossEntropy": SoftmaxCrossEntropy,
               "CategoricalCrossEntropy": CategoricalCrossEntropy,
               "BinaryCrossEntropy": BinaryCrossEntropy,
               "MeanSquaredError": MeanSquaredError, "MeanAbsoluteError": MeanAbsoluteError}
_ACCURACY_TYPES = {"accuracy": accuracy, "binary_accuracy": binary_accuracy,
                   "regression_accuracy": regression_accuracy}
# Parameter dtypes a model file holds: float64 (the course's) and float32.
_SAVED_DTYPES = ("<f8", "<f4")


class ModelFileError(ValueError):
    """A file that is not a model ``load_model`` can load, with the reason in words."""


def save_model(model, path):
    """Save a model's architecture and parameters, without pickle and without risk.

    One ``.npz`` file (``np.savez``): every parameter array under a name such
    as ``"layers.0.weights"``, and a JSON description of the layers, loss,
    accuracy and input scale under ``"model.json"`` (its UTF-8 bytes). The
    optimizer's state is not saved: the file is for prediction. Introduced in
    notebook 22.

    Nothing is written unless the model can be loaded back exactly as it is,
    and the file appears all at once (``write_atomically``): a failed save
    leaves an older file at ``path`` untouched.

    Parameters
    ----------
    model : Model
    path : str or pathlib.Path
        Where to write, used exactly as given (``.npz`` is the usual ending).

    Raises
    ------
    TypeError
        A layer, loss, accuracy function or parameter dtype the file format
        cannot hold.
    ValueError
        Weights that are NaN or infinite (a diverged model).
    """
    layers, arrays = [], {}
    for index, layer in enumerate(model.layers):
        kind = type(layer).__name__
        if _LAYER_TYPES.get(kind) is not type(layer):
            raise TypeError(f"save_model cannot save a layer of type {kind}")
        entry = {"type": kind}
        if isinstance(layer, DenseLayer):
            n_inputs, n_neurons = layer.weights.shape
            entry.update(n_inputs=n_inputs, n_neurons=n_neurons,
                         weight_l1=layer.weight_l1, weight_l2=layer.weight_l2,
                         bias_l1=layer.bias_l1, bias_l2=layer.bias_l2)
            arrays[f"layers.{index}.weights"] = _check_savable(index, "weights", layer.weights)
            arrays[f"layers.{index}.biases"] = _check_savable(index, "biases", layer.biases)
        elif isinstance(layer, Dropout):
            entry["rate"] = layer.rate
        layers.append(entry)
    loss_kind = type(model.loss).__name__
    if _LOSS_TYPES.get(loss_kind) is not type(model.loss):
        raise TypeError(f"save_model cannot save a loss of type {loss_kind}")
    description = {"format": MODEL_FORMAT, "version": MODEL_FORMAT_VERSION,
                   "layers": layers, "loss": loss_kind,
                   "accuracy": _accuracy_name(model.accuracy),
                   "input_scale": model.input_scale}
    text = json.dumps(description).encode("utf-8")
    arrays["model.json"] = np.frombuffer(text, dtype=np.uint8)
    write_atomically(path, arrays)


def _check_savable(index, name, values):
    """Return a parameter array if a model file can hold it as it is, else raise."""
    if values.dtype.str not in _SAVED_DTYPES:
        raise TypeError(
            f"save_model: layer {index}'s {name} are {values.dtype}, but a model file "
            f"holds float64 or float32 only; convert them first, e.g. "
            f"layer.{name} = layer.{name}.astype(np.float64)")
    if not np.isfinite(values).all():
        raise ValueError(
            f"save_model: layer {index}'s {name} hold NaN or infinity, so the model "
            f"would only ever predict NaN. Training diverged: train again with a "
            f"smaller learning rate before saving.")
    # Row by row, as load_model reads it (a transposed array is column by column).
    return np.ascontiguousarray(values)


def _accuracy_name(function):
    """The name a model file stores for an accuracy function, if it is one it knows."""
    for name, known in _ACCURACY_TYPES.items():
        if function is known:
            return name
    # The function's name, not its repr: a repr holds a memory address.
    described = getattr(function, "__qualname__", None) or type(function).__name__
    raise TypeError(
        f"save_model can save a model whose accuracy is one of "
        f"{', '.join(_ACCURACY_TYPES)}, but this one's is {described!r}: a file "
        f"cannot hold a function, and loading it back with another accuracy would "
        f"report different numbers. Set model.accuracy to one of them before saving.")


def write_atomically(path, arrays):
    """Write ``np.savez(arrays)`` to ``path`` so that it appears complete or not at all.

    The archive goes to a temporary file in the same folder first; only when
    it is completely on disk (``flush`` and ``os.fsync``) does ``os.replace``
    put it at ``path``, in one step; then the folder is synced too, so that
    the new name is on disk as well. If anything fails before the replace (a
    full disk, an interrupted program), an older file at ``path`` is
    untouched and the temporary file is removed.

    Parameters
    ----------
    path : str or pathlib.Path
    arrays : dict of str to ndarray
    """
    # Through a symbolic link to the file it points to, as open(path, "wb") would.
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"cannot save to {path}: there is no folder {folder}")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, **arrays)
            file.flush()
            os.fsync(file.fileno())
        _copy_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder):
    """Make the rename itself survive a power cut: fsync the folder (POSIX only)."""
    if hasattr(os, "O_DIRECTORY"):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _copy_mode(path, temporary):
    """Give the new file the old one's permissions (mkstemp makes it private)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = 0o644
    os.chmod(temporary, mode)


def load_model(path, *, max_bytes=MAX_MODEL_BYTES):
    """Load a model written by ``save_model``, refusing anything else clearly.

    Nothing in the file is trusted: its description is JSON, its arrays are
    plain numbers, and every name, dtype and shape is checked against the
    description, and every size against ``max_bytes``, before an array is read.
    So loading never runs code from the file, and a small file cannot make it
    allocate much memory: every array's bytes must be in the file, uncompressed,
    so loading takes at most four times the file's size plus 4 MiB (for the
    archive's directory and the JSON description, both limited in size), and
    never more than ``max_bytes`` for the parameters. Introduced in notebook 22.

    Parameters
    ----------
    path : str or pathlib.Path
    max_bytes : int, default MAX_MODEL_BYTES (64 MiB)
        The most bytes of parameters to accept, counted as float64 (8 bytes
        each, as they are once loaded); raise it for a bigger model you trust.

    Returns
    -------
    Model
        Without an optimizer; give it one to train further. A file from before
        input scales were recorded (format version 1) loads with
        ``input_scale=1.0``, with a warning.

    Raises
    ------
    ModelFileError
        (a ``ValueError``) If the file is not a complete, consistent model file
        of a known version; the message says what is wrong with it.
    FileNotFoundError, IsADirectoryError, PermissionError
        If there is no file at ``path`` to read (these are about the path,
        not about what a file holds).
    """
    try:
        with open(path, "rb") as file, ModelArchive(file, max_bytes) as archive:
            description = _read_description(archive.read_array("model.json"))
            archive.check_arrays(_array_shapes(description))
            model = _build_model(description)
            for index, layer in enumerate(model.layers):
                if isinstance(layer, DenseLayer):
                    layer.weights = archive.read_array(f"layers.{index}.weights")
                    layer.biases = archive.read_array(f"layers.{index}.biases")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except _FILE_ERRORS as error:
        raise ModelFileError(f"cannot load a model from {path}: {error}") from None
    return model


def _read_description(raw):
    """Decode and check the JSON description stored in a model file."""
    try:
        description = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"model.json is not valid JSON ({error})") from None
    except RecursionError:
        raise ValueError("model.json is nested too deeply to be a model description") from None
    if not isinstance(description, dict) or description.get("format") != MODEL_FORMAT:
        raise ValueError(f"it is not a {MODEL_FORMAT} file")
    version = description.get("version")
    if version not in (1, MODEL_FORMAT_VERSION) or isinstance(version, bool):
        raise ValueError(
            f"format version {_short(version)} is not supported "
            f"(this code reads versions 1 and {MODEL_FORMAT_VERSION})")
    if version == 1:
        warnings.warn(
            "this model file is from before files recorded their input scale "
            "(format version 1), so the model uses inputs exactly as given "
            "(input_scale=1.0): scale them the way its training data was scaled",
            UserWarning, stacklevel=3)
        description["input_scale"] = 1.0
    elif "input_scale" not in description:
        raise ValueError("the description has no input_scale")
    return description


def _layer_entries(description):
    """The description's list of layers, each a dict with a known ``type``."""
    entries = description.get("layers")
    if not isinstance(entries, list) or not entries:
        raise ValueError("the description lists no layers")
    for index, entry in enumerate(entries):
        kind = entry.get("type") if isinstance(entry, dict) else None
        if not isinstance(kind, str) or kind not in _LAYER_TYPES:
            raise ValueError(f"layer {index} has unknown type {_short(kind)}")
    return entries


def _array_shapes(description):
    """The shape of every array the description says the file holds, by name."""
    shapes, width = {}, None
    for index, entry in enumerate(_layer_entries(description)):
        if entry["type"] != "DenseLayer":
            continue
        n_inputs, n_neurons = (_whole_number(entry, key, index)
                               for key in ("n_inputs", "n_neurons"))
        if width is not None and n_inputs != width:
            raise ValueError(
                f"layer {index} takes {n_inputs} inputs, but the layer before "
                f"it has {width} neurons")
        width = n_neurons
        shapes[f"layers.{index}.weights"] = (n_inputs, n_neurons)
        shapes[f"layers.{index}.biases"] = (1, n_neurons)
    return shapes


def _whole_number(entry, key, index):
    """A layer's size field: a whole number of at least 1."""
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"layer {index}'s {key} should be a whole number >= 1, got {_short(value)}")
    return value


def _build_model(description):
    """Make fresh layers, loss and accuracy from a checked description."""
    layers = []
    for index, entry in enumerate(_layer_entries(description)):
        kind = entry["type"]
        try:
            if kind == "DenseLayer":
                penalties = {name: entry.get(name, 0.0)
                             for name in ("weight_l1", "weight_l2", "bias_l1", "bias_l2")}
                layer = DenseLayer(entry["n_inputs"], entry["n_neurons"], **penalties)
            elif kind == "Dropout":
                layer = Dropout(entry.get("rate"))
            else:
                layer = _LAYER_TYPES[kind]()
        except (TypeError, ValueError) as error:
            raise ValueError(f"layer {index}: {error}") from None
        layers.append(layer)
    loss_kind, accuracy_kind = description.get("loss"), description.get("accuracy")
    if not isinstance(loss_kind, str) or loss_kind not in _LOSS_TYPES:
        raise ValueError(f"unknown loss {_short(loss_kind)}")
    if not isinstance(accuracy_kind, str) or accuracy_kind not in _ACCURACY_TYPES:
        raise ValueError(
            f"unknown accuracy {_short(accuracy_kind)} (known: {', '.join(_ACCURACY_TYPES)})")
    return Model(layers, _LOSS_TYPES[loss_kind](), accuracy=_ACCURACY_TYPES[accuracy_kind],
                 input_scale=description.get("input_scale"))


# What reading a damaged or hostile archive can raise; load_model turns each
# into a ModelFileError that says what is wrong with the file.
_FILE_ERRORS = (ValueError, TypeError, KeyError, OSError, EOFError, OverflowError,
                RuntimeError, NotImplementedError, struct.error, zlib.error,
                zipfile.BadZipFile, zipfile.LargeZipFile)
# Member names np.savez gives a model's arrays.
_MEMBER_NAME = re.compile(r"(model\.json|layers\.(0|[1-9][0-9]{0,5})\.(weights|biases))\.npy")
# The archive's directory: about 80 bytes per member; 128 KiB is about 1,500
# members, enough for 700 dense layers.
_MAX_DIRECTORY_BYTES = 128 * 2**10
# A .npy header is about 128 bytes; NumPy's own reader allows 10,000.
_MAX_HEADER_BYTES = 4096


class ModelArchive:
    """The zip archive inside a model file, read with every size checked first.

    Not taught: this is the careful reading behind ``load_model``. It looks at
    the archive's directory before ``zipfile`` parses it, allows only what
    ``np.savez`` writes (uncompressed, unencrypted ``.npy`` members with the
    format's names), and reads an array only after its header's dtype and
    shape were checked, into an array of exactly that size.

    Parameters
    ----------
    file : binary file object, open for reading
    max_bytes : int
        The most bytes of parameters to accept.
    """

    def __init__(self, file, max_bytes):
        self.max_bytes = check_size("max_bytes", max_bytes)
        file_size = _check_zip_directory(file)
        self.zip = zipfile.ZipFile(file)
        self.members = {}
        for info in self.zip.infolist():
            self.members[_member_name(info, self.members)] = info
        if sum(info.compress_size for info in self.members.values()) > file_size:
            raise ValueError("its members claim more bytes than the file holds")

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.zip.close()

    def check_arrays(self, shapes):
        """Check the arrays' names, total size, dtypes and shapes, before reading any."""
        names = set(self.members) - {"model.json"}
        missing, extra = sorted(set(shapes) - names), sorted(names - set(shapes))
        if missing or extra:
            raise ValueError("; ".join(
                [f"arrays missing: {missing}"] * bool(missing)
                + [f"unexpected arrays: {extra}"] * bool(extra)))
        total = sum(8 * math.prod(shape) for shape in shapes.values())
        if total > self.max_bytes:
            raise ValueError(
                f"its parameters would take {total:,} bytes, more than max_bytes="
                f"{self.max_bytes:,}; if you trust the file, pass a larger max_bytes")
        for name, shape in shapes.items():
            self.header(name, shape)

    def header(self, name, shape=None):
        """Read and check one member's .npy header; return its dtype and shape."""
        if name not in self.members:
            raise ValueError(f"it has no {name}")
        info = self.members[name]
        with self.zip.open(info) as member:
            dtype, found = _read_npy_header(member, name)
            data_start = member.tell()
        if name == "model.json":
            if dtype.str != "|u1" or len(found) != 1 or found[0] > MAX_DESCRIPTION_BYTES:
                raise ValueError(
                    f"model.json should be at most {MAX_DESCRIPTION_BYTES:,} bytes of "
                    f"text, but its header says {dtype} of shape {found}")
        elif dtype.str not in _SAVED_DTYPES or (shape is not None and found != shape):
            wanted = "float64 or float32" + ("" if shape is None else f" of shape {shape}")
            raise ValueError(f"array {name} should be {wanted}, its header says "
                             f"{dtype} of shape {found}")
        if info.file_size != data_start + dtype.itemsize * math.prod(found):
            raise ValueError(f"{name} is not the size its header says")
        return dtype, found

    def read_array(self, name):
        """Read one member into a new array of the size its checked header says."""
        dtype, shape = self.header(name)
        values = np.empty(shape, dtype=dtype)
        view = memoryview(values).cast("B")
        with self.zip.open(self.members[name]) as member:
            _read_npy_header(member, name)
            done = 0
            while done < len(view):
                chunk = member.read(min(2**20, len(view) - done))
                if not chunk:
                    raise ValueError(f"{name} ends early (the file is cut short)")
                view[done:done + len(chunk)] = chunk
                done += len(chunk)
            # Reading to the end makes zipfile compare the member's checksum.
            if member.read(1):
                raise ValueError(f"{name} is longer than its header says")
        if dtype.kind == "f" and not np.isfinite(values).all():
            raise ValueError(f"array {name} holds NaN or infinity")
        return values


def _check_zip_directory(file):
    """Check a zip archive's end record before zipfile reads its directory.

    ``zipfile`` reads the whole directory into memory, so its size is checked
    first. Returns the file's size in bytes.
    """
    file_size = file.seek(0, os.SEEK_END)
    tail_size = min(file_size, 22 + 65535)      # the end record and its comment
    file.seek(file_size - tail_size)
    tail = file.read(tail_size)
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) - end < 22:
        file.seek(0)
        start = file.read(8)
        if start.startswith(b"\x93NUMPY"):
            file.seek(0)
            _read_npy_header(file, "the array")     # says so if it holds pickles
            raise ValueError("it holds a single NumPy array (np.save), not a model file")
        if start[:1] == b"\x80" and start[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
            raise ValueError(
                "it is a pickle (Python's own object format), which a model file never "
                "is and which can run code when loaded, so it was not read")
        if start.startswith(b"PK\x03\x04"):
            raise ValueError("it is a zip archive without its end: the file is cut "
                             "short or damaged")
        raise ValueError(
            f"it is not a model file: save_model writes a zip archive, and this file "
            f"is not one (it starts with {start!r})")
    entries, directory_size = struct.unpack("<HI", tail[end + 10:end + 16])
    if entries == 0xFFFF or tail[max(end - 20, 0):end].startswith(b"PK\x06\x07"):
        raise ValueError("it is a ZIP64 archive, which a model file never is")
    if directory_size > _MAX_DIRECTORY_BYTES:
        raise ValueError(
            f"its directory is {directory_size:,} bytes, more than a model file's "
            f"{_MAX_DIRECTORY_BYTES:,}")
    file.seek(0)
    return file_size


def _member_name(info, seen):
    """Check one archive member is one np.savez writes for a model; return its name."""
    if not _MEMBER_NAME.fullmatch(info.filename):
        raise ValueError(f"it has a member named {info.filename[:60]!r}, which a model "
                         f"file never has")
    name = info.filename.removesuffix(".npy")
    if name in seen:
        raise ValueError(f"it has {name} twice")
    if info.flag_bits & 0x1:
        raise ValueError(f"{name} is encrypted, which a model file never is")
    if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
        raise ValueError(f"{name} is compressed, which a model file never is (np.savez "
                         f"stores members as they are)")
    return name


def _read_npy_header(member, name):
    """Read a .npy header from an open member; return (dtype, shape), checked."""
    version = np.lib.format.read_magic(member)
    if version != (1, 0):
        raise ValueError(f"{name} is a .npy of version {version}, which np.savez "
                         f"does not write for a model")
    try:
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(
            member, max_header_size=_MAX_HEADER_BYTES)
    except ValueError as error:
        raise ValueError(f"{name} has a malformed .npy header ({str(error)[:100]})") from None
    if dtype.hasobject:
        raise ValueError(
            f"{name} contains pickled Python objects, which a model file never holds "
            f"and which can run code when loaded, so it was not read")
    if fortran_order:
        raise ValueError(f"{name} is stored in Fortran order, which np.savez does not "
                         f"write for a model")
    return dtype, shape


# ---------------------------------------------------------------------------
# Notebook 23: making training fast
# ---------------------------------------------------------------------------
# The fast training loop.
#
# ``train_fast`` computes what ``train`` (notebook 11) computes for a
# ``[DenseLayer, ReLU, DenseLayer]`` classifier trained with ``Adam`` on the full
# batch: the same forward pass, the same softmax cross-entropy gradient, the
# same Adam step with the same decay. It is several times faster because of how
# it computes it (notebook 23 measures each change):
#
# - float32 instead of float64: half the bytes to move, twice the numbers per
#   SIMD instruction;
# - every array it needs is allocated once, before the first epoch, and every
#   NumPy call writes into one of them (``out=``): no temporaries;
# - each layer's weights and biases are one block ``[weights; biases]`` of shape
#   (n_inputs + 1, n_neurons), and the layer's inputs get a row of ones (every
#   array is kept feature by feature, transposed), so one matrix product applies
#   the weights and adds the biases, and one gives both their gradients;
# - all the blocks live in one flat buffer, and so do their gradients and Adam's
#   moving averages, so one Adam step is nine NumPy calls for the whole network;
# - the scores are kept class by class (n_classes, n_samples), so a row maximum
#   or sum over a few classes is a few element-wise calls on contiguous rows;
# - a large batch is worked through in tiles whose arrays stay in the CPU's
#   cache while the tile's forward and backward passes use them.


def pack_parameters(pairs, dtype=np.float32):
    """Copy weight and bias arrays into one flat buffer, a block per layer.

    Introduced in notebook 23. Layer ``i``'s block is ``[weights; biases]``,
    shape (n_inputs + 1, n_neurons): its last row is the biases. The blocks
    lie one after another in ``flat``, so whatever is done to ``flat`` (an
    optimizer step) is done to every parameter of the network at once.

    Parameters
    ----------
    pairs : list of (ndarray, ndarray)
        Each layer's ``(weights, biases)``, shapes (n_inputs, n_neurons) and
        (1, n_neurons); or arrays shaped like them (an optimizer's state).
    dtype : numpy dtype, default float32

    Returns
    -------
    flat : ndarray of shape (n_parameters,)
    blocks : list of ndarray of shape (n_inputs + 1, n_neurons)
        Views into ``flat``, one per layer.
    """
    shapes = [(len(weights) + 1, weights.shape[1]) for weights, _ in pairs]
    flat = np.empty(sum(rows * columns for rows, columns in shapes), dtype=dtype)
    blocks = block_views(flat, shapes)
    for block, (weights, biases) in zip(blocks, pairs, strict=True):
        block[:-1] = weights
        block[-1:] = biases
    return flat, blocks


def block_views(flat, shapes):
    """Views of consecutive pieces of ``flat``, one per shape (no copies).

    Introduced in notebook 23.

    Parameters
    ----------
    flat : ndarray of shape (n,)
    shapes : list of (int, int)
        The pieces' shapes; their sizes add up to at most ``n``.

    Returns
    -------
    list of ndarray
    """
    views, start = [], 0
    for rows, columns in shapes:
        views.append(flat[start:start + rows * columns].reshape(rows, columns))
        start += rows * columns
    return views


def unpack_parameters(blocks):
    """Split each block into float64 copies of its weights and biases.

    Introduced in notebook 23.

    Parameters
    ----------
    blocks : list of ndarray of shape (n_inputs + 1, n_neurons)

    Returns
    -------
    list of (ndarray, ndarray)
        ``(weights, biases)`` per block, shapes (n_inputs, n_neurons) and (1, n_neurons).
    """
    return [(block[:-1].astype(np.float64), block[-1:].astype(np.float64))
            for block in blocks]


def row_max(scores, out):
    """Maximum over the classes of scores kept class by class.

    With few classes, ``n_classes - 1`` element-wise maxima of contiguous rows
    beat ``scores.max(axis=0)``, whose general reduction costs more per call.
    Introduced in notebook 23.

    Parameters
    ----------
    scores : ndarray of shape (n_classes, n_samples)
    out : ndarray of shape (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples,)
        ``out``.
    """
    np.maximum(scores[0], scores[1], out=out)
    for row in scores[2:]:
        np.maximum(out, row, out=out)
    return out


def row_sum(values, out):
    """Sum over the classes of values kept class by class; see ``row_max``.

    Introduced in notebook 23.

    Parameters
    ----------
    values : ndarray of shape (n_classes, n_samples)
    out : ndarray of shape (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples,)
        ``out``.
    """
    np.add(values[0], values[1], out=out)
    for row in values[2:]:
        out += row
    return out


def split_tiles(n_samples, tile):
    """Cut ``range(n_samples)`` into nearly equal tiles of at most ``tile`` samples.

    Introduced in notebook 23. Nearly equal sizes (at most two distinct
    ones) mean at most two sets of tile buffers.

    Parameters
    ----------
    n_samples : int
    tile : int or None
        Most samples per tile; ``None`` means one tile, the whole batch.

    Returns
    -------
    list of (int, int)
        ``(start, stop)`` of each tile.
    """
    n_tiles = 1 if tile is None else max(1, math.ceil(n_samples / tile))
    edges = np.linspace(0, n_samples, n_tiles + 1).round().astype(int)
    return list(zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True))


class TileBuffers:
    """Every array one tile's forward and backward pass writes, allocated once.

    Arrays are kept feature by feature (one row per neuron or class, one
    column per sample), so each row is contiguous in memory. Introduced in
    notebook 23.

    Parameters
    ----------
    n_rows : int
        Samples in the tile.
    n_hidden, n_classes : int
    dtype : numpy dtype

    Attributes
    ----------
    relu : ndarray of shape (n_hidden + 1, n_rows)
        The hidden layer's output, then a row of ones for the next biases.
    mask : ndarray of shape (n_hidden, n_rows)
        1 where a ReLU passed its input, 0 where it did not.
    dhidden : ndarray of shape (n_hidden, n_rows)
        The gradient at the hidden layer's output.
    scores : ndarray of shape (n_classes, n_rows)
        Scores, then probabilities, then the gradient.
    top, sums, picked : ndarray of shape (n_rows,)
        Maxima and sums over the classes, and each sample's shifted score
        of its own class.
    """

    def __init__(self, n_rows, n_hidden, n_classes, dtype):
        self.relu = np.ones((n_hidden + 1, n_rows), dtype=dtype)
        self.mask = np.empty((n_hidden, n_rows), dtype=dtype)
        self.dhidden = np.empty((n_hidden, n_rows), dtype=dtype)
        self.scores = np.empty((n_classes, n_rows), dtype=dtype)
        self.top = np.empty(n_rows, dtype=dtype)
        self.sums = np.empty(n_rows, dtype=dtype)
        self.picked = np.empty(n_rows, dtype=dtype)


def count_correct(shifted, picked, one_hot):
    """How many samples' right class has the highest score, as ``np.argmax`` decides.

    After the shift a sample's highest score is 0, so its right class won when
    its shifted score ``picked`` is 0. Unless another class tied at 0: then
    ``np.argmax`` (and ``accuracy``) picks the first of them, and so does this,
    the slow way, in the rare batch that has a tie. Introduced in notebook 23.

    Parameters
    ----------
    shifted : ndarray of shape (n_classes, n_samples)
        Scores minus each sample's highest score.
    picked : ndarray of shape (n_samples,)
        Each sample's shifted score of its right class.
    one_hot : ndarray of shape (n_classes, n_samples)

    Returns
    -------
    int
    """
    if np.count_nonzero(shifted == 0) == len(picked):   # one top score per sample: no tie
        return int(np.count_nonzero(picked == 0))
    return int(np.count_nonzero(np.argmax(shifted, axis=0) == np.argmax(one_hot, axis=0)))


def tile_step(inputs, one_hot, picks, blocks, gradients, buffers):
    """Forward and backward pass of one tile; gradients summed over its samples.

    Dense, ReLU, dense, softmax cross-entropy, as ``train`` computes them,
    with every array feature by feature: ``inputs`` is X transposed, so
    ``hidden = first.T @ inputs`` is ``(X @ W + b).T``. Each block is
    ``[weights; biases]`` and ``inputs`` and ``relu`` end with a row of ones,
    so one matrix product applies weights and biases, and one gives the
    gradients of both. Introduced in notebook 23.

    Parameters
    ----------
    inputs : ndarray of shape (n_features + 1, n_rows)
        The tile's samples, one column each, then a row of ones.
    one_hot : ndarray of shape (n_classes, n_rows)
        The tile's labels, one-hot, one column each.
    picks : ndarray of shape (n_rows,)
        Flat index of each sample's class in ``buffers.scores``.
    blocks : (ndarray, ndarray)
        Shapes (n_features + 1, n_hidden) and (n_hidden + 1, n_classes).
    gradients : (ndarray, ndarray)
        Written: shaped like ``blocks``, the gradients of the *summed* loss.
    buffers : TileBuffers

    Returns
    -------
    (float, int)
        The tile's summed loss and its number of correctly classified samples.
    """
    first, second = blocks
    b = buffers
    hidden = b.relu[:-1]                             # the row of ones stays
    np.matmul(first.T, inputs, out=hidden)           # (64, 3) @ (3, n) -> (64, n)
    np.greater(hidden, 0, out=b.mask)                # 1.0 or 0.0, kept for backward
    hidden *= b.mask                                 # ReLU
    scores = b.scores
    np.matmul(second.T, b.relu, out=scores)          # (3, 65) @ (65, n) -> (3, n)
    scores -= row_max(scores, out=b.top)             # a sample's top score is now 0
    np.take(scores, picks, out=b.picked)             # shifted score of the right class
    correct = count_correct(scores, b.picked, one_hot)
    # exp(x) for x < -87 is subnormal in float32, slow on many CPUs, and adds
    # less than 1e-28 to a sum of at least 1 from -64 on: the loss has read
    # ``picked`` already, so the floor changes nothing float32 can show.
    np.maximum(scores, -64, out=scores)
    np.exp(scores, out=scores)
    scores /= row_sum(scores, out=b.sums)            # probabilities
    loss = float(np.log(b.sums).sum() - b.picked.sum())  # sum of -log p(right class)
    scores -= one_hot                                # p - y: gradient of the summed loss
    np.matmul(b.relu, scores.T, out=gradients[1])    # (65, n) @ (n, 3) -> (65, 3)
    np.matmul(second[:-1], scores, out=b.dhidden)    # (64, 3) @ (3, n) -> (64, n)
    b.dhidden *= b.mask                              # ReLU's backward
    np.matmul(inputs, b.dhidden.T, out=gradients[0])  # (3, n) @ (n, 64) -> (3, 64)
    return loss, correct


class FlatAdam:
    """Adam on one flat parameter buffer: nine NumPy calls per step, in place.

    The same update as ``Adam`` (notebook 14), rearranged: the two moving
    averages are the rows of one (2, n) array, updated together, and both
    bias corrections go into two numbers, ``lr * sqrt(1 - beta_2**t) /
    (1 - beta_1**t)`` for the step and ``epsilon * sqrt(1 - beta_2**t)`` for
    the denominator. Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
        Hyperparameters, step count and state (if any) are read from it.
    state : list of (ndarray, ndarray) or None
        The optimizer's momentum and cache as ``pack_parameters`` lays out
        parameters: ``(momentum_flat, cache_flat)``; ``None`` starts at 0.
    n_parameters : int
    n_samples : int
        The gradients given to ``step`` are sums over this many samples;
        the division that makes them means is folded into the averages.
    dtype : numpy dtype

    Attributes
    ----------
    moments : ndarray of shape (2, n_parameters)
        Row 0 the momentum, row 1 the cache.
    gradient : ndarray of shape (2, n_parameters)
        Row 0 receives the summed gradient; row 1 is scratch space.
    iterations : int
        Steps taken, counting the optimizer's steps before this one.
    """

    def __init__(self, optimizer, state, n_parameters, n_samples, dtype):
        self.optimizer = optimizer
        self.iterations = optimizer.iterations
        self.moments = np.zeros((2, n_parameters), dtype=dtype)
        if state is not None:
            self.moments[:] = state
        self.gradient = np.zeros_like(self.moments)
        beta_1, beta_2 = optimizer.beta_1, optimizer.beta_2
        self.keep = np.array([[beta_1], [beta_2]], dtype=dtype)
        self.blend = np.array([[(1 - beta_1) / n_samples],
                               [(1 - beta_2) / n_samples ** 2]], dtype=dtype)

    def step(self, flat):
        """Update ``flat`` in place from ``gradient[0]``; return the learning rate used."""
        opt = self.optimizer
        learning_rate = opt.learning_rate / (1 + opt.decay * self.iterations)
        self.iterations += 1
        t = self.iterations
        root = math.sqrt(1 - opt.beta_2 ** t)
        gradient, scratch = self.gradient
        np.multiply(gradient, gradient, out=scratch)  # g ** 2, beside g
        self.gradient *= self.blend                   # (1 - beta_1) g, (1 - beta_2) g ** 2
        self.moments *= self.keep                     # beta_1 m, beta_2 v
        self.moments += self.gradient
        momentum, cache = self.moments
        np.sqrt(cache, out=scratch)
        scratch += opt.epsilon * root
        np.divide(momentum, scratch, out=scratch)
        scratch *= learning_rate * root / (1 - opt.beta_1 ** t)
        flat -= scratch
        return learning_rate


def check_fast_network(layers, optimizer):
    """Raise unless the network and optimizer are what ``train_fast`` computes.

    Introduced in notebook 23.

    Parameters
    ----------
    layers : list
    optimizer : Optimizer

    Raises
    ------
    TypeError
        If the layers are not ``[DenseLayer, ReLU, DenseLayer]`` or the
        optimizer is not ``Adam``.
    ValueError
        If a dense layer has an L1 or L2 penalty.
    """
    kinds = [type(layer).__name__ for layer in layers]
    if kinds != ["DenseLayer", "ReLU", "DenseLayer"]:
        raise TypeError(f"train_fast trains [DenseLayer, ReLU, DenseLayer], got {kinds}")
    if type(optimizer) is not Adam:
        raise TypeError(f"train_fast uses Adam, got {type(optimizer).__name__}")
    for layer in layers[::2]:
        if layer.weight_l1 or layer.weight_l2 or layer.bias_l1 or layer.bias_l2:
            raise ValueError("train_fast adds no L1/L2 penalties: use train for those")


def adam_state(optimizer, dense, dtype):
    """The optimizer's momentum and cache for the dense layers, packed; None if new.

    Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
    dense : list of DenseLayer
    dtype : numpy dtype

    Returns
    -------
    ndarray of shape (2, n_parameters) or None
    """
    if not any(layer in optimizer.state for layer in dense):
        return None
    return np.stack([
        pack_parameters([(optimizer.state[layer]["weights"][name],
                          optimizer.state[layer]["biases"][name]) for layer in dense],
                        dtype)[0]
        for name in ("momentum", "cache")])


def save_adam_state(optimizer, dense, adam):
    """Leave ``optimizer`` as ``Adam.step`` would have: step count, rate and state.

    Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
    dense : list of DenseLayer
    adam : FlatAdam
    """
    shapes = [(len(layer.weights) + 1, layer.weights.shape[1]) for layer in dense]
    momentum = unpack_parameters(block_views(adam.moments[0], shapes))
    cache = unpack_parameters(block_views(adam.moments[1], shapes))
    for layer, (m_weights, m_biases), (c_weights, c_biases) in zip(
            dense, momentum, cache, strict=True):
        optimizer.state[layer] = {"weights": {"momentum": m_weights, "cache": c_weights},
                                  "biases": {"momentum": m_biases, "cache": c_biases}}
    optimizer.iterations = adam.iterations
    optimizer.current_learning_rate = optimizer.learning_rate / (
        1 + optimizer.decay * optimizer.iterations)


def prepare_tiles(X, y, n_classes, tiles, dtype):
    """Each tile's inputs (transposed, a row of ones below), one-hot labels and picks.

    Introduced in notebook 23.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
    n_classes : int
    tiles : list of (int, int)
        From ``split_tiles``.
    dtype : numpy dtype

    Returns
    -------
    list of (ndarray, ndarray, ndarray)
        ``inputs`` (n_features + 1, n), ``one_hot`` (n_classes, n) and
        ``picks`` (n,) per tile, as ``tile_step`` takes them.
    """
    prepared = []
    for start, stop in tiles:
        rows = np.arange(stop - start)
        inputs = np.ones((X.shape[1] + 1, len(rows)), dtype=dtype)
        inputs[:-1] = X[start:stop].T
        one_hot = np.zeros((n_classes, len(rows)), dtype=dtype)
        one_hot[y[start:stop], rows] = 1
        picks = y[start:stop] * len(rows) + rows  # flat index of (y, row) in (n_classes, n)
        prepared.append((inputs, one_hot, picks))
    return prepared


def train_fast(layers, optimizer, X, y, epochs, *, tile=1024, dtype=np.float32):
    """``train`` for a dense-ReLU-dense classifier with Adam, several times faster.

    The same computation as ``train(layers, optimizer, X, y, epochs)``: full
    batch, softmax cross-entropy, Adam with its decay, starting from the
    layers' weights and the optimizer's state, both updated at the end as
    ``train`` leaves them, so the two loops can take turns. Only the rounding
    differs (float32). Introduced in notebook 23.

    Parameters
    ----------
    layers : list
        ``[DenseLayer, ReLU, DenseLayer]``, without L1/L2 penalties.
    optimizer : Adam
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Class indices.
    epochs : int
    tile : int or None, default 1024
        Most samples per tile (see ``split_tiles``); ``None``: one tile.
    dtype : numpy dtype, default float32

    Returns
    -------
    dict of str to list
        ``"loss"``, ``"accuracy"`` and ``"learning_rate"`` per epoch, as
        ``train`` records them (when classes tie for the highest score, the
        first of them counts, as ``np.argmax`` decides).

    Raises
    ------
    FloatingPointError
        If training diverges (see ``check_loss``).
    """
    check_fast_network(layers, optimizer)
    dense = [layers[0], layers[2]]
    X = check_inputs("train_fast", X, n_features=len(dense[0].weights))
    n_hidden, n_classes = dense[1].weights.shape
    y = check_labels("train_fast", y, len(X), n_classes)
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in dense], dtype)
    adam = FlatAdam(optimizer, adam_state(optimizer, dense, dtype), flat.size, len(X), dtype)
    tiles = split_tiles(len(X), tile)
    # Each tile writes its own gradients; their sum is the batch's.
    tile_gradients = (adam.gradient[:1] if len(tiles) == 1
                      else np.zeros((len(tiles), flat.size), dtype=dtype))
    buffers = {stop - start: TileBuffers(stop - start, n_hidden, n_classes, dtype)
               for start, stop in tiles}
    work = [(inputs, one_hot, picks, blocks,
             block_views(gradient, [block.shape for block in blocks]), buffers[len(picks)])
            for (inputs, one_hot, picks), gradient
            in zip(prepare_tiles(X, y, n_classes, tiles, dtype), tile_gradients, strict=True)]
    history = {"loss": [], "accuracy": [], "learning_rate": [], "record": []}
    for epoch in range(epochs):
        loss, correct = 0.0, 0
        for arguments in work:
            tile_loss, tile_correct = tile_step(*arguments)
            loss += tile_loss
            correct += tile_correct
        if len(tiles) > 1:
            np.sum(tile_gradients, axis=0, out=adam.gradient[0])
        history["loss"].append(loss / len(X))
        check_loss(history["loss"][-1], epoch, first_loss=history["loss"][0])
        history["accuracy"].append(correct / len(X))
        history["learning_rate"].append(adam.step(flat))
    for layer, (weights, biases) in zip(dense, unpack_parameters(blocks), strict=True):
        layer.weights, layer.biases = weights, biases
    save_adam_state(optimizer, dense, adam)
    return history


# ---------------------------------------------------------------------------
# Notebook 24: draw a digit
# ---------------------------------------------------------------------------

# The digits data set's recipe: 32 x 32 scans, inked pixels counted in 4 x 4
# blocks, so each of the 8 x 8 pixels holds 0 to 16.
DIGIT_BOX = 32
BLOCK = 4
# The pen's radius in box pixels: with it, the drawings have the same share of
# fully inked pixels (16) as the scans (notebook 24 measures this).
PEN_RADIUS = 2.8

# Shipped with the course: the drawings (tools/make_digit_strokes.py) and
# notebook 21's classifier, saved with save_model (tools/make_digit_model.py).
STROKES_FILE = Path(__file__).resolve().parent / "data" / "digit_strokes.json"
MODEL_FILE = Path(__file__).resolve().parent / "data" / "digits_model.npz"


def check_strokes(strokes):
    """Turn a drawing into a list of float arrays of shape (n_points, 2); refuse an empty one.

    Introduced in notebook 24.

    Parameters
    ----------
    strokes : sequence of array_like of shape (n_points, 2)
        Each stroke the (x, y) points of one pen-down movement. Strokes
        without points are dropped.

    Returns
    -------
    list of ndarray of shape (n_points, 2)

    Raises
    ------
    ValueError
        If no stroke has a point (an empty canvas), or a stroke is not a list of
        (x, y) pairs, or a coordinate is not finite.
    """
    checked = []
    for index, stroke in enumerate(strokes):
        points = np.asarray(stroke, dtype=float)
        if points.size == 0:
            continue
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(f"stroke {index} should be a list of (x, y) points, "
                             f"got an array of shape {points.shape}")
        if not np.all(np.isfinite(points)):
            raise ValueError(f"stroke {index} has a coordinate that is not a finite number")
        checked.append(points)
    if not checked:
        raise ValueError("the drawing is empty: draw a digit first")
    return checked


def ink_box(strokes):
    """The smallest rectangle holding every point of a drawing.

    Introduced in notebook 24.

    Parameters
    ----------
    strokes : list of ndarray of shape (n_points, 2)

    Returns
    -------
    left, top, right, bottom : float
    """
    points = np.concatenate(strokes)  # every stroke's points: (n_points, 2)
    left, top = points.min(axis=0)
    right, bottom = points.max(axis=0)
    return left, top, right, bottom


def fit_into_box(strokes, size=DIGIT_BOX, margin=PEN_RADIUS):
    """Crop a drawing to its ink and scale it, shape kept, to fill a square box.

    The longer side of the ink's rectangle spans the box from ``margin`` to
    ``size - margin`` (the pen's radius, so the ink itself reaches the edges);
    the shorter side is centred. Introduced in notebook 24.

    Parameters
    ----------
    strokes : list of ndarray of shape (n_points, 2)
    size : float, default DIGIT_BOX
        The box's side, in pixels.
    margin : float, default PEN_RADIUS

    Returns
    -------
    list of ndarray of shape (n_points, 2)
        The strokes in box coordinates: 0 to ``size`` on both axes.
    """
    left, top, right, bottom = ink_box(strokes)
    middle = np.array([left + right, top + bottom]) / 2
    # One scale for x and y, so a digit keeps its shape; a single dot has no
    # size and stays a dot (the tiny floor avoids dividing by zero).
    scale = (size - 2 * margin) / max(right - left, bottom - top, 1e-9)
    return [(stroke - middle) * scale + size / 2 for stroke in strokes]


def distance_to_segments(points, starts, ends):
    """Distance from each point to the nearest of some line segments.

    Introduced in notebook 24.

    Parameters
    ----------
    points : ndarray of shape (n_points, 2)
    starts, ends : ndarray of shape (n_segments, 2)
        A segment whose start equals its end is a dot.

    Returns
    -------
    ndarray of shape (n_points,)
    """
    direction = ends - starts                                   # (n_segments, 2)
    length2 = np.maximum(np.sum(direction**2, axis=1), 1e-12)   # (n_segments,)
    offset = points[:, np.newaxis, :] - starts                  # (n_points, n_segments, 2)
    # Where along each segment the nearest point lies, 0 (start) to 1 (end).
    along = np.clip(np.sum(offset * direction, axis=2) / length2, 0.0, 1.0)
    nearest = offset - along[:, :, np.newaxis] * direction
    return np.sqrt(np.sum(nearest**2, axis=2)).min(axis=1)


def render_strokes(strokes, size=DIGIT_BOX, radius=PEN_RADIUS):
    """Draw strokes with a round pen into a square image: each pixel's share of ink.

    A pixel whose centre lies within ``radius - 0.5`` of a stroke is fully
    inked, one ``radius + 0.5`` or more away gets none, and in between its ink
    falls off linearly: moving a stroke a little changes the image a little.
    Introduced in notebook 24.

    Parameters
    ----------
    strokes : list of ndarray of shape (n_points, 2)
        In pixel coordinates of the image: pixel (row, column) covers
        ``column <= x < column + 1``, ``row <= y < row + 1``.
    size : int, default DIGIT_BOX
    radius : float, default PEN_RADIUS

    Returns
    -------
    ndarray of shape (size, size)
        Values from 0 (paper) to 1 (ink).
    """
    rows, columns = np.indices((size, size))
    centres = np.stack([columns.ravel(), rows.ravel()], axis=1) + 0.5  # (size * size, 2): x, y
    distance = np.full(size * size, np.inf)
    for stroke in strokes:
        # Consecutive points make the segments; a one-point stroke is a dot.
        starts, ends = (stroke[:-1], stroke[1:]) if len(stroke) > 1 else (stroke, stroke)
        distance = np.minimum(distance, distance_to_segments(centres, starts, ends))
    return np.clip(radius + 0.5 - distance, 0.0, 1.0).reshape(size, size)


def centre_of_mass(image):
    """The ink-weighted mean row and column of an image.

    Introduced in notebook 24.

    Parameters
    ----------
    image : ndarray of shape (n_rows, n_columns)
        Non-negative, with some ink.

    Returns
    -------
    row, column : float
        In pixel indices: (0, 0) is the centre of the top-left pixel.
    """
    rows, columns = np.indices(image.shape)
    total = image.sum()
    return (rows * image).sum() / total, (columns * image).sum() / total


def slant(image):
    """How far the ink leans: the columns it moves right per row down.

    From the image's second moments about its centre of mass: the covariance
    of row and column over the variance of the row, each pixel weighted by its
    ink. 0 for an upright digit; negative when the top leans to the right.
    Introduced in notebook 24.

    Parameters
    ----------
    image : ndarray of shape (n_rows, n_columns)
        Non-negative, with ink in more than one row.

    Returns
    -------
    float
    """
    row, column = centre_of_mass(image)
    rows, columns = np.indices(image.shape)
    return (np.sum((rows - row) * (columns - column) * image)
            / np.sum((rows - row) ** 2 * image))


def deslant(strokes, size=DIGIT_BOX, radius=PEN_RADIUS):
    """Shear a drawing so that its ink stands upright (slant 0).

    Each point moves sideways in proportion to how far it lies below the
    ink's centre of mass; the centre row stays where it is. Introduced in
    notebook 24.

    Parameters
    ----------
    strokes : list of ndarray of shape (n_points, 2)
        In box coordinates, as ``fit_into_box`` returns them.
    size : int, default DIGIT_BOX
    radius : float, default PEN_RADIUS

    Returns
    -------
    list of ndarray of shape (n_points, 2)
        Fit them into the box again: the shear changes the ink's width.
    """
    image = render_strokes(strokes, size, radius)
    lean = slant(image)
    row, _ = centre_of_mass(image)
    # Row index r has its centre at y = r + 0.5. Only x changes: times [1, 0].
    return [stroke - lean * (stroke[:, 1:] - (row + 0.5)) * [1.0, 0.0] for stroke in strokes]


def centre_by_mass(strokes, size=DIGIT_BOX, radius=PEN_RADIUS):
    """Move a drawing sideways until its ink's centre of mass is in the box's middle.

    Only sideways: the scans' digits fill the box's height, so their vertical
    position is fixed by the box (a 7's ink sits high, a 6's low). Introduced in
    notebook 24.

    Parameters
    ----------
    strokes : list of ndarray of shape (n_points, 2)
        In box coordinates, as ``fit_into_box`` returns them.
    size : int, default DIGIT_BOX
    radius : float, default PEN_RADIUS

    Returns
    -------
    list of ndarray of shape (n_points, 2)
    """
    _, column = centre_of_mass(render_strokes(strokes, size, radius))
    # Column index c has its centre at x = c + 0.5; the middle is x = size / 2.
    shift = size / 2 - (column + 0.5)
    return [stroke + [shift, 0.0] for stroke in strokes]


def block_sums(image, block=BLOCK):
    """Add up the pixels of each ``block`` x ``block`` square of an image.

    Introduced in notebook 24.

    Parameters
    ----------
    image : ndarray of shape (n, n)
        ``n`` a multiple of ``block``.
    block : int, default BLOCK

    Returns
    -------
    ndarray of shape (n // block, n // block)
        With an image of 0 to 1 and blocks of 4 x 4: values from 0 to 16.
    """
    n = image.shape[0] // block
    # (n * block, n * block) -> (n, block, n, block): axes 1 and 3 run inside a block.
    return image.reshape(n, block, n, block).sum(axis=(1, 3))


def preprocess_drawing(strokes):
    """Turn a stroke drawing into an image like the digits data set's.

    Crop to the ink and fit it into the 32 x 32 box, stand it upright and fit
    it again, centre it sideways by its centre of mass, draw it with the pen
    and count the ink in 4 x 4 blocks.
    Introduced in notebook 24.

    Parameters
    ----------
    strokes : sequence of array_like of shape (n_points, 2)
        (x, y) points, y downwards, in any unit: only the shape of the drawing
        matters, not where it is or how big.

    Returns
    -------
    ndarray of shape (64,)
        The 8 x 8 image as one row, values from 0 to 16, ready for a model
        with ``input_scale=16``.

    Raises
    ------
    ValueError
        If the drawing is empty.
    """
    strokes = fit_into_box(check_strokes(strokes))
    strokes = fit_into_box(deslant(strokes))
    strokes = centre_by_mass(strokes)
    return block_sums(render_strokes(strokes)).ravel()   # (8, 8) -> (64,)


def rotate_images(images, degrees):
    """Turn each image about its centre by its own angle (bilinear interpolation).

    Each pixel of the result takes its value from the point the rotation
    brings to it, a weighted mean of the four pixels around that point;
    points outside the image count as paper (0). Introduced in notebook 24.

    Parameters
    ----------
    images : ndarray of shape (n_images, height, width)
    degrees : array_like of shape (n_images,)
        Positive angles turn clockwise on the screen (rows run downwards).

    Returns
    -------
    ndarray of shape (n_images, height, width)
    """
    n_images, height, width = images.shape
    angle = np.radians(np.asarray(degrees, dtype=float))[:, np.newaxis, np.newaxis]
    rows, columns = np.indices((height, width))
    y, x = rows - (height - 1) / 2, columns - (width - 1) / 2  # about the centre
    # Where each result pixel comes from: turn it back by the angle. (n, h, w) each.
    source_y = np.cos(angle) * y - np.sin(angle) * x + (height - 1) / 2
    source_x = np.sin(angle) * y + np.cos(angle) * x + (width - 1) / 2
    top, left = np.floor(source_y).astype(int), np.floor(source_x).astype(int)
    which = np.arange(n_images)[:, np.newaxis, np.newaxis]
    rotated = np.zeros((n_images, height, width))
    for row in (top, top + 1):
        for column in (left, left + 1):
            # Bilinear weights: the nearer the pixel to the source point, the more it counts.
            weight = (1 - np.abs(source_y - row)) * (1 - np.abs(source_x - column))
            inside = (row >= 0) & (row < height) & (column >= 0) & (column < width)
            values = images[which, row.clip(0, height - 1), column.clip(0, width - 1)]
            rotated += np.where(inside, weight * values, 0.0)
    return rotated


def load_stroke_drawings(path=STROKES_FILE):
    """Read the stroke drawings shipped with the course (notebook 24).

    Parameters
    ----------
    path : str or pathlib.Path, default STROKES_FILE
        ``data/digit_strokes.json``, written by ``tools/make_digit_strokes.py``.

    Returns
    -------
    drawings : list of list of ndarray of shape (n_points, 2)
        Each drawing's strokes, in canvas pixels.
    labels : ndarray of shape (n_drawings,)
        The digit each drawing shows.
    """
    content = json.loads(Path(path).read_text(encoding="utf-8"))
    drawings = [check_strokes(drawing["strokes"]) for drawing in content["drawings"]]
    labels = np.array([drawing["label"] for drawing in content["drawings"]])
    return drawings, labels


# ---------------------------------------------------------------------------
# Claims and seed studies: results that hold on any machine (notebooks 07 and 11)
# ---------------------------------------------------------------------------


def check_claim(statement, holds):
    """Print a claim the text makes about a result, after checking that it holds.

    A training run ends a little differently on every computer: thousands of
    steps amplify the last bit of every rounding, and which last bit you get
    depends on the CPU and its maths library. So the notebooks promise no
    digits of a training run; they make claims that hold on any machine and
    for any reasonable seed ("the accuracy is above 0.9"), and check each one
    right where it is made. Introduced in notebook 07; notebook 11 explains why
    training needs it.

    Parameters
    ----------
    statement : str
        The claim, in the words of the text.
    holds : bool
        Whether the claim holds for the numbers just computed.

    Raises
    ------
    AssertionError
        If it does not hold: the text is wrong on this machine, which is worth
        reporting (with the printed numbers).
    """
    if not isinstance(holds, (bool, np.bool_)):
        raise TypeError(f"check_claim expects holds to be True or False, got {holds!r}")
    if not holds:
        raise AssertionError(
            f"the text claims that {statement}, but this run does not bear it out; "
            "the numbers printed above show by how much")
    print(f"\u2713 {statement}")


def seed_study(run, seeds):
    """Run one experiment once per seed and collect its results.

    One run is one sample: its starting weights (and data order, and dropout
    masks) come from a seed, and another seed can end somewhere else. A seed
    study repeats the run for several seeds and keeps every result, so that a
    comparison rests on a spread, not on one draw. Introduced in notebook 07;
    notebook 11 explains why training needs it.

    Parameters
    ----------
    run : callable
        ``run(seed) -> dict`` of str to float, for example
        ``{"loss": 0.21, "accuracy": 0.93}``.
    seeds : sequence of int

    Returns
    -------
    dict of str to ndarray of shape (n_seeds,)
        Each result, one entry per seed, in the order of ``seeds``.
    """
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seed_study needs at least one seed, got none")
    results = [run(seed) for seed in seeds]
    return {name: np.array([result[name] for result in results]) for name in results[0]}


def print_seed_study(studies, metric, digits=3):
    """Print one metric of several seed studies as a table: spread and every seed.

    Parameters
    ----------
    studies : dict of str to dict
        Setting name -> the result of ``seed_study`` for it.
    metric : str
        Which result to show, e.g. ``"accuracy"``.
    digits : int, default 3
    """
    width = max(len(name) for name in studies)
    print(f"{'':<{width}}  {'median':>8}  {'min':>8}  {'max':>8}   {metric} per seed")
    for name, study in studies.items():
        values = study[metric]
        each = " ".join(f"{value:.{digits}f}" for value in values)
        print(f"{name:<{width}}  {np.median(values):>8.{digits}f}  {values.min():>8.{digits}f}"
              f"  {values.max():>8.{digits}f}   {each}")


def plot_seed_study(studies, metric, ax=None, title=None):
    """Draw one metric of several seed studies: a dot per seed, a bar at the median.

    Parameters
    ----------
    studies : dict of str to dict
        Setting name -> the result of ``seed_study`` for it; one row each, top down.
    metric : str
        Which result to show, e.g. ``"accuracy"``.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure when omitted.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    ax = _axes(ax, figsize=(7, 0.6 + 0.55 * len(studies)))
    names = list(studies)
    for row, name in enumerate(names):
        values = np.asarray(studies[name][metric], dtype=float)
        # Spread the dots a little up and down so that equal values stay visible.
        offsets = np.linspace(-0.15, 0.15, len(values)) if len(values) > 1 else [0.0]
        ax.scatter(values, row + np.asarray(offsets), s=28, color="#1f77b4", alpha=0.8,
                   zorder=3, label="one seed" if row == 0 else None)
        ax.plot([np.median(values)] * 2, [row - 0.3, row + 0.3], color="black",
                linewidth=2, zorder=4, label="median" if row == 0 else None)
    ax.set_yticks(range(len(names)), names)
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.set_xlabel(metric)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="best", fontsize=8)
    if title:
        ax.set_title(title)
    return ax


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
    # float64, so float32 probabilities cannot round the colours past 1.
    probs = np.asarray(predict_proba(grid), dtype=np.float64)  # (resolution**2, n_classes)
    palette = np.array([_hex_to_rgb(c) for c in CLASS_COLOURS])[: probs.shape[1]]
    rgb = (probs @ palette).reshape(resolution, resolution, 3)
    # Blend towards white so the data points stay visible on top.
    rgb = np.clip(0.45 + 0.55 * rgb, 0.0, 1.0)
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
        given, each line is red for a positive weight and blue for a negative
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
                    # The course's convention: red positive, blue negative (RdBu_r's ends).
                    colour = "#b2182b" if w >= 0 else "#2166ac"
                    width = 0.3 + 3.0 * abs(w) / (biggest or 1.0)
                ax.plot([x0, x1], [y0, y1], color=colour, linewidth=width, zorder=1)
    names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
    for col, (column, name) in enumerate(zip(positions, names, strict=True)):
        # Inputs and outputs in neutral greys, so no neuron reads as a sign.
        face = "0.85" if col in (0, len(sizes) - 1) else "white"
        for x, y in column:
            ax.scatter([x], [y], s=600, color=face, edgecolor="black", zorder=2)
        ax.text(col, -1.0, f"{name}\n({len(column)})", ha="center", va="top")
    if weights is not None:
        ax.plot([], [], color="#b2182b", linewidth=2, label="positive weight")
        ax.plot([], [], color="#2166ac", linewidth=2, label="negative weight")
        ax.legend(loc="lower center", ncol=2, frameon=False, fontsize=8)
    ax.set_xlim(-0.5, len(sizes) - 0.5)
    ax.set_ylim(-2.3, tallest - 0.4)
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


def draw_shapes_diagram(ax=None, layer_sizes=(2, 64, 3), n_samples=300, title=None,
                        loss_label="Softmax +\ncross-entropy"):
    """Draw a classifier's forward and backward pass with the shape of every array.

    The network is dense layers with a ReLU between each pair, ending in softmax
    and cross-entropy (notebook 08's 2 -> 64 -> 3 by default). The top row is
    the forward pass, left to right: each arrow carries a part's ``output``,
    the next part's inputs. The bottom row, in purple (a colour that says
    nothing about sign, unlike red and blue), is the backward pass, right to
    left: each arrow carries a part's ``dinputs``, which the part to its left
    receives as ``dvalues``, shaped like the forward arrow above it. Each dense
    layer shows its ``weights`` and ``biases`` and, below them, its
    ``dweights`` and ``dbiases``, of the same shapes.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure, sized to fit, when omitted. An axes of
        your own needs about 2 inches of width per box to stay legible.
    layer_sizes : sequence of int, default (2, 64, 3)
        Features of the input, then the neurons of each dense layer.
    n_samples : int, default 300
        Rows of the batch.
    title : str, optional
    loss_label : str, default "Softmax +\ncross-entropy"
        The text of the last box, e.g. ``"SoftmaxCrossEntropy"`` once the two
        are one class (notebook 09).

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.patches import FancyBboxPatch  # imported late, as in _axes

    sizes = [check_size("layer size", n) for n in layer_sizes]
    if len(sizes) < 2:
        raise ValueError(f"draw_shapes_diagram needs at least 2 sizes, got {len(sizes)}")
    n = check_size("n_samples", n_samples)
    # The parts in order: (name, weights' shape or None, width of the output).
    parts = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        parts.append((f"DenseLayer\n({n_in}, {n_out})", (n_in, n_out), n_out))
        if i < len(sizes) - 2:
            parts.append(("ReLU()", None, n_out))
    parts.append((loss_label, None, None))
    gap, box_w = 3.7, 2.3  # distance between the centres of two boxes; a box's width
    ax = _axes(ax, figsize=(2.0 * (len(parts) + 1.6), 4.2))
    # Gradients in purple, as in notebook 08's graph of one neuron: red and blue
    # mean positive and negative values in the course's figures.
    grad = "#7b3294"
    top, bottom = 0.6, -0.6  # heights of the forward and backward arrows

    def arrow(x0, x1, y, colour, text):
        """An arrow from x0 to x1 at height y, text above it (forward) or below."""
        ax.annotate("", xy=(x1, y), xytext=(x0, y),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.5})
        ax.text((x0 + x1) / 2, y + (0.08 if y > 0 else -0.08), text, ha="center",
                va="bottom" if y > 0 else "top", fontsize=9, color=colour)

    # The parts as boxes: name in the middle, parameters above, their gradients below.
    for k, (name, shape, n_out) in enumerate(parts, start=1):
        x = k * gap
        ax.add_patch(FancyBboxPatch((x - box_w / 2, -1.2), box_w, 2.4,
                                    boxstyle="round,pad=0.05", edgecolor="0.3",
                                    facecolor="#eeeeee" if n_out else "#d9d9d9"))
        longest = max(len(line) for line in name.split("\n"))  # a long label, smaller
        ax.text(x, 0, name, ha="center", va="center", fontsize=10 if longest <= 15 else 8,
                fontweight="bold")
        if shape is not None:
            ax.text(x, 0.75, f"weights {shape}\nbiases (1, {shape[1]})", ha="center",
                    va="center", fontsize=9)
            ax.text(x, -0.75, f"dweights {shape}\ndbiases (1, {shape[1]})", ha="center",
                    va="center", fontsize=9, color=grad)
    # The arrays between the parts: X and each output forward, dinputs/dvalues back.
    width = sizes[0]
    for k, (_, _, n_out) in enumerate(parts, start=1):
        left = (k - 1) * gap + (box_w / 2 + 0.1 if k > 1 else -0.3)
        right = k * gap - box_w / 2 - 0.1
        arrow(left, right, top, "black", f"{'X' if k == 1 else 'output'}\n({n}, {width})")
        arrow(right, left, bottom, grad,
              f"{'dinputs' if k == 1 else 'dvalues'}\n({n}, {width})")
        width = n_out
    # The loss: labels come in from above, one number goes out, backward starts there.
    x = len(parts) * gap
    ax.annotate("", xy=(x, 1.27), xytext=(x, 1.8),
                arrowprops={"arrowstyle": "-|>", "color": "black", "linewidth": 1.5})
    ax.text(x, 1.85, f"y ({n},)", ha="center", va="bottom", fontsize=9)
    arrow(x + box_w / 2 + 0.1, x + gap * 0.7, top, "black", "loss\none number")
    ax.text(x + box_w / 2 + 0.2, bottom, "backward()\nstarts here", ha="left",
            va="center", fontsize=9, color=grad)
    ax.set_xlim(-0.5, x + gap * 0.9)
    ax.set_ylim(-1.6, 2.2)
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax

# %% [markdown]
# # 01 · A dense layer
#
# **Goal:** compute what a layer of neurons outputs for a batch of samples, first by
# hand and then with a reusable `DenseLayer` class.
#
# **Prerequisites:** Python, and NumPy arrays at the level of `np.array`, `.shape`
# and `@`. This is the first notebook.
#
# **What you will build:** `DenseLayer`, a fully connected layer with weights,
# biases and a `forward` method: the first building block of every network in the
# course.
#
# *Book: chapters 2 and 3 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import check_hyperparameter, check_inputs, check_size, draw_network

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## One neuron
#
# A neuron receives some numbers (its **inputs**), multiplies each by a **weight**,
# adds the products up and adds one more number, its **bias**:
#
# $$\text{output} = x_1 w_1 + x_2 w_2 + x_3 w_3 + x_4 w_4 + b$$
#
# The weights say how much each input matters (and with which sign); the bias
# shifts the result. Both are what the network will *learn* later on. Here is a
# neuron with four inputs, written out in plain Python:

# %%
inputs = [1.0, 2.0, 3.0, 2.5]
weights = [0.2, 0.8, -0.5, 1.0]
bias = 2.0

output = (inputs[0] * weights[0] + inputs[1] * weights[1]
          + inputs[2] * weights[2] + inputs[3] * weights[3] + bias)
print(f"{output:.3f}")

# %% [markdown]
# "Multiply element by element and add up" is the **dot product**, and NumPy
# computes it in one call:

# %%
print(f"{np.dot(inputs, weights) + bias:.3f}")

# %% [markdown]
# ## A layer of neurons
#
# A **layer** is several neurons that all read the same inputs, each with its own
# weights and bias. Three neurons with four inputs need three rows of four weights
# and three biases. Each neuron's output is one dot product plus its bias:

# %%
weights = np.array([[0.2, 0.8, -0.5, 1.0],     # neuron 1
                    [0.5, -0.91, 0.26, -0.5],  # neuron 2
                    [-0.26, -0.27, 0.17, 0.87]])  # neuron 3
biases = np.array([2.0, 3.0, 0.5])

layer_outputs = [np.dot(neuron_weights, inputs) + neuron_bias
                 for neuron_weights, neuron_bias in zip(weights, biases, strict=True)]
print(np.array(layer_outputs))

# %% [markdown]
# The loop is a matrix-vector product: `weights @ inputs` computes all three dot
# products at once.

# %%
# (3, 4) @ (4,) -> (3,): one number per neuron
print(weights @ np.array(inputs) + biases)

# %% [markdown]
# A picture of this layer: four inputs on the left, three neurons on the right, one
# line per weight. Blue lines are positive weights, red ones negative, and thicker
# lines are larger weights. Every input reaches every neuron, which is why the layer
# is called **dense** (or *fully connected*).

# %%
draw_network((4, 3), weights=[weights.T],
             title="A dense layer: 4 inputs, 3 neurons, 12 weights")
plt.show()

# %% [markdown]
# ### Where the bias goes
#
# Later each neuron's output passes through an *activation function* (notebook 02).
# The bias belongs to the weighted sum, **before** the activation:
# `activation(inputs @ weights + bias)`. It shifts the point at which the
# activation switches on. (Adding it after the activation would only shift the
# output up or down, which the next layer's bias can do anyway.)

# %% [markdown]
# ## A batch of samples
#
# Networks see many samples at once: a **batch** is a 2-D array with one sample per
# row. Three samples of four features each make an array of shape `(3, 4)`. For
# every sample we need every neuron's output, that is a `(3, 3)` result: one row per
# sample, one column per neuron.
#
# With the weights stored one row per neuron, shape `(3, 4)`, the product needs a
# transpose: `(3, 4) @ (4, 3) -> (3, 3)`.

# %%
X = np.array([[1.0, 2.0, 3.0, 2.5],
              [2.0, 5.0, -1.0, 2.0],
              [-1.5, 2.7, 3.3, -0.8]])
print("X:", X.shape, " weights.T:", weights.T.shape)

# (3 samples, 4 features) @ (4 features, 3 neurons) -> (3 samples, 3 neurons);
# the biases, shape (3,), are added to every row.
batch_outputs = X @ weights.T + biases
print(batch_outputs)

# %% [markdown]
# The first row is the single-sample result from before. The transpose is only there
# because we wrote the weights one row per neuron. The layer class below stores them
# the other way round, shape `(n_inputs, n_neurons)`, one *column* per neuron, so a
# forward pass is just `inputs @ weights + biases`.

# %% [markdown]
# ## How to start the weights
#
# Before training, the weights must be set to something. Two rules of thumb:
#
# - **random**, so that the neurons differ from one another (identical neurons
#   would stay identical forever, since they would receive identical updates);
# - **small and centred on zero**, so that some weights add an input and others
#   subtract it, and the outputs do not grow layer after layer.
#
# The usual choice, and the book's, is a Gaussian with mean 0 scaled down by a
# small factor: `0.01 * standard_normal(...)`. A tempting alternative, uniform
# numbers from `[0, 1)` (`np.random.rand`), breaks the second rule: all the weights
# are positive, so every neuron computes a positive blend of the same inputs.
# Here are both, drawn for a layer with 64 inputs and 64 neurons:

# %%
gaussian = 0.01 * rng.standard_normal((64, 64))
uniform = 0.10 * rng.random((64, 64))

fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=True)
axes[0].hist(gaussian.ravel(), bins=40, color="#1f77b4")
axes[0].set_title("0.01 * standard normal: centred on 0")
axes[1].hist(uniform.ravel(), bins=40, color="#d62728")
axes[1].set_title("0.10 * uniform [0, 1): all positive")
for ax in axes:
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("weight")
axes[0].set_ylabel("count")
plt.show()

print(f"share of negative weights: gaussian {np.mean(gaussian < 0):.2f}, "
      f"uniform {np.mean(uniform < 0):.2f}")

# %% [markdown]
# All-positive weights make the neurons alike. Feed a batch of 100 random samples to
# a layer of 64 neurons and measure, for every pair of neurons, how similar their
# outputs are across the batch (the correlation: 1 means "the same pattern", 0
# means "unrelated"):

# %%
batch = rng.standard_normal((100, 64))  # 100 samples, 64 features each


def mean_neuron_correlation(outputs):
    """Average correlation between the columns (neurons) of a (100, 64) output."""
    corr = np.corrcoef(outputs, rowvar=False)  # (64, 64)
    return corr[~np.eye(len(corr), dtype=bool)].mean()


# (100, 64) @ (64, 64) -> (100, 64)
print(f"gaussian: {mean_neuron_correlation(batch @ gaussian):.2f}")
print(f"uniform:  {mean_neuron_correlation(batch @ uniform):.2f}")

# %% [markdown]
# With uniform weights the 64 neurons largely repeat one another; with zero-centred
# weights each neuron looks at the data its own way.
#
# The *scale* matters too. Send the batch through five such layers in a row and
# watch the typical size of the values. The all-positive weights make them grow
# about threefold per layer; a standard deviation of 0.01 makes them shrink. A
# standard deviation of `1 / sqrt(n_inputs)` keeps them steady, which is the idea
# behind the Xavier and He initialisations used for deep networks. The networks in
# this course have one or two hidden layers, where the book's 0.01 works well.

# %%
for name, make_weights in [
        ("0.10 * uniform", lambda: 0.10 * rng.random((64, 64))),
        ("0.01 * gaussian", lambda: 0.01 * rng.standard_normal((64, 64))),
        ("gaussian / sqrt(64)", lambda: rng.standard_normal((64, 64)) / np.sqrt(64))]:
    values = batch
    sizes = []
    for _ in range(5):
        values = values @ make_weights()  # (100, 64) @ (64, 64) -> (100, 64)
        sizes.append(np.abs(values).mean())
    print(f"{name:>20}: mean |value| after layers 1-5:",
          " ".join(f"{size:8.4f}" for size in sizes))

# %% [markdown]
# Biases, on the other hand, usually start at **zero**: the random weights already
# make the neurons differ, and a zero bias is a neutral start. (Notebook 02 looks at
# what really makes a neuron "dead"; zero biases are not it.)
#
# ## The `DenseLayer` class
#
# Everything above, in one reusable class. This is the exact code of
# `nnfs_helpers.DenseLayer`, which later notebooks import.
#
# - The constructor draws the weights from a random generator `rng` that you pass
#   in: an integer seed or a `np.random.Generator`. Passing it explicitly makes
#   every run repeatable without touching NumPy's global random state.
# - `forward` first calls `check_inputs`, a small helper that turns a nested list
#   into an array and explains a wrong shape in words, then computes
#   `inputs @ weights + biases`. It keeps the result as `self.output` *and* returns
#   it, and keeps the inputs as well: the backward pass of notebook 08 needs them.
# - `__repr__` makes `print(layer)` say what the layer is, instead of
#   `<DenseLayer object at 0x7f...>`.
# - The four arguments `weight_l1`, `weight_l2`, `bias_l1` and `bias_l2` are penalties
#   that keep the weights small during training. Notebook 16 explains them; until then
#   they stay at 0 and do nothing (`check_hyperparameter` only checks that each is a
#   number, at least 0).

# %%
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
    weight_l1, weight_l2, bias_l1, bias_l2 : float, default 0.0
        Strengths of the L1 (``sum |w|``) and L2 (``sum w**2``) penalties on
        the weights and on the biases, added to the loss to keep them small
        (notebook 16). 0 means no penalty.

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
                 dtype=np.float64, weight_l1=0.0, weight_l2=0.0, bias_l1=0.0, bias_l2=0.0):
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
        self.weight_l1 = check_hyperparameter("DenseLayer", "weight_l1", weight_l1)
        self.weight_l2 = check_hyperparameter("DenseLayer", "weight_l2", weight_l2)
        self.bias_l1 = check_hyperparameter("DenseLayer", "bias_l1", bias_l1)
        self.bias_l2 = check_hyperparameter("DenseLayer", "bias_l2", bias_l2)

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
        # the (1, n_neurons) biases are added to every row, in place (+=), so
        # no second array of that size is made: for big batches, much faster.
        self.output = inputs @ self.weights
        self.output += self.biases
        return self.output

    def __repr__(self):
        # Penalties are shown only when set (notebook 16), so a plain layer
        # prints as it did in notebook 01.
        penalties = "".join(
            f", {name}={value}"
            for name, value in [("weight_l1", self.weight_l1), ("weight_l2", self.weight_l2),
                                ("bias_l1", self.bias_l1), ("bias_l2", self.bias_l2)]
            if value
        )
        return f"DenseLayer(n_inputs={self.n_inputs}, n_neurons={self.n_neurons}{penalties})"


# %% [markdown]
# A layer for our batch: four inputs, three neurons.

# %%
layer = DenseLayer(4, 3, rng=SEED)
print(layer)
print("weights:", layer.weights.shape, " biases:", layer.biases.shape)

output = layer.forward(X)  # (3, 4) @ (4, 3) + (1, 3) -> (3, 3)
print(output)

# %% [markdown]
# With weights of size about 0.01 the outputs are small, as intended. To check the
# class against the hand computation, give it the weights from before. They are
# stored one column per neuron, hence `.T`; the biases become one row:

# %%
layer.weights = weights.T
layer.biases = biases.reshape(1, -1)
print(layer.forward(X))
print("same as by hand:", np.allclose(layer.output, batch_outputs))

# %% [markdown]
# The same seed gives the same weights on every run, and does not depend on (or
# disturb) anything else that uses random numbers:

# %%
print(np.array_equal(DenseLayer(4, 3, rng=SEED).weights,
                     DenseLayer(4, 3, rng=SEED).weights))

# %% [markdown]
# ### When the input is wrong
#
# A layer built for four features cannot take three. Instead of a broadcasting
# error from deep inside NumPy, `DenseLayer` says what it expected:

# %% tags=["raises-exception"]
layer.forward([[1.0, 2.0, 3.0]])

# %% [markdown]
# A classic typo when typing a batch by hand is a comma in place of a decimal point:
# `-0,8` is two numbers, `-0` and `8`, so that row has five values instead of four.
# The layer reports the row lengths:

# %% tags=["raises-exception"]
layer.forward([[1.0, 2.0, 3.0, 2.5],
               [2.0, 5.0, -1.0, 2.0],
               [-1.5, 2.7, 3.3, -0,8]])  # noqa: E231 (the typo is the point)

# %% [markdown]
# ## Explore: one neuron on a plane
#
# A neuron with two inputs computes `w1 * x1 + w2 * x2 + b` for every point
# `(x1, x2)`. That output is zero along a straight line, `w1 * x1 + w2 * x2 + b = 0`,
# positive on one side of it and negative on the other. The weights turn the line
# (the arrow is the weight vector `(w1, w2)`: it points towards growing output); the
# bias shifts it without turning it (a larger bias moves it against the arrow, so more
# of the plane is positive). The figure shows four settings on 40 random points; the
# sliders below it let you try your own.

# %%
from nnfs_widgets import neuron_explorer, plot_neuron_grid

plot_neuron_grid()
plt.show()

# %%
# Move the sliders: the points recolour and the zero line moves. The sliders need a
# running kernel, so they are live once you run the notebook in JupyterLab.
neuron_explorer()

# %% [markdown]
# ## Summary
#
# - A neuron computes a weighted sum of its inputs plus a bias: `inputs @ w + b`.
# - A dense layer is many neurons reading the same inputs; a batch of samples goes
#   through it as one matrix product, `(n_samples, n_inputs) @ (n_inputs, n_neurons)`.
# - The bias is part of the weighted sum, added before any activation function.
# - Weights start small, random and centred on zero (`0.01 * standard_normal`);
#   biases start at zero.
# - `DenseLayer(n_inputs, n_neurons, rng=...)` keeps its weights, biases, last
#   inputs and last output, and `forward` returns the output.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: one neuron by hand
#
# A neuron has weights `[0.5, -1.0, 2.0]` and bias `-0.5`. Compute its output for the
# inputs `[2.0, 1.5, 0.25]` with NumPy.

# %%
from nnfs_exercises.nb01 import (  # noqa: E402
    check_layer_forward,
    check_neuron_output,
    check_parameter_count,
)

neuron_output = None  # your code here

check_neuron_output(neuron_output)

# %% [markdown]
# ### Exercise 2: a forward pass as a function
#
# Write `layer_forward(inputs, weights, biases)` for a batch, with `weights` of shape
# `(n_inputs, n_neurons)` and `biases` of shape `(1, n_neurons)`, returning an array
# of shape `(n_samples, n_neurons)`. The checker tries it on random batches.

# %%
def layer_forward(inputs, weights, biases):
    return None  # your code here


check_layer_forward(layer_forward)

# %% [markdown]
# ### Exercise 3: counting parameters
#
# How many numbers does `DenseLayer(2, 64)` learn, weights and biases together?
# Work it out from the shapes, then check it with the layer's arrays if you like.

# %%
n_parameters = None  # your answer here

check_parameter_count(n_parameters)

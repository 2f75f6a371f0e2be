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

from nnfs_helpers import check_inputs, draw_network

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
# line per weight. Red lines are positive weights, blue ones negative (the colours
# every figure of the course uses for positive and negative values), and thicker
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
RED, BLUE = plt.cm.RdBu_r(0.9), plt.cm.RdBu_r(0.1)  # positive, negative


def signed_histogram(ax, values, n_bins=40):
    """Histogram of the values: positive ones in red, negative ones in blue."""
    width = (values.max() - values.min()) / n_bins
    # Bin edges at multiples of the width, so that 0 is an edge and no bin mixes signs.
    edges = width * np.arange(np.floor(values.min() / width), np.ceil(values.max() / width) + 1)
    ax.hist(values[values < 0], bins=edges, color=BLUE)
    ax.hist(values[values >= 0], bins=edges, color=RED)


fig, axes = plt.subplots(1, 2, figsize=(9, 3), sharey=True)
signed_histogram(axes[0], gaussian.ravel())
axes[0].set_title("0.01 * standard normal: centred on 0")
signed_histogram(axes[1], uniform.ravel())
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
# behind the Glorot (or Xavier) and He initialisations. Until notebook 11 we use the
# book's 0.01; notebook 11 shows what the shrinking costs when a network trains, and
# adds those two rules to the layer.

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
# Everything above, in one reusable class, with three methods:
#
# - `__init__` (the constructor) draws the weights, `weight_scale * standard_normal`,
#   one column per neuron, and sets the biases to zero. The random numbers come from
#   `rng`, which you pass in: an integer seed or a `np.random.Generator`. Passing it
#   explicitly makes every run repeatable without touching NumPy's global random state.
# - `forward` computes `inputs @ weights + biases`. Its first line, `check_inputs`, is
#   a small helper that turns a nested list into an array and explains a wrong shape
#   in words. It keeps the result as `self.output` *and* returns it, and keeps the
#   inputs as well: the backward pass of notebook 08 needs them.
# - `__repr__` makes `print(layer)` say what the layer is, instead of
#   `<DenseLayer object at 0x7f...>`.
#
# The class grows as the course goes on: notebook 08 adds a backward pass, and later
# notebooks add or replace methods. `nnfs_helpers.DenseLayer` holds the finished class,
# and later notebooks import it from there.

# %%
class DenseLayer:
    """A fully connected layer: every input feeds every neuron.

    ``output = inputs @ weights + biases``, with ``weights`` of shape
    (n_inputs, n_neurons), one column per neuron, and ``biases`` of shape
    (1, n_neurons), added to every row of the batch.
    """

    def __init__(self, n_inputs, n_neurons, rng=None, weight_scale=0.01):
        """Small random weights (one column per neuron) and zero biases."""
        rng = np.random.default_rng(rng)
        self.weights = weight_scale * rng.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        """``inputs @ weights + biases``: (n_samples, n_inputs) -> (n_samples, n_neurons)."""
        inputs = check_inputs("DenseLayer", inputs, n_features=len(self.weights))
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases
        return self.output

    def __repr__(self):
        n_inputs, n_neurons = self.weights.shape
        return f"DenseLayer(n_inputs={n_inputs}, n_neurons={n_neurons})"


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

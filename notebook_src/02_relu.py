# %% [markdown]
# # 02 · Activation functions and ReLU
#
# **Goal:** see why a network needs a non-linear step between its layers, and build the
# most common one, the rectified linear unit (ReLU).
#
# **Prerequisites:** [01 · A dense layer](01_dense_layer.ipynb): weights, biases, batches
# and `DenseLayer`.
#
# **What you will build:** the `ReLU` class (`max(0, x)` on every value of a batch), and a
# test for "dead" neurons, the ones ReLU silences for every input.
#
# *Book: chapter 4 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import DenseLayer, check_inputs

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Stacking linear layers gives one linear layer
#
# A dense layer computes `inputs @ weights + biases`: it multiplies and adds, nothing
# else. What happens if we feed one dense layer into another? Let's try it with two
# small layers. `DenseLayer` starts with zero biases, so we give them some random
# biases first, to make the test fair.

# %%
first = DenseLayer(2, 4, rng=rng, weight_scale=1.0)
second = DenseLayer(4, 3, rng=rng, weight_scale=1.0)
first.biases[:] = rng.normal(size=(1, 4))
second.biases[:] = rng.normal(size=(1, 3))

X = rng.normal(size=(5, 2))  # a batch of 5 samples with 2 features each
hidden = first.forward(X)  # (5, 2) @ (2, 4) + (1, 4) -> (5, 4)
stacked = second.forward(hidden)  # (5, 4) @ (4, 3) + (1, 3) -> (5, 3)
print(first, "then", second)
print(stacked)

# %% [markdown]
# Write the two steps as one formula and multiply out the brackets:
#
# `(X @ W1 + b1) @ W2 + b2  =  X @ (W1 @ W2) + (b1 @ W2 + b2)`
#
# The right-hand side is a *single* dense layer, with weights `W1 @ W2` and biases
# `b1 @ W2 + b2`. Let's build it and check that it gives the same numbers.

# %%
one = DenseLayer(2, 3, rng=rng)  # its random weights are replaced next
one.weights = first.weights @ second.weights  # (2, 4) @ (4, 3) -> (2, 3)
one.biases = first.biases @ second.weights + second.biases  # (1, 4) @ (4, 3) + (1, 3) -> (1, 3)
print(one)
print(one.forward(X))
print("same output as the two layers:", np.allclose(one.forward(X), stacked))

# %% [markdown]
# The two layers were a single layer in disguise, and so is a stack of ten: the extra
# layers add work but no new abilities. A linear layer can only tilt, stretch and shift
# its inputs, so a classifier built from linear layers alone can only separate classes
# with straight lines (flat planes, in more dimensions).
#
# The fix is to put a small **non-linear** function between the layers, applied to every
# value on its own. It is called an **activation function**. As notebook 01 said, the
# bias is added *before* the activation, so a neuron computes
# `activation(inputs @ weights + biases)`.

# %% [markdown]
# ## A few activation functions
#
# Four classic choices, each a function of one number `z`, the neuron's weighted sum:
#
# - **step**: 1 if `z > 0`, else 0. The neuron is "on" or "off".
# - **linear**: `z` itself. It changes nothing, so it is what we had above.
# - **sigmoid**: `1 / (1 + exp(-z))`, a smooth step from 0 to 1.
# - **ReLU**: `max(0, z)`: negative values become 0, positive ones pass unchanged.

# %%
z = np.linspace(-4, 4, 401)  # (401,) values along the horizontal axis

activations = {
    "step": np.where(z > 0, 1.0, 0.0),
    "linear": z,
    "sigmoid": 1 / (1 + np.exp(-z)),
    "ReLU": np.maximum(z, 0),
}

fig, axes = plt.subplots(1, 4, figsize=(12, 3), sharex=True)
for ax, (name, values) in zip(axes, activations.items(), strict=True):
    ax.axhline(0, color="0.8", linewidth=0.8)
    ax.axvline(0, color="0.8", linewidth=0.8)
    ax.plot(z, values, color="#1f77b4", linewidth=2)
    ax.set_title(name)
    ax.set_xlabel("z (weighted sum)")
axes[0].set_ylabel("activation(z)")
fig.tight_layout()
plt.show()

# %% [markdown]
# How do they compare?
#
# - The **step** function is flat everywhere except at 0, where it jumps. Training (from
#   notebook 07 on) nudges each weight in the direction that improves the result, and a
#   flat function gives no direction, so it is hard to train.
# - The **linear** function is no activation at all: the layers collapse into one.
# - The **sigmoid** is smooth, but flattens out for large positive or negative `z`,
#   which slows learning in deep networks, and it needs an exponential.
# - **ReLU** is one comparison per value, and for positive inputs it passes the signal
#   on unchanged. Its single bend at 0 is enough to make a network non-linear, as the
#   end of this notebook shows. That is why it is the default choice for hidden layers.

# %% [markdown]
# ## ReLU by hand
#
# First one value at a time, with a plain Python loop, exactly as the definition reads.

# %%
values = [0.0, 2.0, -1.0, 3.3, -2.7, 1.1, 2.2, -100.0]

output = []
for value in values:
    if value > 0:
        output.append(value)
    else:
        output.append(0.0)
print(output)

# %% [markdown]
# A loop is slow for a whole batch. NumPy does the same comparison for every value at
# once: `np.maximum(batch, 0)` compares each value with 0 and keeps the larger one. The
# output has the shape of the input, because ReLU works on each value on its own.

# %%
batch = np.array([[1.0, -2.0, 3.0],
                  [-0.5, 0.0, 2.5]])  # (2 samples, 3 values)
print(np.maximum(batch, 0))  # (2, 3) -> (2, 3)

# %% [markdown]
# Another way to say the same thing: ask every value "are you positive?". The
# comparison `batch > 0` gives a boolean array (a *mask*) of the same shape, and
# `np.where(mask, batch, 0.0)` keeps the value where the mask is `True` and puts 0
# where it is `False`.

# %%
mask = batch > 0  # (2, 3) of True/False
print(mask)
print(np.where(mask, batch, 0.0))  # (2, 3) -> (2, 3), same result as np.maximum

# %% [markdown]
# ## What ReLU does to a layer's output
#
# Now a real layer: 8 samples with 4 features go through a dense layer of 6 neurons.
# Its output has one row per sample and one column per neuron. The layer uses the
# default small initial weights (scale 0.01), so the numbers are small.

# %%
X = rng.normal(size=(8, 4))  # 8 samples, 4 features
layer = DenseLayer(4, 6, rng=rng)
sums = layer.forward(X)  # (8, 4) @ (4, 6) + (1, 6) -> (8, 6)
activated = np.maximum(sums, 0)  # (8, 6) -> (8, 6)
print(layer)
print("weighted sums:\n", sums)
print("after ReLU:\n", activated)
print(f"values set to 0 by ReLU: {np.sum(sums < 0)} of {sums.size}")

# %% [markdown]
# The same two arrays as pictures, with one colour scale for both: blue for negative,
# red for positive, and white for 0 (the colours of every figure in the course). Every
# blue cell on the left turns white on the right, and every red cell stays as it was.


# %%
def show_batch(ax, values, title, limit):
    """Draw a (samples, neurons) array as a heat map: red > 0, white = 0, blue < 0."""
    image = ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(title)
    ax.set_xlabel("neuron")
    ax.set_ylabel("sample")
    ax.set_xticks(range(values.shape[1]))
    ax.set_yticks(range(values.shape[0]))
    return image


limit = np.abs(sums).max()
fig, axes = plt.subplots(1, 2, figsize=(9, 4.2))
show_batch(axes[0], sums, "weighted sums (dense layer)", limit)
image = show_batch(axes[1], activated, "after ReLU", limit)
fig.colorbar(image, ax=axes, shrink=0.8, label="value")
plt.show()

# %% [markdown]
# Notice that every neuron (column) is positive for some samples and zero for others.
# That is ReLU doing its job: each neuron "fires" for the part of the input space on
# one side of its own line, and stays silent on the other side.

# %% [markdown]
# ## The `ReLU` class
#
# Now we wrap `np.maximum` in a class that follows the same rules as `DenseLayer`:
#
# - `forward(inputs)` returns the output and also keeps it as `self.output`, so the next
#   layer can read it.
# - It keeps `self.inputs` too: the backward pass (notebook 08) needs to know which
#   values were negative.
# - `check_inputs` (from notebook 01) turns a wrongly shaped batch into an error message
#   in words.
#
# Notebook 08 adds the backward pass to this class; `nnfs_helpers.ReLU` holds the
# finished class, which later notebooks import.


# %%
class ReLU:
    """Rectified linear unit: ``max(0, x)`` for every value of a batch.

    The output has the shape of the inputs: (n_samples, n_features).
    """

    def forward(self, inputs):
        """``max(0, x)`` for every value x of the batch (n_samples, n_features)."""
        inputs = check_inputs("ReLU", inputs)
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output

    def __repr__(self):
        return "ReLU()"


# %% [markdown]
# A dense layer followed by ReLU: the output of one is the input of the next.

# %%
relu = ReLU()
print(layer, "->", relu)
layer.forward(X)  # (8, 4) -> (8, 6)
relu.forward(layer.output)  # (8, 6) -> (8, 6)
print(relu.output[:3])  # the first 3 samples
print("same as by hand:", np.array_equal(relu.output, activated))

# %% [markdown]
# Like every part of the network, `ReLU` expects a batch: a 2-D array with one row per
# sample. A single sample given as a flat list gets an error that says how to fix it.

# %% tags=["raises-exception"]
relu.forward([1.0, -2.0, 3.0])

# %% [markdown]
# ## Dead neurons
#
# You may read that zero biases create a "dead network", because a zero bias would
# make a neuron's output zero. That is not right, and the heat map
# above already shows why: every bias in that layer is 0, yet every neuron is positive
# for some samples. The weights are random and non-zero, so the weighted sums are too.
# **Starting with zero biases is normal and fine.**
#
# What really kills a ReLU neuron is a weighted sum `inputs @ weights + bias` that is
# **negative for every input**. Then ReLU outputs 0 for every sample, so the neuron
# passes nothing on. Worse, when we train the network (notebook 08) we will see that a
# ReLU neuron's gradient is 0 wherever its output is 0, so training never changes its
# weights and it stays silent for good.
#
# One way this happens is a large negative bias, for example after a training step
# that was too big. Let's push one neuron's bias to -1 and run the batch again.

# %%
print("bias 0 everywhere: neurons with output 0 for every sample:",
      np.all(relu.forward(layer.forward(X)) == 0, axis=0))

layer.biases[0, 2] = -1.0  # neuron 2 gets a large negative bias
relu.forward(layer.forward(X))
print("weighted sums of neuron 2:", layer.output[:, 2])
print("ReLU output of neuron 2:  ", relu.output[:, 2])
dead = np.all(relu.output == 0, axis=0)  # (8, 6) -> (6,): one answer per neuron
print("dead neurons:", dead, "->", dead.sum(), "dead")

# %% [markdown]
# Neuron 2's weights are about 0.01 in size, so its weighted sums without the bias are
# a few hundredths; a bias of -1 drowns them, and the neuron's output is 0 for the whole
# batch. A zero output for *some* samples is healthy; only a zero for *all* of them is a
# dead neuron.

# %%
layer.biases[0, 2] = 0.0  # bring neuron 2 back for the rest of the notebook

# %% [markdown]
# The other way to die is weights that point away from all the data, so that
# `inputs @ weights` is negative for every sample. Then a zero or negative bias keeps
# the neuron silent, but not *any* bias: the neuron fires for a sample whenever the bias
# is larger than minus that sample's `inputs @ weights`, so a large enough positive bias
# brings it back. Six samples with two positive features (think of pixel brightness,
# never negative) and a neuron with weights `[-1, -1]`, which points away from all of
# them:

# %%
points = np.array([[0.2, 0.1], [0.5, 0.3], [0.9, 0.2],
                   [0.4, 0.8], [1.0, 1.0], [0.1, 0.6]])  # (6, 2), all positive
away = DenseLayer(2, 1, rng=SEED)  # its weights are replaced next
away.weights[:] = [[-1.0], [-1.0]]  # (2, 1): every weighted sum is -(x1 + x2) < 0
print("inputs @ weights:", (points @ away.weights)[:, 0])
for bias in [0.0, 1.0, 2.5]:
    away.biases[:] = bias
    fires = ReLU().forward(away.forward(points))[:, 0] > 0  # (6, 1) -> (6,)
    print(f"bias {bias}: fires for {fires.sum()} of {len(points)} samples")

# %% [markdown]
# With a bias of 0 the neuron is dead; a bias of 1 revives it for the three samples
# closest to its line, and 2.5, more than the largest `x1 + x2` (2.0), for all of them.
# So a dead neuron is a matter of weights *and* bias together. Training could move the
# bias up, but only through a gradient, and a dead neuron's gradient is 0 (notebook 08):
# a neuron that dies during training usually stays dead.

# %% [markdown]
# ## How ReLU neurons bend lines
#
# One ReLU neuron with one input draws a line with a single bend: flat (0) on one
# side, rising on the other. A sum of several, each bending at a different place,
# is a line with several bends, and with enough bends it can follow any curve.
#
# Here we set the weights by hand to follow `sin(x)` on `[0, 2π]` with 9 hidden
# neurons. Neuron `i` computes `ReLU(x - k_i)`, so it bends at the "knot" `k_i`. The
# output layer adds them up, each times the change of slope at its knot, so between
# two knots the sum is the straight line that joins the sine's values there.
# (Training will find weights like these by itself; for now we pick them.)

# %%
knots = np.linspace(0, 2 * np.pi, 10)  # 10 knots -> 9 straight pieces
slopes = np.diff(np.sin(knots)) / np.diff(knots)  # slope of each piece, (9,)

hidden_layer = DenseLayer(1, 9, rng=rng)  # weights replaced by hand below
hidden_layer.weights[:] = 1.0  # (1, 9): every neuron sees x itself
hidden_layer.biases[:] = -knots[:-1]  # (1, 9): neuron i bends at knots[i]
output_layer = DenseLayer(9, 1, rng=rng)
output_layer.weights[:, 0] = np.diff(slopes, prepend=0.0)  # (9, 1): change of slope
output_layer.biases[:] = np.sin(knots[0])  # the curve's starting height

x = np.linspace(0, 2 * np.pi, 400)[:, np.newaxis]  # (400, 1): a batch of 400 samples
hidden_relu = ReLU()
hidden_relu.forward(hidden_layer.forward(x))  # (400, 1) @ (1, 9) -> (400, 9)
approx = output_layer.forward(hidden_relu.output)  # (400, 9) @ (9, 1) -> (400, 1)
error = np.abs(approx - np.sin(x)).max()
print(f"largest distance from sin(x) with 9 ReLU neurons: {error:.3f}")

# %%
pieces = hidden_relu.output * output_layer.weights[:, 0]  # (400, 9) * (9,) -> (400, 9)
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
axes[0].plot(x, pieces)
axes[0].set_title("each neuron: weight × ReLU(x − knot)")
axes[1].plot(x, np.sin(x), color="0.6", linewidth=4, label="sin(x)")
axes[1].plot(x, approx, color="#d62728", linewidth=1.5, label="sum of the 9 neurons")
axes[1].plot(knots, np.sin(knots), "o", color="#d62728", markersize=4, label="knots")
axes[1].set_title("their sum follows the sine")
axes[1].legend(loc="lower left", fontsize=8)
for ax in axes:
    ax.axhline(0, color="0.85", linewidth=0.8, zorder=0)
    ax.set_xlabel("x")
fig.tight_layout()
plt.show()

# %% [markdown]
# Each coloured line on the left is zero up to its knot, then a straight ramp. None of
# them looks like a sine, but their sum on the right does. More neurons give more
# knots and a closer fit. Without the ReLU each neuron would be a straight line, and so
# would their sum, as the first section showed.

# %% [markdown]
# ## Summary
#
# - A dense layer is linear, and a stack of linear layers is one linear layer: weights
#   `W1 @ W2`, biases `b1 @ W2 + b2`.
# - An activation function, applied to every value after the bias is added, makes the
#   network non-linear: `activation(inputs @ weights + biases)`.
# - ReLU is `max(0, x)`: `np.maximum(batch, 0)` for a whole batch, shape unchanged. It
#   is cheap, and its one bend per neuron lets a sum of neurons follow any curve.
# - `ReLU.forward` returns the output and keeps `self.inputs` and `self.output`, like
#   `DenseLayer`.
# - Zero initial biases are fine. A neuron is dead when its weighted sum is negative for
#   every input: its output (and later its gradient) is then always 0.

# %% [markdown]
# ## Exercises
#
# Replace the placeholder in each cell, run it, and read the checker's verdict.

# %% [markdown]
# ### Exercise 1: ReLU of a batch
#
# Write `relu_batch(batch)` that returns a **new** array: the batch with every negative
# value replaced by 0. Use `np.maximum` or a boolean mask, no loop. Careful: the
# function must not change the array it is given.

# %%
from nnfs_exercises.nb02 import check_relu_batch


def relu_batch(batch):
    # your code here
    return None


check_relu_batch(relu_batch)

# %% [markdown]
# ### Exercise 2: count the dead neurons
#
# Write `count_dead(layer, batch)`: run `batch` through the dense `layer` and a ReLU,
# and return how many of the layer's neurons output 0 for **every** sample of the
# batch (one whole number). The checker tries it on a few layers, one of them with
# zero biases and a neuron that is dead anyway.

# %%
from nnfs_exercises.nb02 import check_count_dead


def count_dead(layer, batch):
    # your code here
    return None


check_count_dead(count_dead)

# %% [markdown]
# ### Exercise 3: collapse two linear layers
#
# Write `collapse(first, second)` that takes two `DenseLayer`s (with no activation
# between them) and returns `(weights, biases)` of the single layer that computes the
# same thing. The weights have one row per input of `first` and one column per neuron
# of `second`; the biases, one row with one value per neuron of `second`. (A layer's
# sizes are in the shape of its weights: `first.weights.shape` is
# `(n_inputs, n_neurons)`.)

# %%
from nnfs_exercises.nb02 import check_collapse


def collapse(first, second):
    # your code here
    return None


check_collapse(collapse)

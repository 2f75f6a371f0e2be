# %% [markdown]
# # 04 · Spiral data and a full forward pass
#
# **Goal:** feed a real data set through a whole network, from raw points to class
# probabilities, and see what an untrained network predicts.
#
# **Prerequisites:** notebooks 01 (`DenseLayer`), 02 (`ReLU`) and 03 (`Softmax`).
#
# **What you will build:** `spiral_data`, a seeded maker of the book's spiral data set,
# and a forward pass written as a loop over a list of layers, the shape every later
# notebook trains with.
#
# *Book: the end of chapter 4 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
from nnfs import datasets as _nnfs_datasets

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    Softmax,
    check_size,
    plot_decision_regions,
    plot_spiral,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## A data set no straight line can split
#
# So far our layers have eaten small made-up batches. Now they get a real data set:
# the **spiral**. Each sample is a point in the plane, described by two numbers (its
# x and y coordinates), so the network has **2 inputs**. Each point belongs to one of
# three classes, and each class winds out from the centre as one arm of a spiral.
#
# The spiral is a good first test because no straight line separates the classes:
# a network has to learn curved boundaries, which is what the hidden layer with its
# ReLU is for.
#
# The `nnfs` package (written for the book) ships the function that draws these
# points, `nnfs.datasets.spiral_data`. We wrap it, for a reason explained next.

# %% [markdown]
# ### Why this course does not call `nnfs.init()`
#
# The book starts every script with `nnfs.init()`. That one call changes NumPy for the
# **whole Python process**: it replaces `np.dot`, `np.zeros`, `np.random.randn` and
# `np.eye` with versions that return `float32`, and it reseeds NumPy's global random
# generator with `np.random.seed(0)`. Every other piece of code running in the same
# kernel (a plotting library, a test, your own experiment in the next cell) now gets the
# patched functions too, and which random numbers a cell receives depends on what ran
# before it.
#
# This course keeps randomness explicit instead. `DenseLayer` takes an `rng` (a
# `np.random.Generator` you create from a seed), and our `spiral_data` takes a `seed`.
# The one wrinkle: `nnfs.datasets.spiral_data` draws from the *global* generator, so
# `spiral_data` saves the global state, seeds it for the one call, and puts it back,
# leaving no trace on anyone else's random numbers. The private helper `_call_seeded`
# does that part. (The import `from nnfs import datasets as _nnfs_datasets` in the
# imports cell gives the nnfs module the same name it has in `nnfs_helpers.py`.)

# %%
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

# %% [markdown]
# The same seed gives the same points every time, whatever ran before:

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)
X_again, y_again = spiral_data(samples=100, classes=3, seed=SEED)
print("same points:", np.array_equal(X, X_again), "| same labels:", np.array_equal(y, y_again))

# %% [markdown]
# ## Look at the data
#
# `X` holds one row per point and one column per coordinate; `y` holds one integer
# label per point. With 100 samples per class and 3 classes there are 300 points.

# %%
print("X:", X.shape, X.dtype)  # (300, 2): 300 points, 2 coordinates each
print("y:", y.shape, y.dtype)  # (300,): one class label per point
print("labels and how many points have each:", np.unique(y, return_counts=True))
print("smallest x, y:", X.min(axis=0), "| largest x, y:", X.max(axis=0))

# %% [markdown]
# The labels come in blocks: the first 100 rows are class 0, the next 100 class 1, and so
# on. Within a block, the points walk out along one arm: the distance from the centre grows
# evenly from 0 to 1 while the angle turns (with a little random noise, so the arms are
# fuzzy). Here are the distances of a few points of class 0:

# %%
rows = [0, 1, 50, 99]
print("labels:", y[rows])
print("distance from the centre:", np.linalg.norm(X[rows], axis=1))

# %% [markdown]
# A picture says it faster. Each colour is one class:

# %%
plot_spiral(X, y, title="Spiral data: 300 points, 3 classes")
plt.show()

# %% [markdown]
# Points near the centre sit close to points of the other two classes, and every arm
# wraps around the others. A line, or even a few lines, cannot cut this plane into three
# single-colour pieces.

# %% [markdown]
# ## The full forward pass, step by step
#
# Near its end, notebook 03 fed five random samples to a small network. Now the same
# network gets real data. It is the book's first network: a dense layer with 2 inputs (x, y) and
# 3 neurons, a ReLU, a dense layer with 3 inputs and 3 neurons (one per class), and a
# softmax that turns the 3 scores of each point into probabilities. The whole batch of
# 300 points goes through at once.

# %%
rng = np.random.default_rng(SEED)  # a fresh generator: rerunning this cell gives the same weights
dense1 = DenseLayer(2, 3, rng=rng)
activation1 = ReLU()
dense2 = DenseLayer(3, 3, rng=rng)
activation2 = Softmax()

hidden = dense1.forward(X)                # (300, 2) @ (2, 3) + (1, 3) -> (300, 3)
hidden = activation1.forward(hidden)      # (300, 3) -> (300, 3), negatives set to 0
scores = dense2.forward(hidden)           # (300, 3) @ (3, 3) + (1, 3) -> (300, 3)
probs = activation2.forward(scores)       # (300, 3) -> (300, 3), each row sums to 1

print("probabilities:", probs.shape)
print(probs[:5])

# %% [markdown]
# Every probability is about 1/3: the untrained network has no idea which class a point
# belongs to, and says so by spreading its bet evenly. Why so even? The weights are drawn
# with a standard deviation of 0.01 and the inputs lie within [-1, 1], so the first
# layer's outputs are tiny, and the second layer multiplies them by tiny weights again.
# The three scores of each point are all almost 0, and the softmax of three equal scores
# is exactly 1/3 each (e⁰ / (e⁰ + e⁰ + e⁰)). The first point is the origin, where every
# score is exactly 0.

# %%
print(f"largest score, in absolute value: {np.abs(scores).max():.1e}")
print(f"probabilities range from {probs.min():.6f} to {probs.max():.6f}")
print(f"row sums range from {probs.sum(axis=1).min():.6f} to {probs.sum(axis=1).max():.6f}")

# %% [markdown]
# Printing a layer shows what it is, thanks to the `__repr__` method each class defines
# (without one, Python prints something like `<nnfs_helpers.DenseLayer object at 0x7f...>`,
# a memory address that tells you nothing):

# %%
print(dense1)
print(activation1)
print(dense2)
print(activation2)

# %% [markdown]
# ## The forward pass as a loop
#
# Look at the four lines of the forward pass again: each one feeds the previous line's
# result to the next object's `forward`. Every layer and activation in the course follows
# the same protocol (`forward(inputs)` returns its output), so a network can simply be a
# **list** and its forward pass a **loop**. That is how every later notebook builds and
# trains networks, whatever their depth, and they import this function from
# `nnfs_helpers` instead of writing it again.

# %%
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


network = [dense1, activation1, dense2, activation2]
print(network)
probs_loop = forward_pass(network, X)  # (300, 2) -> (300, 3)
print("same probabilities as step by step:", np.array_equal(probs_loop, probs))

# %% [markdown]
# ## What the untrained network predicts
#
# The forward pass works for any points, not only the 300 in the data. Feeding it a fine
# grid of points covering the plane shows what the network would answer everywhere.
# `plot_decision_regions` colours each pixel by mixing the class colours in proportion to
# the predicted probabilities: a confident prediction is a strong colour, and
# "1/3 each" is a dull, even mix of all three.

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
plot_spiral(X, y, ax=left, title="The data")
plot_decision_regions(lambda points: forward_pass(network, points), X, y, ax=right,
                      title="Untrained 2-3-3 network: probabilities")
plt.tight_layout()
plt.show()

# %% [markdown]
# One flat colour everywhere: the network is equally unsure about every point.
#
# Unsure is not the same as indifferent, though. The probabilities differ a little (in
# the fifth decimal place), and if we ask for the **most likely class**, the one with the
# highest probability however slim its lead, we get an answer for every point. Below,
# each pixel is painted in the colour of that class, for our network and for a wider
# one with 64 hidden neurons.

# %%
rng = np.random.default_rng(SEED)
wide_network = [DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng), Softmax()]
wide_probs = forward_pass(wide_network, X)  # (300, 2) -> (300, 64) -> (300, 3)
print(wide_network)
print(f"2-64-3 probabilities range from {wide_probs.min():.6f} to {wide_probs.max():.6f}")


def most_likely_class(layers):
    """Return a function giving, per point, a one-hot row for the top class."""
    def predict(points):
        top = forward_pass(layers, points).argmax(axis=1)  # (n_points,)
        return np.eye(3)[top]  # (n_points, 3), a 1 in the winning class's column
    return predict


fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
plot_decision_regions(most_likely_class(network), X, y, ax=left,
                      title="2-3-3: most likely class")
plot_decision_regions(most_likely_class(wide_network), X, y, ax=right,
                      title="2-64-3: most likely class")
plt.tight_layout()
plt.show()

# %% [markdown]
# The wider network is just as unsure (its probabilities stay within a hair of 1/3), and
# 64 hidden neurons instead of 3 do not help: before training, its preferences have as
# little to do with the spiral as the small network's. In both maps the regions are wedges
# whose straight edges meet at the centre. That comes from the zero biases: with no bias,
# doubling a point's coordinates doubles every score, so the winning class stays the same
# all along each ray out from the origin. Training will adjust the weights and biases
# until the regions wrap around the arms.

# %% [markdown]
# ## What is missing
#
# The network turns points into probabilities, but nothing yet says **how wrong** those
# probabilities are. Class 0 points should get a probability near 1 for class 0, and right
# now they get about 1/3. To improve the network we first need a single number that
# measures this error, the **loss**. Notebook 05 builds it: categorical cross-entropy.

# %% [markdown]
# ## Summary
#
# - The spiral data set has 2 features per point (its coordinates) and one integer label;
#   no straight line separates its classes.
# - `spiral_data(samples, classes, seed=...)` returns `X` of shape
#   `(samples * classes, 2)` and `y` of shape `(samples * classes,)`, the same for the same
#   seed, without touching NumPy's global random state (unlike `nnfs.init()`).
# - A forward pass chains `forward` calls: `(300, 2) -> (300, 3) -> (300, 3)`, ending in
#   probabilities that sum to 1 per point.
# - Because every part returns its output, a network is a list of layers and its forward
#   pass is a loop.
# - An untrained network with small weights gives every class about 1/3: it is unsure,
#   and its slim preferences have nothing to do with the data.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: a deeper network
#
# Build a network with two hidden layers of 8 neurons, as a list: a dense layer from the
# 2 inputs to 8 neurons, a ReLU, a dense layer from 8 to 8, a ReLU, a dense layer from 8 to
# 3, and a softmax. Pass `rng=rng` to each `DenseLayer`. Then run `X` through it with
# `forward_pass` and print the output's shape. Which sizes must match for the shapes to
# fit?

# %%
from nnfs_exercises.nb04 import (  # noqa: E402
    check_class_fractions,
    check_deeper_network,
    check_five_class_probs,
)

rng = np.random.default_rng(SEED)
deeper_network = None  # your list of layers here

check_deeper_network(deeper_network)

# %% [markdown]
# ### Exercise 2: which class does the network pick?
#
# Write `class_fractions(probs)`: given probabilities of shape `(n_samples, n_classes)`,
# return an array of shape `(n_classes,)` with the fraction of samples whose highest
# probability is each class. A class that is never picked gets 0. Hints: `argmax` with
# `axis=1` gives one class per row, and `np.bincount` with `minlength` counts them.
# Try it on `probs` from above: does the untrained network pick each class equally
# often?

# %%
def class_fractions(probs):
    return None  # your code here


check_class_fractions(class_fractions)

# %% [markdown]
# ### Exercise 3: five classes
#
# Make spiral data with 5 classes of 50 points each, and print the shapes of `X5` and
# `y5`. Then build a 2-3-5 network (the output layer needs one neuron per class), run
# `X5` through it and store its probabilities in `probs5`.

# %%
rng = np.random.default_rng(SEED)
probs5 = None  # your code here: the network's output for X5

check_five_class_probs(probs5)

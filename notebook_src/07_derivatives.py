# %% [markdown]
# # 07 · Derivatives: which way is downhill?
#
# **Goal:** see why guessing new weights at random is a hopeless way to train a network,
# and learn the tool that replaces guessing: the derivative, which says for every weight
# which way (and how steeply) the loss goes.
#
# **Prerequisites:** [04 · Spiral data and a full forward pass](04_spiral_forward_pass.ipynb),
# [05 · Categorical cross-entropy](05_categorical_cross_entropy.ipynb) and
# [06 · Accuracy](06_accuracy.ipynb). No calculus is assumed beyond what this notebook
# teaches: it builds the derivative from slopes, and its last section teaches the few
# rules the course needs (power, sum, product, chain, exp, log and absolute value), each
# checked numerically. (One cell uses the derivatives of `sin`, which it states; its
# result is what matters.)
#
# **What you will build:** `numerical_gradient`, which estimates the derivative of any
# function with respect to every element of an array by nudging each one in turn,
# `vertical_data`, the book's easy data set, and the derivative rules that notebooks 08
# and 09 use, each checked against `numerical_gradient`.
#
# *Book: chapters 6 and 7 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import time

import matplotlib.pyplot as plt
import numpy as np
from nnfs import datasets as _nnfs_datasets

from nnfs_helpers import (
    CategoricalCrossEntropy,
    DenseLayer,
    ReLU,
    Softmax,
    _call_seeded,  # (shown in notebook 04)
    accuracy,
    check_claim,
    check_size,
    plot_decision_regions,
    plot_seed_study,
    plot_spiral,
    print_seed_study,
    seed_study,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## An easy data set
#
# Notebooks 05 and 06 gave us two numbers that say how good a network is: the **loss**
# (lower is better) and the **accuracy**. Training means changing the weights and
# biases until the loss is low. But *how* should we change them?
#
# Before the spiral, let's try on an easier problem: the book's **vertical** data set.
# Each class is a round blob of points, and the blobs sit side by side, so two vertical
# lines separate them almost perfectly. `vertical_data` wraps the `nnfs` function the
# same way `spiral_data` does (notebook 04): it seeds NumPy's global generator for the
# one call and restores it afterwards.

# %%
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


# %%
X_vertical, y_vertical = vertical_data(100, 3, seed=SEED)
X_spiral, y_spiral = spiral_data(100, 3, seed=SEED)
print("vertical:", X_vertical.shape, y_vertical.shape)  # (300, 2) (300,)
print("spiral:  ", X_spiral.shape, y_spiral.shape)

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.5))
plot_spiral(X_vertical, y_vertical, ax=left, title="Vertical data: three blobs")
plot_spiral(X_spiral, y_spiral, ax=right, title="Spiral data: three arms")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Training by guessing
#
# We use the network of notebook 04: a dense layer with 2 inputs and 3 neurons, a ReLU,
# a dense layer with 3 inputs and 3 neurons, and a softmax, with the cross-entropy loss on
# top. It has 2 × 3 + 3 = 9 parameters in the first layer and 3 × 3 + 3 = 12 in the
# second: **21 numbers** to choose. `network_loss` runs the forward pass and returns the
# loss and the accuracy.

# %%
def network_loss(layers, X, y):
    """Forward pass through ``layers``, then (cross-entropy loss, accuracy)."""
    output = X
    for layer in layers:
        output = layer.forward(output)  # (300, 2) -> (300, 3) -> ... -> (300, 3)
    return CategoricalCrossEntropy().forward(output, y), accuracy(output, y)


def make_network(rng):
    """The 2-3-3 network of notebook 04, as a list of layers."""
    return [DenseLayer(2, 3, rng=rng), ReLU(), DenseLayer(3, 3, rng=rng), Softmax()]


network = make_network(np.random.default_rng(SEED))
dense1, dense2 = network[0], network[2]
n_parameters = sum(layer.weights.size + layer.biases.size for layer in (dense1, dense2))
print("parameters:", n_parameters)
loss, acc = network_loss(network, X_vertical, y_vertical)
print(f"untrained: loss {loss:.4f}, accuracy {acc:.2f}")

# %% [markdown]
# The untrained network gives each class about 1/3, so its loss is about ln 3 ≈ 1.0986 and
# its accuracy is no better than a guess (notebooks 05 and 06).
#
# ### Attempt 1: fresh random weights, keep the best
#
# The simplest idea, and the book's first one: draw all 21 numbers at random, compute the
# loss, and remember the best set seen so far. Repeat many times.

# %%
# Compared exactly on every machine, like the search below: see the comment there.
rng = np.random.default_rng(SEED)
best_loss, best_accuracy = np.inf, 0.0
n_tries = 1000
for _ in range(n_tries):
    for layer in (dense1, dense2):
        layer.weights = 0.05 * rng.standard_normal(layer.weights.shape)
        layer.biases = 0.05 * rng.standard_normal(layer.biases.shape)
    loss, acc = network_loss(network, X_vertical, y_vertical)
    if loss < best_loss:
        best_loss, best_accuracy = loss, acc

print(f"best of {n_tries} random networks: loss {best_loss:.4f}, "
      f"accuracy {best_accuracy:.2f}")

# %% [markdown]
# After 1000 tries the best loss is still about ln 3. The accuracy may look better than a
# guess, but a loss this close to ln 3 means the correct classes still get a probability
# of about 1/3 on average: the network barely leans towards its answers (notebook 06
# showed how loss and accuracy can disagree). Random weights of this size give a network
# that is unsure of everything, and no amount of redrawing changes that: each try starts
# from scratch and learns nothing from the ones before.
#
# ### Attempt 2: nudge the best weights, keep a nudge only if it helps
#
# A better idea (the book's second): start from the current weights, add a small random
# change to every one of them, and keep the change **only if the loss went down**;
# otherwise undo it. This is a random walk that never goes uphill, and it builds on its
# own progress.

# %%
def random_search(X, y, n_tries, *, step=0.05, seed=0):
    """Nudge every parameter at random; keep the nudge only if the loss drops.

    Returns the best loss after each try, the accuracy that went with it,
    how many nudges were kept, and the final network.
    """
    rng = np.random.default_rng(seed)
    layers = make_network(rng)
    parameters = [array for layer in (layers[0], layers[2])
                  for array in (layer.weights, layer.biases)]
    best_loss, best_accuracy = network_loss(layers, X, y)
    losses, accuracies, n_kept = [best_loss], [best_accuracy], 0
    for _ in range(n_tries):
        nudges = [step * rng.standard_normal(p.shape) for p in parameters]
        for p, nudge in zip(parameters, nudges, strict=True):
            p += nudge  # in place: the layers see the change
        loss, acc = network_loss(layers, X, y)
        if loss < best_loss:
            best_loss, best_accuracy, n_kept = loss, acc, n_kept + 1
        else:
            for p, nudge in zip(parameters, nudges, strict=True):
                p -= nudge  # undo: back to the best weights so far
        losses.append(best_loss)
        accuracies.append(best_accuracy)
    return np.array(losses), np.array(accuracies), n_kept, layers


# These digits are the same on every machine, so they are compared exactly. Another CPU
# rounds each loss differently, by about 1e-16 of its size, but nothing carries that over
# from one try to the next: the weights change only by adding and subtracting the same
# random numbers, which every machine does exactly alike. A rounding difference could
# only matter by flipping `loss < best_loss`, and in these runs (and in the 1000 fresh
# draws above) a try and the best loss so far were never closer than 1e-6 of their size.
n_tries = 2000
results = {"vertical": random_search(X_vertical, y_vertical, n_tries, seed=SEED),
           "spiral": random_search(X_spiral, y_spiral, n_tries, seed=SEED)}
for name, (losses, accuracies, n_kept, _) in results.items():
    print(f"{name:>8}: loss {losses[0]:.4f} -> {losses[-1]:.4f}, "
          f"accuracy {accuracies[0]:.2f} -> {accuracies[-1]:.2f}, "
          f"nudges kept: {n_kept} of {n_tries}")

# %% [markdown]
# On the vertical data this works: the loss falls far below ln 3 and most points end up in
# the right class. On the spiral, the same search with the same number of tries barely
# moves. The curves show how it went, try by try:

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8))
for name, (losses, accuracies, _, _) in results.items():
    left.plot(losses, label=name)
    right.plot(accuracies, label=name)
left.axhline(np.log(3), color="0.6", linestyle="--", linewidth=1, label="ln 3 (a guess)")
left.set_title("Best loss so far")
left.set_ylabel("cross-entropy loss")
right.set_title("Accuracy of the best weights")
right.set_ylabel("accuracy")
right.set_ylim(0, 1)
for ax in (left, right):
    ax.set_xlabel("try")
    ax.legend()
fig.tight_layout()
plt.show()

# %% [markdown]
# And here is what the two searched networks predict across the plane:

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.5))
for ax, (name, X, y) in zip((left, right), [("vertical", X_vertical, y_vertical),
                                            ("spiral", X_spiral, y_spiral)], strict=True):
    layers = results[name][3]

    def predict(points, layers=layers):
        for layer in layers:
            points = layer.forward(points)
        return points

    plot_decision_regions(predict, X, y, ax=ax,
                          title=f"{name}: after {n_tries} tries of random search")
plt.tight_layout()
plt.show()

# %% [markdown]
# ### Why guessing does not scale
#
# Look at how the searches spent their tries. Most nudges were thrown away, and the later
# in the search, the rarer a useful one becomes:

# %%
for name, (losses, _, n_kept, _) in results.items():
    late = np.sum(np.diff(losses[-1001:]) < 0)  # improvements among the last 1000 tries
    print(f"{name:>8}: kept {n_kept / n_tries:.1%} of all nudges, "
          f"{late / 1000:.1%} of the last 1000")

# %% [markdown]
# Each try costs a full forward pass over the data, and all it tells us is "better" or
# "not better". It says nothing about *which* of the 21 numbers should go up, which should
# go down, and by how much. A random nudge moves all of them at once: a little downhill,
# perhaps, but mostly sideways.
#
# And the more numbers there are, the more "sideways" a random direction is. The cosine of
# the angle between two directions measures how much they agree: 1 for the same
# direction, 0 for a right angle. Here is its typical size between a fixed "downhill"
# direction and random ones, in spaces of 21 numbers (our network), 387 (a network with
# 64 hidden neurons) and 100 000:

# %%
rng = np.random.default_rng(SEED)
for n in [21, 387, 100_000]:
    downhill = rng.standard_normal(n)
    downhill /= np.linalg.norm(downhill)  # (n,), length 1
    nudges = rng.standard_normal((20, n))  # 20 random directions
    cosines = nudges @ downhill / np.linalg.norm(nudges, axis=1)  # (20,)
    print(f"{n:>7} numbers: typical |cosine| {np.mean(np.abs(cosines)):.4f}")

# %% [markdown]
# A random nudge in a space of 100 000 numbers is almost at a right angle to the way down,
# so even a lucky one gains only a sliver of what a step straight downhill would. Real
# networks have millions of parameters. (On the spiral the search stalled with only 21,
# but there the search is not what fails: we come back to it once we have a better
# method.)
#
# What we need is, for every parameter, the answer to: *if I increase this number a
# little, how much does the loss change?* That answer is a **derivative**.

# %% [markdown]
# ## The slope of a line
#
# Start with a function of one number. For a straight line such as `f(x) = 2x`, the
# **slope** is "how much `f` goes up per unit of `x`": pick any two points and divide the
# change in `f` by the change in `x`.

# %%
def line(x):
    return 2 * x


for x1, x2 in [(0.0, 1.0), (1.0, 3.0), (-5.0, 2.5)]:
    slope = (line(x2) - line(x1)) / (x2 - x1)
    print(f"from x = {x1:4} to x = {x2:4}: slope {slope:.2f}")

# %% [markdown]
# Every pair gives 2: a line has the same slope everywhere.
#
# ## The slope of a curve
#
# For a curve such as `f(x) = x²` the slope changes from place to place: it is flat at 0
# and steeper further out. The line through two points of the curve (a **secant**) has a
# slope that depends on which two points we pick. Fix the first point at `x = 1` and
# move the second one closer, `x = 1 + h` for smaller and smaller `h`:

# %%
def parabola(x):
    return x ** 2


x0 = 1.0
for h in [1.0, 0.5, 0.1, 0.01, 0.001]:
    slope = (parabola(x0 + h) - parabola(x0)) / h
    print(f"h = {h:<6}: slope of the secant {slope:.4f}")

# %% [markdown]
# The slopes settle on 2. The limit, as `h` shrinks to 0, is the **derivative** of `f` at
# `x0`: the slope of the **tangent**, the line that just touches the curve there.
# Calculus gives it exactly, `d(x²)/dx = 2x`, so 2 at `x = 1` (the rules that give such
# formulas come in the last section of this notebook). In the picture, each secant
# joins the point at `x = 1` to a second point on the curve, and as that point slides
# closer the secants turn into the tangent:

# %%
x = np.linspace(-0.5, 3.2, 200)
fig, ax = plt.subplots(figsize=(6.5, 4.5))
ax.plot(x, parabola(x), color="black", linewidth=2, label="f(x) = x²")
colours = plt.cm.viridis(np.linspace(0, 0.8, 3))
for h, colour in zip([2.0, 1.0, 0.4], colours, strict=True):
    slope = (parabola(x0 + h) - parabola(x0)) / h
    ax.plot(x, parabola(x0) + slope * (x - x0), color=colour, linewidth=1.2,
            label=f"secant, h = {h}: slope {slope:.1f}")
    ax.plot(x0 + h, parabola(x0 + h), "o", color=colour)
ax.plot(x, parabola(x0) + 2 * x0 * (x - x0), color="#d62728", linewidth=2,
        linestyle="--", label="tangent: slope 2x = 2")
ax.plot(x0, parabola(x0), "o", color="#d62728", markersize=8)
ax.set_ylim(-1.5, 10)
ax.set_xlabel("x")
ax.set_ylabel("f(x)")
ax.set_title("Secants approach the tangent as h shrinks")
ax.legend(loc="upper left", fontsize=8)
plt.show()

# %% [markdown]
# ## Numerical derivatives, and how small `h` should be
#
# A computer cannot take a limit, but it can pick a small `h` and compute the slope of the
# secant. That is a **numerical derivative**. There are two common recipes:
#
# - **one-sided** (forward) difference: `(f(x + h) - f(x)) / h`;
# - **centred** difference: `(f(x + h) - f(x - h)) / (2h)`, the secant through two points
#   placed symmetrically around `x`.
#
# Which is better, and how small should `h` be? We can measure it on a function whose
# derivative calculus knows exactly: `d sin(x)/dx = cos(x)` (a fact we state rather than
# derive; the table below shows the numerical estimates closing in on it).

# %%
def one_sided(f, x, h):
    return (f(x + h) - f(x)) / h


def centred(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)


x0 = 1.0
exact = np.cos(x0)
print(f"exact derivative of sin at {x0}: {exact:.10f}")
for h in [1e-1, 1e-2, 1e-3, 1e-4]:
    error_one = abs(one_sided(np.sin, x0, h) - exact)
    error_centred = abs(centred(np.sin, x0, h) - exact)
    print(f"h = {h:.0e}: one-sided error {error_one:.1e}, centred error {error_centred:.1e}")

# %% [markdown]
# Each time `h` shrinks tenfold, the one-sided error shrinks tenfold (it is proportional
# to `h`), but the centred error shrinks a hundredfold (proportional to `h²`). The
# centred difference is far more accurate for the same `h`, because the curvature's
# contributions on the two sides cancel.
#
# So why not take `h = 1e-15`? Because floats have only about 16 significant digits.
# `f(x + h)` and `f(x - h)` become almost equal, and their difference keeps only the few
# digits in which they differ: the rest is rounding noise, which the division by a tiny
# `h` then magnifies. Roughly, the rounding error is `ε / h`, with `ε ≈ 2.2e-16` the
# float64 precision. The two effects pull in opposite directions, so each recipe has a
# best `h`, where the sum of the truncation error (`h` or `h²`) and the rounding error
# (`ε / h`) is smallest.
#
# How big the truncation error is depends on how fast the slope itself changes. That is
# measured by the **second derivative** `f''`, the derivative of the derivative (the
# curvature), and for the centred recipe by the **third** `f'''`, the derivative of that.
# For `sin` they are known: `sin' = cos` and `cos' = -sin`, so `f'' = -sin` and
# `f''' = -cos`. Only the result of the next cell matters for the rest of the course:
# for `sin` near 1 the two errors balance at about:

# %%
eps = np.finfo(np.float64).eps
f0, f2, f3 = np.sin(x0), -np.sin(x0), -np.cos(x0)  # f, f'' and f''' at x0
# One-sided: truncation |f''| h / 2 plus rounding 2 eps |f| / h is smallest
# where h**2 = 4 eps |f| / |f''| (where its slope in h is 0).
h_best_one = 2 * np.sqrt(eps * abs(f0) / abs(f2))
# Centred: truncation |f'''| h**2 / 6 plus rounding eps |f| / h is smallest
# where |f'''| h / 3 = eps |f| / h**2, i.e. h**3 = 3 eps |f| / |f'''|.
h_best_centred = (3 * eps * abs(f0) / abs(f3)) ** (1 / 3)
print(f"float64 eps = {eps:.1e}")
print(f"best h, one-sided: about {h_best_one:.0e}")
print(f"best h, centred:   about {h_best_centred:.0e}")

# %% [markdown]
# The measured errors over the whole range of `h`, on log-log axes, where "proportional
# to `h`" is a straight line of slope 1 and "proportional to `h²`" one of slope 2:

# %%
hs = np.logspace(-15, -1, 57)  # from 1e-15 to 1e-1, four values per factor of 10
errors_one = np.abs(one_sided(np.sin, x0, hs) - exact)
errors_centred = np.abs(centred(np.sin, x0, hs) - exact)

fig, ax = plt.subplots(figsize=(10, 4.5))
ax.loglog(hs, errors_one, "o-", markersize=3, label="one-sided: (f(x+h) - f(x)) / h")
ax.loglog(hs, errors_centred, "s-", markersize=3,
          label="centred: (f(x+h) - f(x-h)) / 2h")
ax.loglog(hs, 0.5 * np.sin(x0) * hs, ":", color="C0", label="slope 1: error ∝ h")
ax.loglog(hs, np.cos(x0) / 6 * hs ** 2, ":", color="C1", label="slope 2: error ∝ h²")
ax.loglog(hs, eps / hs, "--", color="0.5", label="rounding: ε / h")
ax.axvline(1e-5, color="#d62728", linewidth=0.8)
ax.text(1.3e-5, 1e-14, "h = 1e-5", color="#d62728")
ax.set_ylim(1e-16, 1)
ax.set_xlabel("h")
ax.set_ylabel("|numerical - exact|")
ax.set_title("Error of the numerical derivative of sin at x = 1")
ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.02, 1))
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the figure from right to left. For large `h` both errors follow their dotted
# lines, slope 1 and slope 2. Then each curve hits the rounding line and turns back up,
# growing noisily as `h` keeps shrinking; by `h = 1e-15` the estimate is worthless. The
# centred curve reaches its lowest point near `h = 1e-5`, far below anything the
# one-sided recipe can reach. That is why the course uses centred differences with
# `h = 1e-5` in float64.

# %% [markdown]
# ## Partial derivatives
#
# A loss depends on many numbers at once. For a function of two variables, say
# `f(x, y) = x² + 3y²`, we ask the slope question once per variable, holding the other
# one fixed. Those are the **partial derivatives**: `∂f/∂x = 2x` (the `3y²` term does not
# change when only `x` moves) and `∂f/∂y = 6y`. Numerically, nudge one variable at a time.
# We store the variables in one array `p = [x, y]`, as the weights of a layer are stored:

# %%
def bowl(p):
    """f(x, y) = x**2 + 3 * y**2, with p = [x, y]."""
    return p[0] ** 2 + 3 * p[1] ** 2


p = np.array([1.0, 0.5])
h = 1e-5
dfdx = (bowl(p + [h, 0.0]) - bowl(p - [h, 0.0])) / (2 * h)  # nudge x only
dfdy = (bowl(p + [0.0, h]) - bowl(p - [0.0, h])) / (2 * h)  # nudge y only
print(f"numerical: df/dx = {dfdx:.6f}, df/dy = {dfdy:.6f}")
print(f"exact:     df/dx = {2 * p[0]:.6f}, df/dy = {6 * p[1]:.6f}")

# %% [markdown]
# The two partial derivatives together form the **gradient**, `[∂f/∂x, ∂f/∂y]`, an array
# with the same shape as `p`. It points in the direction in which `f` climbs fastest, so
# its opposite, the negative gradient, points **downhill**. That is exactly the sense of
# direction the random search lacked.
#
# ## `numerical_gradient`
#
# Nudging one element at a time works for an array of any shape, such as a layer's
# `(2, 3)` weights. `numerical_gradient(f, x, h)` loops over the elements of `x`; for each
# one it nudges that element up by `h`, evaluates `f`, nudges it down by `h`, evaluates `f`
# again, puts the element back exactly, and stores the centred difference.
#
# Two details make it convenient for networks:
#
# - It nudges `x` **in place**. So `x` can be a layer's own `weights` array, and `f` can
#   simply run the forward pass and read the nudged weights from the layer.
# - It needs **float64**: in float32 (about 7 significant digits) a nudge of 1e-5 to a
#   weight of size 1 would be mostly lost to rounding.
#
# The private helper `_scalar` turns `f`'s answer into a float, or explains the mistake
# when `f` returns an array instead of one number.

# %%
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


# %% [markdown]
# It reproduces the two partial derivatives from before, and leaves `p` as it was:

# %%
print("gradient of the bowl at", p, ":", numerical_gradient(bowl, p))
print("p afterwards:", p)

# %% [markdown]
# The gradient at many points of the plane, drawn as arrows over the contour lines of
# `f` (lines of equal height, like a map of a valley). The arrows show the **negative**
# gradient, the downhill direction, and their length is the steepness:

# %%
grid = np.linspace(-2, 2, 201)
xx, yy = np.meshgrid(grid, grid)
heights = xx ** 2 + 3 * yy ** 2  # (201, 201): the bowl at every grid point

arrow_points = [np.array([px, py]) for px in np.linspace(-1.6, 1.6, 7)
                for py in np.linspace(-1.2, 1.2, 7)]
gradients = np.array([numerical_gradient(bowl, q) for q in arrow_points])  # (49, 2)
starts = np.array(arrow_points)  # (49, 2)

fig, ax = plt.subplots(figsize=(6.5, 5.5))
contours = ax.contour(xx, yy, heights, levels=[0.25, 1, 2, 4, 6, 9], cmap="Greys",
                      vmin=-4, vmax=9)
ax.clabel(contours, fontsize=8)
ax.quiver(starts[:, 0], starts[:, 1], -gradients[:, 0], -gradients[:, 1],
          color="#1f77b4", angles="xy", scale_units="xy", scale=12, width=0.004)
ax.plot(0, 0, "*", color="#d62728", markersize=12, label="minimum (0, 0)")
ax.set_aspect("equal")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("f(x, y) = x² + 3y²: contours and the negative gradient")
ax.legend(loc="upper right")
plt.show()

# %% [markdown]
# Every arrow crosses the contour lines at a right angle: the steepest way down. Notice
# that the arrows do not all point at the minimum: `f` is steeper along `y` than along
# `x`, so the gradient first of all says "reduce `y`". A gradient is a local answer:
# the best direction *from here*, for a small step.
#
# ## The gradient of a network's loss
#
# Now the real thing: the gradient of the loss with respect to the first layer's weights.
# `f` ignores its argument and runs the forward pass; `numerical_gradient` nudges
# `dense1.weights` in place underneath it.

# %%
network = make_network(np.random.default_rng(SEED))
dense1, dense2 = network[0], network[2]


def loss_now(_=None):
    """The loss of `network` on the vertical data, with its current weights."""
    return network_loss(network, X_vertical, y_vertical)[0]


print(dense1)
gradient_w1 = numerical_gradient(loss_now, dense1.weights)  # (2, 3), like the weights
print("d loss / d weights of dense1:")
print(gradient_w1)

# %% [markdown]
# One number per weight. A positive entry means "increasing this weight raises the loss",
# so that weight should go down; a negative one means it should go up; and the size says
# how much the loss cares.
#
# The middle column is exactly 0. Neuron 1 of `dense1` outputs 0 for every point of the
# vertical data (its weighted sum is always negative: a dead neuron, as in notebook 02),
# so nudging its weights changes nothing at all:

# %%
print("share of points where each neuron of dense1 is active:",
      np.mean(dense1.output > 0, axis=0))

# %% [markdown]
# Now use it. Instead of guessing, step every parameter of both layers a little
# **against** its gradient, recompute the gradients, and repeat. This is **gradient
# descent**, the way every network in this course will be trained (notebook 11). Each
# step moves all 21 numbers downhill at once:

# %%
# Compared exactly: a last-bit difference in a loss becomes about 1e-11 in a numerical
# gradient, and this steadily falling descent carries it to the final loss only as a
# difference of the order of 1e-9, far too small to change the digits printed.
parameters = [dense1.weights, dense1.biases, dense2.weights, dense2.biases]
losses_gd = [loss_now()]
for _ in range(100):
    gradients = [numerical_gradient(loss_now, array) for array in parameters]
    for array, gradient in zip(parameters, gradients, strict=True):
        array -= 0.7 * gradient  # a step against the gradient, in place
    losses_gd.append(loss_now())

steps_down = np.sum(np.diff(losses_gd) < 0)
print(f"loss {losses_gd[0]:.4f} -> {losses_gd[-1]:.4f} in 100 steps; "
      f"steps that lowered it: {steps_down} of 100")
print(f"accuracy: {network_loss(network, X_vertical, y_vertical)[1]:.2f}")

# %% [markdown]
# Every step lowered the loss: no try was wasted. (The dead neuron stayed dead, since its
# gradient is always 0; the other two neurons were enough for three blobs.)
#
# ### And the spiral?
#
# Random search stalled on the spiral. Was that because it guesses? Let's hand the
# weights where it stopped to gradient descent and see whether the downhill direction
# leads much further. We do it for 5 seeds: 2000 tries of the search, then 50 steps of
# gradient descent (step size 1.0) from the weights it found.

# %%
def search_then_descend(seed, n_steps=50):
    """Random search on the spiral, then gradient descent from where it stopped."""
    search_losses, _, _, layers = random_search(X_spiral, y_spiral, 2000, seed=seed)
    arrays = [array for layer in (layers[0], layers[2])
              for array in (layer.weights, layer.biases)]

    def loss_of(_=None):
        return network_loss(layers, X_spiral, y_spiral)[0]

    for _ in range(n_steps):
        gradients = [numerical_gradient(loss_of, array) for array in arrays]
        for array, gradient in zip(arrays, gradients, strict=True):
            array -= 1.0 * gradient
    descent_loss, descent_accuracy = network_loss(layers, X_spiral, y_spiral)
    return {"search, 2000 tries": search_losses[-1],
            "then 50 steps of descent": descent_loss,
            "accuracy after descent": descent_accuracy}


spiral_results = seed_study(search_then_descend, seeds=range(5))
spiral_studies = {name: {"loss": spiral_results[name]} for name in list(spiral_results)[:2]}
fig, ax = plt.subplots(figsize=(8, 2.2))
plot_seed_study(spiral_studies, "loss", ax=ax,
                title="Spiral data, 5 seeds: loss reached (ln 3 is about 1.10)")
plt.show()

# %%
gain = spiral_results["search, 2000 tries"] - spiral_results["then 50 steps of descent"]
check_claim("on the spiral, 50 steps of gradient descent from where the search stopped "
            "lower the loss by less than 0.01 on every seed", bool(np.all(gain < 0.01)))
check_claim("after them the loss is still above 1.0 and the accuracy below 0.5 on every "
            "seed",
            bool(np.all(spiral_results["then 50 steps of descent"] > 1.0)
                 and np.all(spiral_results["accuracy after descent"] < 0.5)))

# %% [markdown]
# Gradient descent barely moves either. The search did not stall for lack of a
# direction: where it stopped, the ground is almost flat, and even the exact way down
# gains next to nothing.
#
# The limit is the network itself. Each of its 3 hidden neurons is 0 on one side of a
# straight line and grows steadily on the other, so those 3 lines cut the plane into at
# most 7 pieces, and inside each piece the boundaries between classes are straight (look
# at the spiral's decision regions drawn earlier). Three arms that wind around each other
# need far more bends than that, whatever method picks the 21 numbers. More neurons are
# the cure: notebook 11 trains a network with 64 hidden neurons, and its regions wrap
# around the arms.
#
# ## Why numerical gradients are too slow to train with
#
# Count the work. For every parameter, `numerical_gradient` runs the forward pass twice
# (nudge up, nudge down). Let's count the calls with a small wrapper:

# %%
def count_calls(f):
    """Wrap f so that every call adds 1 to ``wrapped.calls``."""
    def wrapped(x):
        wrapped.calls += 1
        return f(x)
    wrapped.calls = 0
    return wrapped


counted = count_calls(loss_now)
for array in parameters:
    numerical_gradient(counted, array)
print(f"{n_parameters} parameters -> {counted.calls} forward passes for one gradient")
print(f"100 steps of gradient descent -> {100 * counted.calls} forward passes "
      f"(the random search: {n_tries})")

# %% [markdown]
# So the 100 steps of gradient descent on the vertical data cost more than twice as many
# forward passes as the whole random search, and the search ended lower (0.19 against 0.29
# in these two runs). Is gradient descent worse, then? It depends on what we count, and one
# run of each settles nothing: another seed starts from other weights and draws other
# nudges.
#
# ### Gradient descent against random search, counted fairly
#
# We run both from the same starting weights for 6 seeds (the seed sets the weights and
# the search's nudges) on the vertical data, and compare them in two ways:
#
# - **per step:** 100 tries of random search against 100 steps of gradient descent;
# - **per forward pass:** 2000 tries of random search (2000 passes) against 47 steps of
#   gradient descent (47 × 42 = 1974 passes).
#
# `seed_study(run, seeds)` from `nnfs_helpers` calls `run(seed)` for every seed and
# collects what it returns, one array entry per seed. Each run takes a moment (4200
# forward passes of gradient descent), so the cell needs a few seconds.

# %%
def race(seed):
    """Random search and gradient descent from the same starting weights, vertical data."""
    search_losses, _, n_kept, _ = random_search(X_vertical, y_vertical, 2000, seed=seed)
    layers = make_network(np.random.default_rng(seed))  # the search's starting weights
    arrays = [array for layer in (layers[0], layers[2])
              for array in (layer.weights, layer.biases)]

    def loss_of(_=None):
        return network_loss(layers, X_vertical, y_vertical)[0]

    descent_losses = [loss_of()]
    for _ in range(100):
        gradients = [numerical_gradient(loss_of, array) for array in arrays]
        for array, gradient in zip(arrays, gradients, strict=True):
            array -= 0.7 * gradient
        descent_losses.append(loss_of())
    return {"search, 100 tries": search_losses[100],
            "descent, 100 steps": descent_losses[100],
            "search, 2000 tries (2000 passes)": search_losses[2000],
            "descent, 47 steps (1974 passes)": descent_losses[47],
            "nudges kept": float(n_kept),
            # the first try at which the search got as low as 100 steps of descent
            "tries to match": float(np.argmax(search_losses <= descent_losses[100])
                                    if np.any(search_losses <= descent_losses[100])
                                    else np.inf)}


race_results = seed_study(race, seeds=range(6))
studies = {name: {"loss": race_results[name]} for name in list(race_results)[:4]}
fig, ax = plt.subplots(figsize=(8, 3))
plot_seed_study(studies, "loss", ax=ax,
                title="Vertical data, 6 seeds: loss reached (lower is better)")
ax.axhline(1.5, color="0.6", linewidth=0.8)  # separates the two ways of counting
plt.show()

# %% [markdown]
# A table of the same numbers, with the spread (every seed is shown):

# %% tags=["nbval-ignore-output"]
# output not compared: a seed-study table (the course checks claims about those, not their
# digits), from 600 descent steps whose numerical gradients magnify each loss's rounding
# by 1/(2h). The claims below hold on any machine.
print_seed_study(studies, "loss")
print("tries the search needed to match 100 steps of descent:",
      race_results["tries to match"].astype(int))
print("nudges the search kept, of 2000:", race_results["nudges kept"].astype(int))

# %% [markdown]
# Each count has a clear winner, on every seed:
#
# - **Per step, gradient descent wins by far.** After 100 steps it is always well below
#   the search after 100 tries, which has barely started. To get as low, the search needed
#   a few hundred tries. Each step of gradient descent moves all 21 numbers in the
#   downhill direction at once, while the search throws most of its nudges away.
# - **Per forward pass, random search wins here.** With the same 2000 passes it always
#   ends far lower than 47 steps of gradient descent. A numerical gradient costs 42
#   passes, and with only 21 numbers a random nudge is not that far from downhill (a
#   typical cosine of 0.23, above).
#
# `check_claim` (also from `nnfs_helpers`) prints each claim the text makes with a ✓ after
# checking it on the numbers just computed, and stops with an error if one does not hold.
# Your computer rounds a little differently from the one that built this notebook, so
# your digits may differ; these claims hold on any machine:

# %%
check_claim("per step: after 100 steps, gradient descent is below the search after 100 "
            "tries on every seed",
            bool(np.all(race_results["descent, 100 steps"]
                        < race_results["search, 100 tries"])))
check_claim("the search needed between 150 and 1000 tries to match 100 steps of descent",
            bool(np.all((race_results["tries to match"] > 150)
                        & (race_results["tries to match"] < 1000))))
check_claim("the search threw away most of its 2000 nudges on every seed",
            bool(np.all(race_results["nudges kept"] < 1000)))
check_claim("per forward pass: after about 2000 passes, the search is below gradient "
            "descent on every seed",
            bool(np.all(race_results["search, 2000 tries (2000 passes)"]
                        < race_results["descent, 47 steps (1974 passes)"])))

# %% [markdown]
# So on this tiny, easy problem, guessing is a fair competitor. Two things turn the
# balance as networks grow. The more numbers there are, the more sideways a random nudge
# points (the cosines above), so the search keeps fewer and fewer of its tries; and the
# numerical gradient, the expensive part of gradient descent here, can be replaced by an
# exact one that costs about as much as a forward pass, whatever the number of
# parameters (next section). A sense of direction is exactly what we need, but
# numerical gradients are an expensive way to get it, and the bill grows with every
# parameter. A wider network on the spiral, with 64 hidden neurons, already has
# hundreds:

# %%
wide = [DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng), Softmax()]
wide_parameters = [array for layer in (wide[0], wide[2])
                   for array in (layer.weights, layer.biases)]


def wide_loss(_=None):
    return network_loss(wide, X_spiral, y_spiral)[0]


counted = count_calls(wide_loss)
start = time.perf_counter()
for array in wide_parameters:
    numerical_gradient(counted, array)
elapsed = time.perf_counter() - start
print(f"{sum(a.size for a in wide_parameters)} parameters -> {counted.calls} forward passes")
print(f"one numerical gradient took {elapsed:.3f} s")

# %% [markdown]
# (The time depends on your computer.) Training takes thousands of steps, and real networks
# have millions of parameters: at least two million forward passes for each single step.
# Far too slow.
#
# Yet the loss is built from simple pieces (a dense layer, a ReLU, a softmax, a
# logarithm), and each piece's derivative is known exactly, from a handful of rules. The
# **chain rule** combines them, and done cleverly it gives *all* the partial derivatives
# at once, for the price of roughly one more pass through the network, run backwards.
# That is **backpropagation**, the subject of notebook 08. `numerical_gradient` keeps an
# important job: it is the independent referee that tells us whether our
# backpropagation code is right (notebooks 08 and 10). The rules come next, each checked
# by that referee.

# %% [markdown]
# ## The derivative rules backpropagation needs
#
# A numerical derivative only estimates; calculus gives exact formulas, built from a few
# rules. These are all the course needs: notebooks 08 and 09 use all but the last, the
# absolute value, which notebooks 16 and 19 need. We write
# `f'(x)` (or `df/dx`) for the derivative of `f` at `x`, the slope of its tangent.
#
# Each rule comes with a tiny example. `compare` prints the rule's answer beside the
# estimate of `numerical_gradient`, which knows no rules at all (it takes an array, so
# the number `x` goes in as an array of one element):

# %%
def compare(what, f, x, by_rule):
    """Print the derivative of f at x from a rule beside numerical_gradient's estimate."""
    numerical = numerical_gradient(lambda v: f(v[0]), np.array([x]))[0]
    print(f"{what:<22} at {x}: by the rule {by_rule:10.6f}, numerical {numerical:10.6f}")


# %% [markdown]
# ### Power rule: `d(xⁿ)/dx = n · xⁿ⁻¹`
#
# Bring the power down in front and lower it by one: `x²` gives `2x` (the tangent's
# slope 2 at `x = 1`, above), `x³` gives `3x²`. It holds for any power, negative or
# fractional: `1/x = x⁻¹` gives `-x⁻²`, and `√x = x^(1/2)` gives `(1/2) x^(-1/2)`. Two
# special cases: `x = x¹` gives 1, and a constant gives 0 (it does not change, so its
# slope is 0).

# %%
compare("d(x³)/dx = 3x²", lambda x: x ** 3, 2.0, 3 * 2.0 ** 2)
compare("d(1/x)/dx = -1/x²", lambda x: 1 / x, 2.0, -1 / 2.0 ** 2)
compare("d(√x)/dx = 1/(2√x)", np.sqrt, 4.0, 0.5 / np.sqrt(4.0))
compare("d(7)/dx = 0", lambda x: 7.0, 2.0, 0.0)

# %% [markdown]
# ### Constant factor and sum: `(c · f)' = c · f'` and `(f + g)' = f' + g'`
#
# A constant factor stays in front, and a sum is differentiated term by term. With the
# power rule, that handles any polynomial: `d(3x² + 5x + 7)/dx = 3 · 2x + 5 · 1 + 0 =
# 6x + 5`, which is 17 at `x = 2`. In a partial derivative the other variables are
# constants, which is how the bowl above gave `∂(x² + 3y²)/∂y = 0 + 3 · 2y = 6y`. For
# backpropagation the sum rule says: a sum passes the gradient on unchanged to each of
# its terms (the derivative of `a + b` with respect to `a` is 1).

# %%
compare("d(3x² + 5x + 7)/dx", lambda x: 3 * x ** 2 + 5 * x + 7, 2.0, 6 * 2.0 + 5)

# %% [markdown]
# ### Product rule: `(f · g)' = f' · g + f · g'`
#
# Differentiate one factor at a time, keeping the other as it is, and add. For
# `x² · (x + 1)`: `2x · (x + 1) + x² · 1`, which is 16 at `x = 2`. (Multiplied out, the
# function is `x³ + x²`, whose derivative `3x² + 2x` is 16 there too.)
#
# When the two factors are different variables, as a weight and an input are in a
# neuron's `w · x`, a partial derivative moves only one of them, so the other is a
# constant factor: `∂(w · x)/∂w = x` and `∂(w · x)/∂x = w`. Each factor gets **the other
# factor**. Notebook 08 is built on this.

# %%
compare("d(x² (x + 1))/dx", lambda x: x ** 2 * (x + 1), 2.0, 2 * 2.0 * (2.0 + 1) + 2.0 ** 2)

w_and_x = np.array([3.0, -2.0])  # [w, x]
print("gradient of w * x at w = 3, x = -2: by the rule [x, w] =", w_and_x[::-1],
      " numerical:", numerical_gradient(lambda v: v[0] * v[1], w_and_x))

# %% [markdown]
# ### Chain rule: `d f(g(x))/dx = f'(g(x)) · g'(x)`
#
# For a function of a function: the derivative of the outer function, taken at the
# inner one's value, times the derivative of the inner function. In words, "how fast `f`
# changes per unit of `g`, times how fast `g` changes per unit of `x`". For `(x² + 1)³`
# the inner function is `g = x² + 1`, with `g' = 2x`, and the outer one is `f = g³`, with
# `f' = 3g²`. At `x = 1`: `g = 2`, so the derivative is `3 · 2² · 2 · 1 = 24`.
#
# A network is a long chain of functions (layer after layer), and backpropagation is
# this rule applied link by link, from the loss backwards.

# %%
compare("d((x² + 1)³)/dx", lambda x: (x ** 2 + 1) ** 3, 1.0, 3 * (1.0 ** 2 + 1) ** 2 * 2 * 1.0)

# %% [markdown]
# ### Exponential and logarithm: `(eˣ)' = eˣ` and `(ln x)' = 1/x`
#
# The exponential is its own derivative: its slope everywhere equals its height. The
# natural logarithm, its inverse, has the slope `1/x`: steep near 0, flat far out. With
# the chain rule, `d e^g(x)/dx = e^g(x) · g'(x)` and `d ln g(x)/dx = g'(x) / g(x)`.
#
# Softmax is made of exponentials (notebook 03) and the cross-entropy loss is
# `-ln p`, with `p` the probability of the correct class (notebook 05), so notebook 09
# needs both. The derivative of `-ln p` is `-1/p`: the smaller the probability the
# network gave the right answer, the more steeply the loss falls when that probability
# rises.

# %%
compare("d(eˣ)/dx = eˣ", np.exp, 0.5, np.exp(0.5))
compare("d(e^(-x²))/dx", lambda x: np.exp(-x ** 2), 1.0, np.exp(-1.0) * (-2 * 1.0))
compare("d(ln x)/dx = 1/x", np.log, 4.0, 1 / 4.0)
compare("d(-ln p)/dp = -1/p", lambda p: -np.log(p), 0.2, -1 / 0.2)

# %% [markdown]
# ### Absolute value: `d|x|/dx = sign(x)`
#
# `|x|` is `-x` left of 0 and `x` right of it, so its slope is -1 for negative `x` and
# +1 for positive `x`: the sign of `x` (`np.sign`). At 0 it has a kink, like ReLU, and no
# single slope; code takes `np.sign(0) = 0`. Notebooks 16 (the L1 penalty `|w|`) and 19
# (the mean absolute error) need it.

# %%
compare("d|x|/dx = sign(x)", np.abs, -1.5, np.sign(-1.5))

# %% [markdown]
# Every rule agrees with the referee to the six decimals shown. The rules in one table:
#
# | rule | formula | example |
# |---|---|---|
# | power | `d(xⁿ)/dx = n · xⁿ⁻¹` | `d(x³)/dx = 3x²` |
# | factor, sum | `(c · f)' = c · f'`, `(f + g)' = f' + g'` | `d(3x² + 5x + 7)/dx = 6x + 5` |
# | product | `(f · g)' = f' · g + f · g'` | `∂(w · x)/∂w = x` |
# | chain | `d f(g(x))/dx = f'(g(x)) · g'(x)` | `d((x² + 1)³)/dx = 3(x² + 1)² · 2x` |
# | exponential | `(eˣ)' = eˣ` | `d(e^(-x²))/dx = -2x · e^(-x²)` |
# | logarithm | `(ln x)' = 1/x` | `d(-ln p)/dp = -1/p` |
# | absolute value | `d abs(x)/dx = sign(x)`, `x ≠ 0` | `-1` at `x = -1.5` |
#
# Applied to a derivative, the rules give the second derivative, and so on; applied
# to a function of many numbers, one variable at a time with the others held constant,
# they give the partial derivatives, and so the gradient.

# %% [markdown]
# ## Summary
#
# - Fresh random weights barely get below ln 3. Keeping only helpful random nudges solves
#   the easy vertical data, though it throws most of its tries away. On the spiral it
#   stalls, and gradient descent gets hardly any further: a network with 3 hidden
#   neurons cannot wrap around the arms, whatever method trains it (notebook 11 uses 64).
# - Gradient descent goes downhill at every step and beats random search per step, on
#   every seed. With numerical gradients (42 forward passes each) it loses per forward
#   pass on this 21-parameter network; the balance turns as networks grow and gradients
#   get cheap (backpropagation, notebook 08).
# - The derivative is the slope of the tangent; numerically, the slope of a secant over a
#   small `h`. Centred differences, `(f(x + h) - f(x - h)) / 2h`, have an error like `h²`,
#   one-sided ones like `h`, until rounding (about `ε / h`) takes over; `h = 1e-5` suits
#   float64.
# - The partial derivatives of a function of many numbers form its gradient, an array
#   shaped like the numbers; the negative gradient points downhill.
# - `numerical_gradient(f, x)` nudges each element of a float64 array in place, so it
#   works directly on a layer's weights, but it costs two forward passes per parameter:
#   a checking tool, not a training tool.
# - Exact derivatives come from a few rules: power `(xⁿ)' = n xⁿ⁻¹`, constant factor and
#   sum, product `(fg)' = f'g + fg'`, chain `f(g(x))' = f'(g(x)) g'(x)`, `(eˣ)' = eˣ`,
#   `(ln x)' = 1/x` and `d|x|/dx = sign(x)`. Each agreed with `numerical_gradient`;
#   backpropagation (08, 09) uses all but the last, which notebooks 16 and 19 need.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: a centred difference
#
# Write `centred_difference(f, x, h=1e-5)` that returns the centred-difference estimate of
# the derivative of a function of one number, `f`, at the number `x`. The checker tries it
# on a few functions whose derivatives it knows.

# %%
from nnfs_exercises.nb07 import (
    check_centred_difference,
    check_forward_pass_count,
    check_partial_derivatives,
)


def centred_difference(f, x, h=1e-5):
    return None  # your code here


check_centred_difference(centred_difference)

# %% [markdown]
# ### Exercise 2: partial derivatives by hand
#
# For `f(x, y) = x² · y + y³`, work out `∂f/∂x` and `∂f/∂y` with pen and paper (treat the
# other variable as a constant; the power, constant-factor and sum rules are all you
# need), and evaluate them at `x = 1`, `y = 2`. Give the answer as an array
# `[∂f/∂x, ∂f/∂y]`. You can check your work with `numerical_gradient` first.

# %%
partials = None  # your answer here: np.array([df_dx, df_dy])

check_partial_derivatives(partials)

# %% [markdown]
# ### Exercise 3: the cost of a numerical gradient
#
# A network has two hidden layers of 64 neurons: `DenseLayer(2, 64)`, `DenseLayer(64, 64)`
# and `DenseLayer(64, 3)`, with ReLUs between them. How many forward passes does
# `numerical_gradient` need to estimate the gradient of the loss with respect to **every**
# weight and bias of this network?

# %%
n_forward_passes = None  # your answer here

check_forward_pass_count(n_forward_passes)

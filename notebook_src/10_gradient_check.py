# %% [markdown]
# # 10 · Gradient checking
#
# **Goal:** prove that a backward pass is right by comparing every gradient it computes
# with a numerical estimate, and learn to read the result: which numbers mean "correct",
# "look closer" and "bug".
#
# **Prerequisites:** [07 · Derivatives](07_derivatives.ipynb) (`numerical_gradient`),
# [08 · Backpropagation through dense and ReLU](08_backprop_dense_relu.ipynb) and
# [09 · Softmax and cross-entropy, backwards](09_softmax_cross_entropy_backward.ipynb).
#
# **What you will build:** `relative_error`, `DenseLayer.parameters` (the one way
# optimizers and checks reach a layer's parameters) and `gradient_check`, which checks
# every parameter of a network in one call.
#
# *Based on the gradient-checking section of Stanford's CS231n course notes (Neural
# Networks, part 3); the book tests its gradients in chapter 9 in the same spirit.*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    SoftmaxCrossEntropy,
    check_claim,
    numerical_gradient,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Why check at all?
#
# A backward pass with a bug usually does not crash. The shapes fit, the loss even goes
# down for a while, and the network simply trains worse than it should. The only reliable
# way to find such a bug is to compare the gradients with an independent estimate that
# is slow but hard to get wrong: the numerical gradient of notebook 07.
#
# A quick reminder of how that estimate works. The **one-sided** difference
# $\frac{f(x + h) - f(x)}{h}$ is off by an amount proportional to $h$; the **centred**
# difference $\frac{f(x + h) - f(x - h)}{2h}$, which `numerical_gradient` uses, is off by
# an amount proportional to $h^2$, far smaller. For $f(x) = e^x$ at $x = 1$ (whose
# derivative is $e^x$ itself), with two sizes of $h$:

# %%
x = 1.0
for h in [1e-3, 1e-4]:
    one_sided = (np.exp(x + h) - np.exp(x)) / h
    centred = (np.exp(x + h) - np.exp(x - h)) / (2 * h)
    print(f"h = {h:.0e}: one-sided error {abs(one_sided - np.exp(x)):.1e}, "
          f"centred error {abs(centred - np.exp(x)):.1e}")

# %% [markdown]
# Ten times smaller $h$: the one-sided error shrinks ten times, the centred one a hundred
# times. At $h = 10^{-5}$, the nudge `numerical_gradient` uses, the centred error of the
# formula is below $10^{-10}$, about as small as the rounding of float64 arithmetic lets
# a difference quotient be (notebook 07 showed that trade-off).

# %% [markdown]
# ## Relative error: comparing at any scale
#
# How close must the two gradients be? The plain difference $|a - n|$ (analytic minus
# numerical) cannot say, because it depends on how big the gradients are. Here are two
# comparisons at very different scales:

# %%
large_analytic, large_numerical = 2000.0, 2000.0004  # agree to 7 digits
small_analytic, small_numerical = 1e-6, 1.5e-6       # 50% apart
print(f"large: absolute error {abs(large_analytic - large_numerical):.1e}")
print(f"small: absolute error {abs(small_analytic - small_numerical):.1e}")

# %% [markdown]
# By the absolute error the first pair looks almost a thousand times worse, yet it agrees to
# seven digits, while the second is off by half. The **relative error** divides the
# difference by the size of the numbers,
#
# $$\text{relative error} = \frac{|a - n|}{|a| + |n|},$$
#
# so it reads the same at every scale: about $10^{-7}$ means "agree to about 7
# digits". For whole arrays, $|\cdot|$ is the length of the array seen as one long vector
# (the Euclidean norm), so a single tiny entry with rounding noise cannot dominate the
# verdict. `tiny` only avoids $0/0$ when both gradients are exactly 0.

# %%
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


# %%
print(f"large: relative error {relative_error(large_analytic, large_numerical):.1e}")
print(f"small: relative error {relative_error(small_analytic, small_numerical):.1e}")

# %% [markdown]
# ## What the numbers mean
#
# CS231n gives a rule of thumb for the relative error of a gradient check:
#
# | relative error | meaning |
# |---|---|
# | above $10^{-2}$ | the gradient is almost certainly wrong |
# | $10^{-4}$ to $10^{-2}$ | uncomfortable: look closer |
# | $10^{-7}$ to $10^{-4}$ | fine next to a kink (ReLU); for smooth functions still too high |
# | below $10^{-7}$ | correct |
#
# To calibrate our eyes, here are a correct gradient and two buggy ones, for the loss of
# notebook 09. The scores are random; the numerical gradient nudges each one.

# %%
scores = rng.standard_normal((30, 3))  # (30 samples, 3 classes)
labels = rng.integers(0, 3, size=30)   # (30,)


def numerical_loss_gradient(scores, labels):
    """Centred-difference gradient of the mean softmax cross-entropy w.r.t. the scores."""
    return numerical_gradient(lambda z: SoftmaxCrossEntropy().forward(z, labels),
                              scores.copy())


# %% tags=["nbval-ignore-output"]
# output not compared: the digits of a correct gradient's error are rounding noise, which
# differs from one CPU to the next; the claims checked below hold on any machine.
loss_function = SoftmaxCrossEntropy()
loss_function.forward(scores, labels)
correct_error = relative_error(loss_function.backward(), numerical_loss_gradient(scores, labels))
print(f"correct backward: relative error {correct_error:.1e}")

# %% [markdown]
# Now two deliberate bugs, each a small subclass of `SoftmaxCrossEntropy` that replaces
# `backward` and nothing else: the same mechanism as `class DenseLayer(DenseLayer)` in
# notebook 08, here under a new name, so the correct class stays available beside them.
#
# - `ForgetsTheMean` forgets to divide by the number of samples;
# - `FixedBatchSize` divides by 32, a batch size fixed in the code, while this batch (the
#   last, smaller batch of an epoch, say) has 30 samples.

# %%
class ForgetsTheMean(SoftmaxCrossEntropy):
    """Bug: the gradient of the *summed* loss, not of the mean."""

    def backward(self):
        y_true = np.eye(self.output.shape[1])[self.y_true]  # one-hot rows
        self.dinputs = self.output - y_true                  # missing: / n_samples
        return self.dinputs


class FixedBatchSize(SoftmaxCrossEntropy):
    """Bug: divides by 32 whatever the number of samples."""

    def backward(self):
        y_true = np.eye(self.output.shape[1])[self.y_true]
        self.dinputs = (self.output - y_true) / 32           # should be / n_samples
        return self.dinputs


numerical = numerical_loss_gradient(scores, labels)  # the same for all: the loss is right
bug_errors = {}
for buggy in [ForgetsTheMean(), FixedBatchSize()]:
    buggy.forward(scores, labels)
    bug_errors[type(buggy).__name__] = relative_error(buggy.backward(), numerical)
    print(f"{type(buggy).__name__:>15}: relative error "
          f"{bug_errors[type(buggy).__name__]:.1e}")

# %% [markdown]
# The correct gradient's error is rounding noise: its digits differ from one computer to
# the next (yours may not match the ones printed above), but it always lands far below
# $10^{-7}$, around $10^{-10}$, which is as accurate as the numerical estimate itself.
# Forgetting the mean makes the gradient 30 times too large, and its relative error, 0.94,
# is close to the largest possible value, 1. The batch-size bug makes the gradient only
# about 6% too small (30/32), and still shows up as $3 \times 10^{-2}$, more than a
# million times the error of the correct gradient. The gap between right and wrong is
# huge, which is what makes gradient checking so useful.
#
# `check_claim` (from `nnfs_helpers`) prints a claim the text makes with a ✓ after
# checking it on the numbers just computed, and stops with an error if it does not hold:
# where the digits depend on your computer, the claims are what this notebook promises.

# %%
check_claim("the correct gradient's relative error lies between 1e-12 and 1e-8 "
            "(around 1e-10)", 1e-12 < correct_error < 1e-8)
check_claim("both bugs give errors over a million times larger than the correct gradient",
            min(bug_errors.values()) > 1e6 * correct_error)

# %% [markdown]
# ## Checking every parameter of a network
#
# A network has many parameter arrays, and the loss depends on all of them. To check
# them, `gradient_check` needs to find each layer's parameters and their gradients. The
# `DenseLayer` gets one more method for that, `parameters`, which lists
# `(name, value, gradient)` for its weights and biases. Optimizers (notebook 11 on) will
# read the parameters the same way, so a layer needs nothing else to be trained.
# As in notebook 08, `class DenseLayer(DenseLayer)` builds a subclass of the finished
# class imported from `nnfs_helpers` (which already contains the methods later notebooks
# teach); it inherits every method and replaces any it redefines, so from here on
# `parameters` is the code in this cell.

# %%
class DenseLayer(DenseLayer):
    """DenseLayer from notebooks 01 and 08, plus parameters."""

    def parameters(self):
        """``(name, value, gradient)`` for each parameter array, for optimizers.

        The arrays are the layer's own (no copies), so updating ``value`` in
        place trains the layer. Call it after ``backward``.
        """
        return [("weights", self.weights, self.dweights),
                ("biases", self.biases, self.dbiases)]


# %% [markdown]
# `gradient_check` runs one forward and backward pass to get the analytic gradients,
# then, for every parameter array, `numerical_gradient` nudges each entry of the layer's
# own array in place and reruns the forward pass. It returns one relative error per
# array. Layers without `parameters` (ReLU) are passed through but not checked: they have
# nothing to learn, and a bug in their `backward` still shows up in the layers before
# them.

# %%
def gradient_check(layers, loss, X, y, *, h=1e-5):
    """Compare backpropagation with centred differences for every parameter.

    Runs one forward and backward pass for the analytic gradients, then
    ``numerical_gradient`` on each parameter array of each layer. The loss
    checked is the data loss alone; notebook 16 extends this function with
    the L1/L2 penalties, which training then minimises too. Introduced in
    notebook 10. Rough guide to the relative errors: below 1e-7 is right;
    around 1e-4 look closer (a ReLU input near its kink); 1e-2 or more is a
    bug.

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
        return loss.forward(values, y)

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


# %% [markdown]
# A small network first: 2 inputs, 4 hidden neurons, 3 classes, and six points of the
# spiral. Two choices keep the check clean, and the section on kinks below explains why:
# weights of a realistic size for a trained network (`weight_scale=1.0` instead of the
# tiny 0.01 of a fresh one) and small random biases instead of zeros.
#
# The tables below print an error below $10^{-8}$ as `< 1e-8`: its digits would be
# rounding noise, different on every computer, and only its size matters. Errors above
# that come from the formula (a bug, a kink) and are printed in full.

# %%
def show_error(error):
    """A relative error for printing: its digits, or '< 1e-8' where they are only noise."""
    return f"{error:.1e}" if error >= 1e-8 else "< 1e-8"


X, y = spiral_data(samples=100, classes=3, seed=SEED)  # (300, 2), (300,)


def make_network(n_hidden, seed=SEED):
    """A 2-n_hidden-3 network with realistic weights and small random biases."""
    rng = np.random.default_rng(seed)
    first = DenseLayer(2, n_hidden, rng=rng, weight_scale=1.0)
    second = DenseLayer(n_hidden, 3, rng=rng, weight_scale=1.0)
    first.biases = 0.5 * rng.standard_normal((1, n_hidden))
    second.biases = 0.5 * rng.standard_normal((1, 3))
    return [first, ReLU(), second]


X_small, y_small = X[[40, 90, 140, 190, 240, 290]], y[[40, 90, 140, 190, 240, 290]]
small_network = make_network(4)
print(small_network)
for name, error in gradient_check(small_network, SoftmaxCrossEntropy(), X_small,
                                  y_small).items():
    print(f"{name:>18}: {show_error(error)}")

# %% [markdown]
# All four arrays are correct. The table also tells you *where* a bug is. Here is
# `BuggyReLU`, a ReLU whose `backward` forgets to zero the gradient where the input was
# negative (it prints as `BuggyReLU()`, so the network's list shows where it sits):

# %%
class BuggyReLU(ReLU):
    """Bug: passes the gradient through everywhere, as if ReLU were the identity."""

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        return self.dinputs

    def __repr__(self):
        return "BuggyReLU()"


buggy_network = make_network(4)
buggy_network[1] = BuggyReLU()
print(buggy_network)
for name, error in gradient_check(buggy_network, SoftmaxCrossEntropy(), X_small,
                                  y_small).items():
    print(f"{name:>18}: {show_error(error)}")

# %% [markdown]
# The second dense layer (`layers[2]`) is still correct: its gradients are computed
# before the gradient reaches the ReLU. The first layer's are wrong. So the bug sits
# between the two, in the ReLU's `backward` (or in how the first layer uses what it
# receives). Read the table from the output backwards: the first wrong array marks the
# place.

# %% [markdown]
# ## The ReLU kink
#
# ReLU has a kink at 0: its slope is 0 on the left and 1 on the right. The centred
# difference assumes the function is smooth between $x - h$ and $x + h$. If a ReLU input
# lies **within $h$ of 0**, the two nudges land on different sides of the kink, and the
# estimate is an average of the two slopes, wrong for either side.
#
# We construct such a case: shift one hidden neuron's bias so that its input for the
# first sample becomes $3 \times 10^{-6}$, closer to 0 than the nudge $h = 10^{-5}$.

# %%
kink_network = make_network(4)
pre_activations = kink_network[0].forward(X_small)  # (6, 4): the ReLU's inputs
kink_network[0].biases[0, 2] -= pre_activations[0, 2] - 3e-6  # sample 0, neuron 2
kink_z = kink_network[0].forward(X_small)[0, 2]
print(f"ReLU input of sample 0, neuron 2: {kink_z:.1e}")

for name, error in gradient_check(kink_network, SoftmaxCrossEntropy(), X_small,
                                  y_small).items():
    print(f"{name:>18}: {show_error(error)}")

# %% [markdown]
# The backward pass is exactly the same correct code as before, yet the first layer's
# errors jump from below $10^{-8}$ to $10^{-3}$ and $10^{-2}$: correct code that looks
# like a bug. Nudging that bias by $\pm h$ moves the ReLU input across the kink (and so
# does nudging the weights, which move it by $h$ times the sample's inputs). A picture
# of ReLU around that point shows why:

# %%
z = np.linspace(-2e-5, 2.4e-5, 200)
h = 1e-5
secant_slope = (max(kink_z + h, 0) - max(kink_z - h, 0)) / (2 * h)

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(z * 1e6, np.maximum(z, 0) * 1e6, color="black", label="ReLU(z)")
ax.plot(np.array([kink_z - h, kink_z + h]) * 1e6,
        np.array([max(kink_z - h, 0), max(kink_z + h, 0)]) * 1e6, "o--", color="#d62728",
        label=f"centred difference: slope {secant_slope:.2f}")
ax.plot(np.array([kink_z - h / 2, kink_z + h]) * 1e6,
        np.array([kink_z - h / 2, kink_z + h]) * 1e6, color="#1f77b4", linewidth=4,
        alpha=0.35, label="true slope at z: 1")
ax.axvline(kink_z * 1e6, color="0.5", linestyle=":")
ax.annotate(f"z = {kink_z * 1e6:.0f}e-6", (kink_z * 1e6, 18), xytext=(4, 0),
            textcoords="offset points")
for shift, text, offset in [(-h, "z - h", (0, 9)), (h, "z + h", (10, -12))]:
    point = kink_z + shift
    ax.annotate(text, (point * 1e6, max(point, 0) * 1e6), xytext=offset,
                textcoords="offset points", ha="center", color="#d62728")
ax.set_xlabel("ReLU input z (units of 1e-6)")
ax.set_ylabel("ReLU output (units of 1e-6)")
ax.set_title("A nudge of h = 1e-5 crosses the kink")
ax.legend(loc="upper left")
plt.show()

# %% [markdown]
# How to avoid it:
#
# - **Look for inputs near the kink.** Before trusting a bad number, count the ReLU
#   inputs within reach of a nudge. A nudge of $h$ to a bias moves $z$ by $h$; a nudge to
#   a weight moves it by $h \cdot |x|$.
# - **Use a smaller $h$** when the closest input is small but not zero. Too small an $h$
#   brings rounding errors back, so the error rises again. Here the digits of the small
#   errors are the point, so they are printed in full; they differ from computer to
#   computer, and the claims below them do not:

# %%
print(f"ReLU inputs closer to 0 than h: {np.sum(np.abs(kink_network[0].output) < 1e-5)}")

# %% tags=["nbval-ignore-output"]
# output not compared: below 1e-8 the digits are rounding noise, which differs between CPUs.
worst_by_h = {}
for h in [1e-5, 1e-6, 1e-7, 1e-8]:
    errors = gradient_check(kink_network, SoftmaxCrossEntropy(), X_small, y_small, h=h)
    worst_by_h[h] = max(errors.values())
    print(f"h = {h:.0e}: worst relative error {worst_by_h[h]:.1e}")

# %% [markdown]
# With $h = 10^{-6}$ no nudge reaches the kink any more (it sits at $3 \times 10^{-6}$)
# and the check is clean again; each further step down in $h$ makes the rounding noise
# larger.

# %%
check_claim("h = 1e-5 crosses the kink: worst error above 1e-3", worst_by_h[1e-5] > 1e-3)
check_claim("h = 1e-6 gives a clean check: worst error below 1e-8", worst_by_h[1e-6] < 1e-8)
check_claim("h = 1e-8 gives a worst error over 10 times that of h = 1e-6 (rounding)",
            worst_by_h[1e-8] > 10 * worst_by_h[1e-6])

# %% [markdown]
# - **Check where there are no kinks.** Use few samples (fewer ReLU inputs that could be
#   unlucky) and avoid inputs that are exactly 0. This matters on the spiral: its three
#   arms all start at the origin $(0, 0)$, and a fresh layer has zero biases, so for those
#   points every hidden neuron's input is exactly 0, right on the kink:

# %%
fresh_layer = DenseLayer(2, 64, rng=SEED)
origin_rows = np.flatnonzero(np.all(X == 0, axis=1))
print("points at the origin:", origin_rows)
print("their ReLU inputs are all exactly 0:", np.all(fresh_layer.forward(X[origin_rows]) == 0))

# %% [markdown]
# ## Checking the whole spiral network
#
# Now the network the course trains next: 2 inputs, 64 hidden neurons with ReLU, 3
# classes, and `SoftmaxCrossEntropy`. A check does not need the whole
# data set (each parameter costs two forward passes), so we take 30 points,
# picked at random among those away from the centre. We also print how close the
# closest ReLU input comes to the kink, compared with the largest move a nudge can cause.

# %%
rng = np.random.default_rng(SEED)
away_from_centre = np.flatnonzero(np.linalg.norm(X, axis=1) > 0.1)
rows = rng.choice(away_from_centre, size=30, replace=False)
X_check, y_check = X[rows], y[rows]  # (30, 2), (30,)

network = make_network(64)
errors = gradient_check(network, SoftmaxCrossEntropy(), X_check, y_check)
closest = np.abs(network[0].output).min()
largest_move = 1e-5 * max(1.0, np.abs(X_check).max())  # a bias moves z by h, a weight h|x|
shapes = {f"layers[{index}].{name}": value.shape
          for index in (0, 2) for name, value, _ in network[index].parameters()}
print(network)
print(f"parameters checked: {sum(np.prod(shape) for shape in shapes.values())}")
print(f"closest ReLU input to 0: {closest:.1e}; largest move of a nudge: {largest_move:.0e}")
print()
print(f"{'parameter':>18} {'shape':>9} {'relative error':>15}")
for name, error in errors.items():
    print(f"{name:>18} {str(shapes[name]):>9} {show_error(error):>15}")
print(f"all below 1e-7: {max(errors.values()) < 1e-7}")

# %% [markdown]
# Every parameter array is below $10^{-8}$: it agrees with its numerical gradient as
# closely as rounding lets us see. The backward passes of notebooks 08 and 09 are right,
# and notebook 11 can use them to train.

# %% [markdown]
# ## Summary
#
# - Compare analytic and numerical gradients with the **relative error**
#   $|a - n| / (|a| + |n|)$ (vector norms for arrays), which means the same at every
#   scale; the absolute error does not.
# - A correct gradient gives about $10^{-10}$ (rounding noise, whose digits differ
#   between computers), below $10^{-7}$ is fine, $10^{-4}$ to $10^{-2}$ calls for a
#   closer look, and above $10^{-2}$ is a bug.
# - `DenseLayer.parameters()` lists `(name, value, gradient)`; `gradient_check` uses it
#   to check every parameter array of a network, and the first wrong array, counting from
#   the output, points at the bug.
# - A ReLU input within a nudge of 0 spoils the numerical estimate of correct code:
#   count such inputs, use a smaller `h`, or check on points away from the kink.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: count inputs near the kink
#
# Write `count_near_kink(pre_activations, margin)`: return how many entries of the array
# `pre_activations` (a ReLU's inputs) lie closer to 0 than `margin`, on either side.
# Try it on `kink_network[0].output` with `margin=1e-5`.

# %%
from nnfs_exercises.nb10 import (  # noqa: E402
    check_count_near_kink,
    check_deeper_network_errors,
    check_suspect,
    mystery_network,
)


def count_near_kink(pre_activations, margin):
    return None  # your code here


check_count_near_kink(count_near_kink)

# %% [markdown]
# ### Exercise 2: find the bug
#
# `mystery_network()` returns a list of layers, a 2-8-8-3 network in which one layer's
# `backward` has a bug. Run `gradient_check` on it with `SoftmaxCrossEntropy()`,
# `X_check` and `y_check`, and set `suspect` to the name of the one parameter array whose
# gradient is wrong, as `gradient_check` writes it (for example `"layers[0].weights"`).

# %%
mystery = mystery_network()
print(mystery)
suspect = None  # your answer here, a string

check_suspect(suspect)

# %% [markdown]
# ### Exercise 3: check a deeper network
#
# Build a 2-16-16-3 network as a list: `DenseLayer(2, 16)`, `ReLU()`,
# `DenseLayer(16, 16)`, `ReLU()`, `DenseLayer(16, 3)`, each `DenseLayer` created with
# `rng=rng` and `weight_scale=1.0` and given biases of `0.5 * rng.standard_normal(...)`
# of the right shape. Check it on `X_check` and `y_check` with `SoftmaxCrossEntropy()`,
# and store what `gradient_check` returns in `deeper_errors`.

# %%
rng = np.random.default_rng(SEED)
deeper_errors = None  # your code here

check_deeper_network_errors(deeper_errors)

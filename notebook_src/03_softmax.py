# %% [markdown]
# # 03 · Softmax: from scores to probabilities
#
# **Goal:** turn the raw scores of a network's output layer into probabilities, one row per
# sample, without ever producing `inf` or `nan`.
#
# **Prerequisites:** [01 · A dense layer](01_dense_layer.ipynb) and
# [02 · ReLU](02_relu.ipynb).
#
# **What you will build:** the `Softmax` activation, the output layer of a classifier:
# it exponentiates each score, divides by the row's total, and subtracts each row's
# maximum first so that large scores cannot overflow.
#
# *Book: chapter 4 of "Neural Networks from Scratch in Python" (the softmax activation).*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import DenseLayer, ReLU, check_inputs

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Raw scores are not probabilities
#
# A classifier's last dense layer gives one number per class for every sample: a
# *score* (also called a *logit*). A bigger score means "more likely this class",
# but the scores themselves are not probabilities. Here are the scores one sample
# might get for three classes:

# %%
scores = np.array([2.0, -1.0, 0.5])  # (3,): one score per class

print("scores:          ", scores)
print("smallest score:  ", scores.min())
print("sum of scores:   ", scores.sum())

# %% [markdown]
# Two things are wrong for a probability: a score can be negative, and the scores do
# not add up to 1. The first idea, dividing by the sum, does not rescue us: the
# negative score stays negative, and one "probability" comes out above 1.

# %%
print("scores / their sum:", scores / scores.sum())

# %% [markdown]
# Softmax fixes both problems in two steps.
#
# **Step 1, exponentiate.** $e^z$ is positive for every $z$, and it keeps the order:
# a bigger score gives a bigger exponential. So the best class stays the best, and
# nothing is negative any more.

# %%
exp_scores = np.exp(scores)  # (3,), every value > 0

print("exp(scores):", exp_scores)
print("best class before and after:", scores.argmax(), exp_scores.argmax())

# %% [markdown]
# **Step 2, normalise.** Divide each exponential by their total. Now the values are
# between 0 and 1 and add up to 1: a probability distribution over the classes.
#
# $$\text{softmax}(z)_j = \frac{e^{z_j}}{\sum_k e^{z_k}}$$

# %%
probabilities = exp_scores / exp_scores.sum()  # (3,) / scalar -> (3,)

print("probabilities:", probabilities)
print(f"sum: {probabilities.sum():.4f}")

# %% [markdown]
# ## A batch: one softmax per row
#
# A network works on a batch of samples at once, so its scores form a matrix of shape
# `(n_samples, n_classes)`: one row per sample. Softmax must normalise **each row on
# its own**. Here is a batch of three samples (the book's example):

# %%
batch = np.array([[4.8, 1.21, 2.385],
                  [8.9, -1.81, 0.2],
                  [1.41, 1.051, 0.026]])  # (3 samples, 3 classes)
exp_batch = np.exp(batch)  # (3, 3): exp works value by value

# %% [markdown]
# `np.sum` needs to be told which way to add:
#
# - no `axis`: one grand total for the whole batch (wrong: the samples would share it);
# - `axis=0`: down each column, one total per *class* (wrong too);
# - `axis=1`: along each row, one total per *sample*. That is what we want.

# %%
print("no axis:           ", exp_batch.sum())
print("axis=0 (columns):  ", exp_batch.sum(axis=0))
print("axis=1 (rows):     ", exp_batch.sum(axis=1))
print("shape with axis=1: ", exp_batch.sum(axis=1).shape)

# %% [markdown]
# The row totals come out with shape `(3,)`, and that is a trap. NumPy lines shapes up
# from the right, so dividing `(3, 3)` by `(3,)` divides each *column* `j` by the total
# of *row* `j`. No error, just wrong numbers: the rows no longer sum to 1.

# %%
wrong_probs = exp_batch / exp_batch.sum(axis=1)  # (3, 3) / (3,): lines up with columns!

print(wrong_probs)
print("row sums:", wrong_probs.sum(axis=1))

# %% [markdown]
# `keepdims=True` keeps the summed axis with length 1, giving a column of shape
# `(3, 1)`. Dividing `(3, 3)` by `(3, 1)` stretches that column across each row, so
# every value is divided by its own row's total.

# %%
row_totals = exp_batch.sum(axis=1, keepdims=True)  # (3, 3) -> (3, 1)
batch_probabilities = exp_batch / row_totals  # (3, 3) / (3, 1) -> (3, 3)

print("row_totals has shape", row_totals.shape)
print(batch_probabilities)
print("row sums:", batch_probabilities.sum(axis=1))

# %% [markdown]
# ## Softmax versus sigmoid
#
# You may have met the *sigmoid* $\sigma(z) = 1 / (1 + e^{-z})$, which also squashes
# a number into $(0, 1)$. The difference is that sigmoid looks at **one value on its
# own**, while softmax looks at **a whole row**: the classes compete for a total of 1.

# %%
def sigmoid(z):
    """Squash every value into (0, 1) on its own."""
    return 1 / (1 + np.exp(-z))


def softmax_rows(z):
    """Exponentiate and normalise each row (the plain version from above)."""
    exp_z = np.exp(z)
    return exp_z / exp_z.sum(axis=1, keepdims=True)


print("sigmoid of each score:", sigmoid(scores), " sum:", f"{sigmoid(scores).sum():.4f}")
print("softmax of the row:   ", softmax_rows(scores[np.newaxis, :]))  # (1, 3)

# %% [markdown]
# Competing means that raising one score pulls the others down. Raise class 1 from
# -1 to 3: sigmoid leaves class 0 alone, softmax gives it less.

# %%
raised = np.array([2.0, 3.0, 0.5])  # class 1 went from -1.0 to 3.0

print(f"class 0, sigmoid: {sigmoid(scores)[0]:.4f} -> {sigmoid(raised)[0]:.4f}")
print(f"class 0, softmax: {softmax_rows(scores[np.newaxis, :])[0, 0]:.4f} "
      f"-> {softmax_rows(raised[np.newaxis, :])[0, 0]:.4f}")

# %% [markdown]
# With only two classes the two functions meet: the softmax of the row `[z, 0]` gives
# class 0 the probability $e^z / (e^z + 1) = \sigma(z)$. The left plot shows that
# curve, and class 1's share, $1 - \sigma(z)$. The right plot compares both functions
# on our three scores.

# %%
z = np.linspace(-6, 6, 121)  # (121,)
two_classes = softmax_rows(np.column_stack([z, np.zeros_like(z)]))  # (121, 2)
print("softmax([z, 0]) for class 0 equals sigmoid(z):",
      np.allclose(two_classes[:, 0], sigmoid(z)))

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))

left.plot(z, sigmoid(z), color="#1f77b4", linewidth=4, alpha=0.4, label="sigmoid(z)")
left.plot(z, two_classes[:, 0], color="#1f77b4", linestyle="--",
          label="softmax([z, 0]), class 0")
left.plot(z, two_classes[:, 1], color="#ff7f0e", linestyle="--",
          label="softmax([z, 0]), class 1")
left.axhline(0.5, color="0.7", linewidth=0.8)
left.set_xlabel("z")
left.set_ylabel("output")
left.set_title("Two classes: softmax([z, 0]) is sigmoid(z)")
left.legend(loc="center right", fontsize=9)

classes = np.arange(len(scores))
width = 0.38
sig, soft = sigmoid(scores), softmax_rows(scores[np.newaxis, :])[0]
right.bar(classes - width / 2, sig, width, color="0.6",
          label=f"sigmoid of each score (sum {sig.sum():.2f})")
right.bar(classes + width / 2, soft, width, color="#2ca02c",
          label=f"softmax of the row (sum {soft.sum():.2f})")
right.set_xticks(classes, [f"class {c}\nscore {value:+.1f}"
                          for c, value in zip(classes, scores, strict=True)])
right.set_ylim(0, 1.05)
right.set_ylabel("output")
right.set_title("Three classes: only softmax sums to 1")
right.legend(loc="upper right", fontsize=9)

fig.tight_layout()
plt.show()

# %% [markdown]
# So sigmoid answers "how likely is this one thing?" for each value separately, which
# suits yes/no questions (notebook 18). Softmax answers "which one of these classes?",
# which is what a classifier with several classes needs.
#
# ## When the exponential overflows
#
# Our plain softmax has a weak spot: $e^z$ grows very fast. A 64-bit float cannot hold
# anything above about $1.8 \times 10^{308}$, which is $e^{709.78}$. Just past that,
# at $e^{710}$, `np.exp` gives `inf` (infinity).

# %%
largest = np.finfo(np.float64).max
print(f"largest float64: {largest:.4e}")
print(f"its natural log: {np.log(largest):.2f}")
print(f"exp(709.0):      {np.exp(709.0):.4e}")
with np.errstate(over="ignore"):  # hide the overflow RuntimeWarning
    print(f"exp(710.0):      {np.exp(710.0)}")

# %% [markdown]
# Scores that large are not far-fetched: during training, the scores of an output layer
# can grow to hundreds. Watch what the plain softmax does with the row `[1000, 999, 998]`.
#
# NumPy would print a `RuntimeWarning` here ("overflow encountered in exp", then
# "invalid value encountered in divide"). We silence those warnings with `np.errstate`
# so that this page shows the results themselves, but the results are the real ones:

# %%
big_scores = np.array([[1000.0, 999.0, 998.0]])  # (1, 3)

with np.errstate(over="ignore", invalid="ignore"):  # hide the RuntimeWarnings
    exp_big = np.exp(big_scores)
    naive = exp_big / exp_big.sum(axis=1, keepdims=True)
    inf_over_inf = exp_big[0, 0] / exp_big.sum()

print("exp(scores):   ", exp_big)
print("their sum:     ", exp_big.sum())
print("inf / inf:     ", inf_over_inf)
print("probabilities: ", naive)

# %% [markdown]
# Every exponential is `inf`, so each division is `inf / inf`, which has no answer:
# NumPy says `nan` ("not a number"). One `nan` in a network spreads into everything
# computed from it, so training would be ruined.
#
# ## The fix: subtract each row's maximum
#
# Adding the same number $c$ to every score in a row does not change its softmax,
# because the factor $e^{c}$ appears in the top and the bottom and cancels:
#
# $$\frac{e^{z_j + c}}{\sum_k e^{z_k + c}} = \frac{e^{c}\, e^{z_j}}{e^{c} \sum_k e^{z_k}}
# = \frac{e^{z_j}}{\sum_k e^{z_k}}$$
#
# Let's check that on our first row with a few different constants. The exponentials
# change a lot, the probabilities do not change at all.

# %%
for c in [-3.0, 0.0, 10.0, 100.0]:
    exp_shifted = np.exp(scores + c)
    print(f"c = {c:6.1f}   exp: {np.array2string(exp_shifted, precision=4)}   "
          f"probabilities: {exp_shifted / exp_shifted.sum()}")

# %% [markdown]
# So we are free to pick the constant, and the safest choice is **minus the row's
# maximum**. After `scores - max`, the largest score is exactly 0 and every other
# score is negative, so every exponential lies between 0 and 1: there is nothing
# left to overflow.
#
# For a batch, each row needs its *own* maximum. `np.max(batch, axis=1,
# keepdims=True)` takes the largest value along each row, as `np.sum` added along each
# row above, and `keepdims=True` keeps the result as a column of shape
# `(n_samples, 1)`, so that subtracting it shifts every row by its own maximum. On the
# book's batch:

# %%
row_max = np.max(batch, axis=1, keepdims=True)  # (3, 3) -> (3, 1)
print("row maxima:\n", row_max)
print("each row minus its own maximum:\n", batch - row_max)  # (3, 3) - (3, 1)

# %% [markdown]
# Every row now has a 0 where its largest score was, and negative numbers elsewhere.
# The row `[1000, 999, 998]` that broke the plain softmax goes the same way.
#
# (Typed by hand, this line is easy to get one bracket short:
# `np.exp(inputs - np.max(inputs, axis=1, keepdims=True)` is a `SyntaxError`. Count
# your brackets: `np.exp(` needs its own `)`.)

# %%
shifted = big_scores - np.max(big_scores, axis=1, keepdims=True)  # (1, 3) - (1, 1)
exp_values = np.exp(shifted)  # every value in (0, 1]
stable = exp_values / np.sum(exp_values, axis=1, keepdims=True)

print("shifted scores:", shifted)
print("exp of those:  ", exp_values)
print("probabilities: ", stable)

# %% [markdown]
# The row `[1000, 999, 998]` is `[2, 1, 0]` plus 998, so it must have the same
# probabilities as `[2, 1, 0]`, which the plain softmax handles without trouble:

# %%
small = softmax_rows(np.array([[2.0, 1.0, 0.0]]))
print("plain softmax of [2, 1, 0]:", small)
print("same as the stable result: ", np.allclose(small, stable))

# %% [markdown]
# The figure below slides the row `[c, c - 1, c - 2]` to larger and larger `c`. The
# true probabilities never change. Left: the largest exponential each version has to
# compute, on a log scale (each tick is $10^{50}$ times the one below it). Right: the
# probability of class 0. The plain version is right until $e^c$ passes the float64
# limit, then returns `nan`, which cannot be drawn: its line just stops.

# %%
offsets = np.arange(0.0, 1001.0, 1.0)  # (1001,) values of c
rows = offsets[:, np.newaxis] - np.array([0.0, 1.0, 2.0])  # (1001, 1) - (3,) -> (1001, 3)

with np.errstate(over="ignore", invalid="ignore"):  # the overflow is what we show
    naive_exp = np.exp(rows)
    naive_probs = naive_exp / naive_exp.sum(axis=1, keepdims=True)
stable_exp = np.exp(rows - np.max(rows, axis=1, keepdims=True))
stable_probs = stable_exp / np.sum(stable_exp, axis=1, keepdims=True)

first_nan = offsets[np.isnan(naive_probs[:, 0])][0]
print(f"plain softmax first returns nan at c = {first_nan:.0f}")
print("stable softmax finite everywhere:", np.isfinite(stable_probs).all())

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))

# The exponentials span 300 orders of magnitude, so we plot their log10 (the power
# of ten) and label the ticks as powers of ten; inf has no log10, so the plain line
# stops where exp() overflows.
log10_naive = np.log10(naive_exp[:, 0])  # log10(inf) is inf
log10_naive[np.isinf(log10_naive)] = np.nan  # nan: not drawn
left.plot(offsets, log10_naive, color="#d62728", label="plain: exp(c)")
left.plot(offsets, np.log10(stable_exp[:, 0]), color="#2ca02c",
          label="stable: exp(c - c) = 1")
left.axhline(np.log10(largest), color="0.3", linestyle=":", label="largest float64")
left.axvline(first_nan, color="0.7", linewidth=0.8)
left.yaxis.set_major_formatter(lambda power, _: f"$10^{{{power:.0f}}}$")
left.set_ylim(-20, 340)
left.set_xlabel("c (the row is [c, c-1, c-2])")
left.set_ylabel("largest exponential")
left.set_title("What exp() has to compute")
left.legend(loc="center left", fontsize=9)

right.plot(offsets, stable_probs[:, 0], color="#2ca02c", linewidth=4, alpha=0.5,
           label="stable")
right.plot(offsets, naive_probs[:, 0], color="#d62728", label="plain")
right.axvspan(first_nan, offsets[-1], color="#d62728", alpha=0.12)
right.text((first_nan + offsets[-1]) / 2, 0.5, "plain\ngives nan", ha="center",
           color="#d62728")
right.set_xlim(offsets[0], offsets[-1])
right.set_ylim(0, 1)
right.set_xlabel("c (the row is [c, c-1, c-2])")
right.set_ylabel("probability of class 0")
right.set_title("The answer each version gives")
right.legend(loc="lower left", fontsize=9)

fig.tight_layout()
plt.show()

# %% [markdown]
# ## The size of the scores sets the confidence
#
# Adding a constant to a row changes nothing, but *multiplying* it does. Differences
# between scores are what softmax turns into preferences: stretch them and the best
# class takes almost everything, shrink them and the probabilities even out.

# %%
for factor in [0.1, 0.5, 1.0, 2.0, 5.0]:
    row = factor * scores[np.newaxis, :]  # (1, 3)
    print(f"scores x {factor:3.1f}: {softmax_rows(row)[0]}")

# %% [markdown]
# At a factor of 0.1 the three classes are nearly equal (close to 1/3 each); at 5 the
# first class gets almost all of the probability. Exercise 3 turns this into a dial.
#
# ## The `Softmax` class
#
# The activation as a class, following the same protocol as `DenseLayer` and `ReLU`:
# `forward(inputs)` returns the output and keeps it as `self.output`. It first checks
# the input with `check_inputs`, so a 1-D row or a typo gets a clear message instead of
# a confusing NumPy error. The body is the stable recipe from above, in two lines:
#
# - `inputs - np.max(inputs, axis=1, keepdims=True)` subtracts each row's maximum (a
#   column of shape `(n_samples, 1)`), which leaves the probabilities as they are and
#   makes every exponent at most 0, so `np.exp` cannot overflow;
# - dividing by `np.sum(exp_values, axis=1, keepdims=True)`, again a column, divides
#   each row by its own total.
#
# Notebook 09 adds the backward pass; `nnfs_helpers.Softmax` holds the finished class,
# which later notebooks import.

# %%
class Softmax:
    """Turn each row of scores into probabilities that sum to 1.

    ``softmax(z)_j = exp(z_j) / sum_k exp(z_k)``, computed on ``z - max(z)``,
    which gives the same result without overflowing.
    """

    def forward(self, inputs):
        """Exponentiate and normalise each row of scores (n_samples, n_classes)."""
        inputs = check_inputs("Softmax", inputs)
        # exp(z - max z) / sum exp(z - max z) is the same number, because
        # exp(-max z) cancels, but no exponent is above 0, so exp cannot overflow.
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)
        return self.output

    def __repr__(self):
        return "Softmax()"


# %% [markdown]
# Let's try it on the book's batch, then on scores far beyond the overflow limit.

# %%
softmax = Softmax()
print(softmax)
print(softmax.forward(batch))
print("row sums:", softmax.output.sum(axis=1))
print(softmax.forward([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4]]))

# %% [markdown]
# Softmax works on batches, so a single sample must be a batch of one row. Passing a
# bare 1-D row is a common slip, and the error says how to fix it:

# %% tags=["raises-exception"]
softmax.forward(np.array([2.0, -1.0, 0.5]))

# %% [markdown]
# ## Softmax on top of a network
#
# Softmax is the last step of a classifier: dense layer, ReLU, dense layer, softmax.
# Below, five samples with two features each go through a small untrained network
# with three output classes. (Notebook 04 feeds it real data.)

# %%
X = rng.standard_normal((5, 2))  # (5 samples, 2 features)

dense1 = DenseLayer(2, 3, rng=rng)
relu = ReLU()
dense2 = DenseLayer(3, 3, rng=rng)
output_activation = Softmax()

hidden = relu.forward(dense1.forward(X))  # (5, 2) @ (2, 3) -> (5, 3)
scores_out = dense2.forward(hidden)  # (5, 3) @ (3, 3) -> (5, 3)
probs = output_activation.forward(scores_out)  # (5, 3), rows sum to 1

print(dense1, relu, dense2, output_activation, sep=" -> ")
print(probs)
print("row sums:       ", probs.sum(axis=1))
print("predicted class:", probs.argmax(axis=1))

# %% [markdown]
# Every probability is close to 1/3. That is the honest answer of an untrained
# network: its weights are small random numbers (standard deviation 0.01), so its
# scores are all close to 0, and softmax of nearly equal scores is nearly uniform.
# The "predicted class" is still the most probable one in each row, but by a tiny
# margin that means nothing yet. Training (from notebook 11 on) will make the
# scores, and so the probabilities, tell the classes apart.

# %% [markdown]
# ## Explore: a temperature on softmax
#
# Dividing the scores by a number $T > 0$ before the softmax, `softmax(scores / T)`,
# changes how confident it is without changing which class wins. A *temperature*
# below 1 stretches the gaps between scores, so the largest takes nearly all the
# probability; above 1 it shrinks them, and the probabilities flatten towards
# uniform (the dashed line, 1/3 here). The figure shows the book's scores
# `[4.8, 1.21, 2.385]` at three temperatures; the slider below lets you try any.

# %%
from nnfs_widgets import plot_softmax_temperatures, softmax_temperature_explorer

plot_softmax_temperatures()
plt.show()

# %%
# Move the slider: the bars sharpen as T goes towards 0 and flatten as it grows. The
# slider needs a running kernel, so it is live once you run the notebook in JupyterLab.
softmax_temperature_explorer()

# %% [markdown]
# ## Summary
#
# - Raw scores (logits) can be negative and do not sum to 1, so they are not
#   probabilities; softmax exponentiates them (all positive, order kept) and divides
#   by their total.
# - For a batch, normalise each row: `np.sum(..., axis=1, keepdims=True)` has shape
#   `(n_samples, 1)` and divides every row by its own total.
# - Sigmoid squashes each value on its own; softmax makes the classes of a row compete
#   for a total of 1 (with two classes, `softmax([z, 0])` is `sigmoid(z)`).
# - `np.exp` overflows to `inf` past about 709.78, and `inf / inf` is `nan`.
#   Subtracting each row's maximum first gives the same probabilities (the factor
#   cancels) with no overflow.
# - `Softmax().forward(scores)` does all of this for a batch and keeps the result as
#   `.output`; on an untrained network it gives nearly uniform probabilities.

# %% [markdown]
# ## Exercises
#
# Write your answer in place of `None` (or fill in the function), then run the cell:
# the checker says whether it is right and gives a hint if not.

# %% [markdown]
# ### Exercise 1: softmax of a batch by hand
#
# Compute the softmax of each row of `exercise_batch` using plain NumPy (`np.exp`,
# `np.sum`), not the `Softmax` class. Store the result, shape `(3, 3)`, in `answer`.

# %%
from nnfs_exercises.nb03 import (
    check_extreme_scores,
    check_softmax_batch,
    check_softmax_with_temperature,
)

exercise_batch = np.array([[1.0, 2.0, 3.0],
                           [2.0, -1.0, 0.5],
                           [0.0, 0.0, 4.0]])

answer = None  # your softmax of exercise_batch, one row per sample

check_softmax_batch(answer)

# %% [markdown]
# ### Exercise 2: big and small scores
#
# Both rows of `extreme_scores` are the row `[0, 1, 2]` plus a constant. Predict their
# probabilities first. Then compute them with plain NumPy so that no `nan` appears,
# and store the `(2, 3)` result in `answer`.
#
# Try the plain softmax first and look at the second row: it fails too, for a different
# reason. What is `np.exp(-1000.0)`?

# %%
extreme_scores = np.array([[1000.0, 1001.0, 1002.0],
                           [-1000.0, -999.0, -998.0]])

answer = None  # the probabilities of both rows, without nan

check_extreme_scores(answer)

# %% [markdown]
# ### Exercise 3: a temperature dial
#
# A *temperature* $T > 0$ controls how confident a softmax is: divide the scores by
# $T$ before the softmax. $T = 1$ is the ordinary softmax, a large $T$ flattens the
# probabilities, a small $T$ sharpens them. Write `softmax_with_temperature(scores,
# temperature)` for a batch `scores` of shape `(n_samples, n_classes)`. It must stay
# stable: the checker tries scores in the thousands with $T = 0.5$.

# %%
def softmax_with_temperature(scores, temperature):
    """Return the softmax of each row of ``scores / temperature``."""
    return None  # replace with your code


check_softmax_with_temperature(softmax_with_temperature)

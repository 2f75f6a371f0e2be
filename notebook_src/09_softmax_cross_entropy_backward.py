# %% [markdown]
# # 09 · Softmax and cross-entropy, backwards
#
# **Goal:** compute the gradient of the loss with respect to the scores of the output
# layer, first step by step (cross-entropy, then softmax) and then in one short formula,
# `(p - y) / N`, that is faster and cannot blow up.
#
# **Prerequisites:** [03 · Softmax](03_softmax.ipynb),
# [05 · Categorical cross-entropy](05_categorical_cross_entropy.ipynb),
# [07 · Derivatives](07_derivatives.ipynb) (`numerical_gradient`) and
# [08 · Backpropagation through dense and ReLU](08_backprop_dense_relu.ipynb).
#
# **What you will build:** `Softmax.backward` (the softmax Jacobian),
# `CategoricalCrossEntropy.backward`, and `SoftmaxCrossEntropy`, which fuses the two into
# the loss every later notebook trains with.
#
# *Book: the end of chapter 9 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import time

import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    CategoricalCrossEntropy,
    DenseLayer,
    ReLU,
    Softmax,
    check_claim,
    check_forward_done,
    check_inputs,
    check_labels,
    draw_shapes_diagram,
    numerical_gradient,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## The last link of the chain
#
# Notebook 08 sent a gradient backwards through dense layers and ReLUs, but it had to
# *start* from somewhere: each `backward(dvalues)` needs the gradient of the loss with
# respect to the layer's output. For the last two steps of a classifier,
#
# $$\text{scores } z \;\xrightarrow{\text{softmax}}\; \text{probabilities } p
# \;\xrightarrow{\text{cross-entropy}}\; \text{loss } L,$$
#
# that gradient comes from the loss itself. We need $\partial L / \partial z$, the
# gradient with respect to the scores, and the chain rule splits it in two:
# $\partial L / \partial p$ (how the loss reacts to the probabilities) and
# $\partial p / \partial z$ (how the probabilities react to the scores). We compute
# each, chain them, and then find a much shorter way to the same answer.

# %% [markdown]
# ## Step 1: the derivative of cross-entropy
#
# For a batch of $N$ samples with one-hot labels $y$, the loss is the mean over the
# samples of $-\sum_j y_j \log p_j$ (notebook 05). Take the derivative with respect to
# one probability $p_{nj}$ (sample $n$, class $j$). Only sample $n$'s term contains it,
# $\frac{d}{dp}\log p = \frac{1}{p}$, and the mean contributes a factor $\frac{1}{N}$:
#
# $$L = \frac{1}{N}\sum_{n=1}^{N} \Big(-\sum_j y_{nj} \log p_{nj}\Big)
# \qquad\Longrightarrow\qquad
# \frac{\partial L}{\partial p_{nj}} = -\frac{y_{nj}}{N\, p_{nj}}.$$
#
# Here it is on the book's example: three samples, three classes, and the correct
# classes 0, 1 and 1.

# %%
probs = np.array([[0.7, 0.1, 0.2],
                  [0.1, 0.5, 0.4],
                  [0.02, 0.9, 0.08]])  # (3 samples, 3 classes)
y = np.array([0, 1, 1])  # (3,): the correct class of each sample
n_samples, n_classes = probs.shape

y_one_hot = np.eye(n_classes)[y]  # (3,) -> (3, 3): row i of the identity is class i
dprobs = -y_one_hot / probs / n_samples  # (3, 3) / (3, 3) / scalar -> (3, 3)
print(dprobs + 0.0)  # adding 0.0 turns the -0.0 of -0 / p into 0.0 for printing

# %% [markdown]
# Only the correct class of each sample gets a gradient: the loss does not look at the
# other probabilities. The gradient is negative (raising the correct probability lowers
# the loss), and it is largest where that probability is smallest: sample 1 gives its
# correct class only 0.5, so it gets a stronger push than sample 2 with 0.9.
#
# `numerical_gradient` from notebook 07 confirms the formula. It nudges every entry of
# `probs` in turn and watches the loss:

# %%
def cross_entropy(p):
    """Mean of -log(probability of the correct class), for the labels y."""
    return -np.mean(np.log(p[np.arange(len(y)), y]))


numerical = numerical_gradient(cross_entropy, probs.copy())  # (3, 3)
# The difference is rounding noise (around 1e-10) whose digits change from one computer
# to the next, so we print only whether it is that small; a mistake would be far larger.
print(f"largest difference from the formula below 1e-8: "
      f"{np.abs(numerical - dprobs).max() < 1e-8}")

# %% [markdown]
# ## Step 2: the softmax Jacobian
#
# Softmax is different from ReLU: every probability of a row depends on *every* score of
# that row, because they share the denominator $S = \sum_k e^{z_k}$. So for one sample
# there is not one derivative per score but a whole table of them, $\partial p_i /
# \partial z_j$ for every pair $(i, j)$: the **Jacobian** matrix.
#
# The rules of notebook 07 are enough. Write $p_i = e^{z_i} \cdot S^{-1}$, a product,
# and take its derivative with respect to one score $z_j$ by the product rule. The first
# factor:
# $\partial e^{z_i} / \partial z_j$ is $e^{z_i}$ when $j = i$ and 0 otherwise (the other
# scores are constants for it). With the **Kronecker delta** $\delta_{ij}$, which is 1
# when $i = j$ and 0 otherwise, that is $\delta_{ij} e^{z_i}$. The second factor, by the
# power rule and the chain rule ($\partial S / \partial z_j = e^{z_j}$, since only one
# term of the sum contains $z_j$): $\partial S^{-1} / \partial z_j = -S^{-2} e^{z_j}$.
# Together:
#
# $$\frac{\partial p_i}{\partial z_j}
# = \delta_{ij} e^{z_i} S^{-1} - e^{z_i} S^{-2} e^{z_j}
# = p_i \delta_{ij} - p_i p_j = p_i(\delta_{ij} - p_j).$$
#
# On the diagonal ($j = i$) that is $p_i(1 - p_i)$; off it, $-p_i p_j$. As matrices:
# $p_i \delta_{ij}$ is the diagonal matrix of $p$ (`np.diagflat(p)`) and $p_i p_j$ is the
# outer product of $p$ with itself (`np.outer(p, p)`).

# %%
p = probs[0]  # (3,): the first sample's probabilities
jacobian = np.diagflat(p) - np.outer(p, p)  # (3, 3) - (3, 3) -> (3, 3)
print(jacobian)

# %% [markdown]
# Row $i$ says how $p_i$ moves when each score moves. To check it numerically we need
# scores whose softmax is `p`; `log(p)` will do, since $e^{\log p_j} = p_j$ and the
# $p_j$ already sum to 1. Then the gradient of $p_i$ with respect to the scores is row
# $i$ of the Jacobian:

# %%
def softmax_row(z):
    """Softmax of one row of scores (plain NumPy, shifted by the maximum)."""
    exp_z = np.exp(z - z.max())
    return exp_z / exp_z.sum()


z = np.log(p)  # (3,): scores whose softmax is p
print("softmax(log p):", softmax_row(z))
numerical_jacobian = np.array([numerical_gradient(lambda z, i=i: softmax_row(z)[i], z)
                               for i in range(len(p))])  # 3 rows of shape (3,) -> (3, 3)
print(f"largest difference from the formula below 1e-8: "
      f"{np.abs(numerical_jacobian - jacobian).max() < 1e-8}")

# %% [markdown]
# Two properties are worth noticing.
#
# - The matrix is **symmetric**: $p_i(\delta_{ij} - p_j) = p_j(\delta_{ji} - p_i)$.
# - Every **row sums to 0**. Adding the same number to all the scores does not change
#   the probabilities (that is why subtracting the maximum was allowed in notebook 03),
#   so the changes of $p_i$ caused by the scores must cancel out.

# %%
print("symmetric:", np.allclose(jacobian, jacobian.T))
print("row sums: ", jacobian.sum(axis=1))

# %% [markdown]
# A picture of two Jacobians with five classes: one for an unsure prediction and one for
# a confident one. The diagonal is positive (raising a score raises its own
# probability) and everything else is negative (it lowers the others). No entry can
# exceed 0.25 in size, the largest value of $p(1 - p)$.

# %%
def softmax_jacobian(p):
    """The (n_classes, n_classes) Jacobian of softmax for one sample's probabilities."""
    return np.diagflat(p) - np.outer(p, p)


examples = {"unsure: scores [1, 2, 0.5, -0.5, 0]": np.array([1.0, 2.0, 0.5, -0.5, 0.0]),
            "confident: scores [5, 0, 0, 0, 0]": np.array([5.0, 0.0, 0.0, 0.0, 0.0])}
fig, axes = plt.subplots(1, 2, figsize=(10, 4.6))
for ax, (title, scores) in zip(axes, examples.items(), strict=True):
    probabilities = softmax_row(scores)  # (5,)
    matrix = softmax_jacobian(probabilities)  # (5, 5)
    image = ax.imshow(matrix, cmap="RdBu_r", vmin=-0.25, vmax=0.25)
    for (i, j), value in np.ndenumerate(matrix):
        label = f"{value:.2f}" if abs(value) >= 0.005 else "≈0"  # no "-0.00"
        ax.text(j, i, label, ha="center", va="center", fontsize=9,
                color="white" if abs(value) > 0.15 else "black")
    ax.set_xticks(range(5))
    ax.set_yticks(range(5))
    ax.set_xlabel("score j that moves")
    ax.set_ylabel("probability i that responds")
    shown = ", ".join(f"{value:.2f}" for value in probabilities)
    ax.set_title(f"{title}\np = [{shown}]", fontsize=10)
fig.colorbar(image, ax=axes, label=r"$\partial p_i / \partial z_j$", shrink=0.85)
plt.show()

# %% [markdown]
# The confident prediction has an almost empty Jacobian: when one probability is nearly
# 1, small changes of the scores barely move anything. Softmax is **saturated** there, a
# fact that matters again at the end of this notebook.

# %% [markdown]
# ## A batch: one Jacobian per sample
#
# The gradient flowing in from the loss, `dvalues`, has one row per sample. By the chain
# rule, sample $n$'s gradient with respect to its scores is its own Jacobian times its
# own row: $\partial L / \partial z_j = \sum_i \frac{\partial L}{\partial p_i}
# \frac{\partial p_i}{\partial z_j}$, i.e. `jacobian @ dvalues[n]` (the Jacobian is
# symmetric, so which side it multiplies from does not matter). The book writes it as a
# loop over the samples, and so does `Softmax.backward`.
#
# As in notebook 08, `class Softmax(Softmax)` builds a subclass of the finished class
# imported from `nnfs_helpers` (which already contains the methods later notebooks teach);
# it inherits every method and replaces any it redefines, so from here on `backward` is
# the code in this cell.

# %%
class Softmax(Softmax):
    """Softmax from notebook 03, plus backward."""

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


# %% [markdown]
# Inside the loop `p` is one sample's probabilities as a column, shape
# `(n_classes, 1)`, so `p @ p.T` is the outer product `np.outer(p, p)` from above. To
# try it on the book's three samples, `forward` gets the scores `log(probs)`, whose
# softmax is `probs` (as in the check above); row 0 of the result is the first
# sample's Jacobian times its row of `dprobs`:

# %%
softmax = Softmax()
softmax.forward(np.log(probs))          # (3, 3) scores -> (3, 3) probabilities
dscores = softmax.backward(dprobs)      # (3, 3) -> (3, 3): dL/dz, one row per sample
print(dscores)
print("row 0 by hand:", softmax_jacobian(probs[0]) @ dprobs[0])  # (3, 3) @ (3,) -> (3,)

# %% [markdown]
# A Python loop that builds an `(n_classes, n_classes)` matrix for every sample is slow
# for big batches. Keep that in mind: later in this notebook a shortcut gives the same
# gradient with no loop and no Jacobian at all.

# %% [markdown]
# ## `CategoricalCrossEntropy.backward`
#
# Notebook 05 wrote `forward`; `backward` is Step 1 above. A loss is the end of the
# chain, so its `backward` takes no `dvalues`: it reads the predictions and labels that
# `forward` kept. It divides by the *clipped* predictions, so a probability of exactly 0
# gives a large gradient instead of a division by zero (we will see the price of that).

# %%
class CategoricalCrossEntropy(CategoricalCrossEntropy):
    """CategoricalCrossEntropy from notebook 05, plus backward."""

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


# %% [markdown]
# ## Chaining the two
#
# Now the whole path, with scores instead of ready-made probabilities: five samples with
# random scores and labels. Forward through softmax and the loss, then backward in the
# reverse order, each `backward` handing its result to the one before.

# %%
scores = rng.standard_normal((5, 3))  # (5 samples, 3 classes)
labels = np.array([0, 2, 1, 1, 0])     # (5,)

softmax = Softmax()
loss_function = CategoricalCrossEntropy()
loss = loss_function.forward(softmax.forward(scores), labels)  # (5, 3) -> (5, 3) -> float
dprobs = loss_function.backward()       # (5, 3): dL/dp
dscores_chained = softmax.backward(dprobs)  # (5, 3): dL/dz
print(f"loss: {loss:.4f}")
print(dscores_chained)

# %% [markdown]
# Is it right? Nudge each score and watch the loss:

# %%
numerical = numerical_gradient(
    lambda z: loss_function.forward(Softmax().forward(z), labels), scores.copy())
print(f"largest difference from the numerical gradient below 1e-8: "
      f"{np.abs(numerical - dscores_chained).max() < 1e-8}")

# %% [markdown]
# Look at the numbers once more. In each row the correct class has a negative gradient,
# the others a positive one, and **each row sums to 0**. Every gradient is also a
# probability minus something: a pattern worth working out.

# %%
print("every row sums to 0:", np.allclose(dscores_chained.sum(axis=1), 0))
print("probabilities / N:")
print(softmax.output / len(scores))

# %% [markdown]
# ## The shortcut: $(p - y) / N$
#
# Write the chain rule for one sample, put in both derivatives, and watch $p_i$ cancel:
#
# $$\frac{\partial L}{\partial z_j}
# = \sum_i \frac{\partial L}{\partial p_i}\,\frac{\partial p_i}{\partial z_j}
# = \sum_i \Big(-\frac{y_i}{p_i}\Big)\, p_i\,(\delta_{ij} - p_j)
# = -\sum_i y_i \delta_{ij} + p_j \sum_i y_i
# = -y_j + p_j.$$
#
# The last step uses $\sum_i y_i \delta_{ij} = y_j$ (the delta picks one term) and
# $\sum_i y_i = 1$ (a one-hot row holds a single 1). With the mean over $N$ samples:
#
# $$\frac{\partial L}{\partial z} = \frac{p - y}{N}.$$
#
# No Jacobian, no division by a probability: subtract 1 at the correct class and divide
# by the batch size. It also explains the pattern above: the gradient of each row is
# $p/N$ except at the correct class, and it sums to $(1 - 1)/N = 0$.

# %%
p = softmax.output                      # (5, 3)
dscores_fused = (p - np.eye(3)[labels]) / len(p)  # ((5, 3) - (5, 3)) / 5 -> (5, 3)
print(dscores_fused)
print("equal to the chained version:", np.allclose(dscores_fused, dscores_chained))
# Not exactly 0: the two ways round differently, in the last digits (near 1e-17).
print("largest difference below 1e-15:",
      np.abs(dscores_fused - dscores_chained).max() < 1e-15)

# %% [markdown]
# ## The `SoftmaxCrossEntropy` class
#
# Softmax and the loss now work as one unit, so the course gives them one class. Its
# `forward` takes the **scores** (not probabilities) and the labels, keeps the
# probabilities as `self.output`, and returns the loss. It computes the loss from
# log-probabilities. With $m$ the row's largest score, `shifted` $= z - m$ as in
# notebook 03, and `sums` $S = \sum_k e^{z_k - m}$,
#
# $$\log p_j = \log \frac{e^{z_j - m}}{S} = (z_j - m) - \log S,$$
#
# which is `shifted - np.log(sums)`. It is the same number as `np.log(p)`, but it never
# takes the log of a probability that has been rounded: the largest shifted score is 0,
# so $S \ge 1$ and $\log S$ is finite, and even a probability that rounds to 0 keeps a
# finite log. So no clipping is needed. `backward` is the shortcut $(p - y)/N$, with
# sparse labels turned into one-hot rows as in Step 1.

# %%
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


# %% [markdown]
# Same scores, same labels: the fused class gives the loss and the gradient of the
# chained pair.

# %%
fused = SoftmaxCrossEntropy()
print(fused)
fused_loss = fused.forward(scores, labels)  # (5, 3) scores -> float
dscores = fused.backward()  # (5, 3)
print(f"loss: {fused_loss:.4f} (chained: {loss:.4f})")
print("gradient equal to the chained version:", np.allclose(dscores, dscores_chained))
print("largest difference below 1e-15:", np.abs(dscores - dscores_chained).max() < 1e-15)

one_hot_loss = SoftmaxCrossEntropy()
one_hot_loss.forward(scores, np.eye(3)[labels])  # one-hot labels, (5, 3)
print("one-hot labels give the same gradient:", np.allclose(one_hot_loss.backward(), dscores))

# %% [markdown]
# And against the numerical gradient, the test every backward must pass:

# %%
numerical = numerical_gradient(lambda z: SoftmaxCrossEntropy().forward(z, labels),
                               scores.copy())
print(f"largest difference from the numerical gradient below 1e-8: "
      f"{np.abs(numerical - dscores).max() < 1e-8}")

# %% [markdown]
# ## How much faster?
#
# The chained version loops over the samples in Python and builds an
# `(n_classes, n_classes)` Jacobian for each, after dividing by the probabilities; the
# fused one subtracts and divides once, on the whole batch. We time both on the spiral's
# size (300 samples, 3 classes) and on a wider output layer of 30 classes. `best_time`
# runs a function several times and keeps the fastest run, the one least disturbed by
# whatever else the computer was doing.

# %%
def best_time(function, repeats=5, number=5):
    """Fastest time per call of `function()`, in seconds, over `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def time_backward(n_samples, n_classes):
    """Time the chained and the fused backward pass on random scores; return both times."""
    batch_scores = rng.standard_normal((n_samples, n_classes))
    batch_labels = rng.integers(0, n_classes, size=n_samples)
    softmax, loss_function, fused = Softmax(), CategoricalCrossEntropy(), SoftmaxCrossEntropy()
    loss_function.forward(softmax.forward(batch_scores), batch_labels)
    fused.forward(batch_scores, batch_labels)
    chained_time = best_time(lambda: softmax.backward(loss_function.backward()))
    fused_time = best_time(fused.backward)
    print(f"{n_samples} x {n_classes}: same gradient from both:",
          np.allclose(softmax.dinputs, fused.dinputs))
    return chained_time, fused_time


times = {shape: time_backward(*shape) for shape in [(300, 3), (300, 30)]}

# %% [markdown]
# The times and the speed-ups, which depend on the computer and vary from run to run:

# %% tags=["nbval-ignore-output"]
# output not compared: timings, and so their ratios, change from run to run.
speedups = {}
for (n_samples, n_classes), (chained_time, fused_time) in times.items():
    speedups[n_samples, n_classes] = chained_time / fused_time
    print(f"{n_samples} x {n_classes}: chained {chained_time * 1e3:.3f} ms, "
          f"fused {fused_time * 1e3:.3f} ms: the fused gradient is "
          f"{speedups[n_samples, n_classes]:.0f} times faster")

# %% [markdown]
# The fused gradient is faster by a wide margin at both sizes: most of the chained
# version's time goes into its Python loop, one round of small NumPy calls per sample,
# while the fused version hands the whole batch to NumPy in one go. Your speed-ups will
# differ from the ones printed here, but not the fact that they are large.
# `check_claim` (from `nnfs_helpers`) prints such a claim with a ✓ after checking it on
# the numbers just measured, and stops with an error if it does not hold (the margin,
# 10 times, leaves room for a busy machine):

# %%
check_claim("the fused gradient is over 10 times faster at both sizes",
            bool(min(speedups.values()) > 10))

# %% [markdown]
# ## Why the shortcut is also more stable
#
# Speed is not the only gain. Take a network that is confidently **wrong**: its scores
# are ±1000 and the correct class got the lowest one. Softmax rounds the probabilities
# to exactly 1 and 0 (`exp(-2000)` is far below the smallest float), and cross-entropy's
# backward must divide by that 0.

# %%
wrong_scores = np.array([[1000.0, -1000.0, 0.0],   # correct class 1 got the lowest score
                         [1.0, 0.5, -1.0]])        # an ordinary sample, correct class 0
wrong_labels = np.array([1, 0])

softmax = Softmax()
p = softmax.forward(wrong_scores)  # (2, 3)
print("probabilities:")
print(p)

# Without clipping, Step 1 divides by 0: -inf, and the Jacobian turns 0 * inf into nan.
with np.errstate(divide="ignore", invalid="ignore"):
    dprobs_raw = -np.eye(3)[wrong_labels] / p / len(p)  # (2, 3)
    print("chained, no clipping:\n", softmax.backward(dprobs_raw))

# %% [markdown]
# `CategoricalCrossEntropy` clips the probabilities to $[10^{-7}, 1 - 10^{-7}]$, which
# avoids the `nan` but gives garbage of another kind:

# %%
loss_function = CategoricalCrossEntropy()
loss_function.forward(p, wrong_labels)
print("loss per sample, with clipping:", loss_function.sample_losses)
dprobs = loss_function.backward()  # (2, 3)
print(f"dL/dp at the correct classes: {dprobs[0, 1]:.4g} and {dprobs[1, 0]:.4g}")
print("chained, with clipping:\n", softmax.backward(dprobs))

fused = SoftmaxCrossEntropy()
fused.forward(wrong_scores, wrong_labels)
print("loss per sample, fused:        ", fused.sample_losses)
print("fused:\n", fused.backward())

# %% [markdown]
# The clipped chain is finite but wrong twice over. Its loss for the first sample
# stops at $-\log(10^{-7}) \approx 16$, where the true loss is about 2000. Worse, its
# gradient for that sample is **exactly zero**: softmax is saturated (its Jacobian is
# all zeros, as in the confident heat map above), so the huge $-1/p$ is multiplied by 0.
# The network would learn nothing from its worst mistake. The fused gradient never
# divides by $p$: it is $(p - y)/N$, here $(1 - 0)/2$ and $(0 - 1)/2$, a clear push away
# from class 0 and towards class 1. The numerical gradient agrees, even at these scores:

# %%
numerical = numerical_gradient(lambda z: SoftmaxCrossEntropy().forward(z, wrong_labels),
                               wrong_scores.copy())
# Losses near 2000 round more coarsely than losses near 1, hence a looser bound.
print(f"largest difference from the numerical gradient below 1e-6: "
      f"{np.abs(numerical - fused.dinputs).max() < 1e-6}")

# %% [markdown]
# ## In a network
#
# From now on, a classifier ends with a dense layer whose scores go straight into
# `SoftmaxCrossEntropy`; no separate `Softmax` layer. Notebook 08's diagram of the 2-64-3
# network shows the shape of every array; drawn again with
# `loss_label="SoftmaxCrossEntropy"`, its last box is now one `SoftmaxCrossEntropy`,
# whose `backward()` starts the backward pass by handing $(p - y)/N$, shape `(300, 3)`,
# to the last dense layer as its `dvalues`.

# %%
draw_shapes_diagram(title="2-64-3 on the spiral: the loss box is SoftmaxCrossEntropy",
                    loss_label="SoftmaxCrossEntropy")
plt.show()

# %% [markdown]
# The backward pass runs from the loss through the layers in reverse. Here is the whole
# of it in code:

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)
rng = np.random.default_rng(SEED)
layers = [DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng)]
loss_function = SoftmaxCrossEntropy()

values = X
for layer in layers:
    values = layer.forward(values)        # (300, 2) -> (300, 64) -> (300, 64) -> (300, 3)
loss = loss_function.forward(values, y)  # (300, 3) scores -> float
print(f"loss: {loss:.4f} (ln 3 = {np.log(3):.4f})")

dvalues = loss_function.backward()       # (300, 3)
for layer in reversed(layers):
    dvalues = layer.backward(dvalues)     # (300, 3) -> (300, 64) -> (300, 64) -> (300, 2)
for name, layer in [("first dense", layers[0]), ("second dense", layers[2])]:
    print(f"{name}: dweights {layer.dweights.shape}, dbiases {layer.dbiases.shape}")

# %% [markdown]
# Every parameter now has a gradient. Notebook 10 checks them all against numerical
# gradients, and notebook 11 uses them to train.

# %% [markdown]
# ## Summary
#
# - Cross-entropy's derivative with respect to the probabilities is $-y / (N p)$: only
#   the correct class gets a gradient, and it grows as its probability shrinks.
# - Softmax couples every score to every probability: for one sample its Jacobian is
#   $p_i(\delta_{ij} - p_j)$, `np.diagflat(p) - np.outer(p, p)`, symmetric with rows
#   summing to 0. `Softmax.backward` builds one per sample, in a loop.
# - Chained, the two give $\partial L / \partial z = (p - y) / N$: the $p_i$ cancel.
# - `SoftmaxCrossEntropy` computes the loss from the scores, with
#   $\log p = (z - m) - \log \sum_k e^{z_k - m}$, and its gradient as $(p - y) / N$:
#   equal to the chained version, many times faster (no loop, no Jacobians), and free of
#   the division by $p$ that gives `nan` or a zero gradient for confident wrong answers.
# - A classifier's backward pass starts with `loss.backward()` and runs through the
#   layers in reverse.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: the softmax Jacobian
#
# Write `jacobian_of_softmax(p)`: given one sample's probabilities, shape
# `(n_classes,)`, return the `(n_classes, n_classes)` matrix of
# $\partial p_i / \partial z_j = p_i(\delta_{ij} - p_j)$. Try it with `np.diagflat` and
# `np.outer`, or build it with a double loop first.

# %%
from nnfs_exercises.nb09 import (  # noqa: E402
    check_cross_entropy_gradient,
    check_fused_gradient,
    check_jacobian_of_softmax,
)


def jacobian_of_softmax(p):
    return None  # your code here


check_jacobian_of_softmax(jacobian_of_softmax)

# %% [markdown]
# ### Exercise 2: cross-entropy's gradient
#
# Write `cross_entropy_gradient(probs, y)`: given probabilities of shape
# `(n_samples, n_classes)` and sparse labels of shape `(n_samples,)`, return
# $\partial L / \partial p$ for the **mean** loss, shape `(n_samples, n_classes)`. (The
# probabilities the checker uses are not near 0, so no clipping is needed.)

# %%
def cross_entropy_gradient(probs, y):
    return None  # your code here


check_cross_entropy_gradient(cross_entropy_gradient)

# %% [markdown]
# ### Exercise 3: the fused gradient from scores
#
# Write `fused_gradient(scores, y)`: given raw scores of shape `(n_samples, n_classes)`
# and sparse labels, return $\partial L / \partial z = (p - y) / N$, where $p$ is the
# softmax of the scores and $y$ the one-hot labels. Use plain NumPy, not
# `SoftmaxCrossEntropy`. The checker includes scores of ±1000, so make the softmax
# stable.

# %%
def fused_gradient(scores, y):
    return None  # your code here


check_fused_gradient(fused_gradient)

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
import functools
import time

import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    check_claim,
    check_dvalues,
    check_inputs,
    check_labels,
    check_probabilities,
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
# The quotient rule on $p_i = e^{z_i} / S$ gives two cases, using
# $\partial e^{z_i}/\partial z_j = e^{z_i}$ only when $i = j$ and
# $\partial S / \partial z_j = e^{z_j}$ always:
#
# $$\frac{\partial p_i}{\partial z_i} = \frac{e^{z_i} S - e^{z_i} e^{z_i}}{S^2}
# = p_i (1 - p_i), \qquad
# \frac{\partial p_i}{\partial z_j} = \frac{0 - e^{z_i} e^{z_j}}{S^2} = -p_i p_j
# \quad (i \ne j).$$
#
# With the Kronecker delta ($\delta_{ij}$ is 1 when $i = j$ and 0 otherwise) both cases
# are one formula, $\partial p_i / \partial z_j = p_i(\delta_{ij} - p_j)$. As matrices:
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
# symmetric, so which side it multiplies from does not matter). The direct way is a
# loop over the samples, as the book writes it:

# %%
dscores_loop = np.empty_like(dprobs)
for n, (p_n, dvalues_n) in enumerate(zip(probs, dprobs, strict=True)):
    dscores_loop[n] = softmax_jacobian(p_n) @ dvalues_n  # (3, 3) @ (3,) -> (3,)
print(dscores_loop)

# %% [markdown]
# A Python loop over samples is slow for big batches. Broadcasting builds all the
# Jacobians at once, as an array of shape `(n_samples, n_classes, n_classes)`:
# `p[:, :, np.newaxis] * np.eye(n_classes)` puts each row of `p` on a diagonal, and
# `p[:, :, np.newaxis] * p[:, np.newaxis, :]` is every row's outer product. Then
# `np.einsum("nij,nj->ni", ...)` multiplies each Jacobian by its own row of `dvalues`
# (read it as: for every sample `n`, sum over `j`).

# %%
jacobians = (probs[:, :, np.newaxis] * np.eye(n_classes)              # (3, 3, 1) * (3, 3)
             - probs[:, :, np.newaxis] * probs[:, np.newaxis, :])     # (3, 3, 1) * (3, 1, 3)
print("jacobians:", jacobians.shape)
dscores_batched = np.einsum("nij,nj->ni", jacobians, dprobs)  # (3, 3, 3), (3, 3) -> (3, 3)
print("same as the loop:", np.allclose(dscores_batched, dscores_loop))

# %% [markdown]
# ## The `Softmax` class, complete
#
# That is `Softmax.backward`. Here is the whole class as it stands in `nnfs_helpers.py`;
# `forward` is notebook 03's. Like every `backward`, it first calls `check_dvalues`
# (notebook 08), which refuses a gradient whose shape does not match the last output.

# %%
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

    def backward(self, dvalues):
        """Multiply the gradient by each sample's softmax Jacobian (notebook 09).

        Every output of a row depends on every input of that row:
        ``d output_i / d input_j = p_i * (delta_ij - p_j)``, a
        (n_classes, n_classes) Jacobian per sample. ``SoftmaxCrossEntropy``
        skips this work when softmax feeds cross-entropy.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_classes)
            Gradient of the loss with respect to this layer's ``output``.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Gradient with respect to ``inputs``, also kept as ``self.dinputs``.
        """
        check_dvalues("Softmax", dvalues, self.output)
        p = self.output
        # All the Jacobians at once, shape (n_samples, n_classes, n_classes):
        # diag(p) - p p^T for every row, with no Python loop over samples.
        jacobians = (p[:, :, np.newaxis] * np.eye(p.shape[1], dtype=p.dtype)
                     - p[:, :, np.newaxis] * p[:, np.newaxis, :])
        # Row n of the result is jacobians[n] @ dvalues[n].
        self.dinputs = np.einsum("nij,nj->ni", jacobians, dvalues)
        return self.dinputs

    def __repr__(self):
        return "Softmax()"


# %% [markdown]
# ## The `CategoricalCrossEntropy` class, complete
#
# Notebook 05 wrote `forward`; `backward` is Step 1 above. A loss is the end of the
# chain, so its `backward` takes no `dvalues`: it reads the predictions and labels that
# `forward` kept. It divides by the *clipped* predictions, so a probability of exactly 0
# gives a large gradient instead of a division by zero (we will see the price of that).

# %%
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
        n_samples, n_classes = self.clipped.shape
        y_true = self.y_true
        if y_true.ndim == 1:
            # Row i of the identity matrix is the one-hot vector of class i.
            y_true = np.eye(n_classes, dtype=self.clipped.dtype)[y_true]
        # Dividing by the clipped value keeps the gradient finite when a
        # prediction is exactly 0.
        self.dinputs = -y_true / self.clipped / n_samples
        return self.dinputs

    def __repr__(self):
        return "CategoricalCrossEntropy()"


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
# log-probabilities, $-\log p_c = \log \sum_k e^{z_k - m} - (z_c - m)$ with $m$ the
# row's largest score, which is finite for any scores, so no clipping is needed.
# `backward` is the shortcut; for sparse labels it subtracts 1 at each correct class
# without building the one-hot matrix. (Two lines of `forward` look unusual: they find
# the row maxima and the row sums in ways that are faster when there are few classes,
# as their comments explain. The numbers are the same as `max(axis=1)` and
# `sum(axis=1)` would give.)

# %%
class SoftmaxCrossEntropy:
    """Softmax followed by categorical cross-entropy, as one step.

    Together their gradient with respect to the scores is simply
    ``(probabilities - one_hot_labels) / n_samples``: no Jacobian, no
    division by a probability. And the loss is computed from log-probabilities
    (``z - max(z) - log(sum(exp(z - max(z))))``), so it needs no clipping and
    stays finite however large the scores. Introduced in notebook 09.

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
        """Turn scores into probabilities and return their mean cross-entropy.

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_classes)
            Raw scores (logits), e.g. the last dense layer's output.
        y_true : array_like of shape (n_samples,) or (n_samples, n_classes)
            Class indices or one-hot rows.

        Returns
        -------
        float
            The mean loss. The probabilities are kept as ``self.output``.
        """
        inputs = check_inputs("SoftmaxCrossEntropy", inputs)
        y_true = check_labels("SoftmaxCrossEntropy", y_true, *inputs.shape)
        self.y_true = y_true
        # The row maxima, as inputs.max(axis=1) gives them, but one column at a
        # time: NumPy then makes one fast pass per class instead of one tiny
        # loop per sample, many times faster when there are few classes.
        row_max = functools.reduce(np.maximum, inputs.T)
        shifted = inputs - row_max[:, np.newaxis]
        exp_values = np.exp(shifted)
        # Row sums as a product with a column of ones, (n, k) @ (k, 1): the
        # same numbers as exp_values.sum(axis=1, keepdims=True), faster.
        sums = exp_values @ np.ones((exp_values.shape[1], 1), dtype=exp_values.dtype)
        self.output = exp_values / sums
        # -log p_correct = log(sum exp(shifted)) - shifted_correct: the largest
        # shifted score is 0, so the sum is at least 1 and the log is finite.
        if y_true.ndim == 1:
            correct = shifted[np.arange(len(y_true)), y_true]
        else:
            # One-hot rows sum to 1, so sum_j y_j * log(sums) is just log(sums).
            correct = np.sum(y_true * shifted, axis=1)
        self.sample_losses = np.log(sums[:, 0]) - correct
        return float(self.sample_losses.sum()) / len(self.sample_losses)

    def backward(self):
        """Gradient of the last mean loss with respect to the scores: (p - y) / N.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Also kept as ``self.dinputs``.
        """
        n_samples = len(self.output)
        if self.y_true.ndim == 1:
            # Subtracting the one-hot row means subtracting 1 at the correct class.
            self.dinputs = self.output.copy()
            self.dinputs[np.arange(n_samples), self.y_true] -= 1
        else:
            self.dinputs = self.output - self.y_true
        self.dinputs /= n_samples
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
# The chained version builds an `(n_classes, n_classes)` Jacobian for every sample and
# divides by the probabilities; the fused one subtracts and divides once. We time both
# on the spiral's size (300 samples, 3 classes) and on a wider output layer of 30
# classes. `best_time` runs a function several times and keeps the fastest run, the
# one least disturbed by whatever else the computer was doing.

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
    print(f"{n_samples} x {n_classes}: chained backward took {chained_time:.6f} s, "
          f"fused backward took {fused_time:.6f} s")
    print("    same gradient:", np.allclose(softmax.dinputs, fused.dinputs))
    return chained_time, fused_time


speedups = {}
for shape in [(300, 3), (300, 30)]:
    chained_time, fused_time = time_backward(*shape)
    speedups[shape] = chained_time / fused_time

# %% [markdown]
# The speed-ups, which depend on the computer and vary from run to run:

# %% tags=["nbval-ignore-output"]
# output not compared: timings, and so their ratios, change from run to run.
for (n_samples, n_classes), speedup in speedups.items():
    print(f"{n_samples} x {n_classes}: the fused gradient is {speedup:.0f} times faster")

# %% [markdown]
# With 3 classes the fused gradient is already faster, and the gap grows with the
# number of classes: the Jacobians hold `n_classes²` numbers per sample, the shortcut
# only `n_classes`. Your speed-ups will differ from the ones printed here, but these two
# facts hold on any computer. `check_claim` (from `nnfs_helpers`) prints such a claim
# with a ✓ after checking it on the numbers just measured, and stops with an error if it
# does not hold (the margin of 3 leaves room for a busy machine):

# %%
check_claim("the fused gradient is faster at both shapes",
            bool(min(speedups.values()) > 1))
check_claim("its speed-up at 30 classes is over 3 times its speed-up at 3 classes",
            speedups[(300, 30)] > 3 * speedups[(300, 3)])

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
# `SoftmaxCrossEntropy`; no separate `Softmax` layer. The backward pass starts at the
# loss and runs through the layers in reverse. Here is the whole of it for a 2-64-3
# network on the spiral data:

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
#   summing to 0. A batch needs one per sample.
# - Chained, the two give $\partial L / \partial z = (p - y) / N$: the $p_i$ cancel.
# - `SoftmaxCrossEntropy` computes the loss from the scores and its gradient as
#   $(p - y) / N$: equal to the chained version, faster (the more classes, the more),
#   and free of the division by $p$ that gives `nan` or a zero gradient for confident
#   wrong answers.
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

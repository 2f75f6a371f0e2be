# %% [markdown]
# # 05 · Categorical cross-entropy: how wrong is the network?
#
# **Goal:** measure with a single number how far a network's predicted probabilities are
# from the correct classes, so that training has something to make smaller.
#
# **Prerequisites:** [03 · Softmax](03_softmax.ipynb) and
# [04 · Spiral data and a full forward pass](04_spiral_forward_pass.ipynb).
#
# **What you will build:** `CategoricalCrossEntropy`, the loss of a classifier that ends in a
# softmax: it takes the predicted probabilities and the labels (as class indices or
# one-hot rows) and returns the mean of `-log(probability of the correct class)`.
#
# *Book: chapter 5 of "Neural Networks from Scratch in Python" (calculating network error
# with loss).*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    Softmax,
    check_labels,
    check_probabilities,
    forward_pass,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## A loss: one number to make smaller
#
# Notebook 04 ended with a network that turns each spiral point into three class
# probabilities. To *train* it we will nudge its weights and biases again and again, and
# each time we need to know whether the nudge helped. That calls for a single number
# that is small when the predictions are good and large when they are bad: the **loss**
# (also called the *cost* or the *error*). Training means making the loss as small as
# possible.
#
# What should the loss look at? Take one sample whose correct class is 0, and two
# predictions for it:

# %%
y_sample = 0                                   # the correct class
confident = np.array([0.7, 0.1, 0.2])         # (3,): most of the belief on class 0
hesitant = np.array([0.4, 0.3, 0.3])          # (3,): class 0 wins, but only just

print("probability of the correct class:",
      f"confident {confident[y_sample]:.1f}, hesitant {hesitant[y_sample]:.1f}")

# %% [markdown]
# Both pick class 0, so "right or wrong" cannot tell them apart (that measure is the
# *accuracy*, notebook 06). But the first prediction is clearly better: it puts more
# probability on the correct class. The loss should reward exactly that: the higher the
# probability of the correct class, the lower the loss.

# %% [markdown]
# ## Cross-entropy of one sample
#
# Write the correct class as a **one-hot** vector: a 1 in the column of the correct class
# and 0 everywhere else. For class 0 out of 3 that is `[1, 0, 0]`. The
# **categorical cross-entropy** between the one-hot target $y$ and the predicted
# probabilities $p$ is
#
# $$L = -\sum_j y_j \log p_j$$
#
# where $\log$ is the natural logarithm (base $e$, `np.log`). Every term with $y_j = 0$
# vanishes, so only the correct class is left:
#
# $$L = -\log p_{\text{correct}}$$

# %%
target = np.array([1.0, 0.0, 0.0])  # (3,): one-hot for class 0

full_sum = -np.sum(target * np.log(confident))  # (3,) * (3,) -> (3,) -> one number
shortcut = -np.log(confident[y_sample])

print(f"-sum(y * log p)  = {full_sum:.4f}")
print(f"-log(p_correct)  = {shortcut:.4f}")
print(f"hesitant sample: {-np.log(hesitant[y_sample]):.4f}")

# %% [markdown]
# The confident prediction costs 0.3567, the hesitant one 0.9163: more probability on the
# correct class, lower loss, as wanted. Here is $-\log p$ for every probability the
# correct class can get:

# %%
p = np.linspace(0.005, 1, 400)  # (400,): probabilities of the correct class
marked = np.array([1.0, 0.7, 1 / 3, 0.1, 0.02])

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(p, -np.log(p), color="#1f77b4")
ax.scatter(marked, -np.log(marked), color="#d62728", zorder=3)
for value in marked:
    offset = (-40, 35) if value == 1 else (8, 4)  # keep the last label inside the axes
    ax.annotate(f"p = {value:.2f}\nloss = {np.log(1 / value):.2f}", (value, -np.log(value)),
                textcoords="offset points", xytext=offset, fontsize=8)
ax.set_xlim(0, 1.05)
ax.set_ylim(-0.15, 5.5)
ax.set_xlabel("p, the probability given to the correct class")
ax.set_ylabel("loss = -log(p)")
ax.set_title("Cross-entropy of one sample")
ax.grid(alpha=0.3)
plt.show()

for value in marked:
    print(f"p = {value:.4f}  ->  -log(p) = {np.log(1 / value):.4f}")  # -log(p) = log(1/p)
print(f"halving p adds -log(1/2) = ln 2 = {np.log(2):.4f}")

# %% [markdown]
# Three things to read off the curve:
#
# - A perfect prediction ($p = 1$) costs exactly 0, and the loss is never negative
#   (a probability is at most 1, so its log is at most 0).
# - The loss grows slowly while $p$ is large and steeply as $p$ nears 0: a confident
#   *wrong* prediction (little probability left for the correct class) costs far more
#   than a hesitant one. Halving $p$ always adds the same amount, $\ln 2 \approx 0.69$.
# - Giving each of 3 classes a third costs $-\log(1/3) = \ln 3 \approx 1.0986$. Keep that
#   number in mind: it comes back below.

# %% [markdown]
# ## A batch with sparse labels
#
# For a batch, the loss is the **mean** of the per-sample losses, so it does not grow with
# the batch size. Labels usually come as **sparse** labels: one class index per sample,
# like the `y` of the spiral data. Here is the book's small batch of three samples:

# %%
softmax_outputs = np.array([[0.7, 0.1, 0.2],
                            [0.1, 0.5, 0.4],
                            [0.02, 0.9, 0.08]])  # (3 samples, 3 classes)
class_targets = np.array([0, 1, 1])              # (3,): one class index per sample

# %% [markdown]
# We need, from each row, the probability in the column of that row's label: row 0
# column 0, row 1 column 1, row 2 column 1. NumPy's indexing with two arrays does it in
# one step: `probs[rows, columns]` picks the element at each (row, column) pair.

# %%
rows = np.arange(len(class_targets))                    # (3,): [0, 1, 2]
correct_probs = softmax_outputs[rows, class_targets]    # (3,): one per sample
sample_losses = -np.log(correct_probs)                  # (3,)

print("probability of the correct class:", correct_probs)
print("per-sample losses:               ", sample_losses)
print(f"mean loss: {sample_losses.mean():.4f}")

# %% [markdown]
# ## The same batch with one-hot labels
#
# The same labels can be written as **one-hot** rows, shape `(n_samples, n_classes)`. Row
# `i` of the identity matrix `np.eye(3)` is the one-hot vector of class `i`, so indexing
# the identity with the labels converts them all at once. Multiplying by the one-hot rows
# and summing each row keeps only the correct class's probability, the same numbers as
# before:

# %%
one_hot = np.eye(3)[class_targets]  # (3, 3): row i is the one-hot vector of class_targets[i]
print(one_hot)

correct_probs_1h = np.sum(softmax_outputs * one_hot, axis=1)  # (3, 3) * (3, 3) -> (3,)
loss_one_hot = -np.log(correct_probs_1h).mean()
loss_sparse = -np.log(softmax_outputs[rows, class_targets]).mean()

print("probability of the correct class:", correct_probs_1h)
print(f"mean loss, one-hot labels: {loss_one_hot:.4f}")
print(f"mean loss, sparse labels:  {loss_sparse:.4f}")

# %% [markdown]
# Both encodings give the same loss; they are two spellings of the same labels. Sparse
# labels are smaller (one integer per sample instead of a row) and the indexing skips the
# multiplications by 0, so they are what you will usually meet. One-hot rows are what
# the formula $-\sum_j y_j \log p_j$ is written with.

# %% [markdown]
# ## Why a logarithm? The probability of the whole training set
#
# Why $-\log p$, and not something simpler such as $1 - p$? Ask how probable the network
# finds the labels we actually have. If the samples are independent, the probability it
# gives to *all* of them together is the product of the per-sample probabilities of the
# correct class:
#
# $$\text{likelihood} = p_1 \cdot p_2 \cdots p_n$$
#
# This is the **likelihood** of the labels, and a good network is one that makes it
# large. For the book's batch it is $0.7 \times 0.5 \times 0.9 = 0.315$. For a real
# training set, the product is awkward in two ways:
#
# - It **underflows**. Every factor is below 1, so the product shrinks with every
#   sample, and after several hundred to a thousand samples it is smaller than the
#   smallest number a float64 can hold (about $4.9 \times 10^{-324}$): it becomes
#   exactly 0, and all networks look equally bad.
# - It is awkward to **differentiate**, and training runs on slopes (notebook 07 on).
#   The slope of the product with respect to one sample's $p_i$ is the product of all
#   the *other* probabilities, so every sample's term involves every other sample.
#
# The logarithm fixes both, because the log of a product is the sum of the logs:
#
# $$\log(p_1 \cdot p_2 \cdots p_n) = \log p_1 + \log p_2 + \dots + \log p_n$$
#
# Each $\log p_i$ is a modest negative number ($\log 0.1 \approx -2.30$, as printed
# above), so a sum of thousands of them is an ordinary number, and each term depends on
# its own sample only (its slope is $1/p_i$). And since the log grows whenever its
# argument grows, the network with the larger likelihood always has the larger sum of
# logs. Flip the sign, to get a number to make *smaller*, and divide by
# $n$, so that the size does not depend on the number of samples:
#
# $$\text{maximise } p_1 \cdots p_n \iff \text{maximise } \sum_i \log p_i \iff
# \text{minimise } \frac{1}{n} \sum_i -\log p_i$$
#
# The right-hand side is the mean cross-entropy computed above. Here are the numbers,
# first for the book's batch, then for made-up probabilities of the correct class
# between 0.1 and 0.9 for up to 1,000 samples:

# %%
likelihood = np.prod(correct_probs)  # 0.7 * 0.5 * 0.9
print(f"book's batch: likelihood {likelihood:.4f}, -log(likelihood) / 3 = "
      f"{-np.log(likelihood) / 3:.4f}, the mean loss above")
print(f"smallest positive float64: {np.finfo(np.float64).smallest_subnormal:.1e}")

p_correct = np.random.default_rng(SEED).uniform(0.1, 0.9, size=1000)  # (1000,)
for n in [3, 30, 300, 1000]:
    product = np.prod(p_correct[:n])
    sum_of_logs = np.sum(np.log(p_correct[:n]))
    print(f"{n:5d} samples: product {product:.2e}, sum of logs {sum_of_logs:8.2f}, "
          f"mean of -log p {-sum_of_logs / n:.4f}")
first_zero = np.argmax(np.cumprod(p_correct) == 0) + 1  # first n whose product is 0
print(f"the product first rounds to exactly 0 at n = {first_zero}")

# %% [markdown]
# For 300 samples the product is already about $10^{-100}$; from 936 samples on it is
# exactly 0, although no probability was 0: float64 ran out of digits. The sum of logs,
# -796.14 for 1,000 samples, and the mean loss, 0.7961, are ordinary numbers however
# many samples there are. So the loss we minimise, the mean of $-\log p$, is the likelihood
# of the labels in a form a computer can handle: the lower the loss, the more probable
# the network finds the correct labels. And $1 - p$? Its sum or mean has no such link to
# the likelihood, and it charges a confidently wrong sample at most 1, where $-\log p$
# grows without limit as $p$ nears 0.

# %% [markdown]
# ## Why the log is clipped
#
# What if the network gives the correct class a probability of exactly 0? A softmax can
# produce that: with scores far apart, $e^{z}$ of the smallest one rounds to 0 in
# floating point. The logarithm of 0 is minus infinity. (NumPy would also print a
# `RuntimeWarning`, "divide by zero encountered in log"; `np.errstate` silences it here
# so that you see the values.)

# %%
with np.errstate(divide="ignore"):  # log(0) warns; the values are what we want to see
    print("log(0)  =", np.log(0.0))
    print("-log(0) =", -np.log(0.0))

# %% [markdown]
# One such sample is enough to make the loss of the whole batch infinite, however good
# the other predictions are. An infinite loss tells training nothing about which way to
# go (and its gradient, notebook 09, would be infinite too):

# %%
bad_batch = np.array([[1.0, 0.0, 0.0],
                      [0.1, 0.5, 0.4],
                      [0.02, 0.9, 0.08]])  # (3, 3): row 0 is certain, and wrong
bad_targets = np.array([1, 1, 1])          # sample 0 is class 1, given probability 0

with np.errstate(divide="ignore"):
    bad_losses = -np.log(bad_batch[rows, bad_targets])  # (3,)
print("per-sample losses:", bad_losses)
print("mean loss:", bad_losses.mean())

# %% [markdown]
# The fix is to **clip** the probabilities to a range that stays away from 0 before
# taking the log: `np.clip(probs, 1e-7, 1 - 1e-7)`. A probability of 0 becomes $10^{-7}$,
# which costs $-\log(10^{-7}) \approx 16.12$: a huge loss, but a finite one, so the batch
# still has a meaningful mean. The top is clipped to $1 - 10^{-7}$ for symmetry (as the
# book does): a perfect prediction then costs $10^{-7}$ instead of 0, a difference
# nothing downstream notices.

# %%
clipped = np.clip(bad_batch, 1e-7, 1 - 1e-7)  # (3, 3), every value in [1e-7, 1 - 1e-7]
clipped_losses = -np.log(clipped[rows, bad_targets])  # (3,)

print("per-sample losses:", clipped_losses)
print(f"mean loss: {clipped_losses.mean():.4f}")
print(f"largest possible loss per sample: -log(1e-7) = {-np.log(1e-7):.4f}")
print(f"smallest possible loss per sample: -log(1 - 1e-7) = {-np.log(1 - 1e-7):.1e}")

# %% [markdown]
# On a logarithmic axis you can see what the clip does: below $10^{-7}$ the loss stops
# climbing towards infinity and stays at its cap.

# %%
p_small = np.logspace(-12, 0, 400)  # (400,): from 1e-12 to 1
fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(p_small, -np.log(p_small), color="#1f77b4", label="-log(p)")
ax.plot(p_small, -np.log(np.clip(p_small, 1e-7, 1 - 1e-7)), color="#d62728",
        linestyle="--", label="-log(clip(p, 1e-7, 1 - 1e-7))")
ax.axvline(1e-7, color="0.5", linewidth=0.8)
ax.annotate("clip at 1e-7", (1e-7, 20), textcoords="offset points", xytext=(6, 0),
            fontsize=8, color="0.3")
ax.set_xscale("log")
ax.set_xlabel("p, the probability given to the correct class (log scale)")
ax.set_ylabel("loss")
ax.set_title("Clipping caps the loss of a sample at about 16.1")
ax.legend(loc="lower left")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## The `CategoricalCrossEntropy` class
#
# Everything above, in one class. Its `backward` method, the gradient of the loss,
# waits for notebook 09, which adds it; `nnfs_helpers.CategoricalCrossEntropy` holds the
# finished class, which later notebooks import.
#
# - `forward(y_pred, y_true)` takes the predicted probabilities first and the labels
#   second, in either encoding: 1-D labels are treated as sparse, 2-D ones as one-hot.
# - It first calls two checkers from `nnfs_helpers`: `check_probabilities` makes sure the
#   predictions are probabilities (values in [0, 1], rows summing to 1), and
#   `check_labels` makes sure there is one valid label per sample. A mistake there is
#   reported in words instead of turning into a wrong loss.
# - It keeps the clipped predictions, the labels and the per-sample losses
#   (`self.sample_losses`), and returns the mean loss as a plain Python `float`.
#
# Unlike a layer, a loss is not given a single `inputs` array: it compares two things, so
# its `forward` takes two.

# %%
class CategoricalCrossEntropy:
    """Mean negative log of the probability given to the correct class.

    ``loss = mean over samples of -sum_j y_j * log(p_j)``: with one-hot labels
    only the correct class's term is left, ``-log(p_correct)``. Keeps the
    clipped predictions, the labels and each sample's loss (``sample_losses``).
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

    def __repr__(self):
        return "CategoricalCrossEntropy()"


# %% [markdown]
# The book's batch, with sparse and with one-hot labels:

# %%
loss_function = CategoricalCrossEntropy()
print(loss_function)

loss_from_sparse = loss_function.forward(softmax_outputs, class_targets)  # (3, 3), (3,)
print(f"sparse labels:  {loss_from_sparse:.4f}")
print("per-sample losses:", loss_function.sample_losses)

loss_from_one_hot = loss_function.forward(softmax_outputs, one_hot)  # (3, 3), (3, 3)
print(f"one-hot labels: {loss_from_one_hot:.4f}")

# %% [markdown]
# And the batch with a zero probability: the clip keeps the loss finite, with no warning.

# %%
print(f"{loss_function.forward(bad_batch, bad_targets):.4f}")
print("per-sample losses:", loss_function.sample_losses)

# %% [markdown]
# ## The loss of the untrained spiral network
#
# Now the real thing: the spiral data and the untrained 2-3-3 network of notebook 04,
# built with the same seed, so it is the very same network. `forward_pass` is notebook
# 04's loop over the layers, imported from `nnfs_helpers`.

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)

rng = np.random.default_rng(SEED)  # a fresh generator: the same weights as in notebook 04
network = [DenseLayer(2, 3, rng=rng), ReLU(), DenseLayer(3, 3, rng=rng), Softmax()]

probs = forward_pass(network, X)  # (300, 2) -> (300, 3) -> (300, 3) -> (300, 3) -> (300, 3)

loss = loss_function.forward(probs, y)  # (300, 3) probabilities, (300,) labels
print(f"loss of the untrained network: {loss:.4f}")
print(f"ln 3:                          {np.log(3):.4f}")
print(f"difference:                    {loss - np.log(3):.1e}")

# %% [markdown]
# The loss is $\ln 3$ to four decimals, and that is no coincidence. Notebook 04 showed
# that this network gives every class a probability within a hair of 1/3 for every
# point. So whatever a point's label is, its correct class gets about 1/3, every sample
# costs about $-\log(1/3) = \ln 3$, and so does their mean:

# %%
print("per-sample losses range from",
      f"{loss_function.sample_losses.min():.6f} to {loss_function.sample_losses.max():.6f}")
print(f"probability of the correct class ranges from {probs[np.arange(len(y)), y].min():.6f}",
      f"to {probs[np.arange(len(y)), y].max():.6f}")

# %% [markdown]
# In general, a network that spreads its probability evenly over $k$ classes has a loss of
# $\ln k$, whatever the data. That makes $\ln k$ the loss of *knowing nothing*, and a
# useful yardstick:
#
# - at the start of training, a loss near $\ln k$ means the initialisation is neutral, as
#   it should be; a much larger one means the network starts out confidently wrong;
# - during training, a loss that stays at $\ln k$ means the network has learnt nothing;
# - the loss can go all the way down to (almost) 0, for a network that gives every correct
#   class a probability near 1. Training the spiral network in later notebooks will move
#   it from 1.0986 towards that.

# %% [markdown]
# ## When the labels are wrong
#
# Labels are easy to get wrong: counted from 1 instead of 0, or from a data set with more
# classes than the network has outputs. With 3 output columns, the valid class indices
# are 0, 1 and 2. Unchecked, a label 3 would make the indexing fail with an `IndexError`
# ("index 3 is out of bounds") that does not say which argument is at fault, and labels
# shaped as a column, `(n_samples, 1)`, would broadcast against the predictions into a
# wrong loss without any error. `check_labels` says what is wrong instead:

# %% tags=["raises-exception"]
loss_function.forward(softmax_outputs, [0, 1, 3])  # 3 classes: labels must be 0, 1 or 2

# %% [markdown]
# A loss also needs *probabilities*. Passing the raw scores of the last dense layer (the
# softmax forgotten) would take logs of negative numbers; the check stops it and names
# the fix. (`SoftmaxCrossEntropy`, which it mentions, combines the two and comes in
# notebook 09.)

# %% tags=["raises-exception"]
scores = network[2].output  # (300, 3): the last dense layer's raw scores
loss_function.forward(scores, y)

# %% [markdown]
# ## Summary
#
# - A loss turns the quality of a batch of predictions into one number; training makes it
#   as small as possible.
# - Categorical cross-entropy is $-\sum_j y_j \log p_j$ per sample, which with one-hot
#   labels is $-\log p_{\text{correct}}$; the batch loss is the mean over samples.
# - Sparse labels (class indices, picked with `probs[np.arange(n), y]`) and one-hot rows
#   (`np.eye(n_classes)[y]`) give the same loss.
# - The mean loss is $-\log(\text{likelihood}) / n$, where the likelihood, the product
#   of the per-sample probabilities, underflows to 0 after several hundred to a thousand
#   samples (936 here): the log turns it into a sum, and minimising the loss maximises
#   the likelihood.
# - $\log 0 = -\infty$, so the probabilities are clipped to $[10^{-7}, 1 - 10^{-7}]$ first;
#   one sample then costs at most about 16.1.
# - A network that gives each of $k$ classes $1/k$ has a loss of $\ln k$: the untrained
#   spiral network starts at $\ln 3 \approx 1.0986$.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: one sample by hand
#
# A network predicts the probabilities `[0.2, 0.5, 0.3]` for a sample whose correct class
# is 2. Compute its categorical cross-entropy with NumPy.

# %%
from nnfs_exercises.nb05 import (  # noqa: E402
    check_cross_entropy_function,
    check_one_sample_loss,
    check_uniform_loss,
)

one_sample_loss = None  # your code here

check_one_sample_loss(one_sample_loss)

# %% [markdown]
# ### Exercise 2: your own cross-entropy
#
# Write `cross_entropy(y_pred, y_true)` for a batch of probabilities `y_pred`, shape
# `(n_samples, n_classes)`, and sparse labels `y_true`, shape `(n_samples,)`. Return the
# mean loss as a number, with the probabilities clipped to `[1e-7, 1 - 1e-7]` first. The
# checker tries it on random batches, one of them with a probability of exactly 0.

# %%
def cross_entropy(y_pred, y_true):
    return None  # your code here


check_cross_entropy_function(cross_entropy)

# %% [markdown]
# ### Exercise 3: knowing nothing about 10 classes
#
# A network for 10 classes (say, the digits 0-9) starts with a loss of about 2.30. Is it
# simply giving every class the same probability? Build predictions for 50 samples that
# give each of the 10 classes probability 0.1, pick any labels between 0 and 9, and store
# the loss `CategoricalCrossEntropy` computes in `uniform_loss`. Which formula does the
# result match?

# %%
uniform_loss = None  # your code here

check_uniform_loss(uniform_loss)

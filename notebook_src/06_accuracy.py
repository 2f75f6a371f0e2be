# %% [markdown]
# # 06 · Accuracy, and why it is not the loss
#
# **Goal:** measure how often a classifier picks the right class, and see on real network
# outputs why that number and the loss can tell different stories.
#
# **Prerequisites:** [04 · Spiral data and a full forward pass](04_spiral_forward_pass.ipynb)
# and [05 · Categorical cross-entropy](05_categorical_cross_entropy.ipynb).
#
# **What you will build:** `accuracy`, the fraction of samples whose most probable class
# is the correct one, for sparse and one-hot labels alike.
#
# *Book: chapter 5 of "Neural Networks from Scratch in Python" (accuracy calculation).*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    CategoricalCrossEntropy,
    DenseLayer,
    ReLU,
    Softmax,
    check_inputs,
    check_labels,
    forward_pass,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Accuracy: how often the top class is right
#
# The loss of notebook 05 grades *how much* probability the correct class gets. People
# usually ask a simpler question: how often is the network right? A classifier's
# **prediction** for a sample is its most probable class, the `argmax` of the row, and its
# **accuracy** is the fraction of samples where that prediction equals the label.
#
# The book's example batch:

# %%
softmax_outputs = np.array([[0.7, 0.2, 0.1],
                            [0.5, 0.1, 0.4],
                            [0.02, 0.9, 0.08]])  # (3 samples, 3 classes)
class_targets = np.array([0, 1, 1])              # (3,): the correct classes

predictions = np.argmax(softmax_outputs, axis=1)  # (3, 3) -> (3,): one class per row
hits = predictions == class_targets               # (3,) == (3,) -> (3,) of True/False

print("predictions:", predictions)
print("labels:     ", class_targets)
print("right?      ", hits)
print(f"accuracy: {hits.mean():.4f}")

# %% [markdown]
# The second sample is class 1, but the network gives class 0 the most probability (0.5),
# so it counts as a miss: 2 right out of 3. Taking the mean of a boolean array counts
# `True` as 1 and `False` as 0, which is exactly "the fraction that is right".
#
# With **one-hot** labels, `argmax` along each row turns them back into class indices
# first (the 1 sits in the column of the correct class), and the rest is the same:

# %%
one_hot = np.eye(3)[class_targets]             # (3,) -> (3, 3)
labels_again = np.argmax(one_hot, axis=1)      # (3, 3) -> (3,)

print("one-hot -> class indices:", labels_again)
print(f"accuracy: {np.mean(predictions == labels_again):.4f}")

# %% [markdown]
# ## The `accuracy` function
#
# The same steps as a function, the exact code of `nnfs_helpers.accuracy`. Like the loss,
# it checks its arguments first (`check_inputs` for the predictions, `check_labels` for
# the labels, the same checks as in notebook 05), so a mismatch between predictions and
# labels is reported in words. It only needs the *largest* value of each row, so it
# works on raw scores as well as on probabilities: softmax never changes which score is
# largest.

# %%
def accuracy(y_pred, y_true):
    """Fraction of samples whose highest-scoring class is the correct one.

    Introduced in notebook 06. Unlike the loss, it ignores how confident a
    prediction is: only which class wins counts.

    Parameters
    ----------
    y_pred : array_like of shape (n_samples, n_classes)
        Probabilities or raw scores; only the largest of each row matters.
    y_true : array_like of shape (n_samples,) or (n_samples, n_classes)
        Class indices or one-hot rows.

    Returns
    -------
    float
        Between 0 and 1.
    """
    y_pred = check_inputs("accuracy", y_pred)
    y_true = check_labels("accuracy", y_true, *y_pred.shape)
    if y_true.ndim == 2:
        y_true = np.argmax(y_true, axis=1)
    return float(np.mean(np.argmax(y_pred, axis=1) == y_true))


# %% [markdown]
# Sparse labels, one-hot labels and raw scores in place of probabilities:

# %%
print(f"sparse labels:  {accuracy(softmax_outputs, class_targets):.4f}")
print(f"one-hot labels: {accuracy(softmax_outputs, one_hot):.4f}")
print(f"log of the probabilities (a different scale, the same largest value): "
      f"{accuracy(np.log(softmax_outputs), class_targets):.4f}")

# %% [markdown]
# ## Chance level
#
# Before judging an accuracy, know what **guessing** scores. With 3 classes of equal size,
# always answering "class 0" is right for exactly the third of the samples that are class
# 0, and guessing at random is right a third of the time on average. So on the spiral
# data the **chance level** is 1/3. Here is a random guesser, rerun 1,000 times on the 300
# spiral labels:

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)

always_zero = np.zeros((len(y), 3))
always_zero[:, 0] = 1.0  # (300, 3): every row predicts class 0
print(f"always class 0: {accuracy(always_zero, y):.4f}")

guesses = rng.integers(0, 3, size=(1000, len(y)))  # (1000 guessers, 300 guesses each)
guess_accuracies = np.mean(guesses == y, axis=1)    # (1000, 300) == (300,) -> (1000,)
low, high = np.percentile(guess_accuracies, [2.5, 97.5])
print(f"random guessing: mean {guess_accuracies.mean():.4f}, "
      f"95% of guessers between {low:.4f} and {high:.4f}")

# %% [markdown]
# Even pure guessing lands anywhere from about 0.28 to 0.39 on 300 samples, so a
# difference of a few percent on a small data set may mean nothing. (With unbalanced
# classes chance level is higher: if 80% of the samples were class 0, "always class 0"
# would score 0.8 without learning anything. Always compare with the largest class's
# share.)
#
# And the untrained network of notebooks 04 and 05? Same seed, same network, and the
# same `forward_pass` (notebook 04's loop over the layers, imported from `nnfs_helpers`):

# %%
rng = np.random.default_rng(SEED)  # a fresh generator: the network of notebooks 04 and 05
untrained = [DenseLayer(2, 3, rng=rng), ReLU(), DenseLayer(3, 3, rng=rng), Softmax()]
probs = forward_pass(untrained, X)  # (300, 2) -> (300, 3)

loss_function = CategoricalCrossEntropy()
untrained_loss = loss_function.forward(probs, y)
untrained_accuracy = accuracy(probs, y)
print(f"untrained network: loss {untrained_loss:.4f}, accuracy {untrained_accuracy:.4f}")

# %% [markdown]
# An accuracy of 0.3467: chance level, as expected from a network that has learnt nothing.
# Its predictions are real answers all the same: each point's largest probability wins,
# however slim its lead (notebook 04 drew the wedges they form).

# %% [markdown]
# ## Loss and accuracy do not always agree
#
# Accuracy looks only at *which* class wins; the loss looks at *how much* probability the
# correct class gets. So they can disagree. To see it on real outputs, draw 200 random
# 2-3-3 networks, this time with weights of standard deviation 1 instead of 0.01 so that
# they make bolder predictions, and measure each one's loss and accuracy on the spiral.

# %%
rng = np.random.default_rng(SEED)
random_networks = [
    [DenseLayer(2, 3, rng=rng, weight_scale=1.0), ReLU(),
     DenseLayer(3, 3, rng=rng, weight_scale=1.0), Softmax()]
    for _ in range(200)
]
losses = np.empty(len(random_networks))
accuracies = np.empty(len(random_networks))
for i, network in enumerate(random_networks):
    network_probs = forward_pass(network, X)  # (300, 2) -> (300, 3)
    losses[i] = loss_function.forward(network_probs, y)
    accuracies[i] = accuracy(network_probs, y)

lowest_loss = np.argmin(losses)
most_accurate = np.argmax(accuracies)
for name, i in [("lowest loss", lowest_loss), ("highest accuracy", most_accurate)]:
    print(f"{name:>16}: network {i:3d}, loss {losses[i]:.4f}, accuracy {accuracies[i]:.4f}")
print(f"correlation between loss and accuracy over the 200 networks: "
      f"{np.corrcoef(losses, accuracies)[0, 1]:.2f}")

# %%
fig, ax = plt.subplots(figsize=(7, 4.5))
ax.scatter(losses, accuracies, s=14, color="0.55", label="200 random networks")
ax.scatter(losses[lowest_loss], accuracies[lowest_loss], s=70, color="#1f77b4",
           label=f"lowest loss (network {lowest_loss})", zorder=3)
ax.scatter(losses[most_accurate], accuracies[most_accurate], s=70, color="#d62728",
           label=f"highest accuracy (network {most_accurate})", zorder=3)
ax.axhline(1 / 3, color="black", linewidth=0.8, linestyle=":", label="chance level, 1/3")
ax.axvline(np.log(3), color="black", linewidth=0.8, linestyle="--", label="ln 3")
ax.set_xlabel("loss (lower is better)")
ax.set_ylabel("accuracy (higher is better)")
ax.set_title("Loss and accuracy of 200 random 2-3-3 networks on the spiral")
ax.legend(fontsize=8)
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# If loss and accuracy measured the same thing, the points would line up along a
# falling line. Instead they form a loose cloud (a correlation near 0), many networks
# share an accuracy while their losses differ, and the network with the lowest loss is
# not the most accurate one: its accuracy is at chance level. Swapping the most accurate
# network for the lowest-loss one would make the loss go *down* and the accuracy go
# *down* too.
#
# Why? Let us take the most accurate network apart.

# %% [markdown]
# ### Same accuracy, different loss: confidence
#
# Multiply the weights and biases of the network's last dense layer by a positive number
# `c`. Every score is multiplied by `c`, so the largest score of each row stays the
# largest: the predictions, and the accuracy, do not change at all. But the softmax of
# scores multiplied by a large `c` is more extreme (more *confident*), and of scores
# multiplied by a small `c` closer to 1/3 each (more *hesitant*).

# %%
best = random_networks[most_accurate]
last_dense = best[2]
weights, biases = last_dense.weights.copy(), last_dense.biases.copy()


def scaled_outputs(c):
    """The most accurate network's probabilities with its last layer scaled by c."""
    last_dense.weights, last_dense.biases = c * weights, c * biases
    try:
        return forward_pass(best, X)  # (300, 2) -> (300, 3)
    finally:
        last_dense.weights, last_dense.biases = weights, biases  # put the network back


factors = [0.01, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0]
for c in factors:
    scaled = scaled_outputs(c)
    print(f"c = {c:5}: loss {loss_function.forward(scaled, y):.4f}, "
          f"accuracy {accuracy(scaled, y):.4f}, "
          f"mean top probability {scaled.max(axis=1).mean():.4f}")

# %% [markdown]
# The accuracy is 0.4367 in every row, while the loss first goes **down**, from nearly
# $\ln 3$ at `c = 0.01` to its lowest value in the table at `c = 1`, and then climbs **up**
# to over 3 at `c = 30`. The plot below shows the same sweep in finer steps:

# %%
c_values = np.logspace(-2, 1.5, 60)  # (60,): from 0.01 to about 31.6
sweep_losses = np.array([loss_function.forward(scaled_outputs(c), y) for c in c_values])
sweep_accuracies = np.array([accuracy(scaled_outputs(c), y) for c in c_values])

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
left.plot(c_values, sweep_losses, color="#1f77b4")
left.axhline(np.log(3), color="black", linewidth=0.8, linestyle="--", label="ln 3")
left.set_ylabel("loss")
left.legend(loc="upper left")
zoom = left.inset_axes([0.12, 0.3, 0.42, 0.42])  # a close-up of the dip below ln 3
small = c_values <= 3
zoom.plot(c_values[small], sweep_losses[small], color="#1f77b4")
zoom.axhline(np.log(3), color="black", linewidth=0.8, linestyle="--")
zoom.set_xscale("log")
zoom.set_title("close-up, c up to 3", fontsize=8)
zoom.tick_params(labelsize=7)
right.plot(c_values, sweep_accuracies, color="#d62728")
right.axhline(1 / 3, color="black", linewidth=0.8, linestyle=":", label="chance level")
right.set_ylim(0, 1)
right.set_ylabel("accuracy")
right.legend()
for ax in (left, right):
    ax.set_xscale("log")
    ax.set_xlabel("c, the scale of the last layer (log scale)")
    ax.grid(alpha=0.3)
fig.suptitle("Scaling the last layer: the loss moves, the accuracy does not")
plt.tight_layout()
plt.show()

# %% [markdown]
# The per-sample losses explain the U shape. Below, each dot is one spiral point, split by
# whether the network gets it right, for the hesitant version (`c = 0.1`) and the
# confident one (`c = 30`). The points and the predictions are the same in both panels;
# only the confidence differs.

# %%
hits = np.argmax(scaled_outputs(1.0), axis=1) == y  # (300,): the same for every c
jitter = 0.08 * np.random.default_rng(SEED).standard_normal(len(y))  # spreads the dots

fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
for ax, c in zip(axes, [0.1, 30.0], strict=True):
    loss = loss_function.forward(scaled_outputs(c), y)
    sample_losses = loss_function.sample_losses  # (300,)
    ax.scatter(np.where(hits, 0, 1) + jitter, sample_losses, s=8, alpha=0.6,
               c=np.where(hits, "#2ca02c", "#d62728"))
    ax.axhline(loss, color="black", linewidth=0.8, linestyle="--")
    ax.annotate(f"mean loss {loss:.2f}", (1.45, loss), textcoords="offset points",
                xytext=(0, 4), ha="right", fontsize=9)
    ax.set_xticks([0, 1], [f"right ({hits.sum()})", f"wrong ({(~hits).sum()})"])
    ax.set_xlim(-0.5, 1.5)
    ax.set_title(f"c = {c}: accuracy {accuracy(scaled_outputs(c), y):.4f}")
    ax.grid(alpha=0.3, axis="y")
axes[0].set_ylabel("loss of each sample")
plt.tight_layout()
plt.show()

mean_right, mean_wrong = {}, {}
for c in [0.1, 30.0]:
    loss_function.forward(scaled_outputs(c), y)
    sample_losses = loss_function.sample_losses
    mean_right[c], mean_wrong[c] = sample_losses[hits].mean(), sample_losses[~hits].mean()
    print(f"c = {c:4}: mean loss of the right samples {mean_right[c]:.4f}, "
          f"of the wrong ones {mean_wrong[c]:.4f}, "
          f"largest {sample_losses.max():.4f}")

# %% [markdown]
# Hesitant, every sample costs close to $\ln 3 \approx 1.10$, right or wrong. Confident,
# the right samples become almost free, but the wrong ones now put almost no probability
# on their correct class and cost several times more; the row of dots at the top is the
# clip of notebook 05, $-\log(10^{-7}) \approx 16.12$. With the same predictions, the
# loss rises from 1.10 to over 3.
#
# Being wrong more often than right (accuracy 0.4367) is not what makes confidence
# hurt, though. Going confident saves about 0.65 on each right sample (1.09 down to 0.44)
# but adds about 4.55 on each wrong one (1.11 up to 5.65). So confidence pays only if
# right samples outnumber wrong ones by more than 4.55 to 0.65, about seven to one. With
# these per-sample costs, the accuracy at which the two mean losses are equal is:

# %%
gain_if_right = mean_right[0.1] - mean_right[30.0]  # loss saved on each right sample
cost_if_wrong = mean_wrong[30.0] - mean_wrong[0.1]  # loss added on each wrong sample
break_even = cost_if_wrong / (cost_if_wrong + gain_if_right)  # a * gain = (1 - a) * cost
print(f"saved per right sample {gain_if_right:.2f}, added per wrong one {cost_if_wrong:.2f}")
print(f"confidence lowers the loss only above an accuracy of {break_even:.1%}")

# %% [markdown]
# That is 87.5 %, twice this network's accuracy: with costs like these, even a network that
# is right on 80 % of the points would be hurt by confidence. (Another network makes
# other mistakes, with other costs, and has its own break-even.)
#
# This is the difference in a nutshell: **accuracy counts right answers, the loss also
# grades how sure the network was.** A confident mistake is punished, a hesitant right
# answer earns only part of the credit. Two networks with the same accuracy can be far
# apart in loss, and one with a lower loss can have a lower accuracy.

# %% [markdown]
# ## Why we train on the loss, not on accuracy
#
# If accuracy is what we care about, why not make *it* the number to optimise? Because it
# changes in jumps. Vary one weight of the most accurate network (the first weight of its
# last layer) and watch both measures:

# %%
w_values = np.linspace(-3, 3, 301)  # (301,): values tried for one weight
original = last_dense.weights[0, 0]
one_weight_losses, one_weight_accuracies = [], []
for w in w_values:
    last_dense.weights[0, 0] = w
    probs_w = forward_pass(best, X)  # (300, 2) -> (300, 3)
    one_weight_losses.append(loss_function.forward(probs_w, y))
    one_weight_accuracies.append(accuracy(probs_w, y))
last_dense.weights[0, 0] = original  # put the network back

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.6))
left.plot(w_values, one_weight_losses, color="#1f77b4")
left.set_ylabel("loss")
right.plot(w_values, one_weight_accuracies, color="#d62728", drawstyle="steps-mid")
right.set_ylabel("accuracy")
for ax in (left, right):
    ax.axvline(original, color="0.5", linewidth=0.8, linestyle=":")
    ax.set_xlabel("value of one weight (dotted: its current value)")
    ax.grid(alpha=0.3)
fig.suptitle("One weight varied: the loss is smooth, the accuracy jumps")
plt.tight_layout()
plt.show()

print(f"different loss values:     {len(np.unique(one_weight_losses))} of {len(w_values)}")
print(f"different accuracy values: {len(np.unique(one_weight_accuracies))} of {len(w_values)}")
print(f"lowest loss at weight {w_values[np.argmin(one_weight_losses)]:.2f}, "
      f"highest accuracy at weight {w_values[np.argmax(one_weight_accuracies)]:.2f}")

# %% [markdown]
# Accuracy is a staircase: a small change to a weight usually changes no prediction, so
# the accuracy stays flat, and then one point flips class and it jumps. On a flat step
# there is no slope to tell which way to move the weight. The loss changes smoothly with
# every weight, and its slope (notebooks 07-09) points towards better predictions. So
# training minimises the loss, and we *report* the accuracy because it is the number
# people understand.
#
# The two curves also disagree on the best value of this weight: the lowest loss and the
# highest accuracy are at different places. Minimising the loss does not promise the
# highest possible accuracy, but in practice, once a network learns, lower loss and
# higher accuracy go together: the training loops of later notebooks print both.

# %% [markdown]
# ## Summary
#
# - A classifier predicts the class with the largest output (`argmax` of each row);
#   accuracy is the fraction of samples where that is the label.
# - `accuracy(y_pred, y_true)` takes sparse or one-hot labels (one-hot rows go back to
#   indices with `argmax`), and probabilities or raw scores.
# - Chance level is what guessing scores: 1/3 for 3 balanced classes, and the untrained
#   spiral network sits there (0.3467).
# - Accuracy ignores confidence, the loss does not: the same predictions made more
#   confident kept accuracy 0.4367 while the loss went from about 1.09 to over 3.
# - Accuracy changes in jumps and is flat in between, so we train on the smooth loss and
#   report accuracy.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: accuracy by hand
#
# Compute the accuracy of these predictions with NumPy (or count first, then check).

# %%
from nnfs_exercises.nb06 import (  # noqa: E402
    check_accuracy_by_hand,
    check_accuracy_function,
    check_same_accuracy_lower_loss,
)

ex1_probs = np.array([[0.1, 0.6, 0.3],
                      [0.8, 0.1, 0.1],
                      [0.3, 0.3, 0.4],
                      [0.2, 0.5, 0.3],
                      [0.5, 0.1, 0.4]])  # (5, 3)
ex1_labels = np.array([1, 0, 1, 1, 2])   # (5,)

ex1_accuracy = None  # your code here

check_accuracy_by_hand(ex1_accuracy)

# %% [markdown]
# ### Exercise 2: your own accuracy
#
# Write `my_accuracy(y_pred, y_true)` that returns the accuracy as a number, for
# `y_pred` of shape `(n_samples, n_classes)` and labels that are either sparse, shape
# `(n_samples,)`, or one-hot, shape `(n_samples, n_classes)`. The checker tries both.

# %%
def my_accuracy(y_pred, y_true):
    return None  # your code here


check_accuracy_function(my_accuracy)

# %% [markdown]
# ### Exercise 3: same accuracy, lower loss
#
# The predictions `ex3_probs` below get 3 of 4 samples right. Write new predictions
# `better_probs`, shape `(4, 3)` with rows of probabilities summing to 1, that have the
# **same accuracy** but a **lower loss**. The cell prints the loss and the accuracy of
# the given predictions, to compare with. Hint: which rows can be made more confident,
# and what can you do for the row that is wrong without making it right?

# %%
ex3_probs = np.array([[0.5, 0.3, 0.2],
                      [0.3, 0.4, 0.3],
                      [0.4, 0.35, 0.25],
                      [0.2, 0.3, 0.5]])  # (4, 3)
ex3_labels = np.array([0, 1, 1, 2])      # (4,): sample 2 is wrong
print(f"given: loss {CategoricalCrossEntropy().forward(ex3_probs, ex3_labels):.4f}, "
      f"accuracy {accuracy(ex3_probs, ex3_labels):.4f}")

better_probs = None  # your predictions here

check_same_accuracy_lower_loss(better_probs)

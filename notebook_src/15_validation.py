# %% [markdown]
# # 15 · Validation: does the network work on data it never saw?
#
# **Goal:** measure a trained network on fresh data, watch training and validation
# curves side by side, and see overfitting with your own eyes.
#
# **Prerequisites:** notebooks 11-14 (the training loop and `Adam`).
#
# **What you will build:** a validation habit, and `train_with_validation`: notebook 11's
# `train`, paused every 100 epochs to measure the network on the training *and* the
# validation set with notebook 11's `evaluate`. Notebooks 16 and 17 import it.
#
# *Book: chapters 11 and 12 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
from threadpoolctl import threadpool_limits

from nnfs_helpers import (
    Adam,
    DenseLayer,
    ReLU,
    Softmax,
    check_claim,
    evaluate,
    forward_pass,
    plot_decision_regions,
    plot_seed_study,
    plot_spiral,
    print_seed_study,
    seed_study,
    spiral_data,
    train,
)

# Our matrices are small: one thread of the linear algebra library (BLAS) is faster
# than several, which spend more time handing work around than they save.
threadpool_limits(limits=1)
np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Training accuracy is a flattering number
#
# Notebook 14 trained a 2-64-3 network on the spiral to about 97 % accuracy. But that
# accuracy was measured on the very 300 points the network was trained on. How many
# numbers does a 2-64-3 network have to tune? Each layer has one weight per input and
# neuron, plus one bias per neuron:

# %%
def n_parameters(sizes):
    """Weights and biases of a dense network with these layer sizes, e.g. (2, 64, 3)."""
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))


print(f"2-64-3: 2 * 64 + 64 = {2 * 64 + 64} in the first layer, "
      f"64 * 3 + 3 = {64 * 3 + 3} in the second, {n_parameters((2, 64, 3))} in all")

# %% [markdown]
# 387 numbers to fit 300 points is a lot of freedom: the network can learn the *shape*
# of the spiral, but it can also bend its boundaries around individual noisy points.
# Both raise the training accuracy; only the first helps with points it has not seen.
#
# What we really want to know is how well the network does on **out-of-sample** data:
# new points from the same source. The standard way is to keep a second data set aside,
# the **validation set**, never train on it, and measure the network on it.
#
# The spiral makes this easy: `spiral_data` can draw as many fresh points as we like. A
# different seed gives a new sample of the same spirals (the same arms, different random
# noise), exactly like collecting more data from the same source.

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)          # training set
X_val, y_val = spiral_data(samples=100, classes=3, seed=SEED + 1)  # validation set
print("training:", X.shape, y.shape, "| validation:", X_val.shape, y_val.shape)
# (300, 1, 2) == (1, 300, 2) -> (300, 300, 2): compare every training point with every
# validation point
in_both = (X[:, None, :] == X_val[None, :, :]).all(axis=2).any(axis=1)  # (300,)
print(f"training points also in the validation set: {in_both.sum()}, "
      f"all at the origin: {bool(np.all(X[in_both] == 0))}")

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
plot_spiral(X, y, ax=left, title="Training set (seed 0)")
plot_spiral(X_val, y_val, ax=right, title="Validation set (seed 1)")
plt.tight_layout()
plt.show()

# %% [markdown]
# Same arms, different points. (Only the origin, where each of the three arms starts, is
# in both sets.) In real projects you cannot draw new data at will; instead you split the
# data you have, before training, into a training part and a validation part. Exercise 1
# does that, and shows the trap hidden in it.

# %% [markdown]
# ## Measuring a network without training it
#
# Measuring is a forward pass and a loss, nothing more: no backward pass, no optimizer
# step. Notebook 11's `evaluate(layers, X, y)` does just that and returns the mean loss
# and the accuracy. An untrained network, on both sets: its weights are tiny, so it gives
# the three classes about the same probability, its loss is about ln 3 = 1.0986, and it
# gets roughly a third of the points right, on either set.

# %%
def make_network(seed, hidden=64):
    """A fresh 2-hidden-3 network; the same seed gives the same initial weights."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(2, hidden, rng=rng), ReLU(), DenseLayer(hidden, 3, rng=rng)]


untrained = make_network(SEED)
for name, (X_set, y_set) in [("training", (X, y)), ("validation", (X_val, y_val))]:
    loss, acc = evaluate(untrained, X_set, y_set)
    print(f"{name:>10} set: loss {loss:.4f}, accuracy {acc:.2f}")

# %% [markdown]
# One detail matters. Every layer remembers the last batch it saw (`inputs`, `output`)
# because its `backward` needs them. So evaluate only **after** the optimizer step: a
# validation forward pass squeezed between the training forward and backward passes
# would replace what the layers remember, and `backward` would compute the gradient for
# the validation points. (When the two sets have different sizes, `backward` notices the
# shapes and raises an error; with 300 points each, it cannot tell.) That is also why
# `train`'s `record` (notebook 12 counted live neurons with it) is no place to measure
# the validation set: `train` calls it after the forward pass and before the backward
# pass, exactly the wrong moment for a forward pass of its own.

# %% [markdown]
# ## The training loop, with a validation check
#
# We need no new loop: `train_with_validation` runs notebook 11's `train` for `every`
# epochs at a time (without a progress bar) and, after each stretch, right after an
# optimizer step, measures the network on both sets. The optimizer keeps its step count
# and its moving averages from one call of `train` to the next, so three stretches of 100
# epochs train exactly as one call of 300 epochs does (checked below). The `every` is
# there because measuring costs forward passes; every 100 epochs is plenty for a curve.
#
# Two arguments are for later notebooks. `measure` is how the network is measured:
# notebook 11's `evaluate` unless told otherwise (notebook 17's dropout needs another).
# `record(layers)`, like `train`'s, keeps one more figure at each measurement (notebook
# 16 keeps the penalty). And the history also keeps `train`'s own figures for every
# epoch, measured before each step, as `"step_loss"` and `"step_accuracy"`.

# %%
def train_with_validation(layers, optimizer, X, y, X_val, y_val, epochs, *, every=100,
                          measure=evaluate, record=None):
    """``train``, pausing every ``every`` epochs to measure both data sets.

    Each measurement comes after an optimizer step, never between a forward
    and a backward pass: a forward pass on other data would replace the inputs
    the layers keep for ``backward``. Introduced in notebook 15.

    Parameters
    ----------
    layers, optimizer, X, y, epochs
        As for ``train``.
    X_val, y_val
        The validation set: measured, never trained on.
    every : int, default 100
        Epochs between two measurements; the last epoch is always measured.
    measure : callable, default evaluate
        ``measure(layers, X, y) -> (loss, accuracy)`` (notebook 17 passes one
        that switches dropout off).
    record : callable, optional
        ``record(layers)`` is called at each measurement; its value is appended
        to ``history["record"]`` (notebook 16 records the penalty with it).

    Returns
    -------
    dict of str to list
        At each measurement: ``"epoch"``, ``"loss"``, ``"accuracy"``,
        ``"val_loss"``, ``"val_accuracy"`` (and ``"record"``). For every epoch,
        ``train``'s figures from before its step: ``"step_loss"`` and
        ``"step_accuracy"``.
    """
    history = {"epoch": [], "loss": [], "accuracy": [], "val_loss": [], "val_accuracy": [],
               "record": [], "step_loss": [], "step_accuracy": []}
    for done in range(0, epochs, every):
        n_epochs = min(every, epochs - done)
        steps = train(layers, optimizer, X, y, n_epochs, progress=False)
        history["step_loss"] += steps["loss"]
        history["step_accuracy"] += steps["accuracy"]
        loss, acc = measure(layers, X, y)  # after the step, never in between
        val_loss, val_acc = measure(layers, X_val, y_val)
        for key, value in zip(["epoch", "loss", "accuracy", "val_loss", "val_accuracy"],
                              [done + n_epochs, loss, acc, val_loss, val_acc], strict=True):
            history[key].append(value)
        if record is not None:
            history["record"].append(record(layers))
    return history


# %%
one_go, in_stretches = make_network(SEED), make_network(SEED)
train(one_go, Adam(learning_rate=0.05, decay=1e-3), X, y, 300, progress=False)
stretches = train_with_validation(in_stretches, Adam(learning_rate=0.05, decay=1e-3),
                                  X, y, X_val, y_val, 300)
print("measured after epochs", stretches["epoch"], "| step losses kept:",
      len(stretches["step_loss"]))
print("the same weights as one call of 300 epochs:",
      all(np.array_equal(a.weights, b.weights) and np.array_equal(a.biases, b.biases)
          for a, b in zip(one_go[::2], in_stretches[::2], strict=True)))

# %% [markdown]
# ## Notebook 14's run, watched on both sets
#
# A 2-64-3 network trained for 10,000 full-batch epochs as in notebook 14, with Adam at
# learning rate 0.05 and a decay of 1e-3, the course's stable setting. (The book uses a
# decay of 5e-7, which leaves the learning rate almost unchanged: late in training an
# occasional step overshoots, the loss spikes and the accuracy dips for a few dozen
# epochs, so the figure at the last epoch is partly luck. With a decay of 1e-3 the step
# shrinks to an eleventh of its start by epoch 10,000, and the runs settle. Notebook 14
# explains the choice in full.)
#
# One run is one sample: its starting weights come from a seed, and another seed ends
# somewhere else. So we train the same network from five seeds and look at all five.
# Seed 0's run is kept for the curves below.

# %%
SEEDS = [0, 1, 2, 3, 4]
runs = {}  # seed -> (layers, history), kept for the figures


def summarise(layers, history):
    """The figures this notebook talks about, from one run's history."""
    val_loss = np.array(history["val_loss"])
    last_ten = np.array(history["accuracy"][-10:])  # the last ten evaluations
    return {"train accuracy": history["accuracy"][-1],
            "validation accuracy": history["val_accuracy"][-1],
            "gap": history["accuracy"][-1] - history["val_accuracy"][-1],
            "lowest val loss": val_loss.min(),
            "epoch of lowest val loss": history["epoch"][int(np.argmin(val_loss))],
            "final val loss": val_loss[-1],
            "best val accuracy": max(history["val_accuracy"]),
            "train accuracy range, last ten": last_ten.max() - last_ten.min()}


def run_2_64_3(seed):
    """Train 2-64-3 on the 300 training points from one seed's initial weights."""
    layers = make_network(seed)  # its last layer gives scores; the loss does softmax
    history = train_with_validation(layers, Adam(learning_rate=0.05, decay=1e-3),
                                    X, y, X_val, y_val, 10_000)
    runs[seed] = layers, history
    return summarise(layers, history)


# %% tags=["nbval-ignore-output"]
# output not compared: accuracies after 10,000 training steps depend on the CPU's rounding
study = seed_study(run_2_64_3, SEEDS)
for metric in ["train accuracy", "validation accuracy", "gap"]:
    print_seed_study({"2-64-3": study}, metric)
layers, history = runs[0]  # seed 0: the run the figures show

# %% [markdown]
# On the points it trained on, the network is right at least 93 times in 100, whatever
# the seed; on fresh points from the same spirals, only about 4 times in 5. Every seed
# tells the same story, with a spread of a few hundredths (with 300 points, one point is
# 0.0033 of accuracy, so a few hundredths are a handful of points):

# %%
check_claim("the training accuracy is at least 0.93 on every seed",
            bool(np.all(study["train accuracy"] >= 0.93)))
check_claim("the validation accuracy is between 0.75 and 0.86 on every seed",
            bool(np.all((study["validation accuracy"] >= 0.75)
                        & (study["validation accuracy"] <= 0.86))))
check_claim("training beats validation by at least 0.10 on every seed",
            bool(np.all(study["gap"] >= 0.10)))
check_claim("over the last ten evaluations (one every 100 epochs) the training accuracy "
            "moves by at most 0.02 on every seed (the runs have settled)",
            bool(np.all(study["train accuracy range, last ten"] <= 0.02)))

# %% [markdown]
# The curves of seed 0's run show how that gap opened:

# %%
def plot_history(history, title):
    """Training and validation loss (left) and accuracy (right) against epochs."""
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(11, 4))
    ax_loss.plot(history["epoch"], history["loss"], label="training")
    ax_loss.plot(history["epoch"], history["val_loss"], label="validation")
    ax_loss.set_ylabel("loss")
    ax_acc.plot(history["epoch"], history["accuracy"], label="training")
    ax_acc.plot(history["epoch"], history["val_accuracy"], label="validation")
    ax_acc.set_ylabel("accuracy")
    for ax in (ax_loss, ax_acc):
        ax.set_xlabel("epoch")
        ax.grid(alpha=0.3)
        ax.legend()
    fig.suptitle(title)
    plt.tight_layout()


plot_history(history, "2-64-3 on 300 points, seed 0: training vs validation")
plt.show()

# %% tags=["nbval-ignore-output"]
# output not compared: the epoch and the losses of a long training run depend on rounding
best = int(np.argmin(history["val_loss"]))
print(f"seed 0: lowest validation loss {history['val_loss'][best]:.4f} at epoch "
      f"{history['epoch'][best]}; at the end: {history['val_loss'][-1]:.4f}")
for metric in ["lowest val loss", "final val loss"]:
    print_seed_study({"2-64-3": study}, metric)
print_seed_study({"2-64-3": study}, "epoch of lowest val loss", digits=0)

# %% [markdown]
# Read the two loss curves together:
#
# - At first both fall: the network learns the spiral's shape, which is true of both sets.
# - Then the training loss keeps falling while the validation loss turns and **rises**:
#   the network is now learning details of its 300 training points (where exactly the
#   noise put them) that do not carry over to new points. That is **overfitting**.
# - The validation *accuracy* hardly moves while this happens: it stalls around 0.8.
#   The loss reacts much more, because it also counts how confident the network is:
#   an overfit network is very sure of itself, and the validation points it gets wrong
#   it gets wrong *confidently*, which the loss punishes heavily.
#
# All five seeds agree:

# %%
check_claim("the validation loss is lowest within the first 3,000 of the 10,000 epochs, "
            "on every seed", bool(np.all(study["epoch of lowest val loss"] <= 3_000)))
check_claim("the validation loss ends at least 30 % above its lowest point on every seed",
            bool(np.all(study["final val loss"] >= 1.3 * study["lowest val loss"])))
check_claim("the validation accuracy ends within 0.05 of its best on every seed",
            bool(np.all(study["best val accuracy"] - study["validation accuracy"] <= 0.05)))

# %% [markdown]
# The epoch with the lowest validation loss is where this network generalised best, as
# the loss measures it.
# Stopping there is called **early stopping**; notebooks 16 and 17 show two ways of
# keeping the network from overfitting in the first place.

# %% [markdown]
# ## Overfitting made visible
#
# The gap is easiest to *see* when a network has much more freedom than data. Take a
# network eight times wider, 2-512-3, and give it only 30 points per class (90 in all).
# The validation set stays the same 300 fresh points.

# %%
print(f"2-512-3: {n_parameters((2, 512, 3)):,} parameters for 90 points")

# %% [markdown]
# More than 3,000 numbers for 90 points. We train it for 1,000 epochs, enough for it to
# learn its 90 points, recording every 20 epochs, again from five seeds:

# %%
X_small, y_small = spiral_data(samples=30, classes=3, seed=SEED)
wide_runs = {}


def run_2_512_3(seed):
    """Train 2-512-3 on the 90 small-set points from one seed's initial weights."""
    layers = make_network(seed, hidden=512)
    history = train_with_validation(layers, Adam(learning_rate=0.05, decay=1e-3),
                                    X_small, y_small, X_val, y_val, 1_000, every=20)
    wide_runs[seed] = layers, history
    return summarise(layers, history)


# %% tags=["nbval-ignore-output"]
# output not compared: accuracies after many training steps depend on the CPU's rounding
wide_study = seed_study(run_2_512_3, SEEDS)
for metric in ["train accuracy", "validation accuracy", "gap", "final val loss"]:
    print_seed_study({"2-512-3": wide_study}, metric)
wide, wide_history = wide_runs[0]  # seed 0, for the figures
wide_train_acc, wide_val_acc = wide_history["accuracy"][-1], wide_history["val_accuracy"][-1]

# %%
check_claim("the wide network gets at least 0.9 of its 90 training points right "
            "on every seed", bool(np.all(wide_study["train accuracy"] >= 0.9)))
check_claim("but at most 0.75 of the validation points, on every seed",
            bool(np.all(wide_study["validation accuracy"] <= 0.75)))
check_claim("and its validation loss ends above 1.8 on every seed",
            bool(np.all(wide_study["final val loss"] > 1.8)))

# %%
plot_history(wide_history, "2-512-3 on 90 points, seed 0: training vs validation")
plt.show()

# %% [markdown]
# Now the network's picture of the plane. Both maps below show the **same** trained
# network (seed 0's; the colour of each pixel is its predicted class mix); only the points
# drawn on top differ: the 90 it trained on, and the 300 it never saw.

# %%
def wide_proba(points):
    """The wide network's class probabilities (n, 3) for points (n, 2)."""
    return Softmax().forward(forward_pass(wide, points))


fig, (left, right) = plt.subplots(1, 2, figsize=(11, 5.5))
plot_decision_regions(wide_proba, X_small, y_small, ax=left,
                      title=f"Training data (90 points): accuracy {wide_train_acc:.3f}")
plot_decision_regions(wide_proba, X_val, y_val, ax=right,
                      title=f"Validation data (300 points): accuracy {wide_val_acc:.3f}")
plt.tight_layout()
plt.show()

# %% [markdown]
# On the left, the regions hug the training points: where the arms are sparse, the
# network has drawn thin tongues and islands to capture single points. On the right, the
# same regions meet the new points, and many of them land in the wrong colour: those
# tongues and islands were about the *noise* of 90 particular points, not about spirals.
# The sharp, saturated colours say the network is very sure everywhere, which is why its
# validation loss is so large.
#
# The gaps side by side, one dot per seed:

# %%
plot_seed_study({"2-64-3, 300 points": study, "2-512-3, 90 points": wide_study}, "gap",
                title="training accuracy minus validation accuracy, 5 seeds")
plt.show()

check_claim("the 2-512-3 network on 90 points has the larger gap on every seed",
            bool(np.all(wide_study["gap"] > study["gap"])))
check_claim("its smallest gap is larger than the 2-64-3 network's largest by at least 0.03",
            bool(wide_study["gap"].min() >= study["gap"].max() + 0.03))

# %% [markdown]
# The two clouds of dots do not overlap: whichever seed you pick, the wide network on
# little data has the larger gap. This experiment changed two things at once, the width
# (eight times more freedom) and the data (a third of the points), so it cannot say how
# much of the gap each one caused; together they widen it. The cures follow from that:
# more data (not always possible), a smaller network, stopping early, or training with a
# penalty on large weights (notebook 16) or with dropout (notebook 17).
#
# A last word on vocabulary. The book, like many texts, also speaks of a **test set**: a
# third set, kept locked away until the very end. The validation set is used *while*
# developing (to choose the width, the learning rate, when to stop); each such choice
# fits the validation set a little, so a final, untouched test set gives the honest
# number to report.

# %% [markdown]
# ## Summary
#
# - Training accuracy measures memory as much as understanding; only data the network
#   never trained on (a validation set) tells how it does on new points.
# - A validation set comes from the same source but is kept out of training: here a fresh
#   `spiral_data` sample with another seed; in practice a random split made *before*
#   training.
# - Evaluate with a forward pass only (notebook 11's `evaluate`), after the optimizer
#   step, never between a training forward and backward pass (the layers remember the
#   last batch they saw). `train_with_validation` does this: `train` in stretches of
#   `every` epochs, both sets measured after each.
# - Overfitting shows as a validation loss that turns and rises while the training loss
#   keeps falling; a wide network on little data overfits most.
# - The loss reveals overfitting more clearly than the accuracy does, because it also
#   counts how confident the wrong answers are.
# - One run is one sample: a claim about training holds only if it holds from other
#   seeds too, so we trained every network from five.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: split a data set for validation
#
# Write `train_val_split(X, y, val_fraction, rng)` that returns
# `X_train, y_train, X_val, y_val`: a random `val_fraction` of the rows (rounded down)
# goes to the validation part, the rest to training, each row in exactly one part, and
# every label still beside its point. Use `rng.permutation(len(X))` to shuffle the row
# indices first. Why shuffle? Look at how `spiral_data` orders its labels: what would
# "the last 20 % of the rows" contain?

# %%
from nnfs_exercises.nb15 import check_early_stopping_epoch, check_train_val_split  # noqa: E402


def train_val_split(X, y, val_fraction, rng):
    return None  # your code here: X_train, y_train, X_val, y_val


check_train_val_split(train_val_split)

# %% [markdown]
# ### Exercise 2: early stopping
#
# Write `best_epoch(history)` that returns the epoch (from `history["epoch"]`) at which
# the validation loss (`history["val_loss"]`) was lowest. Try it on `history` from the
# 2-64-3 run above (seed 0); it should give the epoch printed above beside the lowest
# validation loss.

# %%
def best_epoch(history):
    return None  # your code here


check_early_stopping_epoch(best_epoch)

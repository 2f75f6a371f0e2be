# %% [markdown]
# # 23 · Making training fast
#
# **Goal:** find out where the training loop's time goes, then make it several times
# faster one measured change at a time, without changing what it computes, and see how
# close it gets to what the machine can do.
#
# **Prerequisites:** [11 · The training loop](11_sgd.ipynb) and
# [14 · Adam](14_adam.ipynb); the spiral of [04](04_spiral_forward_pass.ipynb).
#
# **What you will build:** `train_fast`, the loop of notebook 11 for a dense-ReLU-dense
# classifier trained with Adam, in float32, with every array allocated once, all the
# parameters in one flat buffer, and the batch worked through in cache-sized tiles;
# and the measurements that say why each change helps.
#
# *Book: beyond the book, which stops once its loop runs. `make bench` times the book's
# own chapter-10 code beside this notebook's loops (see the README).*

# %%
# %matplotlib inline
import ast
import inspect
import math
import sys
import textwrap
import time
import types

import matplotlib.pyplot as plt
import numpy as np
from threadpoolctl import threadpool_limits

from nnfs_helpers import (
    Adam,
    DenseLayer,
    ReLU,
    SoftmaxCrossEntropy,
    accuracy,
    check_claim,
    check_inputs,
    check_labels,
    check_loss,
    spiral_data,
    train,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## The workload, and how we time it
#
# The network of notebook 14: 2 inputs, 64 ReLU neurons, 3 classes, softmax
# cross-entropy, Adam with learning rate 0.05 and decay 5e-7, trained on the whole batch
# at every epoch. Two batch sizes, because they behave differently, as we will see: the
# spiral with 100 points per class (300 points) and with 1,000 (3,000 points).
#
# Every version below starts from the same weights (`fresh_network`), so all of them
# compute the same numbers, up to rounding.

# %%
DATA = {"300 points": spiral_data(100, 3), "3,000 points": spiral_data(1000, 3)}


def fresh_network(seed=SEED):
    """The 2-64-3 network and Adam of notebook 14, the same every time for a seed."""
    layers = [DenseLayer(2, 64, rng=seed), ReLU(), DenseLayer(64, 3, rng=seed + 1)]
    return layers, Adam(learning_rate=0.05, decay=5e-7)


# %% [markdown]
# Timing on a computer that does other things at the same time is noisy: another
# program can take the processor for a few milliseconds in the middle of a run. Four
# habits make timings trustworthy. Use a **fine clock**: `time.perf_counter()` counts
# wall-clock time in fractions of a microsecond on every system (`time.process_time()`,
# which skips the time other programs take, ticks only every 15.6 ms on Windows, longer
# than many of the runs below). Run each measurement a few times and keep the
# **fastest** run: noise only ever adds time, so the fastest run is the least
# disturbed. When comparing versions, **interleave** them (round after round, each
# version once per round), so that a busy spell hits them all alike. And compare
# versions by their **ratio**, measured in the same session, never by absolute
# seconds: those depend on the machine, the ratios much less.
#
# `seconds_per_epoch` does all four for whole training runs. Each run here is short
# (100 epochs at 300 points, 15 at 3,000: a few milliseconds up to a few tens of
# milliseconds), so the notebook runs in seconds; the fastest of 7 rounds smooths out
# what a short run suffers from interruptions, and `make bench` times the full 10,000
# epochs.

# %%
EPOCHS = {"300 points": 100, "3,000 points": 15}  # epochs per timed run


def seconds_per_epoch(runs, repeats=7):
    """Seconds per epoch of each run, the fastest of ``repeats`` interleaved rounds.

    ``runs`` maps a name to ``(trainer, X, y, epochs)``; each round calls
    ``trainer(layers, optimizer, X, y, epochs)`` once per name, from fresh weights,
    timed with ``time.perf_counter``.
    """
    best = dict.fromkeys(runs, math.inf)
    for _ in range(repeats):
        for name, (trainer, X, y, epochs) in runs.items():
            layers, optimizer = fresh_network()
            start = time.perf_counter()
            trainer(layers, optimizer, X, y, epochs)
            best[name] = min(best[name], (time.perf_counter() - start) / epochs)
    return best


def taught(layers, optimizer, X, y, epochs):
    """The loop of notebook 11, without its progress bar."""
    return train(layers, optimizer, X, y, epochs, progress=False)


# %% [markdown]
# ## Profile 1: time per epoch
#
# First the whole epoch of the taught loop, at both sizes, and, as a third size, a batch
# of just 3 points: an epoch that does all the same NumPy calls on almost no data.

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
DATA["3 points"] = spiral_data(1, 3)
EPOCHS["3 points"] = 100
taught_time = seconds_per_epoch({name: (taught, X, y, EPOCHS[name])
                                 for name, (X, y) in DATA.items()})
for name, seconds in taught_time.items():
    print(f"taught loop, {name:>12}: {seconds * 1e6:7.0f} µs per epoch")
check_claim("an epoch on 300 points costs less than 5 times an epoch on 3 points",
            taught_time["300 points"] < 5 * taught_time["3 points"])
check_claim("an epoch on 3,000 points costs more than twice an epoch on 300 points",
            taught_time["3,000 points"] > 2 * taught_time["300 points"])

# %% [markdown]
# A hundred times more data than 3 points, and an epoch on 300 points costs only a
# few times more: at that size much of the time is not spent on the numbers at all. Every
# NumPy call has a fixed price (Python finds the function, checks the arguments'
# shapes and types, allocates the result, and only then loops over the numbers), under
# a microsecond for a simple one on a recent machine, as the next cells measure; and
# the taught loop adds Python's own work around its NumPy calls: method calls, input
# checks, dictionaries of optimizer state. An epoch makes over a hundred such calls (the
# counter below prints how many). Ten times more data again, 3,000 points, and the
# numbers start to count.
#
# These are the two **regimes** of NumPy code:
#
# - **per-call overhead**: small arrays; the time is (number of calls) x (price of a
#   call), whatever the data. Faster means *fewer calls*.
# - **memory traffic**: large arrays; the time is (bytes read and written) / (bytes per
#   second the memory delivers). Faster means *fewer and smaller arrays*, and keeping
#   them in the CPU's cache.
#
# One element-wise operation shows both. Here is `np.maximum(0, a)`, the ReLU, timed
# on arrays from 10 to a million numbers:

# %%
def call_seconds(function, repeats=5, number=None):
    """Fastest time of one ``function()`` call, timed in batches of ``number`` calls."""
    number = number or 1
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            function()
        best = min(best, (time.perf_counter() - start) / number)
    return best


# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
sizes = [10, 100, 1_000, 10_000, 100_000, 1_000_000]
relu_seconds = []
for size in sizes:
    values = rng.standard_normal(size)
    relu_seconds.append(call_seconds(lambda values=values: np.maximum(0, values),
                                     number=max(1, 20_000 // size)))
for size, seconds in zip(sizes, relu_seconds, strict=True):
    print(f"{size:>9,} numbers: {seconds * 1e6:9.2f} µs, "
          f"{seconds / size * 1e9:7.3f} ns per number")
check_claim("100 numbers take more than a tenth of the time of 10,000 (overhead)",
            relu_seconds[1] > 0.1 * relu_seconds[3])
check_claim("a million numbers take more than 10 times as long as 10,000 (traffic)",
            relu_seconds[5] > 10 * relu_seconds[3])

# %%
fig, ax = plt.subplots(figsize=(6, 4))
ax.loglog(sizes, np.array(relu_seconds) * 1e6, "o-", color="tab:blue")
ax.axvspan(sizes[0], 1_000, color="tab:orange", alpha=0.15, label="per-call overhead")
ax.axvspan(100_000, sizes[-1], color="tab:green", alpha=0.15, label="memory traffic")
ax.set(xlabel="numbers in the array", ylabel="µs per call",
       title="np.maximum(0, a): a fixed price, then a price per byte")
ax.legend()
plt.show()

# %% [markdown]
# Left, the line is flat: 10 numbers or 100 cost about the same, the price of the call;
# by 1,000 the price per number begins to show.
# Right, it climbs in step with the size: every number is read and written once, and
# the memory sets the pace. The 300-point epoch's arrays hold from 300 numbers (its
# (300, 1) sums) to 19,200 (300 x 64): the small ones sit on the flat part, the largest
# where the climb begins, so at 300 points the call price is still most of the cost.
# The 3,000-point arrays are ten times larger, well up the climb.
#
# How many calls does an epoch make? `count_calls` asks Python to report every call
# while a function runs (`sys.setprofile`): calls of Python functions and of C functions
# such as `np.sum` or `np.count_nonzero`. It does not see NumPy's *ufuncs* (`np.exp`,
# `np.maximum`, `np.matmul`) nor operators such as `+=`: the true number of calls is
# higher still. Divide the time of an epoch on 3 points, where the numbers cost almost
# nothing, by its calls, and you get a price per call:

# %%
def count_calls(function):
    """Calls of Python and C functions (not ufuncs, not operators) during ``function()``."""
    count = 0

    def profiler(frame, event, argument):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profiler)
    try:
        function()
    finally:
        sys.setprofile(None)
    return count


def calls_per_epoch(trainer, X, y, epochs=10):
    """Calls per epoch of ``trainer``: the calls of 2 x ``epochs`` minus those of ``epochs``."""
    trainer(*fresh_network(), X, y, 2)    # warm up: first calls load and cache things
    runs = [count_calls(lambda n=n: trainer(*fresh_network(), X, y, n))
            for n in (epochs, 2 * epochs)]
    return (runs[1] - runs[0]) / epochs


# %% tags=["nbval-ignore-output"]
# output not compared: the price per call depends on the machine; the claim is checked below.
taught_calls = calls_per_epoch(taught, *DATA["3 points"])
call_price = relu_seconds[0]                  # np.maximum(0, a) on 10 numbers
print(f"taught loop: {taught_calls:.0f} calls per epoch, "
      f"{taught_time['3 points'] / taught_calls * 1e6:.2f} µs per call at 3 points; "
      f"one np.maximum on 10 numbers: {call_price * 1e6:.2f} µs")
check_claim("the taught epoch on 3 points costs its calls x the price of a small NumPy "
            "call, within a factor of 3",
            1 / 3 < taught_time["3 points"] / (taught_calls * call_price) < 3)

# %% [markdown]
# ## Profile 2: time per layer
#
# Where in the epoch does the time go? `profile_parts` runs the taught loop's steps
# one by one, as `train` does, with a stopwatch around each; of three runs, each part
# keeps its fastest time.

# %%
def profile_parts(X, y, epochs):
    """Seconds per epoch in each part of the taught loop, over ``epochs`` epochs."""
    layers, optimizer = fresh_network()
    loss_function = SoftmaxCrossEntropy()
    names = ["dense 1", "ReLU", "dense 2"]
    parts = {}

    def timed(part, function, *args):
        start = time.perf_counter()
        result = function(*args)
        parts[part] = parts.get(part, 0.0) + (time.perf_counter() - start) / epochs
        return result

    for _ in range(epochs):
        values = X
        for name, layer in zip(names, layers, strict=True):
            values = timed(f"{name} forward", layer.forward, values)
        timed("loss forward", loss_function.forward, values, y)
        timed("accuracy", accuracy, loss_function.output, y)
        gradient = timed("loss backward", loss_function.backward)
        for name, layer in zip(names[::-1], layers[::-1], strict=True):
            gradient = timed(f"{name} backward", layer.backward, gradient)
        timed("Adam step", optimizer.step, layers)
    return parts


# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
parts = {}
for name in ["300 points", "3,000 points"]:
    runs = [profile_parts(*DATA[name], EPOCHS[name]) for _ in range(3)]
    parts[name] = {part: min(run[part] for run in runs) for part in runs[0]}  # least disturbed
for part in parts["300 points"]:
    print(f"{part:>16}: " + "   ".join(
        f"{parts[name][part] * 1e6:7.1f} µs ({parts[name][part] / sum(parts[name].values()):4.0%})"
        for name in parts))
adam_share = {name: parts[name]["Adam step"] / sum(parts[name].values()) for name in parts}
layer_share = sum(parts["3,000 points"][part] for part in parts["3,000 points"]
                  if part.startswith(("dense", "ReLU"))) / sum(parts["3,000 points"].values())
check_claim("Adam's share of the epoch is larger at 300 points than at 3,000",
            adam_share["300 points"] > adam_share["3,000 points"])
check_claim("at 3,000 points the layers' passes take more than half the epoch",
            layer_share > 0.5)

# %%
fig, ax = plt.subplots(figsize=(8, 3))
left = np.zeros(2)
colours = plt.cm.tab20(np.linspace(0, 1, len(parts["300 points"])))
for colour, part in zip(colours, parts["300 points"], strict=True):
    shares = np.array([parts[name][part] / sum(parts[name].values()) for name in parts])
    ax.barh(list(parts), shares, left=left, color=colour, label=part)
    left += shares
ax.set(xlabel="share of the epoch", xlim=(0, 1), title="Where the taught loop's time goes")
ax.legend(ncol=4, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.3))
plt.show()

# %% [markdown]
# At 300 points the optimizer, whose work does not depend on the batch at all (it
# updates the same few hundred parameters whatever the batch), takes a large share:
# Adam makes several new arrays for each of the four parameter arrays, on a few hundred
# numbers (steps 4 and 5 deal with it). On this machine the largest part at 300 points
# is the loss's forward pass, though: maxima, exponentials and sums over rows of only 3
# classes; profile 3 shows why those are slow and step 6 removes them.
# At 3,000 points, the layers, whose arrays grow with the batch, take over.
#
# So there are two different jobs. At 300 points: *make fewer calls*. At 3,000
# points: *move fewer bytes*. We now change the loop one step at a time and time each
# step at both sizes.
#
# ## Step 1: the same loop, written out
#
# The first version is the taught loop with the classes taken away: the same formulas,
# one function for the forward and backward pass, one class for Adam (written as
# notebook 14 writes it: new arrays at every step), and no input checks.
# It takes a `dtype`, for step 2.

# %%
def plain_pass(params, X, y):
    """Forward and backward pass of the 2-64-3 network, the formulas written out.

    Returns the loss, the accuracy and the mean gradients [dW1, db1, dW2, db2].
    """
    W1, b1, W2, b2 = params
    hidden = X @ W1 + b1                                 # (n, 2) @ (2, 64) -> (n, 64)
    relu = np.maximum(0, hidden)
    scores = relu @ W2 + b2                              # (n, 64) @ (64, 3) -> (n, 3)
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp_values = np.exp(shifted)
    sums = np.sum(exp_values, axis=1, keepdims=True)
    probabilities = exp_values / sums
    rows = np.arange(len(y))
    loss = np.mean(np.log(sums[:, 0]) - shifted[rows, y])  # mean of -log p(right class)
    right = np.mean(np.argmax(probabilities, axis=1) == y)
    dscores = (probabilities - np.eye(3, dtype=X.dtype)[y]) / len(y)  # (n, 3)
    dhidden = (dscores @ W2.T) * (hidden > 0)            # (n, 3) @ (3, 64) -> (n, 64)
    gradients = [X.T @ dhidden, np.sum(dhidden, axis=0, keepdims=True),
                 relu.T @ dscores, np.sum(dscores, axis=0, keepdims=True)]
    return loss, right, gradients


class PlainAdam:
    """Adam as notebook 14 writes it, for a list of arrays: new arrays at every step."""

    def __init__(self, optimizer, params):
        self.opt = optimizer
        self.momentums = [np.zeros_like(value) for value in params]
        self.caches = [np.zeros_like(value) for value in params]
        self.iterations = 0

    def step(self, params, gradients):
        opt, t = self.opt, self.iterations + 1
        rate = opt.learning_rate / (1 + opt.decay * self.iterations)
        for i, (value, gradient) in enumerate(zip(params, gradients, strict=True)):
            self.momentums[i] = opt.beta_1 * self.momentums[i] + (1 - opt.beta_1) * gradient
            self.caches[i] = opt.beta_2 * self.caches[i] + (1 - opt.beta_2) * gradient ** 2
            momentum_hat = self.momentums[i] / (1 - opt.beta_1 ** t)
            cache_hat = self.caches[i] / (1 - opt.beta_2 ** t)
            value -= rate * momentum_hat / (np.sqrt(cache_hat) + opt.epsilon)
        self.iterations = t


def train_plain(layers, optimizer, X, y, epochs, dtype=np.float64):
    """The taught loop written out (``plain_pass`` and ``PlainAdam``); returns the losses."""
    params = [array.astype(dtype) for layer in layers[::2]
              for array in (layer.weights, layer.biases)]
    X = X.astype(dtype)
    adam = PlainAdam(optimizer, params)
    losses = []
    for _ in range(epochs):
        loss, right, gradients = plain_pass(params, X, y)
        losses.append(float(loss))
        adam.step(params, gradients)
    return losses


# %% [markdown]
# Each version must compute what the taught loop computes. `first_losses` runs a
# version for 10 epochs from the same start; the check is that its losses are the taught
# loop's, up to rounding.

# %%
def first_losses(trainer, epochs=10):
    """The losses of the first epochs of a version, on the 300 points."""
    layers, optimizer = fresh_network()
    result = trainer(layers, optimizer, *DATA["300 points"], epochs)
    return np.array(result["loss"] if isinstance(result, dict) else result)


reference = first_losses(taught)
print("taught loop:", reference[:4], "...")
print("written out:", first_losses(train_plain)[:4], "...")
gap = np.max(np.abs(first_losses(train_plain) - reference) / reference)
check_claim("written out, the loop computes the taught loop's losses (to 1e-12)", gap < 1e-12)

# %% [markdown]
# ## Step 2: float32
#
# NumPy computes in float64 unless told otherwise: 8 bytes a number, about 16 digits.
# Training does not need 16 digits (a gradient step is a rough nudge), and float32 (4
# bytes, about 7 digits) halves every array: half the bytes to move, and twice as many
# numbers in each of the CPU's vector instructions. The only change is the `dtype`.

# %%
def train_float32(layers, optimizer, X, y, epochs):
    """Step 2: the written-out loop in float32."""
    return train_plain(layers, optimizer, X, y, epochs, dtype=np.float32)


gap = np.max(np.abs(first_losses(train_float32) - reference) / reference)
print(f"largest relative difference from the taught loop's losses: {gap:.1e}")

# %% [markdown]
# float32 keeps about 7 digits, so the losses now differ from the float64 ones in the
# 7th or 8th digit. That is rounding, not a different computation: the bound we check
# for every float32 version is a relative difference below 1e-5 over these epochs.
# (Over thousands of epochs, those last digits grow: training at this learning rate is
# chaotic, as notebook 11 showed, and `tests/test_fast_training.py` checks the fast loop
# over hundreds of epochs against the drift of the taught loop itself when only its
# starting weights are rounded to float32.)

# %%
check_claim("in float32 the first losses differ from float64's by less than 1e-5",
            gap < 1e-5)

# %% [markdown]
# ## Step 3: no temporaries, every array allocated once
#
# Count the arrays `plain_pass` makes at every epoch: `X @ W1`, then `+ b1` makes
# another, `np.maximum` another, `shifted`, `exp_values`, `probabilities`,
# `np.eye(3)[y]` (a one-hot array, just to subtract 1 from one entry per row), the
# difference, the division, `hidden > 0`, the product... Each new array costs an
# allocation, and each is written and then read back: memory traffic.
#
# `BufferedPass` allocates every array once, when it is made, and from then on each
# NumPy call writes its result into one of them (`out=`) or changes one in place
# (`+=`, `*=`). Along the way, operations that made temporaries go:
#
# - the ReLU writes over the layer's output, and keeps a float mask (1.0 where it
#   passed) which the backward pass reuses;
# - the softmax shifts, exponentiates and divides in one array;
# - `p - y` subtracts 1 at each row's right class directly: no one-hot array.

# %%
class BufferedPass:
    """``plain_pass`` with every array allocated once and every result written in place."""

    def __init__(self, X, y, n_hidden=64, n_classes=3):
        n_samples, dtype = len(X), X.dtype
        self.X, self.y, self.rows = X, y, np.arange(n_samples)
        self.relu = np.empty((n_samples, n_hidden), dtype=dtype)
        self.mask = np.empty((n_samples, n_hidden), dtype=dtype)
        self.dhidden = np.empty((n_samples, n_hidden), dtype=dtype)
        self.scores = np.empty((n_samples, n_classes), dtype=dtype)
        self.top = np.empty((n_samples, 1), dtype=dtype)
        self.sums = np.empty((n_samples, 1), dtype=dtype)

    def __call__(self, params, gradients):
        """One forward and backward pass; writes ``gradients``, returns loss and accuracy."""
        (W1, b1, W2, b2), (dW1, db1, dW2, db2) = params, gradients
        relu, scores, n_samples = self.relu, self.scores, len(self.X)
        np.matmul(self.X, W1, out=relu)                 # (n, 2) @ (2, 64) -> (n, 64)
        relu += b1
        np.greater(relu, 0, out=self.mask)              # 1.0 where the ReLU passes
        relu *= self.mask                               # the ReLU, in place
        np.matmul(relu, W2, out=scores)                 # (n, 64) @ (64, 3) -> (n, 3)
        scores += b2
        np.max(scores, axis=1, keepdims=True, out=self.top)
        scores -= self.top
        picked = scores[self.rows, self.y]              # shifted score of the right class
        np.exp(scores, out=scores)
        np.sum(scores, axis=1, keepdims=True, out=self.sums)
        scores /= self.sums                             # probabilities
        loss = np.log(self.sums).sum() / n_samples - picked.mean()
        right = np.count_nonzero(picked == 0) / n_samples
        scores[self.rows, self.y] -= 1                  # p - y, no one-hot array
        scores /= n_samples
        np.matmul(relu.T, scores, out=dW2)              # (64, n) @ (n, 3) -> (64, 3)
        np.sum(scores, axis=0, keepdims=True, out=db2)
        np.matmul(scores, W2.T, out=self.dhidden)       # (n, 3) @ (3, 64) -> (n, 64)
        self.dhidden *= self.mask                       # the ReLU's backward
        np.matmul(self.X.T, self.dhidden, out=dW1)      # (2, n) @ (n, 64) -> (2, 64)
        np.sum(self.dhidden, axis=0, keepdims=True, out=db1)
        return loss, right


def train_buffered(layers, optimizer, X, y, epochs, dtype=np.float32):
    """Step 3: ``BufferedPass`` for the passes, still ``PlainAdam``; returns the losses."""
    params = [array.astype(dtype) for layer in layers[::2]
              for array in (layer.weights, layer.biases)]
    gradients = [np.empty_like(value) for value in params]
    compute, adam = BufferedPass(X.astype(dtype), y), PlainAdam(optimizer, params)
    losses = []
    for _ in range(epochs):
        loss, right = compute(params, gradients)
        losses.append(float(loss))
        adam.step(params, gradients)
    return losses


gap = np.max(np.abs(first_losses(train_buffered) - reference) / reference)
check_claim("with buffers, the first losses are the taught loop's (to 1e-5)", gap < 1e-5)

# %% [markdown]
# ## Step 4: Adam in place
#
# `PlainAdam.step` makes new arrays for each parameter array: `beta_1 * m`,
# `(1 - beta_1) * g`, their sum, `g ** 2`, `momentum_hat`, `cache_hat`, the square root,
# ... `FlatAdam` does the same update in place, in nine NumPy calls, and with two
# rearrangements:
#
# - the momentum `m` and the cache `v` are the two rows of one array `moments`, and the
#   gradient and its square the two rows of another, so one call updates both moving
#   averages: `moments *= [[beta_1], [beta_2]]`, then
#   `moments += [[1 - beta_1], [1 - beta_2]] * [g; g**2]`;
# - the bias corrections move out of the arrays into two numbers:
#   `m_hat / (sqrt(v_hat) + eps)` with `m_hat = m / (1 - beta_1**t)` and
#   `v_hat = v / (1 - beta_2**t)` equals
#   `m / (sqrt(v) + eps * sqrt(1 - beta_2**t))` times `sqrt(1 - beta_2**t) / (1 - beta_1**t)`.
#   (Multiply the numerator and denominator by `sqrt(1 - beta_2**t)` to see it.)
#
# It also accepts gradients *summed* over the samples instead of averaged, folding the
# division by the number of samples into the factors it multiplies by anyway (the
# fast loop uses that in step 6; until then `n_samples` is 1). It reads its settings
# from an `Adam` object, so nothing is set twice.

# %%
class FlatAdam:
    """Adam on one flat parameter buffer: nine NumPy calls per step, in place.

    The same update as ``Adam`` (notebook 14), rearranged: the two moving
    averages are the rows of one (2, n) array, updated together, and both
    bias corrections go into two numbers, ``lr * sqrt(1 - beta_2**t) /
    (1 - beta_1**t)`` for the step and ``epsilon * sqrt(1 - beta_2**t)`` for
    the denominator. Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
        Hyperparameters, step count and state (if any) are read from it.
    state : list of (ndarray, ndarray) or None
        The optimizer's momentum and cache as ``pack_parameters`` lays out
        parameters: ``(momentum_flat, cache_flat)``; ``None`` starts at 0.
    n_parameters : int
    n_samples : int
        The gradients given to ``step`` are sums over this many samples;
        the division that makes them means is folded into the averages.
    dtype : numpy dtype

    Attributes
    ----------
    moments : ndarray of shape (2, n_parameters)
        Row 0 the momentum, row 1 the cache.
    gradient : ndarray of shape (2, n_parameters)
        Row 0 receives the summed gradient; row 1 is scratch space.
    iterations : int
        Steps taken, counting the optimizer's steps before this one.
    """

    def __init__(self, optimizer, state, n_parameters, n_samples, dtype):
        self.optimizer = optimizer
        self.iterations = optimizer.iterations
        self.moments = np.zeros((2, n_parameters), dtype=dtype)
        if state is not None:
            self.moments[:] = state
        self.gradient = np.zeros_like(self.moments)
        beta_1, beta_2 = optimizer.beta_1, optimizer.beta_2
        self.keep = np.array([[beta_1], [beta_2]], dtype=dtype)
        self.blend = np.array([[(1 - beta_1) / n_samples],
                               [(1 - beta_2) / n_samples ** 2]], dtype=dtype)

    def step(self, flat):
        """Update ``flat`` in place from ``gradient[0]``; return the learning rate used."""
        opt = self.optimizer
        learning_rate = opt.learning_rate / (1 + opt.decay * self.iterations)
        self.iterations += 1
        t = self.iterations
        root = math.sqrt(1 - opt.beta_2 ** t)
        gradient, scratch = self.gradient
        np.multiply(gradient, gradient, out=scratch)  # g ** 2, beside g
        self.gradient *= self.blend                   # (1 - beta_1) g, (1 - beta_2) g ** 2
        self.moments *= self.keep                     # beta_1 m, beta_2 v
        self.moments += self.gradient
        momentum, cache = self.moments
        np.sqrt(cache, out=scratch)
        scratch += opt.epsilon * root
        np.divide(momentum, scratch, out=scratch)
        scratch *= learning_rate * root / (1 - opt.beta_1 ** t)
        flat -= scratch
        return learning_rate

# %% [markdown]
# For now, one `FlatAdam` per parameter array, so that only one thing changes: each of
# the four arrays gets its nine in-place calls. Expect this to help where arrays are
# large (fewer bytes written) and hardly at all where they are small. Adam's arrays
# here hold 387 numbers in all (step 5 prints it), so in place matters little for this
# network (it would for a large model); in place or not, it is still nine calls per
# array, and at 300 points the calls are the cost. What step 4 does here is prepare
# step 5.

# %%
def train_inplace(layers, optimizer, X, y, epochs, dtype=np.float32):
    """Step 4: ``BufferedPass``, and one in-place ``FlatAdam`` per parameter array."""
    params, shaped, adams, gradients = [], [], [], []
    for layer in layers[::2]:
        for array in (layer.weights, layer.biases):
            value = array.astype(dtype).ravel()      # flat, for FlatAdam
            adam = FlatAdam(optimizer, None, value.size, 1, dtype)
            params.append(value)
            shaped.append(value.reshape(array.shape))  # a view, for the pass
            adams.append(adam)
            gradients.append(adam.gradient[0].reshape(array.shape))
    compute = BufferedPass(X.astype(dtype), y)
    losses = []
    for _ in range(epochs):
        loss, right = compute(shaped, gradients)
        losses.append(float(loss))
        for adam, value in zip(adams, params, strict=True):
            adam.step(value)
    return losses


gap = np.max(np.abs(first_losses(train_inplace) - reference) / reference)
check_claim("with Adam in place, the first losses are the taught loop's (to 1e-5)",
            gap < 1e-5)

# %% [markdown]
# ## Step 5: all the parameters in one flat buffer
#
# Nine calls per array (the nine lines of `FlatAdam.step` that call NumPy), four
# arrays: four times nine calls per step, each on a handful of numbers, all overhead.
# But nothing in Adam's update mixes numbers from different places: it is the same
# formula for every parameter. So put all the parameters (387, as the
# next cell prints) into **one** flat array and update them with nine calls in total.
#
# The layers still need their weights and biases as matrices. NumPy gives both at once:
# a *view* is a second array object over the same memory, and
# `flat[start:stop].reshape(rows, columns)` is a matrix whose numbers *are* those of the
# flat buffer. `pack_parameters` copies each layer's weights, with its biases as one
# more row below them (a block `[weights; biases]`, shape (n_inputs + 1, n_neurons):
# step 6 uses that layout), into one flat buffer and returns views of the blocks;
# `block_views` makes the views, `unpack_parameters` copies the blocks back out.

# %%
def pack_parameters(pairs, dtype=np.float32):
    """Copy weight and bias arrays into one flat buffer, a block per layer.

    Introduced in notebook 23. Layer ``i``'s block is ``[weights; biases]``,
    shape (n_inputs + 1, n_neurons): its last row is the biases. The blocks
    lie one after another in ``flat``, so whatever is done to ``flat`` (an
    optimizer step) is done to every parameter of the network at once.

    Parameters
    ----------
    pairs : list of (ndarray, ndarray)
        Each layer's ``(weights, biases)``, shapes (n_inputs, n_neurons) and
        (1, n_neurons); or arrays shaped like them (an optimizer's state).
    dtype : numpy dtype, default float32

    Returns
    -------
    flat : ndarray of shape (n_parameters,)
    blocks : list of ndarray of shape (n_inputs + 1, n_neurons)
        Views into ``flat``, one per layer.
    """
    shapes = [(len(weights) + 1, weights.shape[1]) for weights, _ in pairs]
    flat = np.empty(sum(rows * columns for rows, columns in shapes), dtype=dtype)
    blocks = block_views(flat, shapes)
    for block, (weights, biases) in zip(blocks, pairs, strict=True):
        block[:-1] = weights
        block[-1:] = biases
    return flat, blocks


def block_views(flat, shapes):
    """Views of consecutive pieces of ``flat``, one per shape (no copies).

    Introduced in notebook 23.

    Parameters
    ----------
    flat : ndarray of shape (n,)
    shapes : list of (int, int)
        The pieces' shapes; their sizes add up to at most ``n``.

    Returns
    -------
    list of ndarray
    """
    views, start = [], 0
    for rows, columns in shapes:
        views.append(flat[start:start + rows * columns].reshape(rows, columns))
        start += rows * columns
    return views


def unpack_parameters(blocks):
    """Split each block into float64 copies of its weights and biases.

    Introduced in notebook 23.

    Parameters
    ----------
    blocks : list of ndarray of shape (n_inputs + 1, n_neurons)

    Returns
    -------
    list of (ndarray, ndarray)
        ``(weights, biases)`` per block, shapes (n_inputs, n_neurons) and (1, n_neurons).
    """
    return [(block[:-1].astype(np.float64), block[-1:].astype(np.float64))
            for block in blocks]


# %%
layers, optimizer = fresh_network()
flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in layers[::2]])
print("flat:", flat.shape, flat.dtype, "   blocks:", [block.shape for block in blocks])
print("block 0 is a view of flat:", np.shares_memory(blocks[0], flat))
flat[:3] = 0.0                       # change the flat buffer...
print("block 0's first row now:", blocks[0][0, :3])  # ...and the block sees it

# %% [markdown]
# Step 5's loop: the parameters and their gradients are views into two flat buffers
# (the gradients into `FlatAdam`'s), `BufferedPass` fills the gradient views, and one
# `FlatAdam.step` updates everything.

# %%
def train_flat(layers, optimizer, X, y, epochs, dtype=np.float32):
    """Step 5: ``BufferedPass``, and one ``FlatAdam`` on one flat parameter buffer."""
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in layers[::2]],
                                   dtype)
    adam = FlatAdam(optimizer, None, flat.size, 1, dtype)
    gradient_blocks = block_views(adam.gradient[0], [block.shape for block in blocks])
    params = [part for block in blocks for part in (block[:-1], block[-1:])]
    gradients = [part for block in gradient_blocks for part in (block[:-1], block[-1:])]
    compute = BufferedPass(X.astype(dtype), y)
    losses = []
    for _ in range(epochs):
        loss, right = compute(params, gradients)
        losses.append(float(loss))
        adam.step(flat)
    return losses


gap = np.max(np.abs(first_losses(train_flat) - reference) / reference)
check_claim("with one flat buffer, the first losses are the taught loop's (to 1e-5)",
            gap < 1e-5)

# %% [markdown]
# ## Profile 3: time per line
#
# What is left is the forward and backward pass, so we profile it line by line.
# `time_lines` takes a function and times each statement of its body alone, many
# times over, keeping the fastest. Many lines change their inputs in place (`scores -=
# self.top`, `np.exp(scores, out=scores)`): run again and again, they would soon work
# on infinities and zeros, whose cost differs. So before each run `time_lines` puts
# every array back as it was before the statement's first run, and then runs the
# statement once more for good, so that the next line finds its results. Here it takes
# `BufferedPass.__call__` apart at both sizes:

# %%
def arrays_in(namespace):
    """Every array in ``namespace``: its values, items of its lists, attributes of objects."""
    found = []
    for value in namespace.values():
        if isinstance(value, list):
            items = value
        elif hasattr(value, "__dict__") and not isinstance(value, (type, types.ModuleType)):
            items = vars(value).values()               # an object such as a BufferedPass
        else:
            items = [value]
        found.extend(item for item in items if isinstance(item, np.ndarray))
    return found


def time_lines(function, namespace, number):
    """Fastest time of each statement of ``function``'s body, run alone in ``namespace``.

    Every run starts from the same inputs: the arrays in ``namespace`` are
    restored before each one. Returns a list of (statement, seconds).
    ``namespace`` holds the function's arguments by name; the statements'
    results are stored in it as they run.
    """
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    timed = []
    for node in tree.body[0].body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue                                   # the docstring
        code = ast.unparse(node.value if isinstance(node, ast.Return) else node)
        compiled = compile(code, "<line>", "exec")
        arrays = arrays_in(namespace)
        saved = [array.copy() for array in arrays]
        best = math.inf
        for _ in range(number):
            for array, copy in zip(arrays, saved, strict=True):
                np.copyto(array, copy)                 # the inputs as they were
            start = time.perf_counter()
            exec(compiled, namespace)
            best = min(best, time.perf_counter() - start)
        for array, copy in zip(arrays, saved, strict=True):
            np.copyto(array, copy)
        exec(compiled, namespace)                      # once for good: later lines need it
        timed.append((code, best))
    return timed


# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
line_times = {}
for name, number in [("300 points", 200), ("3,000 points", 20)]:
    X, y = DATA[name]
    layers, _ = fresh_network()
    params = [array.astype(np.float32) for layer in layers[::2]
              for array in (layer.weights, layer.biases)]
    namespace = {"np": np, "self": BufferedPass(X.astype(np.float32), y), "params": params,
                 "gradients": [np.empty_like(value) for value in params]}
    line_times[name] = time_lines(BufferedPass.__call__, namespace, number)
print(f"{'300 points':>12}{'3,000 points':>14}   line of BufferedPass.__call__")
for (code, small), (_, large) in zip(*line_times.values(), strict=True):
    print(f"{small * 1e6:9.1f} µs{large * 1e6:11.1f} µs   {code[:62]}")
seconds = {name: dict(times) for name, times in line_times.items()}
max_line = "np.max(scores, axis=1, keepdims=True, out=self.top)"
subtract_line = "scores -= self.top"
bias_sum_line = "np.sum(self.dhidden, axis=0, keepdims=True, out=db1)"
mask_line = "self.dhidden *= self.mask"
for name in seconds:
    check_claim(f"at {name}, the maximum over 3 classes costs more than twice subtracting "
                f"it from the scores", seconds[name][max_line] > 2 * seconds[name][subtract_line])
check_claim("at 300 points, summing dhidden for the bias gradient costs more than twice "
            "multiplying it by the mask",
            seconds["300 points"][bias_sum_line] > 2 * seconds["300 points"][mask_line])

# %% [markdown]
# Two kinds of line stand out, at both sizes. The reductions along the short axis:
# `np.max(..., axis=1)` and `np.sum(..., axis=1)` over 3 classes per sample cost
# several times an element-wise pass over the same array, such as subtracting the
# maximum (NumPy's reductions are built for long rows, and here every row is 3
# numbers). And the biases: adding `b1`, and above all summing `dhidden` over the
# samples for its gradient, which at 300 points costs more than twice an element-wise
# pass over the same array (at 3,000 points, where every line waits for the memory, the
# gap is smaller). Those are what step 6 removes. (The lines that only unpack names
# show what timing a line costs at all: a fraction of a microsecond.)
#
# ## Step 6: fewer calls in the passes
#
# The pass makes one NumPy call per line of the profile above, and several are
# wasteful. Step 6 removes them in three parts, each timed in the running total: 6a
# puts the biases inside the matrix products, 6b stores every array feature by feature
# so that maxima and sums over 3 classes become cheap, and 6c does the rest, which
# gives `train_fast`.
#
# ### Step 6a: biases inside the matrix products
#
# Append a column of ones to the inputs and the bias row to the weights, and
# `[X, 1] @ [W; b] = X @ W + b`: one product instead of a product and an addition.
# Backward, `[X, 1].T @ dvalues` gives the weights' gradient *and*, in its last row,
# the biases' (the sum of `dvalues` over the samples): one product instead of a product
# and a sum. That is why the blocks of step 5 are `[weights; biases]`: `BiasPass` takes
# the blocks themselves.

# %%
class BiasPass(BufferedPass):
    """Step 6a: ``BufferedPass`` with the biases inside the matrix products."""

    def __init__(self, X, y, n_hidden=64, n_classes=3):
        super().__init__(X, y, n_hidden, n_classes)
        self.X = np.hstack([X, np.ones((len(X), 1), dtype=X.dtype)])  # [X, 1]
        self.relu = np.ones((len(X), n_hidden + 1), dtype=X.dtype)   # [relu, 1]

    def __call__(self, blocks, gradient_blocks):
        """One pass on ``[weights; biases]`` blocks; writes ``gradient_blocks``."""
        (first, second), (dfirst, dsecond) = blocks, gradient_blocks
        relu, scores, n_samples = self.relu, self.scores, len(self.X)
        hidden = relu[:, :-1]                           # the column of ones stays
        np.matmul(self.X, first, out=hidden)            # (n, 3) @ (3, 64) -> (n, 64)
        np.greater(hidden, 0, out=self.mask)
        hidden *= self.mask
        np.matmul(relu, second, out=scores)             # (n, 65) @ (65, 3) -> (n, 3)
        np.max(scores, axis=1, keepdims=True, out=self.top)
        scores -= self.top
        picked = scores[self.rows, self.y]
        np.exp(scores, out=scores)
        np.sum(scores, axis=1, keepdims=True, out=self.sums)
        scores /= self.sums
        loss = np.log(self.sums).sum() / n_samples - picked.mean()
        right = np.count_nonzero(picked == 0) / n_samples
        scores[self.rows, self.y] -= 1
        scores /= n_samples
        np.matmul(relu.T, scores, out=dsecond)          # (65, n) @ (n, 3): dW2 and db2
        np.matmul(scores, second[:-1].T, out=self.dhidden)
        self.dhidden *= self.mask
        np.matmul(self.X.T, self.dhidden, out=dfirst)   # (3, n) @ (n, 64): dW1 and db1
        return loss, right


def train_blocks(layers, optimizer, X, y, epochs, compute_class, dtype=np.float32):
    """Steps 6a and 6b: one flat buffer, and a pass that takes the blocks."""
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in layers[::2]],
                                   dtype)
    adam = FlatAdam(optimizer, None, flat.size, 1, dtype)
    gradient_blocks = block_views(adam.gradient[0], [block.shape for block in blocks])
    compute = compute_class(X.astype(dtype), y)
    losses = []
    for _ in range(epochs):
        loss, right = compute(blocks, gradient_blocks)
        losses.append(float(loss))
        adam.step(flat)
    return losses


def train_bias_inside(layers, optimizer, X, y, epochs):
    """Step 6a: ``BiasPass``, one flat buffer."""
    return train_blocks(layers, optimizer, X, y, epochs, BiasPass)


gap = np.max(np.abs(first_losses(train_bias_inside) - reference) / reference)
check_claim("with the biases in the products, the first losses are the taught loop's "
            "(to 1e-5)", gap < 1e-5)

# %% [markdown]
# ### Step 6b: every array feature by feature; maxima and sums over 3 classes
#
# - **Every array feature by feature.** With shape (features, samples), each row is
#   contiguous in memory: the ones for the biases are one row (in 6a they are a column,
#   so `hidden` is a strided view, every row of it interrupted by a one), and every
#   element-wise call runs over contiguous memory. The matrix products simply swap
#   their order: `(X @ W).T = W.T @ X.T`.
# - **Maxima and sums over 3 classes.** `np.max(scores, axis=1)` is a general reduction
#   along rows of 3 numbers, a slow pattern for NumPy (profile 3). With the scores
#   stored class by class, shape (3, n), the maximum over classes is
#   `np.maximum(np.maximum(s[0], s[1]), s[2])`: two calls on long contiguous rows
#   (`row_max`; `row_sum` likewise).

# %%
def row_max(scores, out):
    """Maximum over the classes of scores kept class by class.

    With few classes, ``n_classes - 1`` element-wise maxima of contiguous rows
    beat ``scores.max(axis=0)``, whose general reduction costs more per call.
    Introduced in notebook 23.

    Parameters
    ----------
    scores : ndarray of shape (n_classes, n_samples)
    out : ndarray of shape (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples,)
        ``out``.
    """
    np.maximum(scores[0], scores[1], out=out)
    for row in scores[2:]:
        np.maximum(out, row, out=out)
    return out


def row_sum(values, out):
    """Sum over the classes of values kept class by class; see ``row_max``.

    Introduced in notebook 23.

    Parameters
    ----------
    values : ndarray of shape (n_classes, n_samples)
    out : ndarray of shape (n_samples,)

    Returns
    -------
    ndarray of shape (n_samples,)
        ``out``.
    """
    np.add(values[0], values[1], out=out)
    for row in values[2:]:
        out += row
    return out


# %%
class ColumnPass:
    """Step 6b: ``BiasPass`` with every array feature by feature, ``row_max``/``row_sum``."""

    def __init__(self, X, y, n_hidden=64, n_classes=3):
        n_samples, dtype = len(X), X.dtype
        self.inputs = np.ones((X.shape[1] + 1, n_samples), dtype=dtype)  # [X.T; 1]
        self.inputs[:-1] = X.T
        self.y, self.rows = y, np.arange(n_samples)
        self.relu = np.ones((n_hidden + 1, n_samples), dtype=dtype)      # [relu; 1]
        self.mask = np.empty((n_hidden, n_samples), dtype=dtype)
        self.dhidden = np.empty((n_hidden, n_samples), dtype=dtype)
        self.scores = np.empty((n_classes, n_samples), dtype=dtype)
        self.top = np.empty(n_samples, dtype=dtype)
        self.sums = np.empty(n_samples, dtype=dtype)

    def __call__(self, blocks, gradient_blocks):
        """One pass, feature by feature; writes ``gradient_blocks``."""
        (first, second), (dfirst, dsecond) = blocks, gradient_blocks
        scores, n_samples = self.scores, len(self.y)
        hidden = self.relu[:-1]                         # the row of ones stays
        np.matmul(first.T, self.inputs, out=hidden)     # (64, 3) @ (3, n) -> (64, n)
        np.greater(hidden, 0, out=self.mask)
        hidden *= self.mask
        np.matmul(second.T, self.relu, out=scores)      # (3, 65) @ (65, n) -> (3, n)
        scores -= row_max(scores, out=self.top)
        picked = scores[self.y, self.rows]
        np.exp(scores, out=scores)
        scores /= row_sum(scores, out=self.sums)
        loss = np.log(self.sums).sum() / n_samples - picked.mean()
        right = np.count_nonzero(picked == 0) / n_samples
        scores[self.y, self.rows] -= 1
        scores /= n_samples
        np.matmul(self.relu, scores.T, out=dsecond)     # (65, n) @ (n, 3): dW2 and db2
        np.matmul(second[:-1], scores, out=self.dhidden)  # (64, 3) @ (3, n) -> (64, n)
        self.dhidden *= self.mask
        np.matmul(self.inputs, self.dhidden.T, out=dfirst)  # (3, n) @ (n, 64)
        return loss, right


def train_by_feature(layers, optimizer, X, y, epochs):
    """Step 6b: ``ColumnPass``, one flat buffer."""
    return train_blocks(layers, optimizer, X, y, epochs, ColumnPass)


gap = np.max(np.abs(first_losses(train_by_feature) - reference) / reference)
check_claim("feature by feature, the first losses are the taught loop's (to 1e-5)",
            gap < 1e-5)

# %% [markdown]
# ### Step 6c: the rest
#
# - **Summed gradients.** `p - y` without the division by `n`: `FlatAdam` folds
#   `1 / n` into its factors (step 4), which saves a call.
# - **The right class's score** is picked once, before the exponential (`np.take`
#   into a buffer, no new array): it gives the loss (`log(sum) - shifted score`) and
#   the accuracy (the right class scored highest exactly when its shifted score is 0,
#   `count_correct`).
# - **`p - y` as `scores -= one_hot`**, one call over a contiguous (3, n) array, instead
#   of fancy indexing, which builds index arrays at every call.
# - **No subnormal numbers.** The smallest normal float32 number is about 1.2e-38,
#   `exp(-87)`. Below it come *subnormal* numbers, which many x86 CPUs compute far more
#   slowly, and as training grows confident, some shifted scores fall below -87 (a
#   class that the network rules out). float64 does not notice (its limit is
#   `exp(-708)`); float32 does, and an epoch late in a long run gets slower. Such a
#   class adds less than `exp(-64)`, about 1.6e-28, to a sum of at least 1, which
#   float32's 7 digits cannot see: so `tile_step` raises every shifted score to at
#   least -64 before the exponential (after `np.take` has read the right class's
#   score for the loss, which stays exact).
#
# How much subnormals cost depends on the CPU: many x86 processors take several times
# longer per subnormal result, while others (Apple silicon, for one) show no slowdown
# at all. Two lines measure yours:

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the CPU (some have no subnormal slowdown).
near = {level: np.full(10_000, level, dtype=np.float32) + rng.random(10_000, dtype=np.float32)
        for level in (-10, -100)}
exp_seconds = {level: call_seconds(lambda values=values: np.exp(values), number=10)
               for level, values in near.items()}
print(f"np.exp on float32 near -10: {exp_seconds[-10] * 1e6:7.1f} µs, near -100 "
      f"(subnormal results): {exp_seconds[-100] * 1e6:7.1f} µs, "
      f"ratio {exp_seconds[-100] / exp_seconds[-10]:.1f}")
check_claim("exp near -100 is not faster than a third of exp near -10 (subnormals never "
            "help; on some CPUs they cost several times more)",
            exp_seconds[-100] > exp_seconds[-10] / 3)

# %% [markdown]
# `count_correct` gets the accuracy from the right class's shifted score: 0 means it
# scored highest. One detail keeps it exactly `accuracy`'s: when two classes tie for
# the highest score (at the very start, a point at the origin scores 0 for every
# class), `np.argmax` counts the first of them, and so does `count_correct`, taking the
# slow road only when the batch has a tie.

# %%
def count_correct(shifted, picked, one_hot):
    """How many samples' right class has the highest score, as ``np.argmax`` decides.

    After the shift a sample's highest score is 0, so its right class won when
    its shifted score ``picked`` is 0. Unless another class tied at 0: then
    ``np.argmax`` (and ``accuracy``) picks the first of them, and so does this,
    the slow way, in the rare batch that has a tie. Introduced in notebook 23.

    Parameters
    ----------
    shifted : ndarray of shape (n_classes, n_samples)
        Scores minus each sample's highest score.
    picked : ndarray of shape (n_samples,)
        Each sample's shifted score of its right class.
    one_hot : ndarray of shape (n_classes, n_samples)

    Returns
    -------
    int
    """
    if np.count_nonzero(shifted == 0) == len(picked):   # one top score per sample: no tie
        return int(np.count_nonzero(picked == 0))
    return int(np.count_nonzero(np.argmax(shifted, axis=0) == np.argmax(one_hot, axis=0)))


# %% [markdown]
# `TileBuffers` holds the arrays one pass writes, allocated once (the name is for
# step 7, where a batch is cut into tiles; until then the whole batch is one tile).
# `tile_step` is the forward and backward pass, every line a single NumPy call into
# those buffers. Compare it with `plain_pass`: the same formulas, in the same order.

# %%
class TileBuffers:
    """Every array one tile's forward and backward pass writes, allocated once.

    Arrays are kept feature by feature (one row per neuron or class, one
    column per sample), so each row is contiguous in memory. Introduced in
    notebook 23.

    Parameters
    ----------
    n_rows : int
        Samples in the tile.
    n_hidden, n_classes : int
    dtype : numpy dtype

    Attributes
    ----------
    relu : ndarray of shape (n_hidden + 1, n_rows)
        The hidden layer's output, then a row of ones for the next biases.
    mask : ndarray of shape (n_hidden, n_rows)
        1 where a ReLU passed its input, 0 where it did not.
    dhidden : ndarray of shape (n_hidden, n_rows)
        The gradient at the hidden layer's output.
    scores : ndarray of shape (n_classes, n_rows)
        Scores, then probabilities, then the gradient.
    top, sums, picked : ndarray of shape (n_rows,)
        Maxima and sums over the classes, and each sample's shifted score
        of its own class.
    """

    def __init__(self, n_rows, n_hidden, n_classes, dtype):
        self.relu = np.ones((n_hidden + 1, n_rows), dtype=dtype)
        self.mask = np.empty((n_hidden, n_rows), dtype=dtype)
        self.dhidden = np.empty((n_hidden, n_rows), dtype=dtype)
        self.scores = np.empty((n_classes, n_rows), dtype=dtype)
        self.top = np.empty(n_rows, dtype=dtype)
        self.sums = np.empty(n_rows, dtype=dtype)
        self.picked = np.empty(n_rows, dtype=dtype)


def tile_step(inputs, one_hot, picks, blocks, gradients, buffers):
    """Forward and backward pass of one tile; gradients summed over its samples.

    Dense, ReLU, dense, softmax cross-entropy, as ``train`` computes them,
    with every array feature by feature: ``inputs`` is X transposed, so
    ``hidden = first.T @ inputs`` is ``(X @ W + b).T``. Each block is
    ``[weights; biases]`` and ``inputs`` and ``relu`` end with a row of ones,
    so one matrix product applies weights and biases, and one gives the
    gradients of both. Introduced in notebook 23.

    Parameters
    ----------
    inputs : ndarray of shape (n_features + 1, n_rows)
        The tile's samples, one column each, then a row of ones.
    one_hot : ndarray of shape (n_classes, n_rows)
        The tile's labels, one-hot, one column each.
    picks : ndarray of shape (n_rows,)
        Flat index of each sample's class in ``buffers.scores``.
    blocks : (ndarray, ndarray)
        Shapes (n_features + 1, n_hidden) and (n_hidden + 1, n_classes).
    gradients : (ndarray, ndarray)
        Written: shaped like ``blocks``, the gradients of the *summed* loss.
    buffers : TileBuffers

    Returns
    -------
    (float, int)
        The tile's summed loss and its number of correctly classified samples.
    """
    first, second = blocks
    b = buffers
    hidden = b.relu[:-1]                             # the row of ones stays
    np.matmul(first.T, inputs, out=hidden)           # (64, 3) @ (3, n) -> (64, n)
    np.greater(hidden, 0, out=b.mask)                # 1.0 or 0.0, kept for backward
    hidden *= b.mask                                 # ReLU
    scores = b.scores
    np.matmul(second.T, b.relu, out=scores)          # (3, 65) @ (65, n) -> (3, n)
    scores -= row_max(scores, out=b.top)             # a sample's top score is now 0
    np.take(scores, picks, out=b.picked)             # shifted score of the right class
    correct = count_correct(scores, b.picked, one_hot)
    # exp(x) for x < -87 is subnormal in float32, slow on many CPUs, and adds
    # less than 1e-28 to a sum of at least 1 from -64 on: the loss has read
    # ``picked`` already, so the floor changes nothing float32 can show.
    np.maximum(scores, -64, out=scores)
    np.exp(scores, out=scores)
    scores /= row_sum(scores, out=b.sums)            # probabilities
    loss = float(np.log(b.sums).sum() - b.picked.sum())  # sum of -log p(right class)
    scores -= one_hot                                # p - y: gradient of the summed loss
    np.matmul(b.relu, scores.T, out=gradients[1])    # (65, n) @ (n, 3) -> (65, 3)
    np.matmul(second[:-1], scores, out=b.dhidden)    # (64, 3) @ (3, n) -> (64, n)
    b.dhidden *= b.mask                              # ReLU's backward
    np.matmul(inputs, b.dhidden.T, out=gradients[0])  # (3, n) @ (n, 64) -> (3, 64)
    return loss, correct


# %% [markdown]
# `prepare_tiles` turns the data into what `tile_step` takes: the inputs transposed with a
# row of ones below, the one-hot labels class by class, and the flat position of each
# sample's right class in the scores. `split_tiles` (for step 7) cuts the batch; asked
# for no tiling, it returns one tile.

# %%
def split_tiles(n_samples, tile):
    """Cut ``range(n_samples)`` into nearly equal tiles of at most ``tile`` samples.

    Introduced in notebook 23. Nearly equal sizes (at most two distinct
    ones) mean at most two sets of tile buffers.

    Parameters
    ----------
    n_samples : int
    tile : int or None
        Most samples per tile; ``None`` means one tile, the whole batch.

    Returns
    -------
    list of (int, int)
        ``(start, stop)`` of each tile.
    """
    n_tiles = 1 if tile is None else max(1, math.ceil(n_samples / tile))
    edges = np.linspace(0, n_samples, n_tiles + 1).round().astype(int)
    return list(zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True))


def prepare_tiles(X, y, n_classes, tiles, dtype):
    """Each tile's inputs (transposed, a row of ones below), one-hot labels and picks.

    Introduced in notebook 23.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
    n_classes : int
    tiles : list of (int, int)
        From ``split_tiles``.
    dtype : numpy dtype

    Returns
    -------
    list of (ndarray, ndarray, ndarray)
        ``inputs`` (n_features + 1, n), ``one_hot`` (n_classes, n) and
        ``picks`` (n,) per tile, as ``tile_step`` takes them.
    """
    prepared = []
    for start, stop in tiles:
        rows = np.arange(stop - start)
        inputs = np.ones((X.shape[1] + 1, len(rows)), dtype=dtype)
        inputs[:-1] = X[start:stop].T
        one_hot = np.zeros((n_classes, len(rows)), dtype=dtype)
        one_hot[y[start:stop], rows] = 1
        picks = y[start:stop] * len(rows) + rows  # flat index of (y, row) in (n_classes, n)
        prepared.append((inputs, one_hot, picks))
    return prepared


# %% [markdown]
# Last, the loop itself, after some plumbing so that `train` and `train_fast` can take
# turns on the same network. `train_fast` takes exactly what `train` takes, checks what
# it is given (`check_fast_network`), starts from the layers' weights and from the
# optimizer's state if it has trained before (`adam_state`), and at the end writes the
# weights back into the layers (`unpack_parameters`, step 5) and leaves the optimizer as
# `Adam.step` would have (`save_adam_state`). The plumbing does no training: skim it,
# and read `train_fast`'s loop at the end of the cell. It returns the same history as
# `train`.

# %%
def check_fast_network(layers, optimizer):
    """Raise unless the network and optimizer are what ``train_fast`` computes.

    Introduced in notebook 23.

    Parameters
    ----------
    layers : list
    optimizer : Optimizer

    Raises
    ------
    TypeError
        If the layers are not ``[DenseLayer, ReLU, DenseLayer]`` or the
        optimizer is not ``Adam``.
    ValueError
        If a dense layer has an L1 or L2 penalty.
    """
    kinds = [type(layer).__name__ for layer in layers]
    if kinds != ["DenseLayer", "ReLU", "DenseLayer"]:
        raise TypeError(f"train_fast trains [DenseLayer, ReLU, DenseLayer], got {kinds}")
    if type(optimizer) is not Adam:
        raise TypeError(f"train_fast uses Adam, got {type(optimizer).__name__}")
    for layer in layers[::2]:
        if layer.weight_l1 or layer.weight_l2 or layer.bias_l1 or layer.bias_l2:
            raise ValueError("train_fast adds no L1/L2 penalties: use train for those")


def adam_state(optimizer, dense, dtype):
    """The optimizer's momentum and cache for the dense layers, packed; None if new.

    Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
    dense : list of DenseLayer
    dtype : numpy dtype

    Returns
    -------
    ndarray of shape (2, n_parameters) or None
    """
    if not any(layer in optimizer.state for layer in dense):
        return None
    return np.stack([
        pack_parameters([(optimizer.state[layer]["weights"][name],
                          optimizer.state[layer]["biases"][name]) for layer in dense],
                        dtype)[0]
        for name in ("momentum", "cache")])


def save_adam_state(optimizer, dense, adam):
    """Leave ``optimizer`` as ``Adam.step`` would have: step count, rate and state.

    Introduced in notebook 23.

    Parameters
    ----------
    optimizer : Adam
    dense : list of DenseLayer
    adam : FlatAdam
    """
    shapes = [(len(layer.weights) + 1, layer.weights.shape[1]) for layer in dense]
    momentum = unpack_parameters(block_views(adam.moments[0], shapes))
    cache = unpack_parameters(block_views(adam.moments[1], shapes))
    for layer, (m_weights, m_biases), (c_weights, c_biases) in zip(
            dense, momentum, cache, strict=True):
        optimizer.state[layer] = {"weights": {"momentum": m_weights, "cache": c_weights},
                                  "biases": {"momentum": m_biases, "cache": c_biases}}
    optimizer.iterations = adam.iterations
    optimizer.current_learning_rate = optimizer.learning_rate / (
        1 + optimizer.decay * optimizer.iterations)


def train_fast(layers, optimizer, X, y, epochs, *, tile=1024, dtype=np.float32):
    """``train`` for a dense-ReLU-dense classifier with Adam, several times faster.

    The same computation as ``train(layers, optimizer, X, y, epochs)``: full
    batch, softmax cross-entropy, Adam with its decay, starting from the
    layers' weights and the optimizer's state, both updated at the end as
    ``train`` leaves them, so the two loops can take turns. Only the rounding
    differs (float32). Introduced in notebook 23.

    Parameters
    ----------
    layers : list
        ``[DenseLayer, ReLU, DenseLayer]``, without L1/L2 penalties.
    optimizer : Adam
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Class indices.
    epochs : int
    tile : int or None, default 1024
        Most samples per tile (see ``split_tiles``); ``None``: one tile.
    dtype : numpy dtype, default float32

    Returns
    -------
    dict of str to list
        ``"loss"``, ``"accuracy"`` and ``"learning_rate"`` per epoch, as
        ``train`` records them (when classes tie for the highest score, the
        first of them counts, as ``np.argmax`` decides).

    Raises
    ------
    FloatingPointError
        If training diverges (see ``check_loss``).
    """
    check_fast_network(layers, optimizer)
    dense = [layers[0], layers[2]]
    X = check_inputs("train_fast", X, n_features=len(dense[0].weights))
    n_hidden, n_classes = dense[1].weights.shape
    y = check_labels("train_fast", y, len(X), n_classes)
    flat, blocks = pack_parameters([(layer.weights, layer.biases) for layer in dense], dtype)
    adam = FlatAdam(optimizer, adam_state(optimizer, dense, dtype), flat.size, len(X), dtype)
    tiles = split_tiles(len(X), tile)
    # Each tile writes its own gradients; their sum is the batch's.
    tile_gradients = (adam.gradient[:1] if len(tiles) == 1
                      else np.zeros((len(tiles), flat.size), dtype=dtype))
    buffers = {stop - start: TileBuffers(stop - start, n_hidden, n_classes, dtype)
               for start, stop in tiles}
    work = [(inputs, one_hot, picks, blocks,
             block_views(gradient, [block.shape for block in blocks]), buffers[len(picks)])
            for (inputs, one_hot, picks), gradient
            in zip(prepare_tiles(X, y, n_classes, tiles, dtype), tile_gradients, strict=True)]
    history = {"loss": [], "accuracy": [], "learning_rate": [], "record": []}
    for epoch in range(epochs):
        loss, correct = 0.0, 0
        for arguments in work:
            tile_loss, tile_correct = tile_step(*arguments)
            loss += tile_loss
            correct += tile_correct
        if len(tiles) > 1:
            np.sum(tile_gradients, axis=0, out=adam.gradient[0])
        history["loss"].append(loss / len(X))
        check_loss(history["loss"][-1], epoch, first_loss=history["loss"][0])
        history["accuracy"].append(correct / len(X))
        history["learning_rate"].append(adam.step(flat))
    for layer, (weights, biases) in zip(dense, unpack_parameters(blocks), strict=True):
        layer.weights, layer.biases = weights, biases
    save_adam_state(optimizer, dense, adam)
    return history


# %% [markdown]
# Step 6c is `train_fast` with the batch in one tile:

# %%
def train_one_tile(layers, optimizer, X, y, epochs):
    """Step 6c: ``train_fast`` without tiling."""
    return train_fast(layers, optimizer, X, y, epochs, tile=None)


gap = np.max(np.abs(first_losses(train_one_tile) - reference) / reference)
check_claim("train_fast computes the taught loop's first losses (to 1e-5)", gap < 1e-5)

# %% [markdown]
# ## Step 7: tiles that stay in the cache
#
# A CPU does not fetch numbers from main memory one by one: it keeps recently used
# memory in its **caches**, small and fast memories on the chip (typically 32-64 KB per
# core for the first level, 0.25-2 MB for the second, several MB shared for the third).
# An array that fits in a cache is read back many times faster than one that has to
# come from main memory.
#
# At 3,000 points each hidden-layer array is 64 x 3,000 float32 numbers, 768 KB, and a
# pass uses three of them: on many CPUs more than the second-level cache holds. But
# nothing in a pass mixes samples until the gradients are summed. So cut the batch into
# **tiles** of at most 1,024 samples, run the whole forward and backward pass on one
# tile while its arrays are still in the cache, and add up the tiles' gradients
# (`train_fast` does the adding: each tile writes its own gradients, and one `np.sum`
# adds them). That is `train_fast` with its default, `tile=1024`.
#
# Tiling trades memory traffic for calls: every tile repeats all the pass's calls.
# On 300 points it changes nothing (one tile); how much it gains at 3,000 points depends
# on the CPU's caches, so we measure a few tile sizes:

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claim is checked below.
X_large, y_large = DATA["3,000 points"]
tile_sizes = [None, 2048, 1024, 512, 256]
tile_seconds = list(seconds_per_epoch({
    tile: (lambda *args, tile=tile: train_fast(*args, tile=tile), X_large, y_large, 30)
    for tile in tile_sizes}).values())
for tile, seconds in zip(tile_sizes, tile_seconds, strict=True):
    label = "one tile" if tile is None else f"tiles of {tile}"
    print(f"{label:>14}: {seconds * 1e6:6.0f} µs per epoch")
best_tile = tile_sizes[int(np.argmin(tile_seconds))]
check_claim("tiles of 256 are not the fastest (they repeat every call 12 times)",
            tile_seconds[-1] > min(tile_seconds))

# %% [markdown]
# Tiles that are too small multiply the calls and the overhead comes back; the best
# size depends on the machine: its caches (on a CPU with a large second-level cache
# one tile already fits, and tiling gains little) and the BLAS library's choice of
# code for each shape. `train_fast`'s default, 1,024, suits common caches; the running
# total below uses the size that was fastest here, `best_tile`:

# %%
def train_best_tile(layers, optimizer, X, y, epochs):
    """Step 7: ``train_fast`` with the tile size that was fastest on this machine."""
    return train_fast(layers, optimizer, X, y, epochs, tile=best_tile)


# %% [markdown]
# ## Step 8: one BLAS thread
#
# NumPy hands matrix products to a BLAS library (OpenBLAS in the usual pip wheels on
# Linux and Windows), which can split a product over several CPU cores. The course sets
# one thread for every notebook (the Makefile, the build script and the tests set
# `OPENBLAS_NUM_THREADS=1`); `threadpoolctl` changes the number for a block of code (it
# can raise it above that setting, as the large product below shows), so we can
# compare. First each product of an epoch at 3,000 points, alone, with 1 and 2
# threads, and a large square product beside them:

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine and its BLAS; the claim on whole epochs
# is checked in the next code cell.
n_large = len(X_large)
products = {"(64, 3) @ (3, n)": ((64, 3), (3, n_large)),
            "(3, 65) @ (65, n)": ((3, 65), (65, n_large)),
            "(65, n) @ (n, 3)": ((65, n_large), (n_large, 3)),
            "(3, n) @ (n, 64)": ((3, n_large), (n_large, 64)),
            "(512, 512) @ (512, 512)": ((512, 512), (512, 512))}
product_seconds = {}
for label, (left_shape, right_shape) in products.items():
    left = rng.standard_normal(left_shape).astype(np.float32)
    right = rng.standard_normal(right_shape).astype(np.float32)
    for threads in (1, 2):
        with threadpool_limits(limits=threads, user_api="blas"):
            product_seconds[label, threads] = call_seconds(
                lambda left=left, right=right: left @ right, repeats=7,
                number=3 if left_shape[0] == 512 else 50)
    print(f"{label:>24}: 1 thread {product_seconds[label, 1] * 1e6:8.1f} µs, "
          f"2 threads {product_seconds[label, 2] * 1e6:8.1f} µs, ratio "
          f"{product_seconds[label, 1] / product_seconds[label, 2]:4.2f}")

# %% [markdown]
# Read the ratios. Whether OpenBLAS splits a thin product (a dimension of 3, tens of
# microseconds) depends on the code it picked for the CPU: on the machine that built
# this notebook it judged them too small and ran them on one thread whatever the
# setting (ratios near 1); with another CPU's code it splits some of them, and those
# can get up to twice as fast alone. The large square product, hundreds of times more
# work, is the kind threads are for: on a machine with a second core free it gets close
# to twice as fast (on a busy machine, or a single core, it does not). Either way the
# products are only part of an epoch, and the whole epoch gains little (next cell), so
# one thread is the safe choice: a second thread can only help products far larger than ours, and
# when the other core is busy (another program, or a CI machine running several jobs),
# a product split in two waits for the slower half. (On macOS, NumPy wheels built on
# Apple's Accelerate ignore `threadpoolctl`: there the setting has no effect at all.)
#
# Whole epochs agree (15 epochs per run, wall-clock time, since processor time would
# add up both threads):

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claim is checked below.
def with_blas_threads(threads):
    """``train_fast`` with ``threads`` BLAS threads for its matrix products."""
    def trainer(*args):
        with threadpool_limits(limits=threads, user_api="blas"):
            return train_fast(*args)
    return trainer


thread_seconds = seconds_per_epoch({threads: (with_blas_threads(threads), X_large, y_large,
                                              15) for threads in (1, 2)})
for threads, seconds in thread_seconds.items():
    print(f"{threads} BLAS thread(s): {seconds * 1e6:6.0f} µs per epoch")
check_claim("an epoch of train_fast at 3,000 points is not 1.5 times faster with two threads",
            thread_seconds[2] > thread_seconds[1] / 1.5)

# %% [markdown]
# ## The running total
#
# Every version, timed at both sizes in the same session, as a speed-up over the
# taught loop:

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
versions = {"taught (11)": taught, "1 written out": train_plain, "2 float32": train_float32,
            "3 buffers, out=": train_buffered, "4 Adam in place": train_inplace,
            "5 one flat buffer": train_flat, "6a biases in products": train_bias_inside,
            "6b by feature, row_max": train_by_feature, "6c rest (one tile)": train_one_tile,
            "7 tiles": train_best_tile}
sizes_timed = ["300 points", "3,000 points"]
timings = {size: seconds_per_epoch({name: (trainer, *DATA[size], EPOCHS[size])
                                    for name, trainer in versions.items()})
           for size in sizes_timed}
print(f"{'version':<20}" + "".join(f"{size:>24}" for size in sizes_timed))
for name in versions:
    print(f"{name:<20}" + "".join(
        f"{timings[size][name] * 1e6:11.0f} µs "
        f"{timings[size]['taught (11)'] / timings[size][name]:7.1f}x" for size in sizes_timed))
speedup = {size: timings[size]["taught (11)"] / timings[size]["7 tiles"] for size in sizes_timed}
check_claim("train_fast is at least twice as fast as the taught loop at 300 points",
            speedup["300 points"] >= 2)
check_claim("train_fast is at least twice as fast as the taught loop at 3,000 points",
            speedup["3,000 points"] >= 2)
check_claim("at 300 points, step 6 as a whole (5 -> 6c) makes the epoch at least 1.25 times "
            "as fast", timings["300 points"]["5 one flat buffer"]
            > 1.25 * timings["300 points"]["6c rest (one tile)"])
check_claim("at 3,000 points, float32 (step 2) is at least 1.2 times as fast as float64 "
            "(step 1)", timings["3,000 points"]["1 written out"]
            > 1.2 * timings["3,000 points"]["2 float32"])

# %%
fig, ax = plt.subplots(figsize=(9, 4))
positions = np.arange(len(versions))
for offset, size, colour in [(-0.2, "300 points", "tab:blue"),
                             (0.2, "3,000 points", "tab:red")]:
    ratios = [timings[size]["taught (11)"] / timings[size][name] for name in versions]
    ax.bar(positions + offset, ratios, width=0.4, color=colour, label=size)
ax.axhline(1, color="black", linewidth=0.8)
ax.set_xticks(positions, list(versions), rotation=30, ha="right")
ax.set(ylabel="speed-up over the taught loop", title="One change at a time: the running total")
ax.legend()
plt.tight_layout()
plt.show()

# %% [markdown]
# Read the two colours separately, and expect yours to differ in height from the
# machine that built this notebook (the checked claims are the part that holds
# everywhere: step 6 as a whole pays at 300 points, and float32 beats float64 at 3,000
# points; the rest of this paragraph describes the machine that built it). Step 1
# gains only by leaving out the classes' Python-side work (method calls, input checks,
# dictionaries of state: the counter below prints how the calls per epoch fall). At
# 300 points the steps that pay are the ones that cut calls: one flat buffer (four sets
# of Adam's calls become one) and step 6b (two cheap maxima and sums instead of
# reductions along rows of 3); Adam in place alone hardly changes the number of calls,
# so it hardly helps there, and neither does 6a. At 3,000 points float32 and the buffers
# count, because they cut the bytes moved, and step 6b again, because the reductions
# along rows of 3 were slow there too. Step 7's bar is the fastest of the five tile
# sizes timed in step 7, a pick among noisy timings, so it flatters tiling a little.
#
# And the result is still the taught loop's. The first 10 epochs matched at every step;
# over hundreds of epochs the last digits grow (training at this rate is chaotic), so
# the yardstick is how far the taught loop drifts from itself when only its starting
# weights are rounded to float32. Here are 300 epochs of the three:

# %% tags=["nbval-ignore-output"]
# output not compared: 300 epochs amplify last-bit rounding differences between CPUs;
# the claim is checked below.
def losses_300(trainer, rounded=False):
    """Losses of 300 epochs on the 300 points; ``rounded``: weights rounded to float32."""
    layers, optimizer = fresh_network()
    if rounded:
        for layer in layers[::2]:
            layer.weights = layer.weights.astype(np.float32).astype(np.float64)
    return np.array(trainer(layers, optimizer, *DATA["300 points"], 300)["loss"])


taught_300 = losses_300(taught)
gaps = {"train_fast": np.abs(losses_300(train_fast) - taught_300) / taught_300,
        "taught, start rounded to float32": np.abs(losses_300(taught, rounded=True)
                                                   - taught_300) / taught_300}
for name, values in gaps.items():
    print(f"{name:>33}: largest relative gap over 300 epochs {values.max():.1e}")
fig, ax = plt.subplots(figsize=(7, 3.5))
for (name, values), colour in zip(gaps.items(), ["tab:red", "tab:gray"], strict=True):
    ax.semilogy(values + 1e-12, color=colour, label=name)
ax.set(xlabel="epoch", ylabel="relative gap from the taught loss",
       title="float32 rounding, and the drift it starts")
ax.legend()
plt.show()
check_claim("over 300 epochs train_fast stays within 3 times the drift of the taught loop "
            "from its own float32-rounded start",
            gaps["train_fast"].max() < 3 * gaps["taught, start rounded to float32"].max())

# %% [markdown]
# The two curves grow alike: `train_fast` is no further from the taught loop than
# rounding its starting weights alone would take it. And after 2,000 epochs, here are the
# final accuracies of both from the same start, beside a seed study of the taught loop
# (5 seeds).

# %% tags=["nbval-ignore-output"]
# output not compared: 2,000 epochs amplify last-bit rounding differences between CPUs;
# the claims are checked below.
X_small, y_small = DATA["300 points"]
final = {"taught": [], "fast": []}
for seed in range(5):
    for name, trainer in [("taught", taught), ("fast", train_fast)]:
        layers, optimizer = fresh_network(seed)
        final[name].append(trainer(layers, optimizer, X_small, y_small, 2000)["accuracy"][-1])
for name, values in final.items():
    print(f"{name:>6}: final accuracy per seed", " ".join(f"{v:.3f}" for v in values))
spread = max(final["taught"]) - min(final["taught"])
check_claim("train_fast's median final accuracy is within the taught loop's seed spread "
            "of the taught median",
            abs(np.median(final["fast"]) - np.median(final["taught"])) <= max(spread, 0.02))

# %% [markdown]
# ## Where the limits are
#
# How much faster could it get? Two numbers bound an epoch from below:
#
# - **arithmetic**: the matrix products do `2 x n x (3 x 64 + 65 x 3 + 65 x 3 + 3 x 64 +
#   3 x 64)` floating-point operations (a multiply and an add per term), about 1,900
#   per sample; the element-wise work is small beside it. At the machine's best matrix
#   speed, measured on a large product, that takes...
# - **memory traffic**: counting by hand the reads and writes of `tile_step` line by
#   line (written by the first product, read and written by the mask and the ReLU, ...)
#   gives the passes over (64, n), (3, n) and (n,) arrays that the next cell prints, in
#   float32 numbers per sample. At the
#   speed the machine copies memory that fits in its cache, that takes...
#
# Both speeds are measured here:

# %% tags=["nbval-ignore-output"]
# output not compared: machine speeds differ; the claims are checked below.
def matmul_flops_per_second(n=512):
    """Floating-point operations per second of a large float32 matrix product."""
    a = rng.standard_normal((n, n)).astype(np.float32)
    return 2 * n ** 3 / call_seconds(lambda: a @ a, repeats=3, number=3)


def copy_bytes_per_second(n_bytes):
    """Bytes read and written per second by ``np.copyto`` on float32 arrays of ``n_bytes``."""
    source = rng.standard_normal(n_bytes // 4).astype(np.float32)
    target = np.empty_like(source)
    return 2 * n_bytes / call_seconds(lambda: np.copyto(target, source), repeats=5,
                                      number=max(1, 2 ** 22 // n_bytes))


FLOPS_PER_SAMPLE = 2 * (3 * 64 + 65 * 3 + 65 * 3 + 3 * 64 + 3 * 64)
PASSES = {"(64, n)": (13, 64), "(3, n)": (14, 3), "(n,)": (10, 1)}  # (passes, rows), by hand
BYTES_PER_SAMPLE = 4 * sum(passes * rows for passes, rows in PASSES.values())
print("passes per epoch over", ", ".join(f"{shape} arrays: {passes}"
                                         for shape, (passes, _) in PASSES.items()))
peak = matmul_flops_per_second()
cache_bandwidth = copy_bytes_per_second(512 * 1024)
memory_bandwidth = copy_bytes_per_second(64 * 1024 * 1024)
print(f"matrix products: {peak / 1e9:6.1f} GFLOP/s (float32, one thread)")
print(f"copy, 512 KB arrays (in cache):    {cache_bandwidth / 1e9:6.1f} GB/s")
print(f"copy, 64 MB arrays (main memory):  {memory_bandwidth / 1e9:6.1f} GB/s")
arithmetic_bound = FLOPS_PER_SAMPLE * n_large / peak
traffic_bound = BYTES_PER_SAMPLE * n_large / cache_bandwidth
fast_epoch = timings["3,000 points"]["7 tiles"]
print(f"\nper sample: {FLOPS_PER_SAMPLE:,} FLOP and {BYTES_PER_SAMPLE:,} bytes moved")
print(f"3,000 points: {FLOPS_PER_SAMPLE * n_large / 1e6:.1f} MFLOP and "
      f"{BYTES_PER_SAMPLE * n_large / 1e6:.1f} MB per epoch")
print(f"arithmetic bound {arithmetic_bound * 1e6:5.0f} µs, traffic bound "
      f"{traffic_bound * 1e6:5.0f} µs, train_fast {fast_epoch * 1e6:5.0f} µs")
print(f"train_fast does {FLOPS_PER_SAMPLE * n_large / fast_epoch / 1e9:.1f} useful GFLOP/s")
check_claim("the arithmetic at the machine's best matrix speed needs less time than "
            "train_fast's epoch", arithmetic_bound < fast_epoch)
check_claim("train_fast's epoch at 3,000 points is within 10 times its traffic bound",
            fast_epoch < 10 * traffic_bound)

# %% [markdown]
# Compare `train_fast`'s useful GFLOP/s with the large product's: our products do far
# less per number they touch. Their inner dimension is 3 (or 65 with one side only 3
# wide), so each output number takes 3 multiply-adds and is then written to memory; a
# large product reuses every number it loads hundreds of times. What limits an epoch at
# 3,000 points is moving its bytes: `train_fast` comes within a small factor of the
# time its traffic needs at in-cache speed (how small depends on the machine's BLAS
# code for these thin products; the check allows a factor of 10).
#
# The figure puts every version against these floors. Each bar is a version's measured
# epoch; the dot on it is its *call cost*, the calls the counter sees in one epoch
# times the price of a small NumPy call (a rough estimate: ufuncs and operators are not
# counted, and Python's own function calls cost less than NumPy's); the lines are the
# floors of the whole epoch's arithmetic at the machine's matrix speed and
# of `train_fast`'s bytes at in-cache speed. (The other versions move more bytes than
# `train_fast`, float64 twice as many per number and every temporary more, so their
# traffic floors are higher; we counted the bytes only for `train_fast`.)

# %% tags=["nbval-ignore-output"]
# output not compared: timings and call counts depend on the machine and the Python version.
version_calls = {name: calls_per_epoch(trainer, *DATA["3 points"])
                 for name, trainer in versions.items()}
fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
positions = np.arange(len(versions))
for ax, size in zip(axes, sizes_timed, strict=True):
    measured = np.array([timings[size][name] for name in versions]) * 1e6
    ax.bar(positions, measured, color="tab:blue", label="measured epoch")
    ax.plot(positions, np.array(list(version_calls.values())) * call_price * 1e6, "o",
            color="tab:orange", label="call cost (counted calls x call price)")
    n_points = len(DATA[size][0])
    ax.axhline(BYTES_PER_SAMPLE * n_points / cache_bandwidth * 1e6, color="tab:green",
               linestyle="--", label="traffic floor of train_fast")
    ax.axhline(FLOPS_PER_SAMPLE * n_points / peak * 1e6, color="black", linestyle=":",
               label="arithmetic floor")
    ax.set_xticks(positions, list(versions), rotation=40, ha="right", fontsize=7)
    ax.set(ylabel="µs per epoch", title=size, yscale="log")
axes[0].legend(fontsize=7)
fig.suptitle("Each version against the cost of its counted calls and the floors of bytes "
             "and arithmetic")
plt.tight_layout()
plt.show()
print("calls per epoch counted:", ", ".join(f"{name} {count:.0f}"
                                           for name, count in version_calls.items()))
check_claim("every version's measured epoch at 300 points is above a third of its call cost",
            all(timings["300 points"][name] > version_calls[name] * call_price / 3
                for name in versions))

# %% [markdown]
# At 300 points the bound is a different one: the calls. An epoch of `train_fast` on 3
# points does all the same calls on almost no data, so its time is the price of the
# calls alone:

# %% tags=["nbval-ignore-output"]
# output not compared: timings depend on the machine; the claims are checked below.
fast_time = seconds_per_epoch({name: (train_fast, *DATA[name], EPOCHS[name])
                              for name in ["3 points", "300 points", "3,000 points"]})
for name, seconds in fast_time.items():
    print(f"train_fast, {name:>12}: {seconds * 1e6:6.0f} µs per epoch")
calls = {"taught (11)": taught_calls,
         "5 one flat buffer": calls_per_epoch(train_flat, *DATA["3 points"]),
         "train_fast": calls_per_epoch(train_fast, *DATA["3 points"])}
for name, count in calls.items():
    print(f"{name:>18}: {count:4.0f} calls per epoch (ufuncs and operators not counted)")
check_claim("train_fast's epoch on 3 points costs its calls x the price of a small NumPy "
            "call, within a factor of 3",
            1 / 3 < fast_time["3 points"] / (calls["train_fast"] * call_price) < 3)
check_claim("at 300 points, the calls alone are more than a third of the epoch",
            fast_time["3 points"] > fast_time["300 points"] / 3)
check_claim("at 3,000 points, the calls alone are less than half of the epoch",
            fast_time["3 points"] < fast_time["3,000 points"] / 2)

# %% [markdown]
# At 300 points, a large part of an epoch of `train_fast` is the price of its calls
# (the counter prints those it sees; ufuncs and operators come on top): NumPy cannot go
# much further there. Going further means fewer calls than one per
# operation, which takes a compiler that fuses the whole pass into one loop (Numba,
# JAX, or a hand-written C extension), beyond this course. At 3,000 points the bytes
# set the pace: float32, the buffers and step 6 cut them, the tiles added a little
# more, and `train_fast` is still a few times its traffic bound (the previous cells
# print by how much), the price of NumPy passing over whole arrays once per operation
# where a fused loop would pass once.
#
# `make bench` runs the full workload (10,000 epochs at both sizes) for the taught
# loop, `train_fast`, the book's own chapter-10 code, scikit-learn's `MLPClassifier`
# and PyTorch; the README shows its table.

# %% [markdown]
# ## Summary
#
# - Profile before changing anything: time the epoch, its parts and single operations,
#   keep the fastest of a few runs, and compare versions by ratios measured together.
# - Small arrays: the time is the number of calls times the price of a call (under a
#   microsecond for NumPy on a recent machine, plus Python's own work), so
#   make fewer calls (one flat parameter buffer, biases inside the matrix products,
#   cheap maxima and sums over a few classes).
# - Large arrays: the time is the bytes moved, so move fewer (float32, no temporaries,
#   preallocated buffers with `out=`, in-place updates) and keep them in cache (tiles).
# - Small matrix products gain little or nothing from more BLAS threads (whether BLAS
#   splits them at all depends on its code for the CPU), and a busy core makes a split
#   product wait: one thread is the safe choice.
# - Every step keeps the result: the fast loop's losses are the taught loop's to float32
#   rounding, checked at every step.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: find the slowest line
#
# `scores_to_loss` below computes the mean cross-entropy of 3,000 samples over 3
# classes, in float32 as `train_fast` does, in five lines. Guess first which line is
# slowest; then time each line on its own with `time_lines` from profile 3 (its
# namespace needs `np`, `scores` and `labels`; `number=20` is plenty), and give the
# number of the slowest line (1 to 5) as `slowest_line`.

# %%
from nnfs_exercises.nb23 import (  # noqa: E402
    check_pack_two,
    check_remove_temporaries,
    check_slowest_line,
)

scores = rng.standard_normal((3000, 3)).astype(np.float32)
labels = rng.integers(0, 3, size=3000)


def scores_to_loss(scores, labels):
    top = scores.max(axis=1, keepdims=True)                                  # line 1
    shifted = scores - top                                                   # line 2
    exp_values = np.exp(shifted)                                             # line 3
    log_sums = np.log(exp_values[:, 0] + exp_values[:, 1] + exp_values[:, 2])  # line 4
    return np.mean(log_sums - shifted[np.arange(len(labels)), labels])      # line 5


slowest_line = None  # your answer: 1, 2, 3, 4 or 5

check_slowest_line(slowest_line)

# %% [markdown]
# ### Exercise 2: remove the temporaries, keep the result
#
# `softmax_rows(scores)` makes four new arrays as large as `scores`. Write
# `softmax_rows_into(scores, out)` that writes the same probabilities into `out` (an
# array shaped like `scores`) and returns `out`, without making any array as large as
# `scores`: use `out=` and in-place operators. Small arrays, one number per row, are
# fine. The checker compares your result with `softmax_rows` and measures how much
# memory your function allocates.

# %%
def softmax_rows(scores):
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp_values = np.exp(shifted)
    return exp_values / np.sum(exp_values, axis=1, keepdims=True)


def softmax_rows_into(scores, out):
    return None  # your code here


check_remove_temporaries(softmax_rows_into)


# %% [markdown]
# ### Exercise 3: two arrays, one buffer
#
# Step 5 put every parameter into one flat buffer, with views for the layers. Do it for
# two arrays: write `pack_two(a, b)` that returns `(flat, a_view, b_view)`, where `flat`
# is a new one-dimensional array holding `a`'s numbers and then `b`'s, and `a_view`,
# `b_view` are views into `flat` shaped like `a` and `b` (slice `flat`, then
# `.reshape`). The checker then runs one call, `flat -= 1`, and looks at both views.

# %%
def pack_two(a, b):
    return None  # your code here


check_pack_two(pack_two)

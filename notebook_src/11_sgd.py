# %% [markdown]
# # 11 · Stochastic gradient descent: the training loop
#
# **Goal:** train the spiral network for real: repeat "forward pass, loss, backward pass,
# small step against the gradient" thousands of times, and watch the loss fall and the
# decision regions wrap around the spiral arms.
#
# **Prerequisites:** [04 · Spiral data](04_spiral_forward_pass.ipynb) (the forward pass as
# a loop), [06 · Accuracy](06_accuracy.ipynb),
# [09 · Softmax and cross-entropy, backwards](09_softmax_cross_entropy_backward.ipynb) and
# [10 · Gradient checking](10_gradient_check.ipynb) (`DenseLayer.parameters`).
#
# **What you will build:** `Optimizer`, the base class of every optimizer in the course,
# and `SGD`, plain gradient descent; `train` (with `check_loss`, which stops a run that
# diverges) and `evaluate`, the training loop the rest of the course uses; and
# `initial_scale`, which picks the size of a layer's starting weights. Along
# the way, the tools the rest of the course uses to report training results honestly:
# `check_claim` and seed studies.
#
# *Book: chapter 10 of "Neural Networks from Scratch in Python" (the start, up to
# learning-rate decay). The starting weights: He et al. (2015) and Glorot and Bengio
# (2010).*

# %%
# %matplotlib inline
import copy
import math
import time

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    Softmax,
    SoftmaxCrossEntropy,
    accuracy,
    check_claim,
    check_hyperparameter,
    check_size,
    draw_shapes_diagram,
    forward_pass,
    plot_decision_regions,
    plot_seed_study,
    print_seed_study,
    seed_study,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Where we are
#
# We have every piece a network needs except one. The forward pass turns points into
# class scores (notebook 04), `SoftmaxCrossEntropy` turns the scores into probabilities
# and a loss, and the backward passes give the gradient of the loss with respect to every
# weight and bias (notebooks 08 and 09), checked in notebook 10. What is missing is the
# part that **changes** the weights. That is this notebook.
#
# The task is the spiral of notebook 04: 300 points, 3 classes. The network is the book's:
# 2 inputs, a hidden layer of 64 neurons with ReLU, and 3 outputs. The softmax is not in
# the list of layers: `SoftmaxCrossEntropy` applies it together with the loss (notebook 09).
# `forward_pass(layers, inputs)` is notebook 04's loop over the layers.

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)  # X (300, 2), y (300,)


def make_network(seed=SEED, weight_scale=0.01):
    """A fresh 2-64-3 network; the same seed gives the same initial weights."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(2, 64, rng=rng, weight_scale=weight_scale), ReLU(),
            DenseLayer(64, 3, rng=rng, weight_scale=weight_scale)]


network = make_network()
loss_function = SoftmaxCrossEntropy()
scores = forward_pass(network, X)               # (300, 2) -> (300, 64) -> (300, 3)
loss = loss_function.forward(scores, y)         # one number
print(network)
print(f"loss {loss:.4f} (ln 3 = {np.log(3):.4f}), "
      f"accuracy {accuracy(loss_function.output, y):.3f}")

# %% [markdown]
# As in notebook 04, the untrained network gives every class a probability of about 1/3,
# so the loss is about $-\ln(1/3) = \ln 3$, and its accuracy is what guessing gets.

# %% [markdown]
# ## One step down the slope, by hand
#
# The backward pass gives, for every parameter, the **gradient**: how much the loss
# changes when that parameter grows a little. The gradient points *uphill*, in the
# direction in which the loss grows fastest. To make the loss smaller we move every
# parameter a little the **other** way:
#
# $$w \leftarrow w - \text{lr} \cdot \frac{\partial L}{\partial w}$$
#
# The **learning rate** `lr` sets the size of the step. This is **gradient descent**. The
# book, like most libraries, calls it **stochastic** gradient descent (SGD), a name that
# comes from computing each step on a random sample of the data; here every step uses all
# 300 points, and the update is the same.
#
# First the backward pass. Each gradient has the shape of the parameter it belongs to,
# which is what makes the update a simple element-by-element subtraction:

# %%
gradient = loss_function.backward()             # (300, 3)
for layer in reversed(network):
    gradient = layer.backward(gradient)         # (300, 3) -> (300, 64) -> (300, 64) -> (300, 2)

for index in (0, 2):
    layer = network[index]
    print(f"network[{index}]: weights {layer.weights.shape}, dweights "
          f"{layer.dweights.shape}; biases {layer.biases.shape}, dbiases {layer.dbiases.shape}")

# %% [markdown]
# Now one step with a learning rate of 1.0 on all four parameter arrays, then the forward
# pass again to see what it did:

# %%
learning_rate = 1.0
for index in (0, 2):
    layer = network[index]
    layer.weights -= learning_rate * layer.dweights  # (2, 64) and (64, 3), in place
    layer.biases -= learning_rate * layer.dbiases    # (1, 64) and (1, 3), in place

loss_after = loss_function.forward(forward_pass(network, X), y)
print(f"loss before the step: {loss:.6f}")
print(f"loss after the step:  {loss_after:.6f}  (change {loss_after - loss:+.6f})")

# %% [markdown]
# The loss went down. Only a little: while the weights are tiny, so are the gradients
# (the section "Starting weights" near the end shows why, and what to do about it).
# **Training** is this step repeated, thousands of times, each time with a fresh forward
# and backward pass, because the gradient changes as soon as the weights do.
#
# The `-=` changes the arrays **in place**: the layer's own `weights` array gets new
# numbers. Here `layer.weights = layer.weights - ...` would work too, by making a new
# array and storing it in the layer; inside an optimizer, below, only `-=` works.

# %% [markdown]
# ## An optimizer object
#
# The update rule is the part of training that people keep improving: notebook 12 adds
# learning-rate decay and momentum, and notebooks 13 and 14 give each parameter its own
# step size. So the rule lives in an object of its own, an **optimizer**, and a training
# step ends with one call, `optimizer.step(layers)`, whatever the rule is.
#
# Two classes share the work. The base class `Optimizer` does what every optimizer
# does: `step(layers)` visits every layer that has parameters (the `parameters()` method
# of notebook 10 lists `(name, value, gradient)` for each array) and calls
# `update(value, gradient)` on each array. Layers without parameters, such as `ReLU`,
# are skipped. A subclass, here `SGD`, says what `update` does to one array.
# (`class SGD(Optimizer)` makes `SGD` a kind of `Optimizer`: it has everything
# `Optimizer` has, plus the methods written in it.)
#
# `update` gets the layer's own array as `value`, so it must change that array **in
# place**, with `-=`. `value = value - ...` would make a new array and give it the name
# `value` inside `update` only: the layer would keep its old weights.
#
# `update` steps with `current_learning_rate`, the rate the next step uses, which
# `Optimizer.__init__` sets to `learning_rate`. Here nothing ever changes it, so every
# step uses `learning_rate`; notebook 12 makes it shrink as training goes on, and `train`
# (below) records it at every epoch. Notebook 12 also gives both classes their final
# form, with a memory per parameter array for momentum and checks of their arguments.

# %%
class Optimizer:
    """What every optimizer shares: a step that updates every parameter array.

    A subclass says how one array changes (``update``). Introduced in notebook
    11; notebook 12 adds learning-rate decay and a memory per array.

    Parameters
    ----------
    learning_rate : float
        The step size.
    """

    def __init__(self, learning_rate):
        self.learning_rate = learning_rate
        self.current_learning_rate = learning_rate  # notebook 12 makes it shrink

    def step(self, layers):
        """Update every layer that has parameters, using its last gradients."""
        for layer in layers:
            if not hasattr(layer, "parameters"):
                continue  # ReLU: nothing to train
            for _name, value, gradient in layer.parameters():
                self.update(value, gradient)


class SGD(Optimizer):
    """Plain gradient descent: ``value -= current_learning_rate * gradient``.

    Introduced in notebook 11; notebook 12 adds decay and momentum.
    """

    def __init__(self, learning_rate=1.0):
        super().__init__(learning_rate)

    def update(self, value, gradient):
        """One step against the gradient, in place: the layer's own array changes."""
        value -= self.current_learning_rate * gradient

    def __repr__(self):
        return f"SGD(learning_rate={self.learning_rate})"


# %% [markdown]
# Let us check that one `SGD` step is exactly the step we took by hand. Two copies of
# the same network get the same forward and backward pass; one is updated by hand, the
# other by the optimizer:

# %%
by_hand, by_optimizer = make_network(), make_network()
for layers in (by_hand, by_optimizer):
    loss_function.forward(forward_pass(layers, X), y)
    gradient = loss_function.backward()
    for layer in reversed(layers):
        gradient = layer.backward(gradient)

for index in (0, 2):
    by_hand[index].weights -= 1.0 * by_hand[index].dweights
    by_hand[index].biases -= 1.0 * by_hand[index].dbiases

optimizer = SGD(learning_rate=1.0)
optimizer.step(by_optimizer)
print(optimizer)
same = all(np.array_equal(by_hand[index].weights, by_optimizer[index].weights)
           and np.array_equal(by_hand[index].biases, by_optimizer[index].biases)
           for index in (0, 2))
print("same weights and biases as by hand:", same)

# %% [markdown]
# ## The training loop
#
# One **epoch** is one pass over the training data; with all 300 points in one batch, it
# is one step. Each epoch does four things, always in this order:
#
# 1. **forward**: `forward_pass(layers, X)`, the points through the layers, to scores;
# 2. **loss**: scores and labels to one number (and the probabilities);
# 3. **backward**: the gradient from the loss back through the layers, reversed;
# 4. **update**: `optimizer.step(layers)`.
#
# Steps 1 to 3 are notebook 08's diagram of the whole network, drawn again here: the top
# row is the forward pass, the bottom row (purple) the backward pass that leaves a
# `dweights` and a `dbiases` in every dense layer, which step 4 then uses.

# %%
draw_shapes_diagram(loss_label="SoftmaxCrossEntropy",
                    title="One epoch of training: forward (top), backward (purple), "
                          "then optimizer.step")
plt.show()

# %% [markdown]
# `train` writes them out. It also records a **history**, a dictionary of lists with one
# entry per epoch: the loss, the accuracy and the learning rate, and, if you pass a
# function `record(layers)`, whatever it returns (notebook 12 counts live neurons with
# it). `tqdm` draws a progress bar. The loss and accuracy recorded for an epoch belong to
# the weights *before* that epoch's update, as in the book; `evaluate` measures the
# network as it is now.
#
# One more line needs a word: `check_loss(loss, epoch, ...)`, at every epoch. When the
# steps are too large, training **diverges**: the weights grow with every step, the loss
# grows a hundredfold and more, and soon the numbers overflow to infinity and NaN ("not
# a number"). Every number of the forward pass flows into the loss, so whatever goes
# wrong in any layer shows there, and one look at one number per step costs next to
# nothing. Without the check, a diverged run would go on quietly for thousands of epochs
# and end in a history full of NaN, or in an error deep inside some layer that says
# nothing about why. `check_loss` stops it at the epoch where it happens, when the loss
# is no longer a finite number or has grown to more than 100 times the first epoch's
# (a healthy loss falls; one that has grown a hundredfold does not come back), with a
# message that names the usual cause. (The limit is never below 100, for a loss that
# starts below 1: a trained model trained on may see its loss wander up a little.)

# %%
def check_loss(loss, epoch, first_loss=None):
    """Raise a clear error if training has diverged.

    Called by the training loops, once per step or per epoch: every number
    the network computes flows into the loss, so a blow-up anywhere shows
    here. Diverged means the loss is NaN or infinite, or, when ``first_loss``
    is given, more than 100 times it (a healthy loss falls; an epoch's loss
    that has grown a hundredfold does not come back). A loss that started
    below 1 (a trained model, trained on) may wander up a little without
    harm, so that limit is never below 100.

    Parameters
    ----------
    loss : float
    epoch : int
        Named in the message.
    first_loss : float, optional
        The loss training started from (its first step's, or before any step).

    Raises
    ------
    FloatingPointError
        If the loss is not finite, or more than 100 times ``first_loss``
        (and more than 100).
    """
    if math.isfinite(loss) and (first_loss is None or loss <= 100 * max(first_loss, 1.0)):
        return
    start = "" if first_loss is None else f" (it started at {first_loss:.4g})"
    raise FloatingPointError(
        f"the loss became {loss:.4g} at epoch {epoch}{start}: "
        f"training diverged. The usual cause is a learning rate too large for "
        f"this network: try a smaller learning rate (10 times smaller is a good "
        f"first try). Non-finite values in the data do the same: check X.")


def train(layers, optimizer, X, y, epochs, *, record=None, progress=True):
    """Full-batch training of a classifier; returns what each epoch measured.

    Each epoch: forward pass, loss, backward pass, optimizer step. The loss
    and accuracy recorded for an epoch belong to the weights *before* its
    step, as in the book. Introduced in notebook 11.

    Parameters
    ----------
    layers : list
        The network, its last layer giving raw scores (n_samples, n_classes).
    optimizer : Optimizer
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Class indices.
    epochs : int
    record : callable, optional
        ``record(layers)`` is called before each step; its value is appended
        to ``history["record"]`` (notebook 12 counts live neurons with it).
    progress : bool, default True
        Show a progress bar.

    Returns
    -------
    dict of str to list
        ``"loss"``, ``"accuracy"`` and ``"learning_rate"`` per epoch (and
        ``"record"`` when ``record`` is given).

    Raises
    ------
    FloatingPointError
        If the loss stops being a finite number or grows to more than 100
        times the first epoch's: training diverged.
    """
    loss_function = SoftmaxCrossEntropy()
    history = {"loss": [], "accuracy": [], "learning_rate": [], "record": []}
    for epoch in tqdm(range(epochs), desc="training", disable=not progress):
        loss = loss_function.forward(forward_pass(layers, X), y)
        history["loss"].append(loss)
        check_loss(loss, epoch, first_loss=history["loss"][0])
        history["accuracy"].append(accuracy(loss_function.output, y))
        history["learning_rate"].append(optimizer.current_learning_rate)
        if record is not None:
            history["record"].append(record(layers))
        gradient = loss_function.backward()
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)
    return history


def evaluate(layers, X, y):
    """Loss and accuracy of a classifier as it is now, without training it.

    Introduced in notebook 11.

    Parameters
    ----------
    layers : list
        The network, its last layer giving raw scores.
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)

    Returns
    -------
    (float, float)
        The mean loss and the accuracy.
    """
    loss_function = SoftmaxCrossEntropy()
    loss = loss_function.forward(forward_pass(layers, X), y)
    return loss, accuracy(loss_function.output, y)


# %% [markdown]
# Here it is at work: a learning rate of 1,000 is far too large for this network.

# %% tags=["raises-exception"]
train(make_network(), SGD(learning_rate=1_000), X, y, epochs=10, progress=False)

# %% [markdown]
# ## Training for real
#
# Now the real run: a fresh network, SGD with a learning rate of 1.0, 10,000 epochs.
# `train` is called four times, for epochs 0 to 100, 100 to 1,000, 1,000 to 3,000 and
# 3,000 to 10,000: each call carries on from the weights the last one left, and between
# calls we keep a copy of the network (`copy.deepcopy`), to look later at what it
# predicted back then.
#
# A word first about the numbers it prints. Ten thousand epochs repeat the same
# arithmetic over and over, and a computer with another CPU or another maths library
# rounds a few of its sums differently in the last bit; training amplifies such tiny
# differences until they show in the second digit (the section "One run is one sample"
# below shows this happening). So the digits you see are your computer's, and the text
# never quotes them as *the* result. What it says about a run is a **claim**, and a cell
# checks each claim on your machine with `check_claim(statement, holds)` from
# `nnfs_helpers`: it prints the statement with a ✓ when `holds` is true, and stops with
# an error when it is not. Should a check ever stop on your computer, the text is wrong
# there, not your code: the printed numbers show by how much, and they are worth
# reporting. A cell whose digits vary like this starts with a comment
# `# output not compared: ...`: the course's tests, which re-run every notebook and
# compare what it prints with the stored copy, skip that cell's digits; the claims about
# them, in a cell of their own just after it, are tested as usual.

# %% tags=["nbval-ignore-output"]
# output not compared: the digits of a 10,000-epoch run differ from computer to computer
EPOCHS = 10_000
SNAPSHOTS = (0, 100, 1_000, 3_000, EPOCHS)

network = make_network()
optimizer = SGD(learning_rate=1.0)
history = {"loss": [], "accuracy": []}
snapshots = {0: copy.deepcopy(network)}  # epoch -> the network as it was then
start = time.perf_counter()
for done, stop in zip(SNAPSHOTS[:-1], SNAPSHOTS[1:], strict=True):
    part = train(network, optimizer, X, y, stop - done)  # carries on from `done`
    for key in history:
        history[key] += part[key]
    snapshots[stop] = copy.deepcopy(network)
print(f"{EPOCHS:,} epochs took {time.perf_counter() - start:.1f} s")

for epoch in (0, 100, 500, 1_000, 2_000, 5_000, 9_999):
    print(f"epoch {epoch:>5,}: loss {history['loss'][epoch]:.4f}, "
          f"accuracy {history['accuracy'][epoch]:.3f}")
final_loss, final_accuracy = evaluate(network, X, y)
print(f"after training: loss {final_loss:.4f}, accuracy {final_accuracy:.3f}")

# %%
losses = np.array(history["loss"])  # (10000,), one loss per epoch
check_claim("the loss starts at ln 3 = 1.0986", bool(abs(losses[0] - np.log(3)) < 1e-4))
check_claim("after training, the loss is below 1", bool(final_loss < 1.0))
check_claim("after training, the accuracy is above 0.5 (guessing gets 1/3)",
            bool(final_accuracy > 0.5))

# %% [markdown]
# The network learned: the loss fell from $\ln 3$ to below 1, and the accuracy is above
# 0.5, far above the one in three that guessing gets. The book reports an accuracy of about
# 0.6-0.7 for this setup. How close your run comes to that is partly luck, as we will see:
# other starting weights, or another computer, end elsewhere. (The last two lines printed
# can differ by more than you might expect from one step: the history's entry for epoch
# 9,999 was measured *before* the last update, and with a learning rate this large one
# update can still move the loss by a few hundredths, as the spikes below show.)
#
# The curves show *how* it got there:

# %%
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(12, 4))
ax_loss.plot(history["loss"], color="#1f77b4", linewidth=1)
ax_loss.set_ylabel("loss")
ax_loss.set_title("Training loss")
ax_acc.plot(history["accuracy"], color="#ff7f0e", linewidth=1)
ax_acc.axhline(1 / 3, color="grey", linestyle="--", linewidth=1, label="guessing (1/3)")
ax_acc.set_ylabel("accuracy")
ax_acc.set_ylim(0, 1)
ax_acc.set_title("Training accuracy")
ax_acc.legend(loc="lower right")
for ax in (ax_loss, ax_acc):
    ax.set_xlabel("epoch")
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()

# %% [markdown]
# Four things stand out.
#
# - **A slow start.** In the first 500 epochs the loss falls by less than 0.05 (from
#   1.0986 to above 1.048); the next 4,500 take it down more than three times as far. The weights
#   start tiny (standard deviation 0.01), and with tiny weights every gradient is tiny
#   too. It takes many small steps before the weights are large enough for learning to
#   pick up speed. The section "Starting weights" below measures this and shows how to
#   start faster.
# - **A change of rhythm, somewhere after epoch 600.** The thin loss curve turns into a
#   thicker band, with a small step up. The next section zooms in on it.
# - **The accuracy jumps around.** It counts only which class wins for each point. A
#   small change of the weights can tip a few points near a boundary from one class to
#   another, while the loss, which looks at the probabilities, changes only a little.
# - **Spikes in the loss.** Again and again the loss jumps up for an epoch or two and
#   comes back down. How many spikes there are, and how tall, differs a lot from run to
#   run (the seed study below counts them), so your curve may show many or fewer. A
#   learning rate of 1.0 is a big step, and now and then it jumps across a narrow valley
#   of the loss instead of going down into it. Notebook 12 makes the steps smaller as
#   training goes on.

# %%
early, later = losses[0] - losses[500], losses[500] - losses[5_000]
accuracy_changes = np.abs(np.diff(history["accuracy"]))  # from one epoch to the next
check_claim("in the first 500 epochs the loss falls by less than 0.05",
            bool(early < 0.05))
check_claim("epochs 500 to 5,000 lower the loss more than 3 times as much",
            bool(later > 3 * early))
check_claim("late in training the accuracy changes by 0.03 or more (9 points) within one "
            "epoch, now and then", bool(accuracy_changes[5_000:].max() >= 0.03))

# %% [markdown]
# ### A closer look: the zigzag
#
# Here are epochs 550 to 1,100 of the same run, first the loss itself, then how much
# it changed from each epoch to the next:

# %%
def first_rise(losses):
    """The first epoch after which the loss went up, or -1 if it only ever fell."""
    rises = np.flatnonzero(np.diff(losses) > 0)  # epochs e with losses[e + 1] > losses[e]
    return int(rises[0]) if len(rises) else -1


zoom = np.arange(550, 1_100)
zigzag = first_rise(losses)
fig, (ax_loss, ax_change) = plt.subplots(1, 2, figsize=(13, 4))
ax_loss.plot(zoom, losses[zoom], color="#1f77b4", linewidth=0.8)
ax_loss.set_ylabel("loss")
ax_loss.set_title("Training loss, epochs 550 to 1,100")
ax_change.bar(zoom, losses[zoom + 1] - losses[zoom], width=1.0, color="#1f77b4")
ax_change.axhline(0, color="black", linewidth=0.6)
ax_change.set_ylabel("loss[epoch + 1] - loss[epoch]")
ax_change.set_title("Change from one epoch to the next")
for ax in (ax_loss, ax_change):
    ax.axvline(zigzag, color="#d62728", linestyle="--", linewidth=1,
               label="the loss goes up for the first time")
    ax.set_xlabel("epoch")
    ax.grid(alpha=0.3)
ax_loss.legend(loc="upper right")
plt.tight_layout()
plt.show()

# %% [markdown]
# Up to some epoch after 600 (the dashed line) the loss falls at **every** epoch, a
# little less each time. Then it starts to go up and down on alternate epochs: a
# zigzag, which widens, and for a while the loss even creeps up. Seen from far away,
# the zigzag is the thick band of the first figure, and its widening is the step.
#
# This is not a bug. Gradient descent has a speed limit, and it depends on how sharply
# the loss curves. Take one parameter and the simplest curved loss,
# $L(w) = \tfrac{1}{2} c\, w^2$, with its minimum at $w = 0$; the larger the curvature
# $c$, the narrower the valley. Its slope is $c\,w$, so one step gives
# $w - \text{lr} \cdot c\, w = (1 - \text{lr} \cdot c)\, w$: every step multiplies $w$
# by the same factor. With $\text{lr} = 1$ and three curvatures:

# %%
learning_rate = 1.0
for curvature in (0.5, 1.5, 2.5):
    w, path = 1.0, []
    for _ in range(6):
        w = w - learning_rate * curvature * w  # one gradient-descent step on c * w**2 / 2
        path.append(w)
    print(f"c = {curvature}: factor 1 - lr * c = {1 - learning_rate * curvature:+.1f}, "
          f"w after 1 to 6 steps:", np.round(path, 3))

# %% [markdown]
# - With $\text{lr} \cdot c = 0.5$ the step lands halfway to the minimum: $w$ slides down
#   from one side.
# - With $\text{lr} \cdot c = 1.5$ it jumps across the minimum, landing on the other side
#   but closer: a zigzag that dies down.
# - With $\text{lr} \cdot c = 2.5$ it jumps across and lands **farther** away each time:
#   once $\text{lr} \cdot c$ is above 2, the steps overshoot more and more.
#
# So gradient descent with learning rate lr goes smoothly down only where the curvature
# is below $2 / \text{lr}$, which is 2 here. The network's loss has 387 parameters and a
# curvature in every direction, and the curvature changes as the weights do: at the
# start, with tiny weights, the loss is nearly flat; as the weights grow, its valleys
# get steeper. Somewhere after epoch 600 the steepest of them reaches the limit, and from
# then on every step jumps across that valley, from one side to the other, like the
# third line above. The two sides of that valley are not at quite the same height, so
# the loss is a little higher after every other step: it goes up and down on alternate
# epochs. The jumps do not grow without end, as they do for the parabola, because the
# network's valley is no parabola: a little way up its sides it is less steep, and
# there a step no longer overshoots by more than it corrects. Training goes on at that
# edge, and along all the other directions the loss keeps falling, so it still falls on
# average. Researchers call this training "at the edge of stability"; it is common with
# a learning rate this large.

# %%
after_zigzag = np.diff(losses)[zigzag:zigzag + 500] > 0  # did the loss go up?
check_claim("the loss falls at every epoch until some epoch between 600 and 1,000",
            bool(600 <= zigzag <= 1_000))
check_claim("from then on it goes up at between 40 % and 60 % of the next 500 epochs "
            "(every other one)", bool(0.4 <= after_zigzag.mean() <= 0.6))
check_claim("during the next 200 epochs the loss creeps above where the zigzag started",
            bool(losses[zigzag:zigzag + 200].max() > losses[zigzag] + 0.005))

# %% [markdown]
# ## Watching the regions take shape
#
# The copies show what the network predicted at epochs 0, 100, 1,000 and 10,000. Each
# pixel mixes the class colours by the predicted probabilities, as in notebook 04: strong
# colours are confident predictions.

# %%
def predict_proba(layers):
    """A function from points (n, 2) to this network's class probabilities (n, 3)."""
    softmax = Softmax()
    return lambda points: softmax.forward(forward_pass(layers, points))


fig, axes = plt.subplots(2, 2, figsize=(10, 10))
for ax, epoch in zip(axes.ravel(), (0, 100, 1_000, EPOCHS), strict=True):
    loss, acc = evaluate(snapshots[epoch], X, y)
    plot_decision_regions(predict_proba(snapshots[epoch]), X, y, ax=ax,
                          title=f"after {epoch:,} epochs: loss {loss:.3f}, accuracy {acc:.3f}")
plt.tight_layout()
plt.show()

# %% [markdown]
# At epoch 0 the network is unsure everywhere: one flat, dull colour, as in notebook 04.
# By epoch 100 there is only a faint tint. At epoch 1,000 the colours are stronger but
# still split the plane roughly along straight lines through the centre. By epoch 10,000
# the boundaries bend and the regions start to follow the arms, but only part of the
# way: many points, especially where the arms wind around one another, still sit in
# another class's colour.

# %%
confidence_100 = Softmax().forward(forward_pass(snapshots[100], X)).max(axis=1)
check_claim("at epoch 100 the network gives no point a probability above 0.5",
            bool(confidence_100.max() < 0.5))
check_claim("after 10,000 epochs more than 10 % of the points are still misclassified",
            bool(final_accuracy < 0.9))

# %% [markdown]
# ## One run is one sample
#
# Everything above is one run, and a run is one sample out of many possible ones, for
# two reasons.
#
# **Another computer prints other digits.** CPUs and their maths libraries add up long
# sums in different orders and with different instructions (some round once where
# others round twice), so the same code and the same seed give results that differ in
# the last bit. Each epoch starts from the weights the previous one left, and thousands
# of epochs, zigzags and spikes amplify such a difference. You can watch it happen on
# your own computer: train the same network again for 3,000 epochs, with **one** of its
# 387 starting numbers moved to the next larger float (NumPy's float64 numbers keep
# about 16 significant digits; this changes the 16th or 17th), as another computer's
# rounding might move it, and compare with the first 3,000 epochs of the run above.

# %% tags=["nbval-ignore-output"]
# output not compared: the gap between the two runs grows from rounding-level differences
NUDGED_EPOCHS = 3_000
nudged = make_network()
nudged[0].weights[0, 0] = np.nextafter(nudged[0].weights[0, 0], 1.0)
nudged_losses = np.array(train(nudged, SGD(learning_rate=1.0), X, y, NUDGED_EPOCHS)["loss"])
gap = np.abs(nudged_losses - losses[:NUDGED_EPOCHS])  # (3000,)
for epoch in (0, 100, 500, 1_000, 1_500, 2_000, 2_999):
    print(f"epoch {epoch:>5,}: loss {losses[epoch]:.10f} and {nudged_losses[epoch]:.10f}, "
          f"gap {gap[epoch]:.1e}")
print(f"largest gap in the last 1,000 epochs: {gap[-1_000:].max():.1e}")

# %%
check_claim("for the first 500 epochs the two losses agree to within 1e-12",
            bool(gap[:501].max() < 1e-12))
check_claim("in the last 1,000 of these epochs they differ by more than 0.001 at some epoch",
            bool(gap[-1_000:].max() > 1e-3))

# %% [markdown]
# For hundreds of epochs the two runs agree to about as many digits as the numbers have;
# a thousand or so epochs later they are two different runs. Another computer does the
# same to every run, so nobody can promise you the digits of a training run: only what
# holds whatever the last bits are.
#
# **Another seed starts elsewhere.** `make_network(seed)` draws the starting weights
# from a seed, and the book's starting weights are different random numbers again. Which
# run is "the" result of plain SGD on the spiral? None of them. To know what the setup
# does, repeat it for several seeds and look at the spread.
#
# These are the two tools the rest of the course uses, both in `nnfs_helpers`:
#
# - `check_claim(statement, holds)`, which you have met: the text states what it
#   claims about a training run, with margin ("above 0.5", not "0.623"), and the
#   notebook checks it right there, on your machine.
# - A **seed study**: `seed_study(run, seeds)` calls `run(seed)` for each seed, where
#   `run` trains once and returns a dictionary of results (`{"accuracy": 0.7, ...}`),
#   and gives back one array per result, one entry per seed. `print_seed_study` prints
#   a table (median, smallest, largest, and every seed), and `plot_seed_study` draws
#   one dot per seed with a bar at the median. When the course compares settings, it
#   compares spreads like these, not single runs.
#
# Here is plain SGD over 5 seeds, 0 to 4: few, because each 10,000-epoch run takes a
# couple of seconds (set `SEEDS = range(10)` for a fuller picture, if you can wait).
# Seed 0 is the run above, so it is not trained again. Besides the final accuracy and
# loss, each run reports when its zigzag starts (the first epoch after which the loss
# went up) and how many spikes it has: epochs after epoch 2,000 at which the loss jumps
# up by more than 0.05 from one epoch to the next.

# %%
SEEDS = range(5)
trained = {SEED: (network, history)}  # seed -> (trained network, its history)


def plain_sgd_run(seed):
    """Train a fresh network from `seed` with SGD, lr 1.0, and report how it went."""
    if seed not in trained:
        seed_network = make_network(seed)
        trained[seed] = (seed_network, train(seed_network, SGD(learning_rate=1.0), X, y,
                                             EPOCHS))
    seed_network, seed_history = trained[seed]
    loss, acc = evaluate(seed_network, X, y)
    jumps = np.diff(seed_history["loss"])[2_000:]
    return {"accuracy": acc, "loss": loss, "zigzag from": first_rise(seed_history["loss"]),
            "spikes": int(np.sum(jumps > 0.05))}


plain_sgd = seed_study(plain_sgd_run, SEEDS)

# %% tags=["nbval-ignore-output"]
# output not compared: 10,000-epoch results differ in their digits from computer to computer
studies = {"plain SGD, lr 1.0": plain_sgd}
print_seed_study(studies, "accuracy")
print()
print_seed_study(studies, "loss")
print()
print_seed_study(studies, "zigzag from", digits=0)
print()
print_seed_study(studies, "spikes", digits=0)

# %%
fig, ax = plt.subplots(figsize=(8, 2.4))
plot_seed_study(studies, "accuracy", ax=ax,
                title=f"Final training accuracy of plain SGD, {len(SEEDS)} seeds")
ax.axvline(plain_sgd["accuracy"][0], color="#d62728", linestyle="--", linewidth=1,
           label="seed 0, the run above")
ax.axvline(1 / 3, color="grey", linestyle=":", linewidth=1, label="guessing (1/3)")
ax.set_xlim(0.3, 1.0)
ax.legend(loc="upper left", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# What the spread shows:
#
# - The final accuracy of the **same setup** depends on the seed: the best seed beats
#   the worst by more than 0.05, that is, by more than 15 of the 300 points. The table
#   shows where each seed lands on your computer; the checks below allow any seed
#   between 0.55 and 0.85 and a median between 0.6 and 0.75, a margin wide enough for
#   other computers' rounding. The book's 0.6-0.7 falls in that range; so does the run
#   above.
# - Where seed 0 lands within it is luck, and it even depends on the computer: under
#   another CPU's rounding the same seed ends at another accuracy, as the nudged run
#   suggests. No one of these numbers is more right than the others.
# - Some things do not depend on the seed. On every seed the loss falls at every epoch
#   until somewhere between epoch 600 and 1,000, and then the zigzag starts: the speed
#   limit of the learning rate is reached at about the same time. The spikes are more
#   erratic: every seed has at least 20, and at least one seed more than a hundred.
#
# So a single number from a single run is not a result. "Plain SGD with lr 1.0 reaches
# an accuracy between about 0.55 and 0.85 in 10,000 epochs" is one, and the checks below
# test it on your machine. They describe seeds 0 to 4 (here and in the study of starting
# weights below). With more seeds some check may fail: what held for five seeds need not
# hold for ten, and finding that out is what a seed study is for. Such a failure is news
# about the setup, not an error in your code.

# %%
accuracies = plain_sgd["accuracy"]
check_claim("on every seed the final accuracy is between 0.55 and 0.85",
            bool(np.all((accuracies > 0.55) & (accuracies < 0.85))))
check_claim("the median final accuracy is between 0.6 and 0.75",
            bool(0.6 <= np.median(accuracies) <= 0.75))
check_claim("the best seed beats the worst by more than 0.05",
            bool(accuracies.max() - accuracies.min() > 0.05))
check_claim("on every seed the zigzag starts between epochs 600 and 1,000",
            bool(np.all((plain_sgd["zigzag from"] >= 600) & (plain_sgd["zigzag from"] <= 1_000))))
check_claim("every seed has at least 20 spikes, and some seed more than 100",
            bool(plain_sgd["spikes"].min() >= 20 and plain_sgd["spikes"].max() > 100))

# %% [markdown]
# ## Choosing the learning rate
#
# The learning rate is the main knob of gradient descent. Too small, and training
# crawls; too large, and the steps overshoot. Here are three runs from the same starting
# weights with learning rates ten times apart: 0.1, our 1.0, and 10. Each gets 3,000
# epochs, enough to see the difference. The run with 1.0 is the first 3,000 epochs of
# the run above (the copy of the network at epoch 3,000), so only two are new.

# %% tags=["nbval-ignore-output"]
# output not compared: the digits after 3,000 epochs differ from computer to computer
def count_live_neurons(hidden):
    """How many neurons (columns) of a (n_samples, n_neurons) output are above 0 somewhere."""
    return int(np.sum((hidden > 0).any(axis=0)))


LR_EPOCHS = 3_000
runs = {1.0: losses[:LR_EPOCHS]}  # learning rate -> the loss at each epoch
run_networks = {1.0: snapshots[LR_EPOCHS]}
for learning_rate in (0.1, 10.0):
    run_networks[learning_rate] = make_network()
    runs[learning_rate] = np.array(train(run_networks[learning_rate],
                                         SGD(learning_rate=learning_rate), X, y,
                                         LR_EPOCHS)["loss"])
live_neurons, final_accuracies = {}, {}
for learning_rate in (0.1, 1.0, 10.0):
    run_network = run_networks[learning_rate]
    loss, acc = evaluate(run_network, X, y)  # also leaves run_network[0].output for X
    live_neurons[learning_rate] = count_live_neurons(run_network[0].output)
    final_accuracies[learning_rate] = acc
    print(f"lr {learning_rate:>4}: after 3,000 epochs loss {loss:.4f}, accuracy {acc:.3f}, "
          f"live hidden neurons {live_neurons[learning_rate]} of 64")
last_losses = runs[10.0][-1_000:]
print(f"lr 10, loss over the last 1,000 epochs: from {last_losses.min():.3f} "
      f"to {last_losses.max():.3f}")

# %%
names = {0.1: "too small", 1.0: "good", 10.0: "too large"}
colours = {0.1: "#2ca02c", 1.0: "#1f77b4", 10.0: "#d62728"}
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
for ax, learning_rate in zip(axes, (0.1, 1.0, 10.0), strict=True):
    ax.plot(runs[learning_rate], color=colours[learning_rate], linewidth=0.8)
    ax.axhline(np.log(3), color="grey", linestyle="--", linewidth=1, label="ln 3 (guessing)")
    ax.set_title(f"lr {learning_rate} ({names[learning_rate]})")
    ax.set_xlabel("epoch")
    ax.grid(alpha=0.3)
axes[0].set_ylim(0.9, 1.15)
axes[1].set_ylim(0.9, 1.15)  # the same scale as lr 0.1; lr 10 needs a taller one
axes[0].set_ylabel("training loss")
axes[0].legend(loc="lower left")
plt.tight_layout()
plt.show()

# %% [markdown]
# - With **lr 0.1** every step is ten times smaller, and the loss has barely started to
#   fall: at this pace it would need tens of thousands of epochs.
# - With **lr 10** the steps are so large that they push every hidden neuron into the
#   region where its ReLU outputs 0 for all 300 points. Such a neuron is
#   **dead**: its output is 0, so its gradient is 0, and no later step can revive it
#   (notebook 02 met this). What is left to learn are the three biases of the output
#   layer, and even those overshoot: each step jumps past the best values, the next one
#   jumps back, and the loss keeps bouncing, always above $\ln 3$ and up to about twice
#   that, without ever settling. The network predicts one class for every point.
#   (It does not diverge: the loss stays far below the hundredfold rise at which
#   `check_loss` would stop it. A learning rate of 1,000 did, above.)
# - **lr 1.0** sits between the two. It is not necessarily the best value (try 0.5 or
#   3.0), but this is how good learning rates are usually found: try a few, ten times
#   apart, and look at the loss curves.

# %%
check_claim("with lr 0.1 the loss falls by less than 0.05 in 3,000 epochs",
            bool(runs[0.1][0] - runs[0.1][-1] < 0.05))
check_claim("with lr 10 all 64 hidden neurons are dead after 3,000 epochs",
            bool(live_neurons[10.0] == 0))
check_claim("with lr 10 the accuracy is exactly 1/3 (one class for every point)",
            bool(np.isclose(final_accuracies[10.0], 1 / 3)))
check_claim("with lr 10 the loss stays above ln 3 over the last 1,000 epochs, and goes "
            "above 1.8", bool(last_losses.min() > np.log(3) and last_losses.max() > 1.8))

# %% [markdown]
# ## Starting weights
#
# Back to the slow start. The claim above was that with weights of standard deviation
# 0.01 every gradient is tiny. Here is the evidence, from the copies of the network kept
# during the run: how large the hidden layer's outputs, the scores and the gradients of
# both weight arrays are at epochs 0, 100, 1,000, 3,000 and 10,000. "How large" is the
# root mean square, $\sqrt{\text{mean}(a^2)}$, a typical size of the numbers in an array.

# %% tags=["nbval-ignore-output"]
# output not compared: the rows after epoch 0 come from the long run, whose digits vary
def rms(values):
    """Root mean square: a typical size of the numbers in an array."""
    return float(np.sqrt(np.mean(values ** 2)))


def sizes(layers):
    """Typical sizes of the hidden outputs, the scores and the weight gradients, for X."""
    loss_function = SoftmaxCrossEntropy()
    loss_function.forward(forward_pass(layers, X), y)
    gradient = loss_function.backward()
    for layer in reversed(layers):
        gradient = layer.backward(gradient)
    return {"hidden": rms(layers[1].output), "scores": rms(layers[2].output),
            "dweights 1": rms(layers[0].dweights), "dweights 2": rms(layers[2].dweights)}


def print_sizes(label, layers):
    print(f"{label:<16}" + "".join(f"{value:>12.2g}" for value in sizes(layers).values()))


print(f"{'':<16}{'hidden':>12}{'scores':>12}{'dweights 1':>12}{'dweights 2':>12}")
for epoch, snapshot in snapshots.items():
    print_sizes(f"epoch {epoch:,}", snapshot)

# %%
start_sizes, later_sizes = sizes(snapshots[0]), sizes(snapshots[1_000])
check_claim("at epoch 0 both weight gradients are more than 10 times smaller than at "
            "epoch 1,000", bool(10 * start_sizes["dweights 1"] < later_sizes["dweights 1"]
                                and 10 * start_sizes["dweights 2"] < later_sizes["dweights 2"]))
check_claim("at epoch 0 the hidden outputs are below 0.01 and the scores below 0.001",
            bool(start_sizes["hidden"] < 0.01 and start_sizes["scores"] < 0.001))

# %% [markdown]
# At the start every number in the network is tiny, and so is every gradient, for a
# reason the backward pass of notebook 08 makes plain. The output layer's weight
# gradient is `inputs.T @ dvalues`, and its inputs are the hidden outputs, which are
# tiny because the first layer's weights are. The hidden layer's gradient comes through
# `dvalues @ weights.T` of the output layer, whose weights are tiny too. Each layer's
# gradient is held down by the *other* layer's small weights, so the first steps are
# small, the weights grow slowly, and only as they grow do the gradients. By epoch 1,000
# they are ten to a hundred times larger.
#
# The cure is to start with weights of the right size. Which size is right? A neuron
# adds up `n_inputs` products of an input and a weight. If the inputs have a typical
# size $s$ and the weights a standard deviation $\sigma$, the sum has a typical size of
# about $\sqrt{n_\text{inputs}}\,\sigma\, s$: random signs make a sum of $n$ terms grow
# like $\sqrt{n}$, not like $n$. ReLU then sets about half of the outputs to 0, which
# takes a factor $\sqrt{2}$ off the typical size. So the outputs keep the size of the
# inputs when
#
# $$\sigma = \sqrt{\frac{2}{n_\text{inputs}}}$$
#
# This is **He initialisation** (He et al., 2015), the usual choice for layers followed by
# ReLU. **Glorot initialisation** (Glorot and Bengio, 2010) is the older rule of the same
# kind, made for layers without ReLU. Without a ReLU nothing is halved, so the forward
# pass keeps its size with $\sigma = \sqrt{1 / n_\text{inputs}}$; the backward pass,
# where each input's gradient is a sum over the layer's $n_\text{neurons}$ outputs, keeps
# its size with $\sigma = \sqrt{1 / n_\text{neurons}}$. One $\sigma$ cannot do both when
# the two counts differ, so Glorot uses their average:
# $\sigma = \sqrt{1 / ((n_\text{inputs} + n_\text{neurons}) / 2)}
# = \sqrt{2 / (n_\text{inputs} + n_\text{neurons})}$. With 0.01, every layer shrinks
# what goes through it: for the first layer, $\sigma = 0.01$ instead of He's 1.
#
# `initial_scale` turns a rule's name into a standard deviation (a number is used as
# given). `DenseLayer`'s constructor takes either: the cell after it shows how.

# %%
def initial_scale(weight_scale, n_inputs, n_neurons):
    """Standard deviation of a dense layer's starting weights.

    Introduced in notebook 11. ``"he"`` gives ``sqrt(2 / n_inputs)`` (He et
    al., 2015), which keeps the spread of the values about the same from layer
    to layer through ReLUs; ``"glorot"`` gives ``sqrt(2 / (n_inputs +
    n_neurons))`` (Glorot and Bengio, 2010), the same idea for layers without
    ReLU. A number is used as given (the book's is 0.01).

    Parameters
    ----------
    weight_scale : float or {"he", "glorot"}
    n_inputs, n_neurons : int
        The layer's size; the weights have shape (n_inputs, n_neurons).

    Returns
    -------
    float
    """
    check_size("n_inputs", n_inputs)
    check_size("n_neurons", n_neurons)
    if weight_scale == "he":
        return math.sqrt(2 / n_inputs)
    if weight_scale == "glorot":
        return math.sqrt(2 / (n_inputs + n_neurons))
    if isinstance(weight_scale, str):
        raise ValueError(
            f'DenseLayer: weight_scale must be a number, "he" or "glorot", '
            f"got {weight_scale!r}")
    return check_hyperparameter("DenseLayer", "weight_scale", weight_scale, positive=True)


# %%
class DenseLayer(DenseLayer):
    """DenseLayer as imported, with the starting scale chosen by rule."""

    def __init__(self, n_inputs, n_neurons, rng=None, weight_scale=0.01):
        """Random weights of spread ``initial_scale(weight_scale, ...)``, zero biases.

        ``weight_scale`` is the weights' standard deviation, or ``"he"`` or
        ``"glorot"``: the rule's name is turned into a number, and the old
        ``__init__`` does the rest.
        """
        scale = initial_scale(weight_scale, n_inputs, n_neurons)
        super().__init__(n_inputs, n_neurons, rng=rng, weight_scale=scale)


# %% [markdown]
# `class DenseLayer(DenseLayer)` makes a new `DenseLayer` that has everything the old one
# had, plus the methods written below it; a method with the same name, like `__init__`
# here, replaces the old one. The new `__init__` calls the old one with
# `super().__init__(...)`, as `SGD` called `Optimizer`'s, so the weights are still made
# as in notebook 01's code, `weight_scale * rng.standard_normal((n_inputs, n_neurons))`,
# with the rule's number as `weight_scale`. One thing to know: the `DenseLayer` this
# notebook imported from `nnfs_helpers` is the course's finished class, which already
# accepts `"he"` (and the penalties of notebook 16), so this cell adds nothing it could not
# do; it shows how the scale is chosen. `make_network` builds its layers from the new
# class from now on. The standard deviations each rule gives the two layers of our
# network:

# %%
for weight_scale in (0.01, "he", "glorot"):
    first, second = initial_scale(weight_scale, 2, 64), initial_scale(weight_scale, 64, 3)
    print(f"weight_scale={weight_scale!r:<9} DenseLayer(2, 64): {first:.4f}, "
          f"DenseLayer(64, 3): {second:.4f}")

# %% [markdown]
# Our network has a ReLU after its first layer only; the output layer feeds the softmax.
# To keep the comparison simple, both layers get He's rule here. The sizes at the start,
# for the book's 0.01 and for He, from the same seed (the same random numbers, scaled
# differently):

# %%
print(f"{'':<16}{'hidden':>12}{'scores':>12}{'dweights 1':>12}{'dweights 2':>12}")
print_sizes("0.01, epoch 0", make_network(SEED))
print_sizes('"he", epoch 0', make_network(SEED, weight_scale="he"))

# %%
he_sizes = sizes(make_network(SEED, weight_scale="he"))
check_claim('with "he" both weight gradients start more than 20 times larger than with 0.01',
            bool(he_sizes["dweights 1"] > 20 * start_sizes["dweights 1"]
                 and he_sizes["dweights 2"] > 20 * start_sizes["dweights 2"]))
check_claim("... and larger than the 0.01 run's at epoch 1,000",
            bool(he_sizes["dweights 1"] > later_sizes["dweights 1"]
                 and he_sizes["dweights 2"] > later_sizes["dweights 2"]))

# %% [markdown]
# With He's weights the hidden outputs start a hundred times larger, and the gradients
# start larger than the 0.01 run's are even at epoch 1,000. Does training start faster?
# One run would not settle it, so here is a seed study: He's starting weights on the same
# 5 seeds as plain SGD above, with the same optimizer, SGD with a learning rate of 1.0.
# The question is about the start, so the He runs stop at epoch 1,500, and the 0.01 runs
# are the ones above. Each run reports its loss at epochs 0 and 100, and the first epoch
# at which the loss is below 1.0.

# %%
HE_EPOCHS = 1_500


def start_of(losses):
    """How a run starts: its loss at epochs 0 and 100, and when it first gets below 1.0."""
    below = np.flatnonzero(np.asarray(losses) < 1.0)  # epochs with a loss below 1.0
    return {"loss at epoch 0": losses[0], "loss at epoch 100": losses[100],
            "loss < 1.0 at epoch": int(below[0]) if len(below) else len(losses)}


he_losses = {}  # seed -> the He run's loss at each epoch


def he_run(seed):
    """Train a fresh He-initialised network from `seed` for HE_EPOCHS epochs."""
    he_network = make_network(seed, weight_scale="he")
    he_losses[seed] = train(he_network, SGD(learning_rate=1.0), X, y, HE_EPOCHS)["loss"]
    return start_of(he_losses[seed])


start_studies = {
    "0.01 (the book)": seed_study(lambda seed: start_of(trained[seed][1]["loss"]), SEEDS),
    '"he"': seed_study(he_run, SEEDS),
}

# %% tags=["nbval-ignore-output"]
# output not compared: the epoch at which a run gets below 1.0 can differ by a few epochs
# from computer to computer
for metric, digits in [("loss at epoch 0", 3), ("loss at epoch 100", 3),
                       ("loss < 1.0 at epoch", 0)]:
    print_seed_study(start_studies, metric, digits=digits)
    print()

# %%
fig, (ax_curves, ax_study) = plt.subplots(1, 2, figsize=(14, 4), width_ratios=(3, 2))
for seed in SEEDS:
    ax_curves.plot(trained[seed][1]["loss"][:HE_EPOCHS], color="#1f77b4", linewidth=0.8,
                   label="0.01 (the book)" if seed == SEED else None)
    ax_curves.plot(he_losses[seed], color="#ff7f0e", linewidth=0.8,
                   label='"he"' if seed == SEED else None)
ax_curves.axhline(np.log(3), color="grey", linestyle="--", linewidth=1, label="ln 3")
ax_curves.set_ylim(0.75, 1.3)
ax_curves.set_xlabel("epoch")
ax_curves.set_ylabel("training loss")
ax_curves.set_title(f"The first {HE_EPOCHS:,} epochs, {len(SEEDS)} seeds each")
ax_curves.legend(loc="upper right")
ax_curves.grid(alpha=0.3)
plot_seed_study(start_studies, "loss < 1.0 at epoch", ax=ax_study,
                title="First epoch with a loss below 1.0")
plt.tight_layout()
plt.show()

# %% [markdown]
# - He's runs **start higher**, above $\ln 3$: their scores are no longer tiny, so the
#   untrained network makes confident random guesses, and some of them are confidently
#   wrong.
# - But by epoch 100, on every seed, they are below every 0.01 run, which has barely
#   left $\ln 3$.
# - They get below a loss of 1.0 before epoch 1,200 on every seed, where the 0.01 runs
#   need more than 1,500 epochs: at least 1.5 times sooner on every seed, and at least
#   twice as soon when the median seeds are compared.
#
# Where a 10,000-epoch run *ends* is another question, which this study does not
# answer: the end depends on much more than the start (the learning rate, the zigzag,
# the spikes, luck). The rest of the course keeps the book's 0.01, so that its numbers
# stay comparable with the book's; `weight_scale="he"` is there whenever a network is
# slow to start, and deeper networks need it more: with 0.01, every extra layer shrinks
# the signal another time.

# %%
he_study, book_study = start_studies['"he"'], start_studies["0.01 (the book)"]
check_claim("He's runs start above ln 3 on every seed",
            bool(np.all(he_study["loss at epoch 0"] > np.log(3))))
check_claim("at epoch 100 every He run is below every 0.01 run",
            bool(he_study["loss at epoch 100"].max() < book_study["loss at epoch 100"].min()))
check_claim("He gets below 1.0 before epoch 1,200 on every seed, 0.01 only after 1,500",
            bool(he_study["loss < 1.0 at epoch"].max() < 1_200
                 and book_study["loss < 1.0 at epoch"].min() > 1_500))
check_claim("on every seed He gets below 1.0 at least 1.5 times sooner",
            bool(np.all(1.5 * he_study["loss < 1.0 at epoch"]
                        <= book_study["loss < 1.0 at epoch"])))
check_claim("the median seed gets there at least twice as soon",
            bool(2 * np.median(he_study["loss < 1.0 at epoch"])
                 <= np.median(book_study["loss < 1.0 at epoch"])))

# %% [markdown]
# ## Summary
#
# - Training repeats four steps: forward pass, loss, backward pass (in reverse order), and
#   an update of every parameter against its gradient, $w \leftarrow w - \text{lr} \cdot
#   \partial L / \partial w$. `train` runs them, `evaluate` measures a network as it is,
#   and `check_loss` looks at the loss once per step and stops a run that diverges,
#   naming the likely cause.
# - An optimizer holds the update rule: `optimizer.step(layers)` calls `update` on every
#   array that `parameters()` lists. `Optimizer` does the loop; `SGD` says how one array
#   changes, in place (`value -= ...`).
# - Plain SGD with a learning rate of 1.0 takes the 2-64-3 network from guessing to an
#   accuracy between about 0.55 and 0.85 in 10,000 epochs (seeds 0 to 4), after a
#   slow start caused by the tiny initial weights. When the steepest valley of the loss
#   reaches the limit $2 / \text{lr}$ (somewhere after epoch 600), the loss starts to
#   zigzag.
# - The learning rate matters: too small crawls, too large overshoots and can kill every
#   ReLU neuron, and far too large diverges.
# - Starting weights of the right size, $\sqrt{2 / n_\text{inputs}}$ (He) rather than
#   0.01, make the gradients large from the first step: on every seed the loss gets
#   below 1.0 at least 1.5 times sooner.
# - One run is one sample: another seed, or another computer's rounding, ends elsewhere.
#   So the course checks claims (`check_claim`), not digits, and compares settings over
#   seeds (`seed_study`, `print_seed_study`, `plot_seed_study`).

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: one SGD step
#
# Write `sgd_step(value, gradient, learning_rate)`: return the parameter array after one
# step of plain gradient descent (a new array; leave `value` unchanged).

# %%
from nnfs_exercises.nb11 import (  # noqa: E402
    check_first_epoch_reaching,
    check_sgd_step,
    check_sign_sgd,
)


def sgd_step(value, gradient, learning_rate):
    return None  # your code here


check_sgd_step(sgd_step)

# %% [markdown]
# ### Exercise 2: when did it get there?
#
# Write `first_epoch_reaching(values, target)`: given a list of accuracies, one per epoch
# (like `history["accuracy"]`), return the first epoch (index) at which the accuracy is
# at least `target`, or `-1` if it never gets there. Then try it on `history["accuracy"]`
# with a target of 0.5 and of 0.6.

# %%
def first_epoch_reaching(values, target):
    return None  # your code here


check_first_epoch_reaching(first_epoch_reaching)

# %% [markdown]
# ### Exercise 3: an optimizer of your own
#
# "Sign SGD" ignores the size of each gradient and keeps only its sign: every parameter
# moves by exactly the learning rate, down the slope:
# `value -= learning_rate * sign(gradient)`. Complete its `update` method: look at how
# `SGD.update` changes `value` in place, and use `self.current_learning_rate` and
# `np.sign`.
# The checker trains a small network with it.

# %%
class SignSGD(Optimizer):
    def update(self, value, gradient):
        pass  # your code here: change value in place


check_sign_sgd(SignSGD)

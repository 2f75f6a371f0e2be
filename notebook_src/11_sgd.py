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
# and `SGD`, plain gradient descent; then a training loop with a progress bar that
# records a history of the loss and the accuracy. Along the way, the tools the rest of
# the course uses to report training results honestly: `check_claim` and seed studies.
#
# *Book: chapter 10 of "Neural Networks from Scratch in Python" (the start, up to
# learning-rate decay).*

# %%
# %matplotlib inline
import copy
import numbers
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
#
# One new detail: the data and the layers use **float32** (single precision, about 7
# significant digits) instead of NumPy's default float64 (about 16). The arrays take half
# the memory and the matrix products run faster, which adds up over thousands of epochs.
# Training does not need 16 digits; gradient *checks* do (notebook 10), which is why that
# notebook stayed in float64.

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)
X = X.astype(np.float32)  # (300, 2)


def make_network(seed=SEED):
    """A fresh 2-64-3 network; the same seed gives the same initial weights."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(2, 64, rng=rng, dtype=np.float32), ReLU(),
            DenseLayer(64, 3, rng=rng, dtype=np.float32)]


def forward_pass(layers, inputs):
    """Feed ``inputs`` through each layer in turn and return the last output."""
    output = inputs
    for layer in layers:
        output = layer.forward(output)
    return output


network = make_network()
loss_function = SoftmaxCrossEntropy()
scores = forward_pass(network, X)               # (300, 2) -> (300, 64) -> (300, 3)
loss = loss_function.forward(scores, y)         # one number
print(network)
print(f"loss {loss:.4f} (ln 3 = {np.log(3):.4f}), "
      f"accuracy {accuracy(loss_function.output, y):.3f}")

# %% [markdown]
# As in notebook 04, the untrained network gives every class a probability of about 1/3,
# so the loss is about $-\ln(1/3) = \ln 3$, and its accuracy is what guessing gives.

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
# (more on that below). **Training** is this step repeated, thousands of times, each
# time with a fresh forward and backward pass, because the gradient changes as soon as
# the weights do.
#
# The `-=` changes the arrays **in place**: the layer's own `weights` are updated, not a
# copy. (`layer.weights = layer.weights - ...` would work too, by making a new array.)

# %% [markdown]
# ## An optimizer object
#
# The update rule is the part of training that people keep improving: notebook 12 adds
# learning-rate decay and momentum, and notebooks 13 and 14 give each parameter its own
# step size. So the rule lives in an object of its own, an **optimizer**, and a training
# step ends with one call, `optimizer.step(layers)`, whatever the rule is.
#
# The base class `Optimizer` does the bookkeeping that all of them share:
#
# - `step(layers)` visits every layer that has parameters (the `parameters()` method of
#   notebook 10 lists `(name, value, gradient)` for each array) and calls `update` on each
#   array. Layers without parameters, such as `ReLU`, are skipped.
# - `update(value, gradient, state)` is the rule itself. The base class has none: each
#   optimizer defines its own.
# - `new_state(value)` says what the optimizer must **remember** about a parameter array
#   from one step to the next. Plain SGD remembers nothing; momentum (notebook 12) and
#   Adam (notebook 14) do. That memory lives in the optimizer's `state` dictionary, keyed
#   by layer and then by parameter name, not on the layers: a layer holds only its
#   parameters, and two optimizers can train copies of a network without getting in each
#   other's way.
# - `iterations` counts the steps, and `current_learning_rate` is the rate the next step
#   uses. Here it always equals `learning_rate`, because `decay` is 0; notebook 12 explains
#   the decay formula on the last line of `step`.
#
# The constructor checks its arguments with `check_hyperparameter`, a small function that
# turns a bad value (a negative learning rate, a string) into a clear error message:

# %%
def check_hyperparameter(owner, name, value, *, positive=False, below_one=False):
    """Return ``value`` as a float if it is a valid hyperparameter, else raise.

    Parameters
    ----------
    owner : str
        The optimizer checking (``"SGD"``), named in the message.
    name : str
        The argument's name (``"learning_rate"``).
    value : float
        Must be a real number, at least 0.
    positive : bool, default False
        Also refuse 0 (a learning rate or an epsilon of 0 does nothing useful).
    below_one : bool, default False
        Also refuse 1 and more (a momentum or a beta of 1 never forgets).

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``value`` is not a real number.
    ValueError
        If it is NaN or outside the allowed range.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{owner}: {name} must be a number, got {value!r}")
    value = float(value)
    if below_one and not 0 <= value < 1:
        raise ValueError(f"{owner}: {name} must be in [0, 1), got {value!r}")
    if positive and not value > 0:
        raise ValueError(f"{owner}: {name} must be positive, got {value!r}")
    if not value >= 0:  # also catches NaN, which fails every comparison
        raise ValueError(f"{owner}: {name} must be zero or positive, got {value!r}")
    return value


class Optimizer:
    """What every optimizer shares: the update loop and learning-rate decay.

    A subclass says how one parameter array changes (``update``) and what it
    remembers about it between steps (``new_state``). Introduced in notebook 11.

    Parameters
    ----------
    learning_rate : float
        The step size at the start, > 0.
    decay : float
        After ``t`` steps the learning rate is
        ``learning_rate / (1 + decay * t)``: large steps first, finer later.

    Attributes
    ----------
    current_learning_rate : float
        The learning rate the next step will use.
    iterations : int
        Steps taken so far.
    state : dict
        What the optimizer remembers, per layer and parameter:
        ``state[layer][name]`` is a dict of arrays shaped like the parameter.
        It lives here, keyed by the layer object, not on the layers.
    """

    def __init__(self, learning_rate, decay):
        owner = type(self).__name__
        self.learning_rate = check_hyperparameter(owner, "learning_rate", learning_rate,
                                                  positive=True)
        self.decay = check_hyperparameter(owner, "decay", decay)
        self.current_learning_rate = self.learning_rate
        self.iterations = 0
        self.state = {}

    def step(self, layers):
        """Update every layer that has parameters, using its last gradients.

        Call it once per batch, after the backward pass.

        Parameters
        ----------
        layers : list
            The network's layers, e.g. ``[dense1, relu, dense2]``; layers
            without a ``parameters()`` method (``ReLU``, ``Softmax``) are skipped.
        """
        if hasattr(layers, "parameters"):
            raise TypeError(
                f"{type(self).__name__}.step expects a list of layers, got one layer; "
                f"pass [{type(layers).__name__}, ...]"
            )
        for layer in layers:
            if not hasattr(layer, "parameters"):
                continue
            layer_state = self.state.setdefault(layer, {})
            for name, value, gradient in layer.parameters():
                if name not in layer_state:
                    layer_state[name] = self.new_state(value)
                self.update(value, gradient, layer_state[name])
        self.iterations += 1
        self.current_learning_rate = self.learning_rate / (1 + self.decay * self.iterations)

    def new_state(self, value):
        """What to remember about a new parameter array: nothing by default.

        Parameters
        ----------
        value : ndarray
            The parameter array.

        Returns
        -------
        dict of str to ndarray
        """
        return {}

    def update(self, value, gradient, state):
        """Change one parameter array in place; each optimizer says how.

        Parameters
        ----------
        value : ndarray
            The parameter array, updated in place.
        gradient : ndarray of the same shape
        state : dict of str to ndarray
            What ``new_state`` made for this array, updated in place.
        """
        raise NotImplementedError(f"{type(self).__name__} must define update()")

# %% [markdown]
# `SGD` fills in the rule. Its `update` is the line we wrote by hand,
# `value -= learning_rate * gradient`, in the `else` branch. The class also takes a
# `decay` and a `momentum`; both are 0 unless you ask for them, and notebook 12 explains
# them (with momentum, `new_state` gives each parameter array a "velocity", and the first
# branch of `update` runs).

# %%
class SGD(Optimizer):
    """Stochastic gradient descent, with optional decay and momentum.

    Plain SGD steps against the gradient: ``value -= learning_rate * gradient``.
    With momentum, each step also carries on a fraction of the previous one,
    which rolls through small bumps and shallow local minima. Introduced in
    notebook 11 (decay and momentum in notebook 12).

    Parameters
    ----------
    learning_rate : float, default 1.0
    decay : float, default 0.0
        See ``Optimizer``.
    momentum : float, default 0.0
        In [0, 1): the fraction of the previous step that is kept.
    """

    def __init__(self, learning_rate=1.0, decay=0.0, momentum=0.0):
        super().__init__(learning_rate, decay)
        self.momentum = check_hyperparameter("SGD", "momentum", momentum, below_one=True)

    def new_state(self, value):
        """Momentum needs the previous step of each parameter, starting at 0."""
        return {"velocity": np.zeros_like(value)} if self.momentum else {}

    def update(self, value, gradient, state):
        """``velocity = momentum * velocity - lr * gradient; value += velocity``."""
        if self.momentum:
            velocity = state["velocity"]
            velocity *= self.momentum
            velocity -= self.current_learning_rate * gradient
            value += velocity
        else:
            value -= self.current_learning_rate * gradient

    def __repr__(self):
        return (f"SGD(learning_rate={self.learning_rate}, decay={self.decay}, "
                f"momentum={self.momentum})")

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
print("steps taken:", optimizer.iterations)
print("what it remembers:", optimizer.state)
same = all(np.array_equal(by_hand[index].weights, by_optimizer[index].weights)
           and np.array_equal(by_hand[index].biases, by_optimizer[index].biases)
           for index in (0, 2))
print("same weights and biases as by hand:", same)

# %% [markdown]
# Same numbers. Plain SGD's memory is empty: one empty dictionary per parameter array.
#
# A learning rate must be a positive number. A negative one would climb *up* the loss,
# and `check_hyperparameter` stops it at once:

# %% tags=["raises-exception"]
SGD(learning_rate=-0.1)

# %% [markdown]
# ## The training loop
#
# One **epoch** is one pass over the training data; with all 300 points in one batch, it
# is one step. Each epoch does four things, always in this order:
#
# 1. **forward**: the points through the layers, to scores;
# 2. **loss**: scores and labels to one number (and the probabilities);
# 3. **backward**: the gradient from the loss back through the layers, reversed;
# 4. **update**: `optimizer.step(layers)`.
#
# `train` below writes them out. It also records a **history**, a dictionary of lists
# with one entry per epoch (loss, accuracy, learning rate), which the figures below use,
# and it keeps copies of the whole network at a few chosen epochs (`snapshot_at`), so we
# can look later at what the network predicted back then. `tqdm` draws a progress bar.
#
# The loss and accuracy recorded for an epoch belong to the weights *before* that
# epoch's update, as in the book; `evaluate` measures the network as it is now.

# %%
def train(layers, optimizer, X, y, epochs, snapshot_at=(), desc="training"):
    """Full-batch training; returns the history (loss, accuracy, learning rate per epoch).

    ``history["snapshots"][epoch]`` is a copy of the network as it was after ``epoch``
    updates, for each epoch in ``snapshot_at`` (``epochs`` itself means "at the end").
    """
    loss_function = SoftmaxCrossEntropy()
    history = {"loss": [], "accuracy": [], "learning_rate": [], "snapshots": {}}
    for epoch in tqdm(range(epochs), desc=desc):
        if epoch in snapshot_at:
            history["snapshots"][epoch] = copy.deepcopy(layers)
        scores = X
        for layer in layers:                             # 1. forward
            scores = layer.forward(scores)               # (300, 2) -> ... -> (300, 3)
        loss = loss_function.forward(scores, y)          # 2. loss
        history["loss"].append(loss)
        history["accuracy"].append(accuracy(loss_function.output, y))
        history["learning_rate"].append(optimizer.current_learning_rate)
        gradient = loss_function.backward()              # 3. backward, (300, 3)
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)                           # 4. update
    if epochs in snapshot_at:
        history["snapshots"][epochs] = copy.deepcopy(layers)
    return history


def evaluate(layers, X, y):
    """Loss and accuracy of the network as it is now (no training)."""
    loss_function = SoftmaxCrossEntropy()
    loss = loss_function.forward(forward_pass(layers, X), y)
    return loss, accuracy(loss_function.output, y)


# %% [markdown]
# Now the real run: a fresh network, SGD with a learning rate of 1.0, 10,000 epochs.
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
# compare what it prints with the stored copy, skip that cell's digits and test its
# claims instead.

# %% tags=["nbval-ignore-output"]
# output not compared: the digits of a 10,000-epoch run differ from computer to computer
EPOCHS = 10_000
SNAPSHOTS = (0, 100, 1_000, EPOCHS)

network = make_network()
optimizer = SGD(learning_rate=1.0)
start = time.perf_counter()
history = train(network, optimizer, X, y, EPOCHS, snapshot_at=SNAPSHOTS)
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
# The network learned: the loss fell from $\ln 3$ to well below 1, and the accuracy is far
# above the one in three that guessing gets. The book reports an accuracy of about
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
#   1.0986 to above 1.05); the next 4,500 take it down several times as far. The weights
#   start tiny (standard deviation 0.01), and with tiny weights every gradient is tiny
#   too: the output layer's gradient is proportional to the hidden outputs, which are
#   tiny, and the hidden layer's gradient to the output weights, which are tiny. It takes
#   many small steps before the weights are large enough for learning to pick up speed.
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
# The snapshots show what the network predicted at epochs 0, 100, 1,000 and 10,000. Each
# pixel mixes the class colours by the predicted probabilities, as in notebook 04: strong
# colours are confident predictions.

# %%
def predict_proba(layers):
    """A function from points (n, 2) to this network's class probabilities (n, 3)."""
    softmax = Softmax()

    def predict(points):
        # In float64 the probabilities of each point sum to 1 closely enough for the
        # colour mixing; float32 ones can come out a hair above 1.
        return softmax.forward(forward_pass(layers, points.astype(np.float64)))

    return predict


fig, axes = plt.subplots(2, 2, figsize=(10, 10))
for ax, (epoch, snapshot) in zip(axes.ravel(), history["snapshots"].items(), strict=True):
    loss, acc = evaluate(snapshot, X, y)
    plot_decision_regions(predict_proba(snapshot), X, y, ax=ax,
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
confidence_100 = Softmax().forward(forward_pass(history["snapshots"][100], X)).max(axis=1)
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
# your own computer: train the same network again, with **one** of its 387 starting
# numbers moved to the next larger float32, a change in its 8th significant digit, as
# another computer's rounding might move it.

# %% tags=["nbval-ignore-output"]
# output not compared: the gap between the two runs grows from rounding-level differences
nudged = make_network()
nudged[0].weights[0, 0] = np.nextafter(nudged[0].weights[0, 0], np.float32(1))
nudged_history = train(nudged, SGD(learning_rate=1.0), X, y, EPOCHS, desc="nudged")
nudged_losses = np.array(nudged_history["loss"])
gap = np.abs(nudged_losses - losses)  # (10000,)
for epoch in (0, 100, 300, 1_000, 3_000, 9_999):
    print(f"epoch {epoch:>5,}: loss {losses[epoch]:.6f} and {nudged_losses[epoch]:.6f}, "
          f"gap {gap[epoch]:.1e}")
print(f"final accuracy: {final_accuracy:.3f} and {evaluate(nudged, X, y)[1]:.3f}")

# %%
check_claim("for the first 300 epochs the two losses agree to within 0.0001",
            bool(gap[:301].max() < 1e-4))
check_claim("in the last 1,000 epochs they differ by more than 0.01 at some epoch",
            bool(gap[-1_000:].max() > 0.01))

# %% [markdown]
# For hundreds of epochs the two runs agree to many digits (at first to every digit
# printed: the nudge is far below the sixth decimal); by the end they are two different
# runs. Another computer does the same to every run, so nobody can promise
# you the digits of a training run: only what holds whatever the last bits are.
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
# Here is plain SGD over 8 seeds. Seed 0 is the run above, so it is not trained again.
# Besides the final accuracy and loss, each run reports when its zigzag starts (the
# first epoch after which the loss went up) and how many spikes it has: epochs after
# epoch 2,000 at which the loss jumps up by more than 0.05 from one epoch to the next.

# %%
SEEDS = range(8)
trained = {SEED: (network, history)}  # seed -> (trained network, its history)


def plain_sgd_run(seed):
    """Train a fresh network from `seed` with SGD, lr 1.0, and report how it went."""
    if seed not in trained:
        seed_network = make_network(seed)
        seed_history = train(seed_network, SGD(learning_rate=1.0), X, y, EPOCHS,
                             desc=f"seed {seed}")
        trained[seed] = (seed_network, seed_history)
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
                title="Final training accuracy of plain SGD, 8 seeds")
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
# - The final accuracy of the **same setup** lies between about 0.5 and 0.85,
#   depending on the seed, around a median of roughly 0.6 to 0.75. The best seed beats
#   the worst by more than 0.1, that is, by more than 30 of the 300 points. The book's 0.6-0.7
#   sits inside this spread; so does the run above.
# - Where seed 0 lands within it is luck, and it even depends on the computer: when this
#   course was built, seed 0 ended at 0.62 on one CPU's arithmetic, at 0.70 on a second
#   and at 0.76 on a third, which is from near the bottom of the spread to near its top.
#   None of these numbers is more right than the others.
# - Some things do not depend on the seed. On every seed the loss falls at every epoch
#   until somewhere between epoch 600 and 1,000, and then the zigzag starts: the speed
#   limit of the learning rate is reached at about the same time. The spikes are more
#   erratic: every seed has dozens at least, some have hundreds or more.
#
# So a single number from a single run is not a result. "Plain SGD with lr 1.0 reaches
# an accuracy between about 0.5 and 0.85 in 10,000 epochs" is one, and the checks below
# test it on your machine.

# %%
accuracies = plain_sgd["accuracy"]
check_claim("on every seed the final accuracy is between 0.45 and 0.9",
            bool(np.all((accuracies > 0.45) & (accuracies < 0.9))))
check_claim("the median final accuracy is between 0.6 and 0.75",
            bool(0.6 <= np.median(accuracies) <= 0.75))
check_claim("the best seed beats the worst by more than 0.1",
            bool(accuracies.max() - accuracies.min() > 0.1))
check_claim("on every seed the zigzag starts between epochs 600 and 1,000",
            bool(np.all((plain_sgd["zigzag from"] >= 600) & (plain_sgd["zigzag from"] <= 1_000))))
check_claim("every seed has at least 20 spikes, and some seed more than 200",
            bool(plain_sgd["spikes"].min() >= 20 and plain_sgd["spikes"].max() > 200))

# %% [markdown]
# ## Choosing the learning rate
#
# The learning rate is the main knob of gradient descent. Too small, and training
# crawls; too large, and the steps overshoot. Here are three runs from the same starting
# weights with learning rates ten times apart: 0.1, our 1.0, and 10. Each gets 3,000
# epochs, enough to see the difference.

# %% tags=["nbval-ignore-output"]
# output not compared: the digits after 3,000 epochs differ from computer to computer
def count_live_neurons(hidden):
    """How many neurons (columns) of a (n_samples, n_neurons) output are above 0 somewhere."""
    return int(np.sum((hidden > 0).any(axis=0)))


runs, live_neurons, final_accuracies = {}, {}, {}
for learning_rate in (0.1, 1.0, 10.0):
    run_network = make_network()
    run_history = train(run_network, SGD(learning_rate=learning_rate), X, y, 3_000,
                        desc=f"lr {learning_rate}")
    runs[learning_rate] = run_history
    loss, acc = evaluate(run_network, X, y)  # also leaves run_network[0].output for X
    live_neurons[learning_rate] = count_live_neurons(run_network[0].output)
    final_accuracies[learning_rate] = acc
    print(f"lr {learning_rate:>4}: after 3,000 epochs loss {loss:.4f}, accuracy {acc:.3f}, "
          f"live hidden neurons {live_neurons[learning_rate]} of 64")
last_losses = np.array(runs[10.0]["loss"][-1_000:])
print(f"lr 10, loss over the last 1,000 epochs: from {last_losses.min():.3f} "
      f"to {last_losses.max():.3f}")

# %%
names = {0.1: "too small", 1.0: "good", 10.0: "too large"}
colours = {0.1: "#2ca02c", 1.0: "#1f77b4", 10.0: "#d62728"}
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
for ax, (learning_rate, run_history) in zip(axes, runs.items(), strict=True):
    ax.plot(run_history["loss"], color=colours[learning_rate], linewidth=0.8)
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
# - **lr 1.0** sits between the two. It is not necessarily the best value (try 0.5 or
#   3.0), but this is how good learning rates are usually found: try a few, ten times
#   apart, and look at the loss curves.

# %%
lr_01 = runs[0.1]["loss"]
check_claim("with lr 0.1 the loss falls by less than 0.05 in 3,000 epochs",
            bool(lr_01[0] - lr_01[-1] < 0.05))
check_claim("with lr 10 all 64 hidden neurons are dead after 3,000 epochs",
            bool(live_neurons[10.0] == 0))
check_claim("with lr 10 the accuracy is exactly 1/3 (one class for every point)",
            bool(np.isclose(final_accuracies[10.0], 1 / 3)))
check_claim("with lr 10 the loss stays above ln 3 over the last 1,000 epochs, and goes "
            "above 1.8", bool(last_losses.min() > np.log(3) and last_losses.max() > 1.8))

# %% [markdown]
# ## Summary
#
# - Training repeats four steps: forward pass, loss, backward pass (in reverse order), and
#   an update of every parameter against its gradient, $w \leftarrow w - \text{lr} \cdot
#   \partial L / \partial w$.
# - An optimizer holds the update rule: `optimizer.step(layers)` updates every array that
#   `parameters()` lists. `Optimizer` does the bookkeeping (steps, state, learning rate);
#   `SGD` says how one array changes.
# - What an optimizer remembers lives in its own `state`, keyed by layer and parameter
#   name, never on the layers.
# - Plain SGD with a learning rate of 1.0 takes the 2-64-3 network from guessing to an
#   accuracy between about 0.5 and 0.85 in 10,000 epochs, depending on the seed, after a
#   slow start caused by the tiny initial weights. When the steepest valley of the loss
#   reaches the limit $2 / \text{lr}$ (somewhere after epoch 600), the loss starts to
#   zigzag.
# - The learning rate matters: too small crawls, too large overshoots and can kill every
#   ReLU neuron.
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
# `value -= learning_rate * sign(gradient)`. Complete its `update` method (look at how
# `SGD.update` changes `value` in place, and use `self.current_learning_rate`). The
# checker trains a small network with it.

# %%
class SignSGD(Optimizer):
    def update(self, value, gradient, state):
        pass  # your code here: change value in place


check_sign_sgd(SignSGD)

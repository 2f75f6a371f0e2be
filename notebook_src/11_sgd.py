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
# records a history of the loss and the accuracy.
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
    plot_decision_regions,
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

# %%
EPOCHS = 10_000
SNAPSHOTS = (0, 100, 1_000, EPOCHS)

network = make_network()
optimizer = SGD(learning_rate=1.0)
start = time.perf_counter()
history = train(network, optimizer, X, y, EPOCHS, snapshot_at=SNAPSHOTS)
print(f"{EPOCHS:,} epochs took {time.perf_counter() - start:.1f} s")

for epoch in (0, 100, 1_000, 2_000, 5_000, 9_999):
    print(f"epoch {epoch:>5,}: loss {history['loss'][epoch]:.4f}, "
          f"accuracy {history['accuracy'][epoch]:.3f}")
final_loss, final_accuracy = evaluate(network, X, y)
print(f"after training: loss {final_loss:.4f}, accuracy {final_accuracy:.3f}")

# %% [markdown]
# The network learned: the loss fell from $\ln 3$ to 0.7155, and 70 % of the points
# (accuracy 0.703) are now classified correctly, where guessing gets one in three. The
# book reports an accuracy of about 0.6-0.7 for this setup, and ours lands at the top of
# that range; its exact numbers differ from ours because its starting weights are
# different random numbers. (The last two lines differ a little because the history's
# entry for epoch 9,999 was measured *before* the last update.)
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
# Three things stand out.
#
# - **A slow start.** In the first 2,000 epochs the loss falls by only about 0.07 (from
#   1.0986 to 1.0272), then much faster (the table above). The weights start tiny
#   (standard deviation 0.01), and with tiny weights every gradient is tiny too: the
#   output layer's gradient is proportional to the hidden outputs, which are tiny, and
#   the hidden layer's gradient to the output weights, which are tiny. It takes many
#   small steps before the weights are large enough for learning to pick up speed.
# - **The accuracy jumps around.** It counts only which class wins for each point. A
#   small change of the weights can tip a few points near a boundary from one class to
#   another, while the loss, which looks at the probabilities, changes only a little.
# - **Spikes in the loss.** Again and again the loss jumps up for an epoch and comes
#   back down, and the tallest spikes come in the last 2,000 epochs. A learning rate of
#   1.0 is a big step, and now and then it jumps across a narrow valley of the loss
#   instead of going down into it. Notebook 12 makes the steps smaller as training goes
#   on.

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

# %% [markdown]
# ## Choosing the learning rate
#
# The learning rate is the main knob of gradient descent. Too small, and training
# crawls; too large, and the steps overshoot. Here are three runs from the same starting
# weights with learning rates ten times apart: 0.1, our 1.0, and 10. Each gets 3,000
# epochs, enough to see the difference.

# %%
def count_live_neurons(hidden):
    """How many neurons (columns) of a (n_samples, n_neurons) output are above 0 somewhere."""
    return int(np.sum((hidden > 0).any(axis=0)))


runs = {}
for learning_rate in (0.1, 1.0, 10.0):
    run_network = make_network()
    run_history = train(run_network, SGD(learning_rate=learning_rate), X, y, 3_000,
                        desc=f"lr {learning_rate}")
    runs[learning_rate] = run_history
    loss, acc = evaluate(run_network, X, y)  # also leaves run_network[0].output for X
    print(f"lr {learning_rate:>4}: after 3,000 epochs loss {loss:.4f}, accuracy {acc:.3f}, "
          f"live hidden neurons {count_live_neurons(run_network[0].output)} of 64")
last_losses = runs[10.0]["loss"][-1_000:]
print(f"lr 10, loss over the last 1,000 epochs: from {min(last_losses):.3f} "
      f"to {max(last_losses):.3f}")

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
#   jumps back, and the loss keeps bouncing around, mostly well above $\ln 3$, without
#   ever settling. The network predicts one class for every point.
# - **lr 1.0** sits between the two. It is not the best possible value (try 3.0), but
#   this is how good learning rates are usually found: try a few, ten times apart, and
#   look at the loss curves.

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
# - Plain SGD with a learning rate of 1.0 takes the 2-64-3 network from guessing to
#   about 0.7 accuracy in 10,000 epochs, after a slow start caused by the tiny initial
#   weights.
# - The learning rate matters: too small crawls, too large overshoots and can kill every
#   ReLU neuron.

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

# %% [markdown]
# # 12 · Learning-rate decay and momentum
#
# **Goal:** improve plain SGD in two ways the book introduces: take smaller steps as
# training goes on (**learning-rate decay**), and let each step carry on part of the
# previous one (**momentum**). Then see what each does to the same training run.
#
# **Prerequisites:** [11 · Stochastic gradient descent](11_sgd.ipynb) (the training loop,
# `Optimizer` and `SGD`).
#
# **What you will build:** the final `Optimizer`, which replaces notebook 11's with one
# that also has learning-rate decay and a memory per parameter array (`new_state`), and
# the final `SGD`, with decay and momentum. Then plain SGD, SGD with decay, and SGD with
# decay and momentum are compared on the spiral, over several seeds.
#
# *Book: chapter 10 of "Neural Networks from Scratch in Python" (learning-rate decay and
# SGD with momentum).*

# %%
# %matplotlib inline
from functools import partial

import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    Softmax,
    check_backward_done,
    check_claim,
    check_hyperparameter,
    evaluate,
    forward_pass,
    plot_decision_regions,
    plot_seed_study,
    print_seed_study,
    seed_study,
    spiral_data,
    train,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Where we left off
#
# In notebook 11, plain SGD with a learning rate of 1.0 trained the 2-64-3 network on the
# spiral to an accuracy between about 0.55 and 0.85 in 10,000 epochs, depending on the
# seed. Its loss curves asked for improvement in two ways: a long, slow start, and,
# after the zigzag began somewhere after epoch 600, spikes, where a step of size 1.0
# jumped across a valley of the loss instead of going down into it (how many, and when,
# differed a lot from seed to seed).
#
# Notebook 11's `Optimizer` and `SGD` were as small as they could be: a loop over the
# parameter arrays, and `value -= current_learning_rate * gradient`, with a rate that
# never changed. This notebook writes both classes again, in their final form: the base
# class learns to shrink the learning rate and to keep a memory for each parameter array,
# and `SGD` uses both.
#
# `train` and `evaluate` are notebook 11's and `forward_pass` is notebook 04's, all three
# imported from `nnfs_helpers`.

# %% [markdown]
# ## Learning-rate decay
#
# Early in training the weights are far from any good solution, and large steps cover
# the distance quickly. Later the network sits in a valley of the loss, and the same
# large steps bounce from one side of it to the other instead of settling at the bottom.
# So we start with a large learning rate and shrink it as training goes on. The book's
# schedule, after $t$ steps:
#
# $$\text{lr}_t = \frac{\text{lr}_0}{1 + \text{decay} \cdot t}$$
#
# With $\text{lr}_0 = 1$ and $\text{decay} = 10^{-3}$ (the book's choice), the learning
# rate is halved after $t = 1/\text{decay} = 1{,}000$ steps, divided by 11 after
# 10,000 steps, and goes on shrinking like $1/t$. By hand, for a few values of $t$:

# %%
learning_rate, decay = 1.0, 1e-3
for t in [0, 1, 10, 100, 1_000, 10_000]:
    print(f"after {t:>6,} steps: lr = {learning_rate / (1 + decay * t):.4f}")

# %% [markdown]
# The schedule belongs in the base class, so that every optimizer of the course gets it.
# So here is `Optimizer` once more, written out whole as `class Optimizer:`: it replaces
# notebook 11's class (a new class of the same name takes the name over), and it is the
# final one, the `Optimizer` that `nnfs_helpers` holds and later notebooks import. Its
# four methods:
#
# - `__init__` takes a `decay` besides the learning rate, and checks both with
#   `check_hyperparameter`, which turns a bad value (a negative learning rate, a string)
#   into a clear message. It starts three things: `current_learning_rate`, the rate the
#   next step uses; `iterations`, the number of steps taken; and `state`, the optimizer's
#   memory (below).
# - `step` loops over the layers as notebook 11's did, and then counts the step and
#   computes the next learning rate with the formula above, on its last line. Its
#   `check_backward_done(layer)` stops a step taken before the backward pass (a layer
#   with weights but no `dweights` yet) with a message that names the order: forward,
#   backward, then step.
# - `new_state(value)` says what the optimizer must **remember** about a parameter array
#   from one step to the next. The base class remembers nothing (an empty dictionary);
#   momentum, below, needs a "velocity" per array, and Adam (notebook 14) needs two
#   arrays. That memory lives in the optimizer's `state` dictionary, keyed by layer and
#   then by parameter name, not on the layers: a layer holds only its parameters, and
#   two optimizers can train copies of a network without getting in each other's way.
#   `step` makes each array's memory the first time it meets the array and passes it to
#   `update`.
# - `update(value, gradient, state)` is the rule, now with the memory as a third
#   argument. The base class has none: each optimizer defines its own.

# %%
class Optimizer:
    """What every optimizer shares: the update loop, learning-rate decay, a memory.

    Replaces notebook 11's ``Optimizer``. After ``t`` steps the learning rate is
    ``learning_rate / (1 + decay * t)``. What a subclass remembers about a
    parameter array between steps (``new_state``) lives in
    ``self.state[layer][name]``; how it changes the array is its ``update``.
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
        for layer in layers:
            if not hasattr(layer, "parameters"):
                continue
            check_backward_done(layer)
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
# `SGD` is rewritten on top of it, as `class SGD(Optimizer)` on the new `Optimizer`. Its
# `update` keeps notebook 11's line, `value -= self.current_learning_rate * gradient`, in
# the `else` branch; the rate in it now shrinks as the steps go by. The momentum branch,
# `new_state` and the `momentum` argument are explained in the next section; with
# `momentum=0`, the default, they do nothing.

# %%
class SGD(Optimizer):
    """Stochastic gradient descent, with optional decay and momentum.

    Notebook 11's plain SGD, rewritten on the new ``Optimizer``: with
    ``decay=0`` and ``momentum=0`` it takes exactly notebook 11's steps.
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
# `Optimizer.step` counts every call in `iterations` and then updates
# `current_learning_rate`. A step with an empty list of layers changes no parameters,
# but still counts:

# %%
optimizer = SGD(learning_rate=1.0, decay=1e-3)
print(optimizer)
for _ in range(1_000):
    optimizer.step([])
print(f"after {optimizer.iterations:,} steps: current_learning_rate = "
      f"{optimizer.current_learning_rate:.4f}")

# %% [markdown]
# And a learning rate must be a positive number. A negative one would climb *up* the
# loss; the constructor stops it at once:

# %% tags=["raises-exception"]
SGD(learning_rate=-0.1)

# %% [markdown]
# How quickly the rate falls depends on `decay`. The book uses $10^{-3}$ for SGD on this
# problem; a larger decay shrinks the steps before the network has got anywhere, a
# smaller one (1e-4) only halves them by step 10,000:

# %%
steps = np.arange(10_001)
fig, ax = plt.subplots(figsize=(8, 4))
for decay, colour in [(1e-2, "#d62728"), (1e-3, "#1f77b4"), (1e-4, "#2ca02c"),
                      (0.0, "grey")]:
    label = f"decay {decay:g}" if decay else "no decay"
    ax.plot(steps, 1.0 / (1 + decay * steps), color=colour, label=label)
ax.set_xlabel("step t")
ax.set_ylabel("learning rate")
ax.set_ylim(0, 1.05)
ax.set_title("lr_t = 1.0 / (1 + decay * t)")
ax.legend(loc="center right")
ax.grid(alpha=0.3)
plt.show()

# %% [markdown]
# ## Momentum
#
# Picture a ball rolling down the loss surface. Plain SGD is a ball with no mass: at
# every step it goes wherever the slope under it points, forgetting where it was going.
# A real ball has **momentum**: it keeps part of its speed, so it builds up speed along a
# long steady slope and is not thrown around by every small bump.
#
# In code, each parameter gets a **velocity** $v$, its previous step, starting at 0.
# Every step keeps a fraction $m$ (the momentum, for example 0.9) of the old velocity and
# adds the usual gradient step:
#
# $$v \leftarrow m \, v - \text{lr} \cdot g, \qquad w \leftarrow w + v$$
#
# With $m = 0$ this is plain SGD. Look at what happens when the gradient stays the same,
# $g = 1$, with $\text{lr} = 0.1$ and $m = 0.9$:

# %%
learning_rate, momentum, gradient = 0.1, 0.9, 1.0
velocity = 0.0
for step in range(1, 51):
    velocity = momentum * velocity - learning_rate * gradient
    if step in (1, 2, 3, 10, 50):
        print(f"step {step:>2}: velocity {velocity:.4f}")
print(f"the limit, -lr * g / (1 - m): {-learning_rate * gradient / (1 - momentum):.4f}")

# %% [markdown]
# The steps grow from 0.1 towards $\text{lr} \cdot g / (1 - m) = 1$: where the gradient
# keeps pointing the same way, momentum 0.9 makes the steps up to **ten times** larger.
# Where the gradient keeps changing sign, the old velocity and the new gradient step
# partly cancel, and the steps stay small.
#
# In `SGD` above, this is the first branch of `update`. The velocity is the optimizer's
# memory of one parameter array: `new_state` makes it, zeros shaped like the array, when
# `step` first meets the array, and `update` changes it in place (`velocity *= momentum`,
# then `velocity -= lr * gradient`) before adding it to the parameters. With
# `momentum=0`, `new_state` makes no velocity and `update` takes the plain step.
#
# ### Momentum in a valley
#
# A toy loss with two parameters shows both effects. It is a long, narrow valley, gentle
# along $w_0$ and steep along $w_1$, with its lowest point at $(0, 0)$:
#
# $$L(w) = \tfrac{1}{2}\left(0.2\, w_0^2 + 10\, w_1^2\right), \qquad
# \nabla L(w) = (0.2\, w_0,\; 10\, w_1)$$
#
# The optimizers update anything with a `parameters()` method, so the toy needs only a
# tiny stand-in for a layer: a point `w` and its gradient `dw` (`Point`). `descend` takes
# 50 optimizer steps down a gradient with it and returns the path; notebook 13 uses both
# again.

# %%
CURVATURE = np.array([0.2, 10.0])  # how steep the valley is along w0 and along w1
START = np.array([-4.0, 1.0])


def toy_loss(w):
    """The valley's height at w, shape (..., 2) -> (...)."""
    return 0.5 * np.sum(CURVATURE * w ** 2, axis=-1)


def toy_gradient(w):
    """The slope of the valley at w, shape (2,) -> (2,)."""
    return CURVATURE * w


class Point:
    """A stand-in for a layer: one parameter array `w` (2 numbers) and its gradient `dw`."""

    def __init__(self, start):
        self.w = np.array(start, dtype=float)
        self.dw = np.zeros_like(self.w)

    def parameters(self):
        """``[("w", w, dw)]``, as a layer's ``parameters()`` lists its arrays."""
        return [("w", self.w, self.dw)]


def descend(optimizer, gradient, start, steps=50):
    """Follow a toy landscape's gradient from ``start``; return the path.

    Introduced in notebook 12 (notebook 13 uses it again).

    Parameters
    ----------
    optimizer : Optimizer
    gradient : callable
        ``gradient(w)`` returns the slope at ``w``, an array shaped like ``w``.
    start : array_like of shape (n,)
    steps : int, default 50

    Returns
    -------
    ndarray of shape (steps + 1, n)
        The point before the first step and after each step.
    """
    point = Point(start)
    path = [point.w.copy()]
    for _ in range(steps):
        point.dw[:] = gradient(point.w)
        optimizer.step([point])
        path.append(point.w.copy())
    return np.array(path)


toy_runs = {
    "plain SGD": descend(SGD(learning_rate=0.1), toy_gradient, START),
    "momentum 0.5": descend(SGD(learning_rate=0.1, momentum=0.5), toy_gradient, START),
    "momentum 0.9": descend(SGD(learning_rate=0.1, momentum=0.9), toy_gradient, START),
}
for name, path in toy_runs.items():
    print(f"{name:>12}, lr 0.1: distance to the minimum after 10, 25, 50 steps:",
          np.linalg.norm(path[[10, 25, 50]], axis=1))

# %%
toy_colours = {"plain SGD": "#7f7f7f", "momentum 0.5": "#1f77b4", "momentum 0.9": "#d62728"}
w0, w1 = np.meshgrid(np.linspace(-4.5, 2.5, 200), np.linspace(-1.5, 1.5, 200))
heights = toy_loss(np.stack([w0, w1], axis=-1))  # (200, 200, 2) -> (200, 200)

fig, axes = plt.subplots(2, 2, figsize=(13, 6.5))
for ax, (name, path) in zip(axes.ravel(), toy_runs.items(), strict=False):
    ax.contour(w0, w1, heights, levels=np.geomspace(0.02, 12, 10), colors="grey",
               linewidths=0.6)
    ax.plot(path[:, 0], path[:, 1], "o-", markersize=3, linewidth=1,
            color=toy_colours[name])
    ax.plot(0, 0, "*", markersize=14, color="black")
    ax.set_title(f"{name}: 50 steps from (-4, 1)")
    ax.set_xlabel("$w_0$ (gentle)")
    ax.set_ylabel("$w_1$ (steep)")
    ax.set_aspect("equal")
ax = axes[1, 1]
for name, path in toy_runs.items():
    ax.semilogy(toy_loss(path), color=toy_colours[name], label=name)
ax.set_xlabel("step")
ax.set_ylabel("loss (log scale)")
ax.set_title("Loss along each path")
ax.legend()
ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()

# %% [markdown]
# - **Plain SGD** with lr 0.1 happens to solve the steep direction in one step
#   ($w_1 - 0.1 \cdot 10\, w_1 = 0$: in the terms of notebook 11, $\text{lr} \cdot c = 1$
#   there, well below the limit of 2), but along the gentle floor of the valley each step
#   covers only 2 % of the remaining distance: after 50 steps it is still far from the
#   minimum.
# - **Momentum 0.5** lets the steps along the floor add up (up to twice as large): after
#   50 steps it is about three times closer to the minimum than plain SGD.
# - **Momentum 0.9** builds up speed fastest (steps up to ten times as large) and is by
#   far the closest after 10 steps (1.2409, against 2.7396 and 3.2683). But it has so
#   much speed that it rolls **past** the minimum, out the other side, turns round and
#   swings back: between steps 10 and 25 it barely gets closer (1.2409, then 1.1381),
#   while momentum 0.5 nearly halves its distance (2.7396, then 1.4433). All the while it
#   rocks from side to side across the steep direction, where plain SGD settled at once,
#   so its loss (bottom right) jumps up and down, at many steps above momentum 0.5's. It
#   is still the closest of the three at step 50 (0.2999 against 0.496), but by a detour.
#   Too much momentum overshoots.

# %% [markdown]
# ## Side by side on the spiral
#
# Now the real task, with the network and the data of notebook 11, and the book's
# starting weights (0.01). Four settings, as in the book:
#
# | run | learning rate | decay | momentum |
# |---|---|---|---|
# | plain SGD | 1.0 | 0 | 0 |
# | SGD + decay | 1.0 | 1e-3 | 0 |
# | SGD + decay + momentum 0.9 (the book's settings) | 1.0 | 1e-3 | 0.9 |
# | SGD + decay + momentum 0.5 | 1.0 | 1e-3 | 0.5 |
#
# The fourth run is the book's intermediate step: a gentler momentum, to compare with the
# book's 0.9.
#
# Notebook 11 showed that one run is one sample: another seed, or another computer,
# ends elsewhere. So we do this in two steps. First one run of each setting, all four
# from the **same** starting weights (seed 0), so that the only difference between them
# is the optimizer; we look at their curves to see *how* each optimizer behaves. Then a
# seed study, which says what holds beyond this one set of starting weights.
#
# Besides the loss and the accuracy, `train` records the optimizer's learning rate at
# every epoch (`history["learning_rate"]`), and whatever `record(layers)` returns. Here
# `record` counts how many of the 64 hidden neurons are **alive**. A ReLU neuron whose
# output is 0 for all 300 points is dead, since its gradient is 0 too and no step can
# change it (notebook 02). Notebook 11 saw a too-large learning rate kill all of them.

# %%
X, y = spiral_data(samples=100, classes=3, seed=SEED)  # X (300, 2), y (300,)


def make_network(seed=SEED):
    """A fresh 2-64-3 network with the book's starting weights; same seed, same weights."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng)]


def count_live_neurons(hidden):
    """How many neurons (columns) of a (n_samples, n_neurons) output are above 0 somewhere."""
    return int(np.sum((hidden > 0).any(axis=0)))


def live_hidden_neurons(layers):
    """What `train` records at each epoch: how many hidden neurons are alive."""
    # layers[0].output is this epoch's hidden layer output, (300, 64), before the ReLU.
    return count_live_neurons(layers[0].output)


# %%
EPOCHS = 10_000
SETTINGS = {
    "plain SGD": {"learning_rate": 1.0},
    "SGD + decay": {"learning_rate": 1.0, "decay": 1e-3},
    "SGD + decay + momentum 0.9": {"learning_rate": 1.0, "decay": 1e-3, "momentum": 0.9},
    "SGD + decay + momentum 0.5": {"learning_rate": 1.0, "decay": 1e-3, "momentum": 0.5},
}
optimizers, networks, histories, live, rates = {}, {}, {}, {}, {}
for name, settings in SETTINGS.items():
    optimizers[name] = SGD(**settings)
    networks[name] = make_network()
    histories[name] = train(networks[name], optimizers[name], X, y, EPOCHS,
                            record=live_hidden_neurons)
    live[name] = np.array(histories[name]["record"])            # (10000,)
    rates[name] = np.array(histories[name]["learning_rate"])    # (10000,)

# %% [markdown]
# The recorded learning rates follow the schedule of the figure above, as they should:

# %%
print("recorded learning rates match 1 / (1 + 1e-3 * t):",
      np.allclose(rates["SGD + decay"], 1.0 / (1 + 1e-3 * np.arange(EPOCHS))))

# %% [markdown]
# The loss and accuracy of the four runs, epoch by epoch. The epoch axis is logarithmic,
# so that the first hundred epochs, where much happens, get as much room as the last
# thousands. The loss axis shows only 0.5 to 1.25, where the runs are easiest to tell
# apart; a run that leaves it is cut off:

# %%
colours = {"plain SGD": "#7f7f7f", "SGD + decay": "#2ca02c",
           "SGD + decay + momentum 0.9": "#d62728", "SGD + decay + momentum 0.5": "#1f77b4"}
epochs = np.arange(1, EPOCHS + 1)  # 1, 2, ...: a log scale cannot show epoch 0
fig, (ax_loss, ax_acc, ax_live) = plt.subplots(1, 3, figsize=(16, 4.5))
for name, history in histories.items():
    ax_loss.plot(epochs, history["loss"], color=colours[name], linewidth=0.8, label=name)
    ax_acc.plot(epochs, history["accuracy"], color=colours[name], linewidth=0.8)
    ax_live.plot(epochs, live[name], color=colours[name], linewidth=1.2)
ax_loss.set_ylabel("training loss")
ax_loss.set_ylim(0.5, 1.25)
ax_loss.set_title("Training loss (axis cut at 0.5 and 1.25)")
ax_acc.set_ylabel("training accuracy")
ax_acc.set_ylim(0.2, 1)
ax_acc.set_title("Training accuracy")
ax_live.set_ylabel("live hidden neurons")
ax_live.set_ylim(0, 66)
ax_live.set_title("Live hidden neurons (of 64)")
for ax in (ax_loss, ax_acc, ax_live):
    ax.set_xscale("log")
    ax.set_xlabel("epoch (log scale)")
    ax.grid(alpha=0.3)
fig.legend(loc="lower center", ncol=4, frameon=False)
plt.tight_layout(rect=(0, 0.07, 1, 1))
plt.show()

# %% [markdown]
# What the curves of this one set of runs show (yours may differ in the details; the
# seed study below says which of it holds in general):
#
# - **Decay** (green) has no spikes after epoch 2,000, where plain SGD (grey) has at least
#   20 in this run (the table below counts them): once the learning rate has shrunk, the
#   steps no longer jump across the valley. Its steps are smaller than plain SGD's from
#   the start, so early on it is slower.
# - **Momentum 0.9** (red) is by far the fastest at first: its velocity builds up to
#   steps up to ten times the learning rate (as computed above). And such steps
#   overshoot. Within the first few dozen epochs several hidden neurons are already dead
#   (the third panel); then, after epoch 100, the loss shoots up (out of the top of the
#   plot) and more neurons die, for good, all within the first thousand epochs. The
#   survivors go on learning, more and more slowly as decay shrinks the steps.
# - **Momentum 0.5** (blue) builds up less speed, spikes fewer than 5 times after epoch
#   2,000 (the table below counts them), and keeps at least 55 of its 64 neurons alive.
#
# Where each run ends, and which one ends best, is a different question, and one run of
# each cannot answer it. The numbers of these four runs (spikes counted as in notebook
# 11: epochs after epoch 2,000 at which the loss jumps up by more than 0.05 from one
# epoch to the next):

# %% tags=["nbval-ignore-output"]
# output not compared: the digits of 10,000-epoch runs differ from computer to computer
def count_spikes(losses):
    """Epochs after epoch 2,000 at which the loss jumps up by more than 0.05."""
    return int(np.sum(np.diff(losses)[2_000:] > 0.05))


momentum_losses = np.array(histories["SGD + decay + momentum 0.9"]["loss"])  # (10000,)
momentum_live = live["SGD + decay + momentum 0.9"]
print(f"{'run':<28}{'loss':>8}{'accuracy':>10}{'live neurons':>15}{'final lr':>10}"
      f"{'spikes':>8}")
for name in histories:
    loss, acc = evaluate(networks[name], X, y)
    print(f"{name:<28}{loss:>8.4f}{acc:>10.3f}"
          f"{count_live_neurons(networks[name][0].output):>12} / 64"
          f"{optimizers[name].current_learning_rate:>10.4f}"
          f"{count_spikes(histories[name]['loss']):>8}")
print(f"momentum 0.9 run: highest loss {momentum_losses.max():.3f} at epoch "
      f"{int(np.argmax(momentum_losses))}; live hidden neurons at epochs 10, 30, 100, "
      f"1,000 and at the end: {[int(momentum_live[e]) for e in (10, 30, 100, 1_000, -1)]}")

# %%
spikes = {name: count_spikes(history["loss"]) for name, history in histories.items()}
check_claim("in the momentum 0.9 run, several neurons (at least 3) are dead by epoch 30",
            bool(momentum_live[30] <= 61))
check_claim("after epoch 100 its loss goes above 1.25, out of the top of the plot",
            bool(momentum_losses[100:].max() > 1.25))
check_claim("and after epoch 100 it loses more neurons, none after epoch 1,000",
            bool(momentum_live[1_000] < momentum_live[100]
                 and momentum_live[-1] == momentum_live[1_000]))
check_claim("its loss at the end is lower than at epoch 1,000",
            bool(momentum_losses[-1] < momentum_losses[1_000]))
check_claim("momentum 0.5 keeps at least 55 of 64 neurons alive",
            bool(live["SGD + decay + momentum 0.5"][-1] >= 55))
check_claim("plain SGD spikes at least 20 times after epoch 2,000, decay alone never, "
            "momentum 0.5 fewer than 5 times",
            bool(spikes["plain SGD"] >= 20 and spikes["SGD + decay"] == 0
                 and spikes["SGD + decay + momentum 0.5"] < 5))

# %% [markdown]
# ## A seed study
#
# Here are all four settings from four sets of starting weights (seeds 0 to 3). Each run
# reports its accuracy, how many hidden neurons are alive, how soon the loss first gets
# below 0.9 (a measure of speed), and how high the loss ever got after the first epoch.
#
# The study trains each run for **3,000 epochs, not 10,000**, and uses only four seeds:
# twelve more runs of 10,000 epochs would take more than twenty seconds, too long for a
# notebook you run from the top. If you can wait, set `STUDY_EPOCHS = 10_000` (the
# length of each run) or `SEEDS = range(8)` in the next cell. By epoch 3,000 what this
# section is about has happened: momentum 0.9's neurons have died (in the run above, all
# within the first thousand epochs), and the speeds can be compared. The accuracies are
# not final, though: plain SGD, decay alone and momentum 0.5 keep improving until epoch
# 10,000, as the curves above show. So every accuracy here is the one at epoch 3,000, and
# none of them can be compared with notebook 11's accuracies at epoch 10,000. Seed 0's
# results are taken from the runs above, at epoch 3,000, so they are not trained again.

# %%
STUDY_EPOCHS = 3_000
SEEDS = range(4)


def study_run(name, seed):
    """Train `name`'s setting from `seed` for STUDY_EPOCHS epochs; report how it went."""
    if seed == SEED and STUDY_EPOCHS < EPOCHS:  # the runs above, after STUDY_EPOCHS steps
        history = histories[name]
        losses = np.array(history["loss"][:STUDY_EPOCHS])
        acc = history["accuracy"][STUDY_EPOCHS]  # measured before step STUDY_EPOCHS + 1
        live_neurons = int(live[name][STUDY_EPOCHS])
    else:
        layers = make_network(seed)
        losses = np.array(train(layers, SGD(**SETTINGS[name]), X, y, STUDY_EPOCHS)["loss"])
        _, acc = evaluate(layers, X, y)  # also leaves layers[0].output for X
        live_neurons = count_live_neurons(layers[0].output)
    below = np.flatnonzero(losses < 0.9)  # epochs with a loss below 0.9
    return {"accuracy": acc,
            "live neurons": live_neurons,
            "loss < 0.9 at epoch": int(below[0]) if len(below) else STUDY_EPOCHS,
            "highest loss after epoch 1": losses[1:].max()}


# partial(study_run, name) is study_run with its first argument filled in: run(seed).
studies = {name: seed_study(partial(study_run, name), SEEDS) for name in SETTINGS}

# %% tags=["nbval-ignore-output"]
# output not compared: results of 3,000-epoch runs differ in their digits from computer to
# computer
for metric, digits in [("accuracy", 3), ("live neurons", 0), ("loss < 0.9 at epoch", 0),
                       ("highest loss after epoch 1", 3)]:
    print_seed_study(studies, metric, digits=digits)
    print()

# %%
fig, axes = plt.subplots(2, 2, figsize=(15, 6))
for ax, metric in zip(axes.ravel(), ["accuracy", "live neurons", "loss < 0.9 at epoch",
                                     "highest loss after epoch 1"], strict=True):
    plot_seed_study(studies, metric, ax=ax,
                    title=f"{metric}, {STUDY_EPOCHS:,} epochs, {len(SEEDS)} seeds")
for ax in axes[:, 1]:
    ax.set_yticklabels([])
axes[1, 0].set_xscale("log")
plt.tight_layout()
plt.show()

# %% [markdown]
# ("loss < 0.9 at epoch" is the length of the study, 3,000, for a run that never got
# there.) What the spread shows, at epoch 3,000, setting by setting:
#
# - **Momentum is the speed-up.** With momentum 0.9 the loss gets below 0.9 within a
#   few hundred epochs on (nearly) every seed, with momentum 0.5 at least five times
#   later (medians) but still sooner than plain SGD (medians), and decay alone does not
#   get there within 3,000 epochs on any seed.
# - **Decay alone is slower than plain SGD.** On every seed it is behind plain SGD at
#   epoch 3,000: its steps shrink from the first epoch on. What it gains, no spikes late
#   in training, shows in the 10,000-epoch run above, not in this study.
# - **Momentum 0.5 is the reliable one.** On every seed it is ahead of decay alone,
#   which has the same schedule and no momentum, and on all seeds but at most one it is
#   ahead of plain SGD too. Its accuracies lie within 0.15 of each other, and at least 55
#   of its 64 neurons stay alive on every seed.
# - **Momentum 0.9 overshoots, and its result is a gamble.** Its early steps are so
#   large that on every seed they send the loss far back above where it started (above
#   1.5; no other setting goes above 1.25), and on every seed it ends with fewer live
#   neurons than the other three, fewer than half of them on two seeds or more. The
#   survivors do very well: on all seeds but at most one, momentum 0.9 is ahead of
#   momentum 0.5 at epoch 3,000 by more than 0.1. But how many survive is luck, and it
#   can go badly: from seed 1, fewer than 10 neurons survive, the loss never gets below
#   0.9, and the run ends behind momentum 0.5 by more than 0.05. (That seed is one of
#   this study; other seeds may all go well, and you cannot tell in advance which will
#   not.)
#
# The book reports an accuracy above 0.9 for momentum 0.9, from one run of 10,000 epochs.
# Here, from four seeds, its accuracy at epoch 3,000 spreads this widely, and more epochs
# cannot bring dead neurons back. The lessons that hold are these: decay smooths the end
# of training (the runs above), momentum speeds it up, and too much momentum overshoots,
# in the toy valley and in the network, where it kills a large part of the hidden layer
# and leaves the result to chance.
#
# The checks below describe seeds 0 to 3 at epoch 3,000. With more seeds, or longer runs,
# some may fail: what held for four seeds need not hold for eight, and finding that out
# is what a seed study is for. Such a failure is news about the optimizers, not an error
# in your code.

# %%
def median(name, metric):
    """The median of one result of one setting over the seeds."""
    return np.median(studies[name][metric])


plain, decay = studies["plain SGD"], studies["SGD + decay"]
fast, gentle = studies["SGD + decay + momentum 0.9"], studies["SGD + decay + momentum 0.5"]
check_claim("momentum 0.9 gets below a loss of 0.9 within 1,000 epochs on all seeds but "
            "at most one, and in under 500 (median)",
            bool(np.sum(fast["loss < 0.9 at epoch"] < 1_000) >= len(SEEDS) - 1
                 and median("SGD + decay + momentum 0.9", "loss < 0.9 at epoch") < 500))
check_claim("momentum 0.5 gets there at least 5 times later (medians), but sooner than "
            "plain SGD (medians)",
            bool(5 * median("SGD + decay + momentum 0.9", "loss < 0.9 at epoch")
                 < median("SGD + decay + momentum 0.5", "loss < 0.9 at epoch")
                 < median("plain SGD", "loss < 0.9 at epoch")))
check_claim("decay alone does not get there within 3,000 epochs on any seed",
            bool(np.all(decay["loss < 0.9 at epoch"] == STUDY_EPOCHS)))
check_claim("decay alone is behind plain SGD on every seed",
            bool(np.all(decay["accuracy"] < plain["accuracy"])))
check_claim("momentum 0.5 is ahead of decay alone on every seed, and of plain SGD on all "
            "seeds but at most one",
            bool(np.all(gentle["accuracy"] > decay["accuracy"])
                 and np.sum(gentle["accuracy"] > plain["accuracy"]) >= len(SEEDS) - 1))
check_claim("momentum 0.5 keeps at least 55 live neurons on every seed, its accuracies "
            "within 0.15 of each other", bool(gentle["live neurons"].min() >= 55
                                              and np.ptp(gentle["accuracy"]) < 0.15))
others = [plain, decay, gentle]
check_claim("momentum 0.9's loss goes back above 1.5 on every seed; no other setting's "
            "goes above 1.25",
            bool(np.all(fast["highest loss after epoch 1"] > 1.5)
                 and all(np.all(other["highest loss after epoch 1"] <= 1.25)
                         for other in others)))
check_claim("momentum 0.9 ends with fewer live neurons than the other three, on every seed",
            bool(all(np.all(fast["live neurons"] < other["live neurons"])
                     for other in others)))
check_claim("with momentum 0.9, fewer than half the neurons (32) survive on 2 seeds or more",
            bool(np.sum(fast["live neurons"] < 32) >= 2))
check_claim("on all seeds but at most one, momentum 0.9 is ahead of momentum 0.5 by more "
            "than 0.1", bool(np.sum(fast["accuracy"] > gentle["accuracy"] + 0.1)
                             >= len(SEEDS) - 1))
seed_1 = list(SEEDS).index(1)
check_claim("from seed 1, momentum 0.9 keeps fewer than 10 neurons, never gets below 0.9, "
            "and ends behind momentum 0.5 by more than 0.05",
            bool(fast["live neurons"][seed_1] < 10
                 and fast["loss < 0.9 at epoch"][seed_1] == STUDY_EPOCHS
                 and fast["accuracy"][seed_1] < gentle["accuracy"][seed_1] - 0.05))

# %% [markdown]
# The predictions of the four networks trained from seed 0 for 10,000 epochs, side by
# side. Compare them with the accuracies in the titles, and remember the seed study: from
# other starting weights, or on another computer, the momentum 0.9 picture in particular
# can look quite different.

# %%
def predict_proba(layers):
    """A function from points (n, 2) to this network's class probabilities (n, 3)."""
    softmax = Softmax()
    return lambda points: softmax.forward(forward_pass(layers, points))


fig, axes = plt.subplots(1, 4, figsize=(18, 5))
for ax, (name, layers) in zip(axes, networks.items(), strict=True):
    loss, acc = evaluate(layers, X, y)
    plot_decision_regions(predict_proba(layers), X, y, ax=ax,
                          title=f"{name}\naccuracy {acc:.3f}")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Summary
#
# - **Learning-rate decay** shrinks the step as training goes on:
#   $\text{lr}_t = \text{lr}_0 / (1 + \text{decay} \cdot t)$, computed by `Optimizer.step`
#   after every step; with decay $10^{-3}$ the rate halves after 1,000 steps.
# - **Momentum** keeps a velocity per parameter, $v \leftarrow m v - \text{lr}\, g$,
#   $w \leftarrow w + v$: steps grow up to $1/(1-m)$ times where the gradient keeps its
#   direction and cancel where it flips.
# - The velocity is the optimizer's memory (`new_state` makes it, `update` uses it), kept
#   in the optimizer's `state`, not on the layers. The final `Optimizer` has decay and
#   this memory for every optimizer of the course; `update(value, gradient, state)` is
#   the one method each new optimizer writes.
# - On the spiral, in the 10,000-epoch runs from seed 0: decay alone had no spikes after
#   epoch 2,000, where plain SGD had at least 20.
# - In the seed study (epoch 3,000, 4 seeds): momentum 0.9 got the loss below 0.9 at least
#   five times sooner than momentum 0.5 (medians), and decay alone never did; momentum 0.5
#   was ahead of decay alone on every seed. The book's momentum 0.9 overshoots: it killed
#   many hidden neurons on every seed, and its result is a gamble on which neurons
#   survive: ahead of momentum 0.5 by more than 0.1 on all seeds but one, and behind it
#   on seed 1.
# - Compare optimizers over several seeds, and look at more than one number: loss,
#   accuracy, speed, and what happened inside the network. One run of each, even from the
#   same starting weights, shows how they behave, not which is better.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: the decay schedule
#
# Write `decayed_learning_rate(learning_rate, decay, step)`: the learning rate after
# `step` steps, with the book's schedule. It should also work when `step` is a NumPy
# array of step numbers. Then use it to find how many steps it takes, with decay
# $10^{-3}$, until the learning rate is a tenth of where it started.

# %%
from nnfs_exercises.nb12 import (  # noqa: E402
    check_best_momentum,
    check_decayed_learning_rate,
    check_momentum_steps,
)


def decayed_learning_rate(learning_rate, decay, step):
    return None  # your code here


check_decayed_learning_rate(decayed_learning_rate)

# %% [markdown]
# ### Exercise 2: follow the velocity
#
# Write `momentum_steps(gradients, learning_rate, momentum)`: one parameter, a single
# number starting with a velocity of 0, receives the gradients in the list `gradients`,
# one per step. Return a NumPy array with the step taken each time (the velocity after
# each update), as SGD with momentum computes it. Try it with the gradients
# `[1, 1, 1, -1, -1]`: what does the fourth step do?

# %%
def momentum_steps(gradients, learning_rate, momentum):
    return None  # your code here


check_momentum_steps(momentum_steps)

# %% [markdown]
# ### Exercise 3: how much momentum for the valley?
#
# In the toy valley, with a learning rate of 0.1 and 50 steps, momentum 0.5 beat plain
# SGD, and momentum 0.9 ended closer still, but only after overshooting and swinging
# back. Try the momenta in `candidates` with `descend` and
# `toy_loss`, and set `best_momentum` to the one whose path ends with the lowest loss.

# %%
candidates = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]
best_momentum = None  # your answer here, one of the candidates

check_best_momentum(best_momentum)

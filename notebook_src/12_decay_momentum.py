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
# **What you will build:** nothing new to import: the `decay` and `momentum` arguments of
# `SGD`, which notebook 11 left at 0, explained line by line, and a side-by-side comparison
# of plain SGD, SGD with decay, and SGD with decay and momentum on the spiral.
#
# *Book: chapter 10 of "Neural Networks from Scratch in Python" (learning-rate decay and
# SGD with momentum).*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from nnfs_helpers import (
    DenseLayer,
    Optimizer,
    ReLU,
    Softmax,
    SoftmaxCrossEntropy,
    accuracy,
    check_hyperparameter,
    plot_decision_regions,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Where we left off
#
# In notebook 11, plain SGD with a learning rate of 1.0 trained the 2-64-3 network on the
# spiral to an accuracy of about 0.7 in 10,000 epochs. Two things in its loss curve
# asked for improvement: a long, slow start, and spikes through most of the run, where a
# step of size 1.0 jumped across a valley of the loss instead of going down into it.
#
# Here is `SGD` again, exactly as in notebook 11. The parts this notebook explains:
#
# - **decay** lives in the base class: the last line of `Optimizer.step` sets the learning
#   rate of the next step,
#   `self.current_learning_rate = self.learning_rate / (1 + self.decay * self.iterations)`;
# - **momentum** is `new_state` (a "velocity" array per parameter, starting at 0) and the
#   first branch of `update`.

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
# The optimizer does the same. `Optimizer.step` counts every call in `iterations` and
# then updates `current_learning_rate`, the rate the *next* step will use. A step with an
# empty list of layers changes no parameters, but still counts:

# %%
optimizer = SGD(learning_rate=1.0, decay=1e-3)
print(optimizer)
for _ in range(1_000):
    optimizer.step([])
print(f"after {optimizer.iterations:,} steps: current_learning_rate = "
      f"{optimizer.current_learning_rate:.4f}")

# %% [markdown]
# How quickly the rate falls depends on `decay`. The book uses $10^{-3}$ for SGD on this
# problem; a larger decay shrinks the steps before the network has got anywhere, a
# smaller one hardly changes them within 10,000 steps:

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
# ### Momentum in a valley
#
# A toy loss with two parameters shows both effects. It is a long, narrow valley, gentle
# along $w_0$ and steep along $w_1$, with its lowest point at $(0, 0)$:
#
# $$L(w) = \tfrac{1}{2}\left(0.2\, w_0^2 + 10\, w_1^2\right), \qquad
# \nabla L(w) = (0.2\, w_0,\; 10\, w_1)$$
#
# The optimizers update anything with a `parameters()` method, so the toy needs only a
# tiny stand-in for a layer: a point `w` and its gradient `dw`.

# %%
CURVATURE = np.array([0.2, 10.0])  # how steep the valley is along w0 and along w1
START = np.array([-4.0, 1.0])


def toy_loss(w):
    """The valley's height at w, shape (..., 2) -> (...)."""
    return 0.5 * np.sum(CURVATURE * w ** 2, axis=-1)


class Point:
    """A stand-in for a layer: one parameter array `w` (2 numbers) and its gradient `dw`."""

    def __init__(self, start):
        self.w = np.array(start, dtype=float)
        self.dw = np.zeros_like(self.w)

    def parameters(self):
        return [("w", self.w, self.dw)]


def descend(optimizer, steps=50, start=START):
    """Follow the valley's gradient from `start`; return the path, shape (steps + 1, 2)."""
    point = Point(start)
    path = [point.w.copy()]
    for _ in range(steps):
        point.dw[:] = CURVATURE * point.w  # the gradient at the current point, (2,)
        optimizer.step([point])
        path.append(point.w.copy())
    return np.array(path)


toy_runs = {
    "plain SGD": descend(SGD(learning_rate=0.1)),
    "momentum 0.5": descend(SGD(learning_rate=0.1, momentum=0.5)),
    "momentum 0.9": descend(SGD(learning_rate=0.1, momentum=0.9)),
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
#   ($w_1 - 0.1 \cdot 10\, w_1 = 0$), but along the gentle floor of the valley each step
#   covers only 2 % of the remaining distance: after 50 steps it is still far from the
#   minimum.
# - **Momentum 0.5** lets the steps along the floor add up (up to twice as large): after
#   50 steps it is about three times closer to the minimum than plain SGD.
# - **Momentum 0.9** builds up speed fastest (steps up to ten times as large) and is by
#   far the closest after 10 steps. But it has so much speed that it rolls **past** the
#   minimum, turns round and swings back, and all the while it rocks from side to side
#   across the steep direction, where plain SGD settled at once. Its loss jumps up and
#   down: between steps 10 and 25 it barely gets closer (1.2409, then 1.1381), and
#   momentum 0.5 nearly catches up. The swings die down slowly, so by step 50 it is
#   ahead again (0.2999 against 0.496), but by a detour. Too much momentum overshoots.

# %% [markdown]
# ## Side by side on the spiral
#
# Now the real task, with the network, the loop and the data of notebook 11 (float32,
# for speed). Every run starts from the **same** initial weights (`make_network()` uses
# the same seed), so the only difference between runs is the optimizer:
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
# Besides the loss, the accuracy and the learning rate, `train` records at every epoch
# how many of the 64 hidden neurons are **alive**: a ReLU neuron whose output is 0 for
# all 300 points is dead, since its gradient is 0 too and no step can change it
# (notebook 02). Notebook 11 saw a too-large learning rate kill all of them.

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


def count_live_neurons(hidden):
    """How many neurons (columns) of a (n_samples, n_neurons) output are above 0 somewhere."""
    return int(np.sum((hidden > 0).any(axis=0)))


def train(layers, optimizer, X, y, epochs, desc="training"):
    """Full-batch training; returns the history (loss, accuracy, learning rate, live hidden
    neurons, per epoch)."""
    loss_function = SoftmaxCrossEntropy()
    history = {"loss": [], "accuracy": [], "learning_rate": [], "live_neurons": []}
    for _ in tqdm(range(epochs), desc=desc):
        scores = forward_pass(layers, X)                 # (300, 2) -> ... -> (300, 3)
        loss = loss_function.forward(scores, y)
        history["loss"].append(loss)
        history["accuracy"].append(accuracy(loss_function.output, y))
        history["learning_rate"].append(optimizer.current_learning_rate)
        history["live_neurons"].append(count_live_neurons(layers[0].output))  # (300, 64)
        gradient = loss_function.backward()              # (300, 3)
        for layer in reversed(layers):
            gradient = layer.backward(gradient)
        optimizer.step(layers)
    return history


def evaluate(layers, X, y):
    """Loss and accuracy of the network as it is now (no training)."""
    loss_function = SoftmaxCrossEntropy()
    loss = loss_function.forward(forward_pass(layers, X), y)
    return loss, accuracy(loss_function.output, y)


# %%
EPOCHS = 10_000
optimizers = {
    "plain SGD": SGD(learning_rate=1.0),
    "SGD + decay": SGD(learning_rate=1.0, decay=1e-3),
    "SGD + decay + momentum 0.9": SGD(learning_rate=1.0, decay=1e-3, momentum=0.9),
    "SGD + decay + momentum 0.5": SGD(learning_rate=1.0, decay=1e-3, momentum=0.5),
}
networks, histories = {}, {}
for name, optimizer in optimizers.items():
    networks[name] = make_network()
    histories[name] = train(networks[name], optimizer, X, y, EPOCHS, desc=name)

# %% [markdown]
# The recorded learning rates follow the schedule of the figure above, as they should:

# %%
recorded = np.array(histories["SGD + decay"]["learning_rate"])  # (10000,)
print("recorded learning rates match 1 / (1 + 1e-3 * t):",
      np.allclose(recorded, 1.0 / (1 + 1e-3 * np.arange(EPOCHS))))

# %% [markdown]
# The loss and accuracy of the four runs, epoch by epoch. The epoch axis is logarithmic,
# so that the first hundred epochs, where much happens, get as much room as the last
# thousands. The loss axis shows only 0.5 to 1.25, where the runs are easiest to tell
# apart; the momentum 0.9 run leaves it at both ends:

# %%
colours = {"plain SGD": "#7f7f7f", "SGD + decay": "#2ca02c",
           "SGD + decay + momentum 0.9": "#d62728", "SGD + decay + momentum 0.5": "#1f77b4"}
epochs = np.arange(1, EPOCHS + 1)  # 1, 2, ...: a log scale cannot show epoch 0
fig, (ax_loss, ax_acc, ax_live) = plt.subplots(1, 3, figsize=(16, 4.5))
for name, history in histories.items():
    ax_loss.plot(epochs, history["loss"], color=colours[name], linewidth=0.8, label=name)
    ax_acc.plot(epochs, history["accuracy"], color=colours[name], linewidth=0.8)
    ax_live.plot(epochs, history["live_neurons"], color=colours[name], linewidth=1.2)
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

momentum_run = histories["SGD + decay + momentum 0.9"]
print(f"momentum 0.9 run: highest loss {max(momentum_run['loss']):.3f} "
      f"(at epoch {int(np.argmax(momentum_run['loss']))}); live hidden neurons at epochs "
      f"100, 130, 160 and 200: {[momentum_run['live_neurons'][e] for e in (100, 130, 160, 200)]}")

# %% [markdown]
# And the final numbers, measured after the last update. "Loss < 0.9 at" is the first
# epoch with a loss below 0.9, a measure of speed.

# %%
print(f"{'run':<28}{'loss':>8}{'accuracy':>10}{'loss < 0.9 at':>15}"
      f"{'live neurons':>14}{'final lr':>10}")
for name, history in histories.items():
    loss, acc = evaluate(networks[name], X, y)
    below = np.flatnonzero(np.array(history["loss"]) < 0.9)
    reached = f"epoch {below[0]:,}" if len(below) else "never"
    print(f"{name:<28}{loss:>8.4f}{acc:>10.3f}{reached:>15}"
          f"{count_live_neurons(networks[name][0].output):>11} / 64"
          f"{optimizers[name].current_learning_rate:>10.4f}")

# %% [markdown]
# Read the table and the curves together.
#
# - **Decay** removes most of the spikes: once the learning rate has shrunk, the steps
#   no longer jump across the valley, and its curves are the smoothest. Its steps are
#   smaller than plain SGD's from the start, so it is slower (it gets below a loss of 0.9
#   later). After 10,000 epochs its loss is a little higher than plain SGD's and its
#   accuracy a little higher: on this run, decay alone buys smoothness, not a better
#   network.
# - **Momentum 0.9** is by far the fastest: it gets below a loss of 0.9 more than ten
#   times sooner than plain SGD (epoch 271 against 3,408), and it ends far ahead of the
#   other three, with a loss of 0.1278 and an accuracy of 0.957. The way there is rough,
#   though. Its velocity builds up to steps ten times the learning rate (as computed
#   above), and such steps overshoot. Seven hidden neurons are already dead by epoch 100
#   (57 live); a little after epoch 130 the loss starts to spike, and between epochs 160
#   and 200 the live neurons fall from 57 to 28: more than half of the hidden layer is
#   lost for good (the third panel). The 28 that are left are still enough, and the run
#   keeps improving. Shortly before epoch 1,700 a last burst of overshooting steps brings
#   its highest loss, 3.663 at epoch 1671 (far above the top of the plot), and a sharp
#   dip in accuracy, but within a few dozen epochs it is back on course, and from then
#   on, with the learning rate shrunk by decay, its loss falls smoothly.
# - **Momentum 0.5** builds up less speed and has no large spikes. It keeps every neuron
#   alive and comes second: faster than plain SGD and decay alone, and ahead of them in
#   loss and accuracy, but far behind momentum 0.9.
#
# The book, with its own starting weights, also reports an accuracy above 0.9 for
# momentum 0.9, so this run agrees with it. Still, one run is one sample. Momentum makes
# the early steps large, and how many neurons those steps kill, and whether the
# survivors are enough, depends on the starting weights and is partly luck: another seed
# in `make_network` can leave momentum 0.9 with fewer live neurons and a worse result
# (try it). The lessons that hold are the ones above: decay smooths the end of training,
# momentum speeds it up, and too much speed overshoots, in the toy valley and in the
# network, where it made the loss spike and killed more than half of the hidden neurons
# even in a run that ended well.
#
# The predictions of the four trained networks, side by side. The momentum 0.9 network,
# with only 28 live neurons, follows the arms most closely: its regions wind round the
# centre with the spiral, while the other three still leave many points in another
# class's colour:

# %%
def predict_proba(layers):
    """A function from points (n, 2) to this network's class probabilities (n, 3)."""
    softmax = Softmax()

    def predict(points):
        # In float64 the probabilities of each point sum to 1 closely enough for the
        # colour mixing; float32 ones can come out a hair above 1.
        return softmax.forward(forward_pass(layers, points.astype(np.float64)))

    return predict


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
# - The velocity is the optimizer's state (`new_state` makes it, `update` uses it), kept
#   in the optimizer, not on the layers.
# - On the spiral, decay smooths the loss curve, and momentum reaches a low loss much
#   sooner. With lr 1.0, momentum 0.9 (the book's setting) ends best by far in this run,
#   although its large steps overshoot: the loss spikes, and more than half of the hidden
#   neurons die.
# - Compare optimizers from the same starting weights, and look at more than one number:
#   loss, accuracy, speed, and what happened inside the network.

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
# SGD and momentum 0.9 overshot. Try the momenta in `candidates` with `descend` and
# `toy_loss`, and set `best_momentum` to the one whose path ends with the lowest loss.

# %%
candidates = [0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]
best_momentum = None  # your answer here, one of the candidates

check_best_momentum(best_momentum)

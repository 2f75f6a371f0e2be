# %% [markdown]
# # 19 · Regression
#
# **Goal:** predict numbers instead of classes: a network with a linear output, trained
# with mean squared error, learns the shape of a sine wave.
#
# **Prerequisites:** [11 · Stochastic gradient descent](11_sgd.ipynb) (the training
# loop), [14 · Adam](14_adam.ipynb) and
# [18 · Binary logistic regression](18_binary_logistic_regression.ipynb) (another
# output layer and loss for another kind of question).
#
# **What you will build:** `Linear` (the output "activation" that changes nothing),
# the losses `MeanSquaredError` and `MeanAbsoluteError`, `regression_accuracy`, the data
# maker `sine_data`, and a 1-64-64-1 network whose fit we plot over the data.
#
# *Book: chapter 17 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np
from threadpoolctl import threadpool_limits

from nnfs_helpers import (
    Adam,
    DenseLayer,
    ReLU,
    check_claim,
    check_forward_done,
    check_inputs,
    check_size,
    check_targets,
    forward_pass,
    gradient_check,
    initial_scale,
    plot_seed_study,
    print_seed_study,
    seed_study,
    train_with_loss,
)

# Our matrices are small: one BLAS thread is faster than several (notebook 15).
threadpool_limits(limits=1)
np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## Numbers, not classes
#
# Classification picks a class; **regression** predicts a number: tomorrow's
# temperature, the price of a house, how far a robot arm must turn. The answer is not
# right or wrong, only closer or further from the target, so three things change:
#
# - the output layer must be able to produce **any** number (no softmax, no sigmoid);
# - the loss measures **how far** each prediction is from its target;
# - "accuracy" needs a new meaning, since an exact hit on a real number almost never
#   happens.
#
# ## The sine data
#
# The book's regression data set is one period of a sine wave: 1,000 values of $x$
# evenly spaced in $[0, 1)$, with targets $y = \sin(2 \pi x)$. There is no noise, so a
# network that learns the curve exactly would be perfect. Two lines make it, the same
# two as in the book's `nnfs` package: `np.arange(samples) / samples` gives the values
# $0, 1/1000, 2/1000, \dots$, reshaped into a column, and `np.sin` gives the targets.
# Nothing here is random, so unlike `spiral_data`, `sine_data` takes no seed.

# %%
def sine_data(samples=1000):
    """Make the book's regression data set: one period of a sine wave.

    No randomness: ``X`` is evenly spaced in [0, 1) and ``y = sin(2 pi X)``.

    Parameters
    ----------
    samples : int, default 1000

    Returns
    -------
    X : ndarray of shape (samples, 1)
    y : ndarray of shape (samples, 1)
    """
    samples = check_size("samples", samples)
    X = np.arange(samples).reshape(-1, 1) / samples
    y = np.sin(2 * np.pi * X)
    return X, y


# %%
X, y = sine_data()
print("X:", X.shape, " y:", y.shape)  # one input and one target per sample, as columns
print(f"x from {X.min():.3f} to {X.max():.3f}, y from {y.min():.3f} to {y.max():.3f}")

fig, ax = plt.subplots(figsize=(7, 3))
ax.plot(X, y, ".", markersize=2)
ax.set_xlabel("x (the input)")
ax.set_ylabel("y (the target)")
ax.set_title("sine_data(): 1,000 points of sin(2 pi x)")
plt.show()

# %% [markdown]
# Both `X` and `y` are columns, shape `(1000, 1)`: one feature per sample going in, one
# number per sample coming out. A network for this has **one** input and **one** output
# neuron.
#
# ## A linear output
#
# The output neuron's weighted sum, `inputs @ weights + biases`, can already be any
# number. A ReLU would cut off the negative half of the sine, a sigmoid would squeeze
# everything into $(0, 1)$, so the output layer gets no activation at all. To keep the
# network a list of layers with `forward` and `backward`, "no activation" is still a
# layer: `Linear`, the identity, $f(x) = x$. Its slope is 1, so its backward pass hands
# the gradient on unchanged.

# %%
class Linear:
    """The identity: a regression network's output layer passes numbers through.

    Introduced in notebook 19.
    """

    def forward(self, inputs):
        """Return the inputs unchanged (kept as ``self.output``).

        Parameters
        ----------
        inputs : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
        """
        self.output = check_inputs("Linear", inputs)
        return self.output

    def backward(self, dvalues):
        """The slope of the identity is 1: the gradient passes through.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_outputs)

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            ``dvalues`` itself (nothing changes it, so no copy), also kept as
            ``self.dinputs``.
        """
        check_forward_done(self)
        self.dinputs = dvalues
        return self.dinputs

    def __repr__(self):
        return "Linear()"


# %% [markdown]
# ## Two losses for numbers
#
# With prediction $\hat y$ and target $y$, the **error** is $e = \hat y - y$. Two common
# losses, each averaged over the outputs of a sample and then over the samples:
#
# | loss | per output | gradient with respect to $\hat y$ |
# |---|---|---|
# | mean squared error (MSE) | $(\hat y - y)^2$ | $2(\hat y - y)$ |
# | mean absolute error (MAE) | $\lvert \hat y - y \rvert$ | $\operatorname{sign}(\hat y - y)$ |
#
# (and, as always, the gradient of the batch mean divides by the number of outputs and
# of samples). The difference shows when we plot them against the error:

# %%
errors = np.linspace(-2, 2, 401)

fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(11, 3.5))
ax_loss.plot(errors, errors ** 2, label="squared: e²")
ax_loss.plot(errors, np.abs(errors), label="absolute: |e|")
ax_loss.set_ylabel("loss of one prediction")
ax_loss.set_title("The losses")
ax_grad.plot(errors, 2 * errors, label="squared: 2e")
ax_grad.plot(errors, np.sign(errors), label="absolute: sign(e)")
ax_grad.set_ylabel("gradient")
ax_grad.set_title("Their gradients")
for ax in (ax_loss, ax_grad):
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_xlabel("error e = prediction - target")
    ax.legend()
plt.tight_layout()
plt.show()

# %% [markdown]
# - **MSE** punishes large errors much more than small ones (an error of 2 costs 4, an
#   error of 0.1 costs 0.01), and its gradient shrinks as the error shrinks, so the
#   steps get finer near the answer by themselves. One large outlier, though, can
#   dominate the loss.
# - **MAE** counts every unit of error the same, so an outlier pulls no harder than any
#   other point. Its gradient is ±1 whatever the size of the error: it does not fade as
#   the prediction gets close, and it jumps at 0, where it is undefined (NumPy's `sign`
#   gives 0 there).
#
# MSE is the usual first choice, and the book's for the sine. Here are both, computed on
# three predictions, one of them far off:

# %%
predictions = np.array([[0.9], [0.2], [3.0]])  # (3, 1)
targets = np.array([[1.0], [0.0], [0.0]])       # (3, 1)
errors_small = predictions - targets
print("errors:", errors_small.ravel())
print(f"MSE: {np.mean(errors_small ** 2):.4f}   MAE: {np.mean(np.abs(errors_small)):.4f}")
print(f"share of the MSE due to the third prediction: "
      f"{errors_small[2, 0] ** 2 / np.sum(errors_small ** 2):.3f}")

# %% [markdown]
# The classes. `forward` keeps the errors, `backward` turns them into the gradients of
# the table, divided by the number of outputs and the number of samples. Like the
# binary cross-entropy of notebook 18, both accept targets shaped like the predictions
# (or a 1-D array when there is one output).

# %%
class MeanSquaredError:
    """Mean of the squared differences between predictions and targets.

    Large errors count much more than small ones. Introduced in notebook 19.

    Attributes
    ----------
    sample_losses : ndarray of shape (n_samples,)
    output : float
    dinputs : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, y_pred, y_true):
        """Compute the mean squared error of a batch.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_outputs)
        y_true : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        float
            Also kept as ``self.output``.
        """
        y_pred = check_inputs("MeanSquaredError", y_pred)
        y_true = check_targets("MeanSquaredError", y_true, y_pred.shape)
        self.errors = y_pred - y_true
        self.sample_losses = np.mean(self.errors ** 2, axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """``d/dp mean((p - y)**2) = 2 (p - y) / n_outputs``, then / n_samples.

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_outputs = self.errors.shape
        self.dinputs = 2 * self.errors / n_outputs / n_samples
        return self.dinputs

    def __repr__(self):
        return "MeanSquaredError()"


class MeanAbsoluteError:
    """Mean of the absolute differences between predictions and targets.

    Every unit of error counts the same, so outliers pull less than with
    ``MeanSquaredError``. Introduced in notebook 19.

    Attributes
    ----------
    sample_losses : ndarray of shape (n_samples,)
    output : float
    dinputs : ndarray of shape (n_samples, n_outputs)
    """

    def forward(self, y_pred, y_true):
        """Compute the mean absolute error of a batch.

        Parameters
        ----------
        y_pred : array_like of shape (n_samples, n_outputs)
        y_true : array_like of shape (n_samples, n_outputs)

        Returns
        -------
        float
            Also kept as ``self.output``.
        """
        y_pred = check_inputs("MeanAbsoluteError", y_pred)
        y_true = check_targets("MeanAbsoluteError", y_true, y_pred.shape)
        self.errors = y_pred - y_true
        self.sample_losses = np.mean(np.abs(self.errors), axis=1)
        self.output = float(np.mean(self.sample_losses))
        return self.output

    def backward(self):
        """``d/dp |p - y| = sign(p - y)``, then / n_outputs / n_samples.

        Returns
        -------
        ndarray of shape (n_samples, n_outputs)
            Also kept as ``self.dinputs``.
        """
        check_forward_done(self)
        n_samples, n_outputs = self.errors.shape
        self.dinputs = np.sign(self.errors) / n_outputs / n_samples
        return self.dinputs

    def __repr__(self):
        return "MeanAbsoluteError()"


# %%
mse, mae = MeanSquaredError(), MeanAbsoluteError()
print(f"MSE: {mse.forward(predictions, targets):.4f}   gradient:", mse.backward().ravel())
print(f"MAE: {mae.forward(predictions, targets):.4f}   gradient:", mae.backward().ravel())

# %% [markdown]
# The MSE gradient of the far-off prediction is 15 times that of the error of 0.2
# (2 · 3.0 / 3 against 2 · 0.2 / 3); the MAE gradients are all the same size.
#
# ### Checking the gradients
#
# A 1-8-1 network with a linear output, checked with notebook 10's `gradient_check` for
# both losses (random biases to keep the ReLU inputs away from the kink, and
# targets away from the predictions so that MAE's kink at a zero error is not hit):

# %%
X_check = np.linspace(0.05, 0.95, 6).reshape(-1, 1)  # (6, 1)
y_check = np.sin(2 * np.pi * X_check) + 0.5           # (6, 1)
for loss in (MeanSquaredError(), MeanAbsoluteError()):
    rng = np.random.default_rng(SEED)
    check_layers = [DenseLayer(1, 8, rng=rng, weight_scale=1.0), ReLU(),
                    DenseLayer(8, 1, rng=rng, weight_scale=1.0), Linear()]
    check_layers[0].biases = 0.5 * rng.standard_normal((1, 8))
    errors_check = gradient_check(check_layers, loss, X_check, y_check)
    largest = max(errors_check.values())
    # Below 1e-8 the digits are rounding noise that differs from one CPU to the next.
    print(f"{loss!r}: largest relative error "
          f"{'< 1e-8' if largest < 1e-8 else f'{largest:.1e}'}")

# %% [markdown]
# ## An "accuracy" for regression
#
# Loss values are hard to read ("is an MSE of 0.0003 good?"), and the book reports an
# accuracy for regression too: the fraction of predictions **close enough** to their
# targets, closer than some tolerance. Which tolerance? It should not depend on the
# units of the targets (metres or millimetres), so the book ties it to their spread:
# the standard deviation of the targets divided by 250.
#
# For the sine, whose values spread from -1 to 1, that is about 0.003: a prediction
# counts as right only if it is within about 0.3 % of the sine's amplitude of 1, or
# 0.15 % of its full swing from -1 to 1. The 250 is a judgement call, not a law: it
# makes the accuracy demanding, so that only a fit that really traces the curve scores
# near 1. Pick a tolerance that matches what "close enough" means for your problem, and
# say which one you used.

# %%
def regression_accuracy(y_pred, y_true, tolerance=None):
    """Fraction of predictions within ``tolerance`` of their target.

    Regression has no "right class", so the book counts a prediction as
    right when it is close enough. Introduced in notebook 19.

    Parameters
    ----------
    y_pred : array_like of shape (n_samples, n_outputs)
    y_true : array_like of shape (n_samples, n_outputs)
    tolerance : float, optional
        How close is close enough; by default the book's choice,
        ``np.std(y_true) / 250``.

    Returns
    -------
    float
    """
    y_pred = check_inputs("regression_accuracy", y_pred)
    y_true = check_targets("regression_accuracy", y_true, y_pred.shape)
    if tolerance is None:
        tolerance = np.std(y_true) / 250
    return float(np.mean(np.abs(y_pred - y_true) < tolerance))


# %% [markdown]
# How strict is it? Add random errors of a given typical size to the true values and
# measure:

# %%
print(f"std(y) = {np.std(y):.4f}, tolerance = std(y) / 250 = {np.std(y) / 250:.5f}")
noise_rng = np.random.default_rng(SEED)
for noise in (0.0005, 0.001, 0.003, 0.01, 0.1):
    noisy = y + noise * noise_rng.standard_normal(y.shape)
    print(f"errors of typical size {noise:<6}: accuracy {regression_accuracy(noisy, y):.3f}")

# %% [markdown]
# Errors of 0.001 still score almost perfectly; errors of 0.01, which a plot would hardly
# show, already fail most points. An accuracy near 1 therefore means a fit that is
# very close everywhere.
#
# ## Training on the sine
#
# The book's network: 1-64-64-1, two hidden layers with ReLU and the linear output,
# trained with MSE by Adam, learning rate 0.005 and decay 1e-3, for 10,000 epochs. The
# loop is notebook 18's `train_with_loss`, given this notebook's loss and accuracy
# (`MeanSquaredError()` and `regression_accuracy`); it records the loss and the accuracy
# every 10 epochs.

# %%
def train_regression(layers, X, y, *, optimizer, epochs):
    """Notebook 18's loop with this notebook's loss and accuracy."""
    return train_with_loss(layers, MeanSquaredError(), regression_accuracy, X, y,
                           optimizer=optimizer, epochs=epochs)


def sine_network(seed, weight_scale):
    """The book's 1-64-64-1 regression network; ``weight_scale`` (a number or "he") for all."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(1, 64, rng=rng, weight_scale=weight_scale), ReLU(),
            DenseLayer(64, 64, rng=rng, weight_scale=weight_scale), ReLU(),
            DenseLayer(64, 1, rng=rng, weight_scale=weight_scale), Linear()]


# %% [markdown]
# ### First, the weight scale
#
# The book starts every network with weights of standard deviation 0.01, `DenseLayer`'s
# default. It finds that for this regression the network then often gets stuck, and
# switches to 0.1. Rather than take that on trust, we train both for 500 epochs, and a
# third start as well: notebook 11's **He** rule, $\sqrt{2 / n_\text{inputs}}$, which
# picks each layer's scale from its number of inputs. Here it gives these scales:

# %%
for n_inputs, n_neurons in [(1, 64), (64, 64), (64, 1)]:
    print(f"He, {n_inputs:>2} -> {n_neurons:>2}: {initial_scale('he', n_inputs, n_neurons):.3f}")
print(f"(Glorot, 64 ->  1: {initial_scale('glorot', 64, 1):.3f})")

# %% [markdown]
# The first layer, whose neurons have a single input, starts with weights of about 1.4,
# the other two with about 0.18. (Glorot's rule, meant for a layer without ReLU such as
# the linear output, would give that one 0.175, almost the same.)
#
# Whether a network gets stuck depends on its starting weights, so one run each would
# prove nothing: we run each setting from six seeds (a seed study: `seed_study`,
# introduced in notebook 07 and explained in notebook 11), and for every run we also
# measure how much of the range of $x$ has **no** first-layer neuron firing there (more
# on that below).

# %%
SCALE_SEEDS = range(6)
short_runs = {}  # (weight scale, seed) -> (layers, history), kept for the figures


def first_layer_outputs(layers):
    """The first hidden layer's outputs for every x of the data: (1000, 64)."""
    return forward_pass(layers[:2], X)


def scale_run(weight_scale):
    """A function of the seed: train for 500 epochs, return the figures we compare."""
    def run(seed):
        layers = sine_network(seed, weight_scale)
        history = train_regression(layers, X, y,
                                   optimizer=Adam(learning_rate=0.005, decay=1e-3), epochs=500)
        short_runs[weight_scale, seed] = layers, history
        fires = first_layer_outputs(layers).max(axis=1) > 0  # (1000,): any neuron firing?
        return {"log10 of the loss": np.log10(history["loss"][-1]),
                "accuracy": history["accuracy"][-1],
                "share of x with no neuron firing": 1 - fires.mean()}
    return run


scale_studies = {name: seed_study(scale_run(scale), SCALE_SEEDS)
                 for name, scale in [("scale 0.01", 0.01), ("scale 0.1", 0.1), ("He", "he")]}

# %% tags=["nbval-ignore-output"]
# output not compared: losses and accuracies after 500 epochs differ in their last digits
# between machines; the claims below are checked instead.
for metric in ("log10 of the loss", "accuracy", "share of x with no neuron firing"):
    print_seed_study(scale_studies, metric)
    print()

# %%
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(12, 2.6))
plot_seed_study(scale_studies, "log10 of the loss", ax=ax_loss,
                title="MSE after 500 epochs (log10: -2 is 0.01)")
plot_seed_study(scale_studies, "accuracy", ax=ax_acc, title="Accuracy after 500 epochs")
plt.tight_layout()
plt.show()

# %% [markdown]
# With 0.01, some seeds (at least two of the six) get **stuck**: a stretch of $x$,
# about the first third of the range, where no first-layer neuron fires, and a loss
# around 0.03, the same level from one stuck seed to the next. Other seeds (at least
# one) get going. With 0.1, no seed gets stuck, and every loss is more than ten times
# smaller than a stuck one's. So the small scale does not always fail, but it can, and
# the larger one did not on any seed. (He's row is discussed further down.)
#
# The accuracies are a different story: among the scale-0.1 networks, whose losses are
# all small, they spread widely, by more than 0.3 from lowest to highest. That shows
# how strict the measure is: a network whose errors are a few times the tolerance of
# 0.003, too small to see on a plot, scores low while its curve already lies close to
# the data. After 500 epochs the loss is the better guide.

# %%
stuck = {name: study["share of x with no neuron firing"] > 0.1
         for name, study in scale_studies.items()}
small, large = scale_studies["scale 0.01"], scale_studies["scale 0.1"]
n_seeds = len(SCALE_SEEDS)
# How many seeds get stuck varies with the seeds drawn, so the claim is only that both
# outcomes happen.
check_claim(f"with scale 0.01, at least 2 of the {n_seeds} seeds get stuck, and at least 1 "
            f"does not", bool(2 <= stuck["scale 0.01"].sum() <= n_seeds - 1))
check_claim("with scale 0.1, no seed gets stuck: on every seed some neuron fires at every x",
            bool(np.all(large["share of x with no neuron firing"] == 0)))
check_claim("every stuck network has a loss more than 10 times the largest with scale 0.1",
            bool(np.all(small["log10 of the loss"][stuck["scale 0.01"]]
                        > large["log10 of the loss"].max() + 1)))
check_claim("every stuck network's loss is around 0.03 (between 0.01 and 0.1)",
            bool(np.all(np.abs(small["log10 of the loss"][stuck["scale 0.01"]]
                               - np.log10(0.03)) < 0.5)))
check_claim("the scale-0.1 accuracies spread over more than 0.3, lowest to highest",
            bool(np.ptp(large["accuracy"]) > 0.3))

# %% [markdown]
# Here are four of the fits: a seed that got stuck with scale 0.01 and one that did
# not, each next to the same seed with scale 0.1.

# %%
stuck_seed = next(seed for seed, is_stuck in zip(SCALE_SEEDS, stuck["scale 0.01"],
                                                 strict=True) if is_stuck)
free_seed = next(seed for seed, is_stuck in zip(SCALE_SEEDS, stuck["scale 0.01"],
                                                strict=True) if not is_stuck)
shown = [(0.01, stuck_seed), (0.01, free_seed), (0.1, stuck_seed), (0.1, free_seed)]
fig, axes = plt.subplots(1, 4, figsize=(14, 3), sharey=True)
for ax, (weight_scale, seed) in zip(axes, shown, strict=True):
    layers, history = short_runs[weight_scale, seed]
    ax.plot(X, y, color="black", linewidth=3, alpha=0.25, label="data")
    ax.plot(X, forward_pass(layers, X), label="network")
    ax.set_title(f"scale {weight_scale}, seed {seed}: loss {history['loss'][-1]:.1e}",
                 fontsize=10)
    ax.set_xlabel("x")
axes[0].legend()
plt.tight_layout()
plt.show()

# %% [markdown]
# The stuck network's output is flat over the first part of the range, where the sine
# rises to its peak. Why?
#
# A ReLU neuron of the first layer computes $\max(0, w x + b)$: zero on one side of its
# **kink** at $x = -b/w$, a straight line on the other. For the stuck seed, here is
# where along $x$ at least one first-layer neuron fires (outputs more than 0), and how
# alike the kinks of the live neurons are, for both scales:

# %% tags=["nbval-ignore-output"]
# output not compared: where the kinks end up after 500 epochs differs in the last digits
# between machines; the claims below are checked instead.
kink_groups = {}
for weight_scale in (0.01, 0.1):
    layers, _ = short_runs[weight_scale, stuck_seed]
    hidden = first_layer_outputs(layers)  # (1000, 64)
    fires = hidden.max(axis=1) > 0        # (1000,): any neuron firing at x?
    live = hidden.max(axis=0) > 0         # (64,): does the neuron ever fire?
    kinks = -layers[0].biases[0, live] / layers[0].weights[0, live]
    _, group_sizes = np.unique(kinks.round(3), return_counts=True)
    kink_groups[weight_scale] = group_sizes.max()
    print(f"scale {weight_scale}: some neuron fires for x from {X[fires, 0].min():.3f} "
          f"to {X[fires, 0].max():.3f}; {live.sum()} live neurons, "
          f"up to {group_sizes.max()} sharing one kink (to 3 decimals)")

# %%
first_firing = {seed: X[first_layer_outputs(short_runs[0.01, seed][0]).max(axis=1) > 0, 0].min()
                for seed, is_stuck in zip(SCALE_SEEDS, stuck["scale 0.01"], strict=True)
                if is_stuck}
check_claim("on every stuck seed, no first-layer neuron fires left of x = 0.3",
            bool(min(first_firing.values()) > 0.3))
check_claim("in the stuck network, at least 3 live neurons share one kink, more than with "
            "scale 0.1 from the same seed",
            bool(kink_groups[0.01] >= 3 and kink_groups[0.01] > kink_groups[0.1]))

# %% [markdown]
# With scale 0.01, **no** first-layer neuron fires over roughly the first third of the
# range. There every first-layer output is 0, so the rest of the network receives the
# same all-zero input for every such $x$ and can only answer a constant: the flat
# stretch. And it cannot get out. A ReLU that outputs 0 passes back a gradient of 0, so
# nothing tells any neuron that it should move its kink to the left. Several of the live
# neurons, meanwhile, share one and the same kink: they have become copies of each
# other. With 0.1, neurons fire over the whole range, and their kinks are spread out.
#
# How did the small-scale network get there? We have not traced it step by step, but a
# likely reason is the size of Adam's steps. Adam scales each step to roughly the
# learning rate, 0.005, whatever the size of the gradient (notebook 14). For a weight of
# about 0.01 such a step is half its size: in the first steps, neurons that receive
# gradients of the same sign are all pushed by about the same amount, their small
# random differences are wiped out, and they move as a herd. If the herd moves the wrong
# way, a whole stretch of $x$ is left without a firing neuron. With weights of about 0.1
# the same step changes a weight by only a few percent: the neurons keep their
# differences, and so does the network's ability to bend its line in many places.
# Whether the herd goes wrong would then depend on the starting weights, which fits the
# different outcomes from seed to seed.
#
# And why 0.1 rather than the He rule, whose row the study above also shows? With He,
# no seed gets stuck either: its neurons fire over the whole range. But after 500
# epochs its loss is higher than with 0.1 on most of the six seeds, and its median loss
# is more than twice 0.1's. A rule is a good first guess, not a law: this notebook keeps
# the book's 0.1, which the seed study supports.

# %%
he = scale_studies["He"]
check_claim("with He, no seed gets stuck: on every seed some neuron fires at every x",
            bool(np.all(he["share of x with no neuron firing"] == 0)))
check_claim(f"after 500 epochs He's loss is higher than 0.1's on at least {n_seeds - 2} of "
            f"the {n_seeds} seeds",
            bool(np.sum(he["log10 of the loss"] > large["log10 of the loss"]) >= n_seeds - 2))
check_claim("and its median loss is more than twice 0.1's",
            bool(np.median(he["log10 of the loss"])
                 > np.median(large["log10 of the loss"]) + np.log10(2)))

# %% [markdown]
# ### The book's run, with weight scale 0.1
#
# Now the book's settings with the larger scale, as the book itself does. The book
# trains for 10,000 epochs, and its code printed an accuracy of 0.981 at the end. We
# train for 2,000, enough to see the whole story:

# %%
layers = sine_network(SEED, weight_scale=0.1)
print(layers)
history = train_regression(layers, X, y, optimizer=Adam(learning_rate=0.005, decay=1e-3),
                           epochs=2000)
fit = forward_pass(layers, X)
final_loss = MeanSquaredError().forward(fit, y)

# %% tags=["nbval-ignore-output"]
# output not compared: a loss near 1e-6 after 2,000 epochs differs from machine to machine
# in every digit; the claims below hold on any machine.
losses, epochs = np.array(history["loss"]), np.array(history["epoch"])  # every 10 epochs
lowest_so_far = np.minimum.accumulate(losses)
jumps = (losses[1:] > 10 * lowest_so_far[:-1]) & (epochs[1:] > 500)
# A jump that lasts several recorded epochs counts once: count where one starts.
jump_starts = jumps & ~np.concatenate([[False], jumps[:-1]])
print(f"after 2,000 epochs: loss {final_loss:.2e}, "
      f"accuracy {regression_accuracy(fit, y):.3f} "
      f"(the book's code after 10,000 epochs: 0.981)")
print(f"after epoch 500 the loss jumps to over 10 times its lowest value so far "
      f"{jump_starts.sum()} times, at epochs {epochs[1:][jump_starts].tolist()}")

# %%
fig, (ax_fit, ax_loss, ax_acc) = plt.subplots(1, 3, figsize=(14, 3.5))
ax_fit.plot(X, y, color="black", linewidth=4, alpha=0.25, label="data: sin(2 pi x)")
ax_fit.plot(X, fit, label="network")
ax_fit.set_xlabel("x")
ax_fit.set_title("The fit after 2,000 epochs")
ax_fit.legend()
ax_loss.semilogy(history["epoch"], history["loss"])
ax_loss.set_title("MSE (log scale)")
ax_acc.plot(history["epoch"], history["accuracy"])
ax_acc.set_title("accuracy (within std(y) / 250)")
for ax in (ax_loss, ax_acc):
    ax.set_xlabel("epoch")
plt.tight_layout()
plt.show()

# %%
check_claim("the final MSE is below 1e-3: the curve lies on the data",
            bool(final_loss < 1e-3))
check_claim("the loss falls by four orders of magnitude or more from its first value",
            bool(losses.min() < 1e-4 * losses[0]))
check_claim("after epoch 500 the loss jumps to more than 10 times its lowest value so far, "
            "at least 3 separate times", bool(jump_starts.sum() >= 3))

# %% [markdown]
# The network's curve lies on the data, and the loss falls by four orders of magnitude
# or more. But look at the spikes: every so often (in this run at least three times
# after epoch 500; how often depends on the seed) the loss jumps to more than ten times
# its lowest value so far and the accuracy, with its strict tolerance, collapses, then
# both recover. This is Adam overshooting. Once the loss is tiny, so are the gradients,
# and Adam's running average of their squares (its cache) shrinks with them; Adam
# divides by the square root of that cache, so a gradient that grows a little produces
# a step far larger than it should, which throws the fit off until the cache catches
# up.
#
# Notebook 14 met such spikes on the spiral: a step size that stays too large late in
# training, which a decay large enough to matter (about 1e-3) removed. Here the decay
# already is 1e-3, and the spikes remain, because the fit we ask for is so much finer: a
# loss of $10^{-5}$ or less instead of about $10^{-1}$. The step has to shrink further
# still: try `decay=1e-2` in the training cell above and compare the loss curve.
#
# So the final accuracy depends on where the run happens to stop. Over the last 500
# epochs:

# %% tags=["nbval-ignore-output"]
# output not compared: the accuracy at each recorded epoch depends on the machine's
# rounding; the claims below are checked instead.
recent = np.array(history["epoch"]) > 1500
recent_accuracy = np.array(history["accuracy"])[recent]
print(f"accuracy over the last 500 epochs: median {np.median(recent_accuracy):.3f}, "
      f"lowest {recent_accuracy.min():.3f}; above 0.981 at "
      f"{np.mean(recent_accuracy > 0.981):.0%} of the recorded epochs")

# %%
check_claim("over the last 500 epochs the accuracy drops below 0.5 at least once, while "
            "its median is above 0.6",
            bool(recent_accuracy.min() < 0.5 and np.median(recent_accuracy) > 0.6))

# %% [markdown]
# A single final accuracy is a snapshot, ours as much as the book's: read it together
# with the history, and do not make much of whether it lands above or below 0.981.
# (Exercise 2 below builds a less demanding measure.)

# %% [markdown]
# ## Summary
#
# - Regression predicts numbers: the output layer is `Linear` (no activation, slope 1),
#   and targets are a column, shape `(n_samples, 1)` for one output.
# - **MSE**, mean of $(\hat y - y)^2$, gradient $2(\hat y - y)/N$: large errors dominate,
#   steps shrink near the answer. **MAE**, mean of $\lvert \hat y - y \rvert$, gradient
#   $\operatorname{sign}(\hat y - y)/N$: every error pulls equally, outliers less.
# - A regression "accuracy" counts predictions within a tolerance; the book's,
#   `std(y) / 250`, is unit-free and strict.
# - With Adam, the default weight scale of 0.01 left the sine fit stuck on some of six
#   seeds (a stretch of $x$ where no neuron fires, neurons turned into copies); 0.1 kept
#   them varied on every seed, and the book's 1-64-64-1 run then fits the curve closely.
#   The He rule did not get stuck either, but after 500 epochs its loss was higher than
#   0.1's on most seeds: a rule is a first guess.
# - Late in training Adam's steps can overshoot and the loss spikes, even with a decay of
#   1e-3 when the fit is this fine; a final accuracy is a snapshot, best read beside the
#   history.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: the losses by hand
#
# Predictions `[[2.0], [0.5], [-1.0], [0.0]]` and targets `[[1.5], [0.5], [1.0], [0.0]]`.
# Compute the mean squared error and the mean absolute error with NumPy, and give them as
# a tuple `(mse, mae)`.

# %%
from nnfs_exercises.nb19 import (  # noqa: E402
    check_loss_values,
    check_mae_gradient,
    check_tolerance_accuracy,
)

mse_and_mae = None  # your code here: (mse, mae)

check_loss_values(mse_and_mae)

# %% [markdown]
# ### Exercise 2: a tolerance you choose
#
# The book's tolerance is strict. Write `accuracy_within(y_pred, y_true, fraction)`: the
# fraction of predictions within `fraction` times the **range** of the targets
# (`max - min`) of their target. With `fraction=0.01` that is 1 % of the full swing of the
# curve, 0.02 for the sine. Use `regression_accuracy` with its `tolerance` argument.
# Then try it on the trained network above: `accuracy_within(fit, y, 0.01)`.

# %%
def accuracy_within(y_pred, y_true, fraction):
    return None  # your code here


check_tolerance_accuracy(accuracy_within)

# %% [markdown]
# ### Exercise 3: the MAE gradient
#
# Write `mae_gradient(y_pred, y_true)`, the gradient of the mean absolute error with
# respect to the predictions, for arrays of shape `(n_samples, n_outputs)`, without the
# class. The checker compares it with `MeanAbsoluteError.backward`.

# %%
def mae_gradient(y_pred, y_true):
    return None  # your code here


check_mae_gradient(mae_gradient)

# %% [markdown]
# # 20 · A Model object
#
# **Goal:** stop rewriting the training loop: put a network's layers, loss, optimizer and
# accuracy into one object that trains (`fit`), measures (`evaluate`) and answers
# (`predict`), and check that it gives exactly the numbers notebook 11's `train` gave.
#
# **Prerequisites:** notebooks 11-14 (the training loop, Adam), 15 (validation data),
# 16-17 (regularisation, dropout) and 18-19 (other losses and accuracies).
#
# **What you will build:** `Model`, with `fit` (epochs, mini-batches, validation data, a
# progress bar, a returned history), `evaluate` and `predict`.
#
# *Book: chapter 18 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import math
import time

import matplotlib.pyplot as plt
import numpy as np
from tqdm.auto import tqdm

from nnfs_helpers import (
    Adam,
    DenseLayer,
    Dropout,
    ReLU,
    Softmax,
    SoftmaxCrossEntropy,
    _count,  # plumbing, not taught: '1 epoch', '3 epochs' in stop_diverged's message
    _describe,  # plumbing, not taught: it only words check_fit's error message
    accuracy,
    check_claim,
    check_data,
    check_hyperparameter,
    check_loss,
    check_size,
    evaluate,
    forward_pass,
    plot_decision_regions,
    plot_seed_study,
    print_seed_study,
    seed_study,
    spiral_data,
    total_penalty,
    train,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## The loop we keep writing
#
# Notebook 11 wrote the training loop once, as `train`: for every epoch a forward pass
# through the layers, the loss, a backward pass through the layers in reverse, an
# optimizer step, and a few lines recording the history. Here it is at work once more,
# with notebook 14's settings: the 2-64-3 network on `spiral_data(100, 3)`, Adam with a
# learning rate of 0.05 and a decay of 1e-3 (the decay that keeps notebook 14's runs
# free of late loss spikes), 10,000 full-batch epochs, everything seeded with `SEED = 0`.

# %% tags=["nbval-ignore-output"]
# output not compared: the loss and accuracy after 10,000 epochs differ in their last
# digits from one CPU to another; the claims about this run are checked below.
X, y = spiral_data(samples=100, classes=3, seed=SEED)  # (300, 2) points, (300,) labels
EPOCHS = 10_000


def spiral_network(seed=SEED):
    """Notebook 14's 2-64-3 network, with weights drawn from a fresh seeded generator."""
    rng = np.random.default_rng(seed)
    return [DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng)]


layers = spiral_network()
start = time.perf_counter()
loop_history = train(layers, Adam(learning_rate=0.05, decay=1e-3), X, y, EPOCHS)
print(f"took {time.perf_counter() - start:.1f} s")
print(f"train, after {EPOCHS} epochs:     loss {loop_history['loss'][-1]:.4f}, "
      f"accuracy {loop_history['accuracy'][-1]:.3f}")

# %% [markdown]
# But `train` fits one kind of task only: a softmax classifier, trained on all its data
# at once. The notebooks after 11 worked around it: 15 wrapped `train` to measure a
# validation set (`train_with_validation`), 17 had to hand it a `measure` that switches
# dropout off, and 18 wrote the loop once more with the loss and the accuracy as
# arguments (`train_with_loss`, which 19 reused). Look at what changed from one to the
# next: the **layers** (how many, how wide, with dropout or not), the **loss**
# (cross-entropy, binary cross-entropy, mean squared error), the **optimizer**, the
# **accuracy** (`accuracy`, `binary_accuracy`, `regression_accuracy`), the data and the
# number of epochs.
# Everything else, the two loops over the layers, the order of the calls, the
# bookkeeping, stayed the same every time. Code that stays the same belongs in
# one place, written once and tested once. That place is a `Model` object: it holds the
# four parts that change and owns the loop that does not.
#
# ## The Model class
#
# A `Model` is made from its parts: `Model(layers, loss, optimizer, accuracy)`. We write
# it in five steps, a cell each, so that no cell shows more than a book page of code.
# First, how a model is made and how it runs a batch:
#
# - `__init__` keeps the parts, and one number more: `input_scale` (1.0 unless given).
#   Every `X` the model is given is divided by it before the first layer sees it. The
#   spiral's coordinates are already about 1 in size, so here it stays 1. Notebook 21's
#   images hold pixel values from 0 to 16, and its model is made with
#   `input_scale=16.0`: it takes the pixels as they come, and the scale is part of the
#   model (notebook 22 saves it with the weights).
# - `forward(X, training=False)` divides `X` by `input_scale` and runs it through every
#   layer with notebook 04's `forward_pass`. It also switches `Dropout` layers on while
#   training and off otherwise (notebook 17 did that by hand with `layer.training`), so
#   no one can forget it.
# - `__repr__` prints the model as its parts.

# %%
class Model:
    """A network as one object: its layers, its loss, its optimizer and its accuracy."""

    def __init__(self, layers, loss, optimizer=None, accuracy=accuracy, input_scale=1.0):
        if not layers:
            raise ValueError("Model needs at least one layer, got an empty list")
        self.layers = list(layers)
        self.loss = loss
        self.optimizer = optimizer
        self.accuracy = accuracy
        self.input_scale = check_hyperparameter("Model", "input_scale", input_scale,
                                                positive=True)
        self.history = {}

    def forward(self, X, training=False):
        """Run a batch, divided by ``input_scale``, through every layer.

        ``Dropout`` drops values only when training.
        """
        for layer in self.layers:
            if isinstance(layer, Dropout):
                layer.training = training
        return forward_pass(self.layers, X / self.input_scale)

    def __repr__(self):
        layers = ", ".join(repr(layer) for layer in self.layers)
        scale = "" if self.input_scale == 1 else f", input_scale={self.input_scale:g}"
        return f"Model([{layers}], loss={self.loss!r}, optimizer={self.optimizer!r}{scale})"


# %% [markdown]
# Then a model that measures and answers, still without training. `class Model(Model)`
# makes a new `Model` that has everything the one above has, plus the methods written in
# it (a method with the same name would replace the old one):
#
# - `loss_and_accuracy(X, y)` runs one batch forward and returns its loss and accuracy.
# - `evaluate(X, y)` returns the mean loss and the accuracy on data the model does not
#   train on: validation or test data.
# - `predict(X)` returns what the network answers. With `SoftmaxCrossEntropy` the last
#   layer outputs raw scores, so `predict` applies a softmax: a classifier predicts
#   probabilities.
#
# `evaluate` and `predict` take an optional `batch_size`, so that a large data set need
# not go through the network all at once, and both check the data they are given with
# `check_data` (one label per sample, no NaN in `X`), once, where it enters (the layers'
# `check_inputs` looks at shapes only).

# %%
class Model(Model):
    """Model from above, plus measuring (evaluate) and answering (predict)."""

    def loss_and_accuracy(self, X, y, training=False):
        """Forward one batch; return its mean data loss and its accuracy."""
        output = self.forward(X, training)
        loss = self.loss.forward(output, y)
        # SoftmaxCrossEntropy keeps the probabilities; for other losses the
        # last layer's output is the prediction.
        predictions = self.loss.output if isinstance(self.loss, SoftmaxCrossEntropy) else output
        return loss, self.accuracy(predictions, y)

    def evaluate(self, X, y, batch_size=None):
        """Mean data loss and accuracy on ``X``, without training: ``(float, float)``."""
        X, y = check_data("Model.evaluate", X, y)
        batch_size = len(X) if batch_size is None else check_size("batch_size", batch_size)
        total_loss = total_accuracy = 0.0
        for start in range(0, len(X), batch_size):
            X_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            loss, acc = self.loss_and_accuracy(X_batch, y_batch)
            # Weighted by the batch's size: a short last batch counts for what it holds.
            total_loss += loss * len(X_batch)
            total_accuracy += acc * len(X_batch)
        return total_loss / len(X), total_accuracy / len(X)

    def predict(self, X, batch_size=None):
        """The network's outputs for ``X``; probabilities for a softmax classifier."""
        X, _ = check_data("Model.predict", X, np.zeros(len(np.asarray(X))))
        batch_size = len(X) if batch_size is None else check_size("batch_size", batch_size)
        output = np.concatenate([self.forward(X[start:start + batch_size])
                                 for start in range(0, len(X), batch_size)])
        if isinstance(self.loss, SoftmaxCrossEntropy):
            output = Softmax().forward(output)
        return output


# %% [markdown]
# The network `train` has just trained can go straight into a `Model`; a model that only
# measures needs no optimizer. It measures the network exactly as notebook 11's
# `evaluate` did, to the last bit, because it makes the same calls:

# %%
trained = Model(layers, SoftmaxCrossEntropy())
print(trained)
check_claim("Model.evaluate gives exactly the loss and accuracy of notebook 11's evaluate",
            trained.evaluate(X, y) == evaluate(layers, X, y))

# %% [markdown]
# Now the training loop, in three more steps. First, one epoch:
#
# - `train_epoch(X, y, batch_size, epoch)` is one pass over the data: for every batch
#   of `batch_size` samples, one step of notebook 11's loop: the loss, the backward pass
#   through the layers in reverse, the optimizer's step. It returns the epoch's mean
#   loss, penalty and accuracy, each batch weighted by its size. Before a step is taken
#   on a batch, notebook 11's `check_loss` looks at its loss: if it is NaN or infinite,
#   training has diverged, and `check_loss` raises a `FloatingPointError`. That is the
#   only test a single batch gets: one batch of 32 is a small sample, and its loss may
#   jump up and down without harm. Whether the loss as a whole has grown too large is
#   decided once per epoch, in `fit`, on the epoch's mean loss (next step).
# - `regularization_loss()` adds up the L1/L2 penalties of the layers with notebook 16's
#   `total_penalty`.
#
# Read `train_epoch` slowly: inside its `for` loop is exactly the loop of `train`.

# %%
class Model(Model):
    """Model from above, plus one epoch of training, batch by batch."""

    def train_epoch(self, X, y, batch_size, epoch):
        """One pass over the data, one step of notebook 11's loop per batch.

        Returns the epoch's mean data loss, penalty and accuracy, each batch
        weighted by its size.
        """
        total_loss = penalty_sum = total_accuracy = 0.0
        for start in range(0, len(X), batch_size):
            X_batch, y_batch = X[start:start + batch_size], y[start:start + batch_size]
            loss, acc = self.loss_and_accuracy(X_batch, y_batch, training=True)
            check_loss(loss, epoch)  # NaN or inf: no step is taken on it
            gradient = self.loss.backward()
            for layer in reversed(self.layers):
                gradient = layer.backward(gradient)
            # The penalty of the weights this step trained on, like the loss.
            penalty_sum += self.regularization_loss() * len(X_batch)
            total_loss += loss * len(X_batch)
            total_accuracy += acc * len(X_batch)
            self.optimizer.step(self.layers)
        return total_loss / len(X), penalty_sum / len(X), total_accuracy / len(X)

    def regularization_loss(self):
        """Sum of the layers' L1 and L2 penalties (0.0 without any)."""
        return total_penalty(self.layers)


# %% [markdown]
# Then the epochs:
#
# - `fit(X, y, epochs=...)` is the whole training. It goes through the data in
#   **mini-batches** of `batch_size` samples (the whole set when `batch_size` is left
#   out), shows a tqdm progress bar, evaluates `validation_data` after every epoch, and
#   returns the **history**: one number per epoch for the loss, the regularisation
#   penalty, the accuracy, the learning rate and, with validation data, the validation
#   loss and accuracy.
# - After each epoch it hands the epoch's mean loss to `check_loss` once more, this time
#   with `start_loss`, the loss before training: an epoch whose mean loss is more than
#   100 times `start_loss` (and more than 100) counts as diverged too.
# - Before each epoch it keeps a copy of the weights (`start_weights`), and it remembers
#   the copy of the epoch with the lowest training loss so far (`best_weights`): if
#   training goes wrong, that is what the model goes back to (the last step below).

# %%
class Model(Model):
    """Model from above, plus fit: epochs of training, with a history."""

    def fit(self, X, y, epochs, batch_size=None, validation_data=None, shuffle=False,
            rng=None, progress=True):
        """Train for ``epochs`` passes over ``X``, in mini-batches; return the history.

        ``validation_data=(X_val, y_val)`` is evaluated after every epoch;
        ``shuffle`` visits the samples in a new order every epoch, drawn from ``rng``.
        If training diverges (``check_loss``: a batch's loss that is not
        finite, or an epoch's mean loss more than 100 times the loss before
        training), ``fit`` puts back the weights the model had at the start of
        its best epoch (lowest training loss) and raises FloatingPointError;
        ``history`` keeps every epoch before the failing one.
        """
        X, y, validation_data, start_loss = self.check_fit(X, y, epochs, batch_size,
                                                           validation_data)
        rng = np.random.default_rng(rng)
        names = ["loss", "regularization_loss", "accuracy", "learning_rate"]
        if validation_data is not None:
            names += ["val_loss", "val_accuracy"]
        self.history = {name: [] for name in names}
        best_epoch, best_loss, best_weights = 0, math.inf, self.copy_weights()
        for epoch in tqdm(range(1, epochs + 1), desc="epochs", disable=not progress):
            start_weights = self.copy_weights()
            learning_rate = self.optimizer.current_learning_rate
            order = rng.permutation(len(X)) if shuffle else np.arange(len(X))
            try:
                loss, penalty, acc = self.train_epoch(X[order], y[order],
                                                      batch_size or len(X), epoch)
                check_loss(loss, epoch, start_loss)
            except FloatingPointError as error:
                self.stop_diverged(error, best_epoch, best_weights)
            if loss < best_loss:
                best_epoch, best_loss, best_weights = epoch, loss, start_weights
            self.history["learning_rate"].append(learning_rate)
            self.history["loss"].append(loss)
            self.history["regularization_loss"].append(penalty)
            self.history["accuracy"].append(acc)
            if validation_data is not None:
                val_loss, val_accuracy = self.evaluate(*validation_data)
                self.history["val_loss"].append(val_loss)
                self.history["val_accuracy"].append(val_accuracy)
        return self.history


# %% [markdown]
# And last, the two guards of `fit`, one for each end of a training run:
#
# - `check_fit` checks everything `fit` is given before its first step, so that a slip
#   such as 300 samples in `X` and 299 labels in `y` is refused with a clear message
#   instead of stopping training half-way.
# - `check_fit` also measures the loss before training, `start_loss`, on all the data:
#   the yardstick for divergence. An epoch's mean loss more than 100 times `start_loss`
#   means training has run away: a mean over a whole epoch that has grown a
#   hundredfold is not the noise of one unlucky batch, and we do not wait for it to
#   come back. The limit is never below 100: a model that is already trained starts
#   below a loss of 1, and when it is trained on (with small batches, say) its loss may
#   wander up a little without harm. A batch loss that is not a finite number cannot
#   come back at all, which is why `train_epoch` refuses it at once.
# - `copy_weights` and `stop_diverged` handle a run that **diverges**. When `check_loss`
#   raises its `FloatingPointError` during an epoch, `fit` catches it, and
#   `stop_diverged` puts back the weights the model had at the **start of its epoch with
#   the lowest loss** (the `best_weights` the loop kept), and raises the error again,
#   with the learning rate and what was put back added to its message. Nothing is lost
#   that was worth keeping: `model.history` keeps every epoch that was completed before
#   the one that failed, and the model is back at its best epoch. (Only the optimizer's
#   running averages, its momentum and its caches, are not put back: before training
#   on, give the model a fresh optimizer, with the learning rate that used to work or a
#   smaller one.)
#
# Why the *start* of the best epoch? The loss an epoch records is measured by its
# forward passes, *before* its steps: it is the loss of the weights the epoch started
# with. So for full-batch training without dropout, the model that comes back has
# exactly the lowest loss in its history. With mini-batches it is only roughly the best:
# an epoch's loss is then a mean over its batches, each measured after the steps of
# the batches before it, so it describes weights that moved during the epoch, not the
# ones the epoch started with. (Dropout adds noise of its own to the measured loss.)

# %%
class Model(Model):
    """Model from above, plus the guards of fit: checked inputs, and divergence."""

    def check_fit(self, X, y, epochs, batch_size, validation_data):
        """Check everything ``fit`` is given before its first step.

        Returns the data and the loss before training, which later losses are
        compared with to notice divergence.
        """
        if self.optimizer is None:
            raise ValueError("Model.fit needs an optimizer: Model(layers, loss, optimizer)")
        check_size("epochs", epochs)
        if batch_size is not None:
            check_size("batch_size", batch_size)
        X, y = check_data("Model.fit", X, y)
        # Every label is checked once, before the first step: batch by batch, a bad
        # label in a late batch would stop training half-way, the model changed.
        start_loss, _ = self.loss_and_accuracy(X, y)
        if validation_data is not None:
            if not isinstance(validation_data, tuple | list) or len(validation_data) != 2:
                raise TypeError(
                    f"Model.fit: validation_data must be a pair (X_val, y_val), got "
                    f"{_describe(validation_data)}")
            validation_data = check_data("Model.fit validation_data", *validation_data)
            self.loss_and_accuracy(*validation_data)
        return X, y, validation_data, start_loss

    def copy_weights(self):
        """Copies of every dense layer's weights and biases, in layer order."""
        return [(layer.weights.copy(), layer.biases.copy())
                for layer in self.layers if isinstance(layer, DenseLayer)]

    def stop_diverged(self, error, best_epoch, best_weights):
        """Put back ``best_weights`` and raise the divergence ``error``, with what was done."""
        dense = [layer for layer in self.layers if isinstance(layer, DenseLayer)]
        for layer, (weights, biases) in zip(dense, best_weights, strict=True):
            # In place: the optimizer keeps its state per array.
            layer.weights[...] = weights
            layer.biases[...] = biases
        kept = (f"the weights it had at the start of epoch {best_epoch}, its lowest loss"
                if best_epoch else "the weights it started with")
        raise FloatingPointError(
            f"Model.fit stopped: {error} (The learning rate was "
            f"{self.optimizer.current_learning_rate:.4g}.) The model was put back to "
            f"{kept}; model.history keeps the {_count(len(self.history['loss']), 'epoch')} "
            f"before the one that failed.") from None


# %% [markdown]
# ## The spiral, trained through a Model
#
# Same data, same network (a fresh copy from the same seed), same loss, same optimizer
# settings, same number of epochs. The four parts go into the model, and one call trains
# it:

# %% tags=["nbval-ignore-output"]
# output not compared: the final loss and accuracy differ in their last digits from one
# CPU to another; that they equal train's exactly is checked in the next cell.
model = Model(spiral_network(), SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-3))
print(model)

start = time.perf_counter()
history = model.fit(X, y, epochs=EPOCHS)
print(f"took {time.perf_counter() - start:.1f} s")
print(f"Model.fit, after {EPOCHS} epochs:     loss {history['loss'][-1]:.4f}, "
      f"accuracy {history['accuracy'][-1]:.3f}")

# %% [markdown]
# The same final numbers as `train`. Not only the last ones: the model made the same
# calls in the same order, so every one of the 10,000 losses is **exactly** equal (not
# merely close, so `==` and not `np.allclose`), and so are the trained weights.

# %%
print("history keys:", list(history))
print("all 10,000 losses equal:     ", history["loss"] == loop_history["loss"])
print("all 10,000 accuracies equal: ", history["accuracy"] == loop_history["accuracy"])
same_weights = [np.array_equal(mine.weights, theirs.weights)
                for mine, theirs in zip(model.layers[::2], layers[::2], strict=True)]
print("trained weights equal:       ", all(same_weights))
check_claim("Model.fit and train give exactly the same 10,000 losses and weights",
            history["loss"] == loop_history["loss"] and all(same_weights))

# %% [markdown]
# ## Plots from the returned history
#
# `fit` returns the history (and keeps it as `model.history`), a dict of lists with one
# number per epoch, so plotting a training run needs no bookkeeping of our own. The
# learning rate is recorded too: with a decay of 1e-3 it shrinks from 0.05 to about
# 0.0045, an eleventh, over the 10,000 steps (`0.05 / (1 + 1e-3 * step)`, notebook 12).

# %%
epochs = np.arange(1, EPOCHS + 1)
fig, axes = plt.subplots(1, 3, figsize=(13, 3.5))
for ax, key in zip(axes, ["loss", "accuracy", "learning_rate"], strict=True):
    ax.plot(epochs, history[key])
    ax.set_xlabel("epoch")
    ax.set_title(key.replace("_", " "))
    ax.grid(alpha=0.3)
plt.tight_layout()
plt.show()
print(f"learning rate: first epoch {history['learning_rate'][0]:.4f}, "
      f"last epoch {history['learning_rate'][-1]:.4f}")

# %%
after_500 = np.array(history["loss"][500:])
lowest_before = np.minimum.accumulate(history["loss"])[499:-1]  # lowest loss so far
check_claim("after epoch 500, the loss never rises more than 25% above its lowest value so far",
            bool(np.all(after_500 <= 1.25 * lowest_before)))

# %% [markdown]
# In this run the loss falls with only small bumps: after epoch 500 it never rises more
# than 25% above the lowest value it had reached. The setting of the book's Adam example
# in chapter 10 (a learning rate of 0.05 with a decay of 5e-7, which hardly shrinks the
# rate at all) gives sharp spikes instead. As notebook 14
# showed, the spikes come from a step size that stays too large once the network is
# close to a minimum: Adam overshoots and needs a few dozen epochs to recover. The decay
# shrinks the step as training goes on. This is one run, one seed; notebook 14's seed
# study is what shows the decay keeps the spikes away on other seeds too.
#
# ## `evaluate` and `predict`
#
# A high training accuracy says little about new data (notebook 15). `evaluate` gives the
# mean loss and the accuracy on any labelled data, here a fresh spiral drawn with
# another seed. It runs the network in inference mode and changes nothing.

# %% tags=["nbval-ignore-output"]
# output not compared: trained accuracies differ in their last digits between CPUs; the
# claims about them are checked in the next cell.
X_val, y_val = spiral_data(samples=100, classes=3, seed=1)  # a new sample of the same spiral
train_loss, train_accuracy = model.evaluate(X, y)
val_loss, val_accuracy = model.evaluate(X_val, y_val)
print(f"training data:   loss {train_loss:.4f}, accuracy {train_accuracy:.3f}")
print(f"validation data: loss {val_loss:.4f}, accuracy {val_accuracy:.3f}")

# %%
last_epoch_accuracy = history["accuracy"][-1]
# Accuracies on 300 points are whole numbers of points: compare in points, not floats.
points_apart = round(abs(train_accuracy - last_epoch_accuracy) * len(y))
check_claim("evaluate's training accuracy and the one fit recorded last differ by at most "
            "3 of the 300 points",
            points_apart <= 3)
check_claim("the training accuracy is above 0.9",
            train_accuracy > 0.9)
check_claim("the validation accuracy is between 0.75 and 0.85, at least 0.1 below it",
            0.75 <= val_accuracy <= 0.85 and val_accuracy <= train_accuracy - 0.1)

# %% [markdown]
# In this run the training accuracy from `evaluate` is above 0.9, close to the last
# value `fit` recorded but not necessarily equal to it: the history holds what each
# epoch's forward pass measured, *before* that epoch's optimizer step, while `evaluate`
# measures the weights *after* the last step. Both are right; they can differ by a few
# points (the check above allows at most 3 of the 300).
#
# On the validation data the model reaches only about 0.8 (between 0.75 and 0.85), at
# least 0.1 below its training accuracy: that gap is the overfitting notebooks 15-17
# fought against.
#
# `predict` needs no labels: it returns one row of class probabilities per sample. The
# predicted class is the column with the highest probability.

# %% tags=["nbval-ignore-output"]
# output not compared: the probabilities of a trained model differ in their last digits
# from one CPU to another; what the text says about them is checked below.
probabilities = model.predict(X_val[:4])  # (4, 2) -> (4, 3)
print(probabilities)
print("row sums:       ", probabilities.sum(axis=1))
print("predicted class:", probabilities.argmax(axis=1))
print("true class:     ", y_val[:4])
check_claim("every row is a probability distribution (non-negative, summing to 1)",
            bool(np.all(probabilities >= 0) and np.allclose(probabilities.sum(axis=1), 1)))

# %% [markdown]
# Because `predict` takes any points, it can also colour the whole plane. Left, the
# training data over the model's predictions; right, the validation data over the same
# predictions.

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))
plot_decision_regions(model.predict, X, y, ax=left, title="Training data")
plot_decision_regions(model.predict, X_val, y_val, ax=right, title="Validation data")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Mini-batches
#
# So far every step has used all 300 points. With `batch_size=32`, `fit` splits each
# epoch into batches of 32 samples (the last one takes the 12 left over) and takes an
# optimizer step after each: 10 steps per epoch instead of 1. Each step does about a
# tenth of the arithmetic of a full-batch step, so an epoch does about the same, and each
# step is noisier, because 32 points only estimate the gradient of the whole set.
#
# `shuffle=True` visits the samples in a new order every epoch. Without it the spiral's
# batches would each hold a single class (its labels come in blocks) and every step
# would pull towards that one class. The order comes from `rng`, so a seeded run is
# reproducible.
#
# Below, two fresh models train for 300 epochs each with the same optimizer settings, one
# full-batch and one with mini-batches, both with `validation_data`, so the history also
# holds the validation loss and accuracy of every epoch.

# %% tags=["nbval-ignore-output"]
# output not compared: accuracies after 300 epochs differ in their last digits from one
# CPU to another; the comparison is made by the seed study below, with checked claims.
steps_per_epoch = int(np.ceil(len(X) / 32))
print("steps per epoch with batch_size=32:", steps_per_epoch)

runs = {}
for name, batch_size in [("full batch", None), ("batches of 32", 32)]:
    run_model = Model(spiral_network(), SoftmaxCrossEntropy(),
                      Adam(learning_rate=0.05, decay=1e-3))
    runs[name] = run_model.fit(X, y, epochs=300, batch_size=batch_size, shuffle=True,
                               rng=SEED, validation_data=(X_val, y_val))
    print(f"{name:>13}: training accuracy {runs[name]['accuracy'][-1]:.3f}, "
          f"validation accuracy {runs[name]['val_accuracy'][-1]:.3f}")

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
for (name, run), colour in zip(runs.items(), ["tab:blue", "tab:orange"], strict=True):
    left.plot(run["loss"], color=colour, label=f"{name}: training")
    left.plot(run["val_loss"], color=colour, linestyle="--", label=f"{name}: validation")
    right.plot(run["accuracy"], color=colour, label=f"{name}: training")
    right.plot(run["val_accuracy"], color=colour, linestyle="--",
               label=f"{name}: validation")
left.set(xlabel="epoch", title="loss")
right.set(xlabel="epoch", title="accuracy")
for ax in (left, right):
    ax.grid(alpha=0.3)
    ax.legend()
plt.tight_layout()
plt.show()
# The decay counts optimizer steps: 300 of them for the full batch, 3,000 for batches of 32.
print(f"learning rate in epoch 300: full batch {runs['full batch']['learning_rate'][-1]:.4f}, "
      f"batches of 32 {runs['batches of 32']['learning_rate'][-1]:.4f}")
full_run, batch_run = runs["full batch"], runs["batches of 32"]
check_claim("in this run, batches of 32 end with the higher loss and the lower training "
            "and validation accuracies",
            full_run["loss"][-1] < batch_run["loss"][-1]
            and full_run["accuracy"][-1] > batch_run["accuracy"][-1]
            and full_run["val_accuracy"][-1] > batch_run["val_accuracy"][-1])

# %% [markdown]
# In this run, more steps did not mean more progress: the mini-batch model took 3,000
# steps to the full-batch model's 300, yet it ends with the higher loss and the lower
# accuracies, and its curves wiggle with the noise of 32-sample gradients.
#
# But this is one run, from one seed. Another seed starts from other weights and
# shuffles the batches in another order, and could end the other way round. So before
# we say anything about mini-batches, we repeat the experiment with five seeds
# (`seed_study`, introduced in notebook 07 and explained in notebook 11). Each run
# returns its final training and validation accuracy and its number of **live**
# neurons: hidden neurons whose ReLU is positive for at least one training point (a
# neuron that is zero on every point passes no gradient and stops learning, notebook
# 12). Five settings, all with Adam and a decay of 1e-3:
#
# - the full batch and batches of 32, both at the learning rate of 0.05, for 300 epochs;
# - the same two at a ten times smaller rate, 0.005, also for 300 epochs: if large steps
#   were the trouble, smaller ones should help the batches;
# - the full batch at 0.005 for 3,000 epochs: the **same number of steps at the same
#   rate** as batches of 32 at 0.005 (300 epochs of 10 steps), so the only difference
#   between the two is whether each step sees 32 points or all 300.

# %% tags=["nbval-ignore-output"]
# output not compared: every seed's accuracy differs in its last digits from one CPU to
# another; the claims the text makes about the spread are checked in the next cell.
SEEDS = [0, 1, 2, 3, 4]


def minibatch_run(batch_size, learning_rate, epochs=300):
    """A run(seed) for seed_study: train a fresh 2-64-3 network, report how it ended."""
    def run(seed):
        model = Model(spiral_network(seed), SoftmaxCrossEntropy(),
                      Adam(learning_rate=learning_rate, decay=1e-3))
        model.fit(X, y, epochs=epochs, batch_size=batch_size, shuffle=True, rng=seed,
                  progress=False)
        # (300, 64): the first layer, before ReLU. Divided by input_scale as the model's
        # own forward does (it is 1 here, but the first layer sees X / input_scale).
        hidden = model.layers[0].forward(X / model.input_scale)
        return {"training accuracy": model.evaluate(X, y)[1],
                "validation accuracy": model.evaluate(X_val, y_val)[1],
                "live neurons": np.sum(np.any(hidden > 0, axis=0))}
    return run


studies = {
    "full batch, lr 0.05": seed_study(minibatch_run(None, 0.05), SEEDS),
    "batches of 32, lr 0.05": seed_study(minibatch_run(32, 0.05), SEEDS),
    "full batch, lr 0.005": seed_study(minibatch_run(None, 0.005), SEEDS),
    "batches of 32, lr 0.005": seed_study(minibatch_run(32, 0.005), SEEDS),
    "full batch, lr 0.005, 3,000 epochs": seed_study(minibatch_run(None, 0.005, 3000),
                                                     SEEDS),
}
print_seed_study(studies, "training accuracy")
print()
print_seed_study(studies, "validation accuracy")
print()
print_seed_study(studies, "live neurons", digits=0)

fig, (left, right) = plt.subplots(1, 2, figsize=(12, 3.6), sharey=True)
plot_seed_study(studies, "training accuracy", ax=left, title="training accuracy")
plot_seed_study(studies, "validation accuracy", ax=right, title="validation accuracy")
plt.tight_layout()
plt.show()

# %%
full, small_batches = studies["full batch, lr 0.05"], studies["batches of 32, lr 0.05"]
slow_batches = studies["batches of 32, lr 0.005"]
slow_full_300 = studies["full batch, lr 0.005"]
slow_full = studies["full batch, lr 0.005, 3,000 epochs"]
accuracy_key = "training accuracy"
check_claim("at lr 0.05, batches of 32 end below the full batch on at least 4 of the 5 seeds",
            bool(np.sum(small_batches[accuracy_key] < full[accuracy_key]) >= 4))
check_claim("and their median training accuracy is at least 0.1 lower",
            bool(np.median(small_batches[accuracy_key])
                 <= np.median(full[accuracy_key]) - 0.1))
check_claim("so is their median validation accuracy",
            bool(np.median(small_batches["validation accuracy"])
                 <= np.median(full["validation accuracy"]) - 0.1))
check_claim("at lr 0.05, batches of 32 keep fewer than half of the 64 neurons alive on "
            "every seed, the full batch more than half",
            bool(np.all(small_batches["live neurons"] < 32)
                 and np.all(full["live neurons"] > 32)))
check_claim("at lr 0.005, batches of 32 keep many more neurons alive (median at least 10 "
            "more than at lr 0.05)",
            bool(np.median(slow_batches["live neurons"])
                 >= np.median(small_batches["live neurons"]) + 10))
check_claim("but end lower still: median below that at lr 0.05, and below 0.7 on every seed",
            bool(np.median(slow_batches[accuracy_key]) < np.median(small_batches[accuracy_key])
                 and np.all(slow_batches[accuracy_key] < 0.7)))
check_claim("at lr 0.005 and the same 300 epochs, the full batch ends ahead of batches of 32 "
            "by more than 0.05 on every seed",
            bool(np.all(slow_full_300[accuracy_key] > slow_batches[accuracy_key] + 0.05)))
check_claim("and its median training accuracy is at least 0.1 higher",
            bool(np.median(slow_full_300[accuracy_key])
                 >= np.median(slow_batches[accuracy_key]) + 0.1))
check_claim("with the same 3,000 steps at lr 0.005, the full batch ends ahead of batches "
            "of 32 by more than 0.2 on every seed",
            bool(np.all(slow_full[accuracy_key] > slow_batches[accuracy_key] + 0.2)))

# %% [markdown]
# What the five seeds show:
#
# - **The full batch wins, clearly.** At the rate of 0.05, batches of 32 end below the
#   full batch on at least four of the five seeds, and their median training accuracy is
#   at least 0.1 lower. So is their median validation accuracy.
# - **The mini-batch runs lose most of their neurons.** With batches of 32 at 0.05,
#   fewer than half of the 64 hidden neurons are still alive at the end, on every seed;
#   the full batch keeps more than half. Each noisy step moves every weight by up to
#   about the learning rate, in a direction that changes from batch to batch, and once a
#   neuron's weighted sum is negative for all 300 points, it gets no gradient and stops
#   learning.
# - **A smaller rate does not rescue them.** At 0.005 many more neurons survive (a
#   median at least 10 more), but in 300 epochs the runs get even less far (a lower
#   median, and below 0.7 on every seed). The full batch at that rate, in the same 300
#   epochs and so with a tenth of the steps, ends more than 0.05 ahead of them on every
#   seed, with a median at least 0.1 higher. Large steps that overshoot are not the
#   whole story.
# - **The noise itself costs.** With the same 3,000 steps at the same rate of 0.005, the
#   full batch ends more than 0.2 higher on every seed. Adam divides each step by the
#   running size of the gradients (notebooks 13-14), and that size includes the noise:
#   gradients from 32 points point a different way every step, so their running average
#   (Adam's momentum) partly cancels while their squares do not, and each step moves the
#   weights less in the direction that helps.
#
# One more difference hides in the settings: the decay counts optimizer steps, not
# epochs. With 10 steps per epoch, the mini-batch runs go ten times faster along the
# same decay schedule: in epoch 300 their rate is down to about 0.0125 after nearly
# 3,000 steps, against about 0.0385 for the full batch after 299
# (`0.05 / (1 + 1e-3 * steps)`, printed under the curves above).
#
# What *would* make batches of 32 pay off on these 300 points, we leave open: the
# smaller rate did not, within 300 epochs. The seed study is what lets us say even this
# much: one run can only show what one seed did.
#
# So why use mini-batches at all? Because this data set is tiny. With 300 points the
# full batch is cheap and its gradient is exact. With tens of thousands of images a
# full-batch step costs a whole pass over the data and holds every intermediate array in
# memory at once, while a batch of 32 similar-looking images already points the gradient
# in nearly the right direction: many cheap steps then beat a few exact ones. Notebook 21
# trains that way on real images. The training loss `fit` records for an epoch is the
# mean of its batch losses, each weighted by its batch size.
#
# ## Mistakes `fit` catches
#
# `fit` checks what it is given before its first step (`check_fit`): `X` must be a
# non-empty batch of finite numbers with one label per sample in `y`, `batch_size` and
# `epochs` must be positive whole numbers, and the loss checks that every label is a
# class the network has a column for. A slip such as dropping one label is reported in
# words:

# %% tags=["raises-exception"]
model.fit(X, y[:-1], epochs=10)

# %% [markdown]
# And a label outside `0 .. n_classes - 1` (here, a 3 in a three-class problem, whose
# classes are 0, 1 and 2) is refused by the loss, which `check_fit` runs once over all
# the labels before the first step, so the model is left unchanged:

# %% tags=["raises-exception"]
model.fit(X, y + 1, epochs=10, progress=False)

# %% [markdown]
# ## A learning rate far too large
#
# The last mistake is one `check_fit` cannot see: settings that are valid, but make
# training diverge. Below, a fresh network trains well for 300 epochs (Adam at 0.05, as
# above), and then someone tries to speed things up with a learning rate a hundred times
# larger, 5.0. The first epoch at that rate measures the trained weights, then takes
# one step (full batch), so large that the loss the second epoch measures is past the
# limit: more than 100 times the loss before training, and more than 100 (the trained
# model's loss is below 1, so here the limit is 100). `fit` stops, puts the model
# back, and says so:

# %% tags=["nbval-ignore-output"]
# output not compared: the losses in the message differ in their last digits from one
# CPU to another; what the text says about them is checked in the next cell.
careless = Model(spiral_network(), SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-3))
careless.fit(X, y, epochs=300, progress=False)
trained_weights = careless.copy_weights()   # to compare with, afterwards

careless.optimizer = Adam(learning_rate=5.0)  # 100 times the rate that worked
diverged = False
try:
    careless.fit(X, y, epochs=100, progress=False)
except FloatingPointError as error:
    diverged = True
    print(error)

# %%
loss_now = careless.evaluate(X, y)[0]
lowest = min(careless.history["loss"])
print("epochs kept in the history:", len(careless.history["loss"]))
print("loss now equals the lowest loss in the history:", loss_now == lowest)
print("every weight finite:       ",
      all(np.isfinite(layer.weights).all() and np.isfinite(layer.biases).all()
          for layer in careless.layers[::2]))
print("weights and biases equal the trained ones of before:",
      all(np.array_equal(layer.weights, weights) and np.array_equal(layer.biases, biases)
          for layer, (weights, biases) in zip(careless.layers[::2], trained_weights,
                                              strict=True)))
check_claim("fit stopped with a FloatingPointError in its second epoch (one epoch kept), "
            "having started from a loss below 1",
            diverged and len(careless.history["loss"]) == 1 and careless.history["loss"][0] < 1)
check_claim("the model's loss is now exactly the lowest loss in its history",
            loss_now == lowest)

# %% [markdown]
# The message names the epoch, the loss and the learning rate, and says what to try. The
# model is not ruined: its loss is exactly the lowest of its history, every weight is a
# finite number, and here they are the very weights and biases the 300 good epochs had
# trained, because the best epoch of the failed run was its first, which started from
# them. (The message's last sentence, about non-finite values in `X`, is for loops that
# do not check their data, such as notebook 11's `train`; `fit` would have refused such
# an `X` in `check_fit`, before its first step.) To train on, give the model a fresh optimizer
# with the rate that worked, 0.05, or a smaller one.

# %% [markdown]
# ## Summary
#
# - A `Model` holds the four parts that change from task to task (layers, loss,
#   optimizer, accuracy) and owns the training loop that does not.
# - `fit(X, y, epochs=..., batch_size=..., validation_data=...)` trains with a progress
#   bar and returns a history of per-epoch numbers, ready to plot.
# - Trained through `fit` with the same seed and settings, the spiral gives exactly the
#   numbers of notebook 11's `train`: same losses, same weights.
# - `evaluate(X, y)` gives loss and accuracy on held-out data; `predict(X)` gives class
#   probabilities, with `Dropout` switched off.
# - Mini-batches take several cheaper, noisier steps per epoch: they pay off on large
#   data sets, not on 300 points: there, in the same number of epochs, batches of 32
#   ended below the full batch at both rates tried (on at least four of five seeds at
#   0.05, on all five at 0.005). Shuffle them, with a seeded `rng` for reproducibility;
#   and compare settings with a seed study, since one run is one seed's story.
# - A run that diverges (a batch loss that is not finite, or an epoch's mean loss more
#   than 100 times the loss before training and more than 100) stops with a
#   `FloatingPointError` that names the likely cause, and leaves the model with the
#   weights of its lowest-loss epoch (exactly the best for full batches, roughly with
#   mini-batches) and the history up to the failure.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: steps per epoch
#
# Write `steps_per_epoch(n_samples, batch_size)`: how many optimizer steps one epoch of
# `fit` takes. With `batch_size=None` it is one (full batch). Otherwise, every full batch
# is a step and so are the samples left over at the end. For 300 samples and batches of
# 32 it is 10; for 320 samples, also 10. (Your function takes the name of the number
# `steps_per_epoch` the mini-batch section printed; that number is not used again.)

# %%
from nnfs_exercises.nb20 import (  # noqa: E402
    check_best_val_epoch,
    check_steps_per_epoch,
    check_trained_model,
)


def steps_per_epoch(n_samples, batch_size):
    return None  # your code here


check_steps_per_epoch(steps_per_epoch)

# %% [markdown]
# ### Exercise 2: the best epoch
#
# Write `best_epoch(history)`: given a history returned by `fit` with validation data,
# return the epoch (counting from 1, as the progress bar does) whose validation loss is
# the lowest. Try it on `runs["full batch"]` from above. (Keeping the weights of that
# epoch is called *early stopping*.)

# %%
def best_epoch(history):
    return None  # your code here


check_best_val_epoch(best_epoch)

# %% [markdown]
# ### Exercise 3: train a model yourself
#
# Build a `Model` of a 2-32-3 network (a `DenseLayer(2, 32)`, a `ReLU`, a
# `DenseLayer(32, 3)`, with `rng=rng` for both dense layers), `SoftmaxCrossEntropy` and
# `Adam(learning_rate=0.05, decay=1e-3)`. Train it for 200 epochs on `X`, `y` in batches
# of 64, shuffled with `rng=SEED`, with `(X_val, y_val)` as validation data and
# `progress=False`. Store the model in `my_model`.

# %%
rng = np.random.default_rng(SEED)
my_model = None  # your code here

check_trained_model(my_model)

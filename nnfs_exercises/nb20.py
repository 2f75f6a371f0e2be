"""Checkers for notebook 20: a Model object."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    correct,
    is_placeholder,
    not_attempted,
    wrong,
)


def check_steps_per_epoch(function):
    """Exercise 1: ``steps_per_epoch(n_samples, batch_size)``, ``None`` meaning full batch."""
    cases = [(300, 32, 10), (320, 32, 10), (321, 32, 11), (300, None, 1), (10, 1, 10),
             (5, 64, 1), (1797, 128, 15)]
    for n_samples, batch_size, expected in cases:
        result, verdict = call_answer(function, n_samples, batch_size)
        if verdict is not None:
            return verdict
        if isinstance(result, bool) or not isinstance(result, int | np.integer):
            return wrong(f"steps_per_epoch({n_samples}, {batch_size}) should be a whole "
                         f"number (an int), got {result!r}.")
        if result == expected:
            continue
        if batch_size is None:
            return wrong("with batch_size=None the whole set is one batch: 1 step.")
        if result == n_samples // batch_size:
            return wrong(f"steps_per_epoch({n_samples}, {batch_size}) gave {result}: the "
                         f"samples left over after the full batches make one more step. "
                         f"Round up: int(np.ceil(n_samples / batch_size)).")
        return wrong(f"steps_per_epoch({n_samples}, {batch_size}) should be {expected}, "
                     f"got {result}. Round n_samples / batch_size up.")
    return correct("one step per batch, the short last batch included.")


def _histories():
    """Validation histories with a known best epoch (counting from 1)."""
    rng = np.random.default_rng(20)
    curve = list(np.linspace(1.0, 0.3, 12)) + list(np.linspace(0.31, 0.6, 8))
    noisy = list(0.5 + 0.1 * rng.standard_normal(30))
    falling = list(np.linspace(1.0, 0.1, 7))
    return [{"loss": list(np.linspace(1.0, 0.1, len(values))), "val_loss": values,
             "val_accuracy": list(np.linspace(0.3, 0.9, len(values)))}
            for values in (curve, noisy, falling)]


def check_best_val_epoch(function):
    """Exercise 2: ``best_epoch(history)``, the 1-based epoch of lowest validation loss."""
    for history in _histories():
        result, verdict = call_answer(function, {key: list(values)
                                                 for key, values in history.items()})
        if verdict is not None:
            return verdict
        expected = int(np.argmin(history["val_loss"])) + 1
        if result == expected:
            continue
        if result == expected - 1:
            return wrong(f"you returned {result}, the index of the lowest validation loss; "
                         f"epochs count from 1, so add 1.")
        if result in (int(np.argmin(history["loss"])) + 1, int(np.argmin(history["loss"]))):
            return wrong("that is the epoch of the lowest training loss; use "
                         "history['val_loss'].")
        return wrong(f"the lowest validation loss is at epoch {expected}, you returned "
                     f"{result!r}. Hint: np.argmin(history['val_loss']) + 1.")
    return correct("the epoch with the lowest validation loss, counted from 1.")


def _reference_history(*, data_dtype=np.float64, shuffle=True, fit_rng_is_generator=False):
    """The history exercise 3 should produce, trained here from the same seeds.

    The keyword arguments make the histories of likely slips instead: the data cast
    to float32, ``shuffle`` left out, or the generator that made the layers passed to
    ``fit`` in place of the seed.
    """
    from nnfs_helpers import Adam, DenseLayer, Model, ReLU, SoftmaxCrossEntropy, spiral_data

    X, y = spiral_data(100, 3, seed=0)
    X_val, y_val = spiral_data(100, 3, seed=1)
    X, X_val = X.astype(data_dtype), X_val.astype(data_dtype)
    rng = np.random.default_rng(0)
    model = Model([DenseLayer(2, 32, rng=rng), ReLU(), DenseLayer(32, 3, rng=rng)],
                  SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-3))
    return model.fit(X, y, epochs=200, batch_size=64, shuffle=shuffle,
                     rng=rng if fit_rng_is_generator else 0,
                     validation_data=(X_val, y_val), progress=False)


def _same_losses(history, expected):
    return np.allclose(history["loss"], expected["loss"], rtol=1e-9, atol=1e-12)


# Slips that change the losses, the history each one produces, and its hint.
_TRAINING_SLIPS = [
    (dict(data_dtype=np.float32),
     "the losses are those of float32 data: X was cast with X.astype(np.float32). The "
     "layers compute in float64, so pass X and X_val as spiral_data returns them."),
    (dict(shuffle=False),
     "the losses are those of a run without shuffling: pass shuffle=True to fit."),
    (dict(fit_rng_is_generator=True),
     "the losses are those of a run shuffled by the generator that made the layers: "
     "pass rng=SEED (the number) to fit, and rng=rng to the layers."),
]


def check_trained_model(model):
    """Exercise 3: a 2-32-3 Model trained for 200 epochs in batches of 64."""
    if is_placeholder(model):
        return not_attempted("replace None with your trained Model.")
    for name in ("layers", "loss", "optimizer", "history"):
        if not hasattr(model, name):
            return wrong(f"expected a Model, got {type(model).__name__}.")
    names = [type(layer).__name__ for layer in model.layers]
    if names != ["DenseLayer", "ReLU", "DenseLayer"]:
        return wrong(f"the layers should be DenseLayer, ReLU, DenseLayer; got {names}.")
    sizes = [layer.weights.shape for layer in model.layers[::2]]
    if sizes != [(2, 32), (32, 3)]:
        return wrong(f"the dense layers should be 2 -> 32 and 32 -> 3, got {sizes}.")
    if type(model.loss).__name__ != "SoftmaxCrossEntropy":
        return wrong(f"the loss should be SoftmaxCrossEntropy(), got {model.loss!r}.")
    optimizer = model.optimizer
    if (type(optimizer).__name__ != "Adam" or optimizer.learning_rate != 0.05
            or optimizer.decay != 1e-3):
        return wrong(f"the optimizer should be Adam(learning_rate=0.05, decay=1e-3), "
                     f"got {optimizer!r}.")
    history = model.history
    if not history:
        return wrong("the model has no history: train it with my_model.fit(...).")
    if "val_loss" not in history:
        return wrong("pass validation_data=(X_val, y_val) to fit.")
    if len(history["loss"]) != 200:
        return wrong(f"train for 200 epochs; the history has {len(history['loss'])}.")
    if optimizer.iterations != 200 * 5:
        return wrong(f"200 epochs in batches of 64 make 5 steps per epoch, 1000 in all; "
                     f"the optimizer took {optimizer.iterations}. Pass batch_size=64 and "
                     f"call fit once on a fresh model.")
    if not _same_losses(history, _reference_history()):
        for slip, hint in _TRAINING_SLIPS:
            if _same_losses(history, _reference_history(**slip)):
                return wrong(hint)
        return wrong("the losses differ from the expected run: make both dense layers "
                     "with rng=rng right after rng = np.random.default_rng(SEED), on the "
                     "notebook's X and y, and pass shuffle=True, rng=SEED to fit.")
    return correct(f"validation accuracy {history['val_accuracy'][-1]:.3f} after 200 epochs "
                   f"of 5 mini-batch steps each.")

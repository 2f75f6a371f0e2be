"""Reference solutions and wrong answers for notebook 20's exercises."""

import numpy as np

from nnfs_helpers import Adam, DenseLayer, Model, ReLU, SoftmaxCrossEntropy, spiral_data


def steps_per_epoch():
    def steps_per_epoch(n_samples, batch_size):
        if batch_size is None:
            return 1
        return int(np.ceil(n_samples / batch_size))

    return steps_per_epoch


def steps_per_epoch_rounded_down():
    # Forgets the short last batch.
    def steps_per_epoch(n_samples, batch_size):
        return 1 if batch_size is None else n_samples // batch_size

    return steps_per_epoch


def best_epoch():
    def best_epoch(history):
        return int(np.argmin(history["val_loss"])) + 1

    return best_epoch


def best_epoch_from_zero():
    # An index, not an epoch number.
    def best_epoch(history):
        return int(np.argmin(history["val_loss"]))

    return best_epoch


def _trained(batch_size, data_dtype=np.float64):
    X, y = spiral_data(100, 3, seed=0)
    X_val, y_val = spiral_data(100, 3, seed=1)
    X, X_val = X.astype(data_dtype), X_val.astype(data_dtype)
    rng = np.random.default_rng(0)
    model = Model([DenseLayer(2, 32, rng=rng), ReLU(), DenseLayer(32, 3, rng=rng)],
                  SoftmaxCrossEntropy(), Adam(learning_rate=0.05, decay=1e-3))
    model.fit(X, y, epochs=200, batch_size=batch_size, shuffle=True, rng=0,
              validation_data=(X_val, y_val), progress=False)
    return model


def trained_model():
    return _trained(64)


def trained_model_full_batch():
    # batch_size left out: 200 steps, not 1000.
    return _trained(None)


def trained_model_float32_data():
    # The data cast to float32, as the book and older notebooks did for speed.
    return _trained(64, data_dtype=np.float32)


REFERENCES = {
    "check_steps_per_epoch": steps_per_epoch,
    "check_best_val_epoch": best_epoch,
    "check_trained_model": trained_model,
}

WRONG_ANSWERS = {
    "check_steps_per_epoch": steps_per_epoch_rounded_down,
    "check_best_val_epoch": best_epoch_from_zero,
    "check_trained_model": trained_model_full_batch,
}

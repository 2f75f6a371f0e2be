"""Reference solutions and wrong answers for notebook 17's exercises."""


from nnfs_helpers import Dropout, Softmax


def dropout_mask():
    def dropout_mask(shape, rate, rng):
        keep = 1 - rate
        return (rng.random(shape) < keep) / keep

    return dropout_mask


def dropout_mask_unscaled():
    # Zeros and ones: the kept values are not scaled up.
    def dropout_mask(shape, rate, rng):
        return (rng.random(shape) < 1 - rate).astype(float)

    return dropout_mask


def _set_training(layers, training):
    for layer in layers:
        if isinstance(layer, Dropout):
            layer.training = training


def predict_probs():
    def predict_probs(layers, X):
        _set_training(layers, False)
        values = X
        for layer in layers:
            values = layer.forward(values)
        _set_training(layers, True)
        return Softmax().forward(values)

    return predict_probs


def predict_probs_still_dropping():
    # Forgets inference mode: a randomly thinned network answers.
    def predict_probs(layers, X):
        values = X
        for layer in layers:
            values = layer.forward(values)
        return Softmax().forward(values)

    return predict_probs


REFERENCES = {
    "check_dropout_mask": dropout_mask,
    "check_predict_probs": predict_probs,
}

WRONG_ANSWERS = {
    "check_dropout_mask": dropout_mask_unscaled,
    "check_predict_probs": predict_probs_still_dropping,
}

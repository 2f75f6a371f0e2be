"""Reference solutions and wrong answers for notebook 22's exercises."""

import numpy as np


def array_names():
    def array_names(path):
        with np.load(path, allow_pickle=False) as archive:
            return sorted(name for name in archive.files if name != "model.json")

    return array_names


def array_names_with_description():
    # Keeps model.json in the list.
    def array_names(path):
        with np.load(path, allow_pickle=False) as archive:
            return sorted(archive.files)

    return array_names


def top_k():
    def top_k(probabilities, k):
        return np.argsort(-probabilities, axis=1)[:, :k]

    return top_k


def top_k_ascending():
    # The right classes, least likely first.
    def top_k(probabilities, k):
        return np.argsort(probabilities, axis=1)[:, -k:]

    return top_k


def predict_or_abstain():
    def predict_or_abstain(probabilities, threshold):
        sure = probabilities.max(axis=1) >= threshold
        return np.where(sure, probabilities.argmax(axis=1), -1)

    return predict_or_abstain


def predict_or_abstain_strict():
    # > instead of >=: a probability at the threshold is refused.
    def predict_or_abstain(probabilities, threshold):
        sure = probabilities.max(axis=1) > threshold
        return np.where(sure, probabilities.argmax(axis=1), -1)

    return predict_or_abstain


REFERENCES = {
    "check_array_names": array_names,
    "check_top_k": top_k,
    "check_predict_or_abstain": predict_or_abstain,
}

WRONG_ANSWERS = {
    "check_array_names": array_names_with_description,
    "check_top_k": top_k_ascending,
    "check_predict_or_abstain": predict_or_abstain_strict,
}

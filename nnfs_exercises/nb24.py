"""Checkers for notebook 24: draw a digit and watch the network read it."""

import numpy as np

from nnfs_exercises import (
    call_answer,
    compare_arrays,
    correct,
    wrong,
)


def _ink_images():
    """Test images for crop_to_ink, each with the slice that holds its ink."""
    rng = np.random.default_rng(24)
    cases = []
    for top, bottom, left, right in [(2, 6, 1, 4), (0, 8, 3, 4), (5, 6, 0, 8), (1, 3, 6, 8)]:
        image = np.zeros((8, 8))
        image[top:bottom, left:right] = rng.uniform(0.5, 16, size=(bottom - top, right - left))
        image[top, left] = 3.0        # ink in the box's corners, so the box is exact
        image[bottom - 1, right - 1] = 7.0
        cases.append((image, image[top:bottom, left:right]))
    return cases


def check_crop_to_ink(function):
    """Exercise 1: ``crop_to_ink(image)``, the smallest part of an image with all its ink."""
    for image, expected in _ink_images():
        result, verdict = call_answer(function, image.copy())
        if verdict is not None:
            return verdict
        values = np.asarray(result)
        if values.shape == (expected.shape[0] - 1, expected.shape[1] - 1):
            return wrong("one row and one column too few: the end of a slice is not "
                         "included, so end at the last inked index + 1.")
        verdict = compare_arrays(values, expected, what="the cropped image",
                                 hint="rows = np.flatnonzero(image.any(axis=1)); "
                                      "image[rows[0]:rows[-1] + 1, ...], and the same "
                                      "for columns.")
        if not verdict:
            return verdict
    return correct("the smallest part of each image that holds all its ink.")


def _drawing():
    return [np.array([[0.0, 0.0], [3.0, 4.0], [3.0, 10.0]]),   # 5 + 6
            np.array([[1.0, 1.0]]),                           # a dot: 0
            np.array([[0.0, 0.0], [0.0, -2.0], [2.0, -2.0]])]  # 2 + 2


def check_stroke_length(function):
    """Exercise 2: ``stroke_length(strokes)``, the total length of all segments."""
    strokes = _drawing()
    result, verdict = call_answer(function, [stroke.copy() for stroke in strokes])
    if verdict is not None:
        return verdict
    expected = 15.0
    try:
        value = float(result)
    except (TypeError, ValueError):
        return wrong(f"return one number, got {type(result).__name__}.")
    if np.isclose(value, expected):
        return correct("5 + 6 for the first stroke, 0 for the dot, 2 + 2 for the last.")
    if np.isclose(value, 5 + 6):
        return wrong("that is the first stroke only: add up every stroke.")
    squared = sum(float(np.sum(np.diff(s, axis=0) ** 2)) for s in strokes)
    if np.isclose(value, squared):
        return wrong("that adds up the squared lengths: take the square root of each "
                     "segment's squared length (np.linalg.norm) before adding.")
    return wrong(f"expected {expected} for this drawing, got {value}. Each segment is "
                 f"np.linalg.norm(np.diff(stroke, axis=0), axis=1).")


def check_read_drawing(function):
    """Exercise 3: ``read_drawing(model, strokes)``, the digit read and its probability."""
    from nnfs_helpers import MODEL_FILE, load_model, load_stroke_drawings, preprocess_drawing

    model = load_model(MODEL_FILE)
    drawings, _ = load_stroke_drawings()
    for strokes in drawings[::7]:
        probabilities = model.predict(preprocess_drawing(strokes)[np.newaxis, :])[0]
        expected = (int(probabilities.argmax()), float(probabilities.max()))
        result, verdict = call_answer(function, model, [s.copy() for s in strokes])
        if verdict is not None:
            return verdict
        try:
            digit, probability = result
            digit, probability = int(digit), float(probability)
        except (TypeError, ValueError):
            return wrong(f"return a pair (digit, probability), got {result!r}.")
        if (digit, round(probability, 6)) == (expected[0], round(expected[1], 6)):
            continue
        scaled = model.predict(preprocess_drawing(strokes)[np.newaxis, :] / 16)[0]
        if np.isclose(probability, scaled.max()):
            return wrong("the pixels were divided by 16, but the model already does that "
                         "(its input_scale is 16): give predict the raw 0-16 pixels.")
        if digit != expected[0]:
            return wrong(f"the model reads {expected[0]} here, you returned {digit}: "
                         f"the digit is the argmax of the probabilities.")
        return wrong(f"the digit is right, but its probability is {expected[1]:.4f}, "
                     f"not {probability:.4f}.")
    return correct("preprocess, predict on a batch of one, and take the most likely digit.")


def _slant_cases():
    """Scanned digits with their labels: 20 of each digit, from the data set."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    chosen = np.concatenate([np.flatnonzero(digits.target == d)[:20] for d in range(10)])
    return digits.images[chosen], digits.target[chosen]


def check_slant_per_digit(function):
    """Exercise 4: ``slant_per_digit(images, labels)``, the mean slant of each digit."""
    from nnfs_helpers import slant

    images, labels = _slant_cases()
    each = np.array([slant(image) for image in images])
    expected = np.array([each[labels == d].mean() for d in range(10)])
    result, verdict = call_answer(function, images.copy(), labels.copy())
    if verdict is not None:
        return verdict
    try:
        values = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return wrong(f"return an array of 10 numbers, got {type(result).__name__}.")
    if values.size == 1:
        if np.isclose(float(values.ravel()[0]), each.mean()):
            return wrong("that is the mean over all images: return one mean per digit, "
                         "an array of shape (10,).")
        return wrong(f"return an array of shape (10,), got {values.shape}.")
    if values.shape == (10,) and np.allclose(values, -expected):
        return wrong("the signs are flipped: use slant(image) as it is (negative when "
                     "the top leans to the right).")
    verdict = compare_arrays(values, expected, what="the mean slant per digit",
                             hint="slants = np.array([slant(image) for image in images]); "
                                  "then slants[labels == d].mean() for d in range(10).")
    if not verdict:
        return verdict
    return correct(f"the 7s lean most to the right ({expected[7]:+.3f} here), the 6s most "
                   f"to the left ({expected[6]:+.3f}).")

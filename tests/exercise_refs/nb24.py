"""Reference solutions and wrong answers for notebook 24's exercises."""

import numpy as np


def crop_to_ink():
    def crop_to_ink(image):
        rows = np.flatnonzero(image.any(axis=1))
        columns = np.flatnonzero(image.any(axis=0))
        return image[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1]

    return crop_to_ink


def crop_to_ink_one_short():
    # Ends the slices at the last inked index: one row and one column lost.
    def crop_to_ink(image):
        rows = np.flatnonzero(image.any(axis=1))
        columns = np.flatnonzero(image.any(axis=0))
        return image[rows[0]:rows[-1], columns[0]:columns[-1]]

    return crop_to_ink


def stroke_length():
    def stroke_length(strokes):
        return sum(np.linalg.norm(np.diff(stroke, axis=0), axis=1).sum() for stroke in strokes)

    return stroke_length


def stroke_length_squared():
    # Adds the squared lengths.
    def stroke_length(strokes):
        return sum(np.sum(np.diff(stroke, axis=0) ** 2) for stroke in strokes)

    return stroke_length


def read_drawing():
    from nnfs_helpers import preprocess_drawing

    def read_drawing(model, strokes):
        probabilities = model.predict(preprocess_drawing(strokes)[np.newaxis, :])[0]
        return int(probabilities.argmax()), float(probabilities.max())

    return read_drawing


def read_drawing_divided():
    # Divides by 16 although the model's input_scale already does.
    from nnfs_helpers import preprocess_drawing

    def read_drawing(model, strokes):
        probabilities = model.predict(preprocess_drawing(strokes)[np.newaxis, :] / 16)[0]
        return int(probabilities.argmax()), float(probabilities.max())

    return read_drawing


def slant_per_digit():
    from nnfs_helpers import slant

    def slant_per_digit(images, labels):
        slants = np.array([slant(image) for image in images])
        return np.array([slants[labels == digit].mean() for digit in range(10)])

    return slant_per_digit


def slant_per_digit_overall():
    # One mean over every image, not one per digit.
    from nnfs_helpers import slant

    def slant_per_digit(images, labels):
        return np.mean([slant(image) for image in images])

    return slant_per_digit


REFERENCES = {
    "check_crop_to_ink": crop_to_ink,
    "check_stroke_length": stroke_length,
    "check_read_drawing": read_drawing,
    "check_slant_per_digit": slant_per_digit,
}

WRONG_ANSWERS = {
    "check_crop_to_ink": crop_to_ink_one_short,
    "check_stroke_length": stroke_length_squared,
    "check_read_drawing": read_drawing_divided,
    "check_slant_per_digit": slant_per_digit_overall,
}

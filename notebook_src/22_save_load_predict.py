# %% [markdown]
# # 22 · Saving, loading and predicting, safely
#
# **Goal:** keep a trained model in a file, load it back into a fresh `Model` that
# predicts exactly the same, use it on new images, and make sure that neither a failed
# save nor a damaged or hostile file can do harm: saving never destroys the model already
# on disk, and loading never runs code hidden in a file, nor lets a small file claim
# gigabytes of memory.
#
# **Prerequisites:** [20 · A Model object](20_model.ipynb) and
# [21 · A real data set](21_real_dataset.ipynb).
#
# **What you will build:** `save_model`, which refuses to save what it could not load
# back as it is and writes its file all at once (atomically), and `load_model`, which
# checks every name, size, dtype and shape in a file before it reads an array, and
# raises one `ModelFileError`, with the reason in words, for every way a file can be
# wrong.
#
# *Book: chapters 21-22 of "Neural Networks from Scratch in Python" (which save with
# `pickle`; this notebook explains why the course does not).*

# %%
# %matplotlib inline
import contextlib
import io
import json
import os
import pickle
import shutil
import tempfile
import time
import tracemalloc
import warnings
import zipfile

import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    _FILE_ERRORS,  # what reading a damaged archive can raise (used by load_model)
    BinaryCrossEntropy,
    CategoricalCrossEntropy,
    DenseLayer,
    Dropout,
    Linear,
    MeanAbsoluteError,
    MeanSquaredError,
    Model,
    ModelArchive,  # the careful reading of an archive: explained below, not shown
    ReLU,
    Sigmoid,
    Softmax,
    SoftmaxCrossEntropy,
    # Plumbing, imported and not taught: the functions shown below call them.
    _copy_mode,  # the old file's permissions for the new one (used by write_atomically)
    _short,  # a file's text, cut short to quote it in a message
    _sync_folder,  # fsyncs the folder after the rename (used by write_atomically)
    accuracy,
    binary_accuracy,
    check_claim,
    digits_data,
    regression_accuracy,
    train_digits,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## A model worth keeping
#
# First, the digit classifier of notebook 21: the same data and split (`digits_data`)
# and the same recipe (`train_digits`), both imported from notebook 21, trained from
# seed 0. So on your computer it ends with exactly the test accuracy notebook 21's
# seed-0 model had there: between 0.96 and 0.99, like every seed of that notebook's
# study. The images come as scanned, pixel values 0 to 16, and the model divides them by
# 16 itself (`input_scale=16.0`, notebook 21).

# %% tags=["nbval-ignore-output"]
# output not compared: the test accuracy after 1,360 training steps differs in its last
# digits from one CPU to another; the claim about it is checked in the next cell.
(X_train, y_train), (X_val, y_val), (X_test, y_test) = digits_data(SEED)
start = time.perf_counter()
model = train_digits((X_train, y_train), (X_val, y_val), SEED)
print(f"took {time.perf_counter() - start:.1f} s")
test_accuracy = model.evaluate(X_test, y_test)[1]
print(f"test accuracy: {test_accuracy:.3f}")

# %%
check_claim("the test accuracy is between 0.96 and 0.99, as in notebook 21's seed study",
            0.96 <= test_accuracy <= 0.99)

# %% [markdown]
# Everything the model has learned is in the weights and biases of its three dense
# layers. To use it tomorrow, or on another computer, without training again, we write
# those numbers to a file, together with enough description to rebuild the layers they
# belong to, and the scale its inputs are divided by.
#
# The files of this notebook go to a temporary folder, deleted at the end, so nothing is
# left behind next to the notebooks, and nothing here depends on files another notebook
# left. Working inside it also keeps file names short in the messages below.

# %%
notebook_folder = os.getcwd()
workspace = tempfile.TemporaryDirectory()  # removed by workspace.cleanup() at the end
os.chdir(workspace.name)

# %% [markdown]
# ## Three ways a model file can hurt
#
# **Loading can run code.** Python's `pickle` module saves almost any object in one line,
# and the book uses it to save whole models. The trouble is what loading does. A pickle
# file is not a list of numbers: it is a little program of instructions for rebuilding
# objects, and one of its instructions says "import this function and call it with
# these arguments". That is how pickle can rebuild an object of any class. But the file
# chooses the function, so a file crafted by someone else can name *any* function: one
# that deletes files or sends yours somewhere. Loading runs it, before you see a single
# weight. Python's own documentation warns: only unpickle data you trust.
#
# **Loading can exhaust memory.** A file describes the arrays it holds: "20,000 x 20,000
# float64 numbers" is a few bytes of header, and 3.2 GB of memory for a reader that
# believes it and allocates the array before it finds that the numbers are not there.
# A zip archive can also hold compressed members, and a compressed run of zeros unpacks
# to about a thousand times its size.
#
# **Saving can destroy.** `open(path, "wb")` empties the file at `path` at once. If the
# program then stops before the new file is complete (a full disk, an interrupted
# program, a power cut), the old model is gone and the new one is half there.
#
# Model files are exactly the kind of thing that gets downloaded and passed around, and
# saved again and again during a long experiment. So the course stores a model as
# **data only**, in formats whose readers cannot run code, reads it **with every size
# checked first**, and **writes it atomically**:
#
# - the parameters are plain arrays, saved together with `np.savez` into one `.npz` file
#   (a zip archive holding one `.npy` file per array: a short header giving the dtype and
#   shape, then the raw numbers);
# - the architecture is a **JSON** description (text made of strings, numbers, lists and
#   dicts), stored in the same archive as an array of bytes named `model.json`;
# - nothing in the file is ever unpickled. An `.npy` file *can* hold an array of Python
#   objects, and those are stored as a pickle; the loader reads each array's header
#   first and refuses such an array instead of reading it (as `np.load(...,
#   allow_pickle=False)` does too);
# - the description can only name classes from a fixed list. The loader looks each name
#   up in that list and never imports anything a file asks for.
#
# Here is that list, the file format's name and version number, the limits the loader
# works within, and the two parameter dtypes a file may hold:

# %%
MODEL_FORMAT = "nnfs-course-model"
MODEL_FORMAT_VERSION = 2
# The largest model load_model reads unless told otherwise: 64 MiB of parameters
# (eight million float64 numbers, far beyond anything in the course).
MAX_MODEL_BYTES = 64 * 2**20
# The JSON description is about 150 bytes per layer: 64 KiB is room for over
# 400 layers, and parsing it cannot take more than a few MiB of memory.
MAX_DESCRIPTION_BYTES = 64 * 2**10
# The only classes a model file may name: loading builds these and nothing
# else, so a file cannot make the loader run code of its choosing.
_LAYER_TYPES = {"DenseLayer": DenseLayer, "ReLU": ReLU, "Softmax": Softmax,
                "Sigmoid": Sigmoid, "Linear": Linear, "Dropout": Dropout}
_LOSS_TYPES = {"SoftmaxCrossEntropy": SoftmaxCrossEntropy,
               "CategoricalCrossEntropy": CategoricalCrossEntropy,
               "BinaryCrossEntropy": BinaryCrossEntropy,
               "MeanSquaredError": MeanSquaredError, "MeanAbsoluteError": MeanAbsoluteError}
_ACCURACY_TYPES = {"accuracy": accuracy, "binary_accuracy": binary_accuracy,
                   "regression_accuracy": regression_accuracy}
# Parameter dtypes a model file holds: float64 (the course's) and float32.
_SAVED_DTYPES = ("<f8", "<f4")

# %% [markdown]
# The version number is written into every file. When the format changes, new code
# can recognise an old file (and convert it) instead of misreading it, and old code
# refuses a newer file instead of guessing. It has changed once: version 2 records the
# model's `input_scale`; a version-1 file, from before, still loads (we make one below).
#
# `MAX_MODEL_BYTES` is how many bytes of parameters `load_model` accepts unless told
# otherwise: 64 MiB, eight million float64 numbers, far more than any model of the
# course (the digit classifier's file, below, is about 0.2 MB); a bigger model you trust
# loads with a larger `max_bytes`. `MAX_DESCRIPTION_BYTES` bounds the JSON text.
# `"<f8"` and `"<f4"` are NumPy's names for float64 and float32 (`<`: each number's
# least significant byte first, the order of every common computer today).
#
# Every way a file can be wrong ends in one exception, `ModelFileError`. It is a
# `ValueError`, so code that catches `ValueError` catches it too, but a program can also
# catch exactly "this file is not a model it can load", and nothing else:

# %%
class ModelFileError(ValueError):
    """A file that is not a model ``load_model`` can load, with the reason in words."""


# %% [markdown]
# ## `save_model`
#
# `save_model` walks through the layers. For each one it writes a small dict into the
# description (its type and, for a dense layer, its sizes and penalties), and for a
# dense layer it adds the two arrays under names that say where they belong:
# `layers.0.weights` is the weights of layer 0. The description ends with the loss, the
# accuracy function's name and the input scale. The optimizer's state is not saved: the
# file is for predicting, and training on from a loaded model starts a new optimizer.
#
# A file is only useful if loading it gives back the model that was saved. So
# `save_model` refuses, before it writes a byte, anything the loader could not rebuild
# exactly as it is:
#
# - a layer or loss that is not on the list;
# - an accuracy function that is not one of the three the course defines
#   (`_accuracy_name`). A file can hold the name of a function, not the function: a
#   `lambda` or a function of your own could only come back as some other accuracy,
#   reporting other numbers without a word;
# - parameters that are not float64 or float32, the dtypes the loader accepts (float16
#   would be written, and then refused by the loader), or that hold NaN or infinity: a
#   diverged model, which would only ever predict NaN (`_check_savable`).
#
# Only then does it write, with `write_atomically` (below).

# %%
def save_model(model, path):
    """Save a model's architecture and parameters, without pickle and without risk.

    One ``.npz`` file (``np.savez``): every parameter array under a name such
    as ``"layers.0.weights"``, and a JSON description of the layers, loss,
    accuracy and input scale under ``"model.json"`` (its UTF-8 bytes). The
    optimizer's state is not saved: the file is for prediction. Introduced in
    notebook 22.

    Nothing is written unless the model can be loaded back exactly as it is,
    and the file appears all at once (``write_atomically``): a failed save
    leaves an older file at ``path`` untouched.

    Parameters
    ----------
    model : Model
    path : str or pathlib.Path
        Where to write, used exactly as given (``.npz`` is the usual ending).

    Raises
    ------
    TypeError
        A layer, loss, accuracy function or parameter dtype the file format
        cannot hold.
    ValueError
        Weights that are NaN or infinite (a diverged model).
    """
    layers, arrays = [], {}
    for index, layer in enumerate(model.layers):
        kind = type(layer).__name__
        if _LAYER_TYPES.get(kind) is not type(layer):
            raise TypeError(f"save_model cannot save a layer of type {kind}")
        entry = {"type": kind}
        if isinstance(layer, DenseLayer):
            n_inputs, n_neurons = layer.weights.shape
            entry.update(n_inputs=n_inputs, n_neurons=n_neurons,
                         weight_l1=layer.weight_l1, weight_l2=layer.weight_l2,
                         bias_l1=layer.bias_l1, bias_l2=layer.bias_l2)
            arrays[f"layers.{index}.weights"] = _check_savable(index, "weights", layer.weights)
            arrays[f"layers.{index}.biases"] = _check_savable(index, "biases", layer.biases)
        elif isinstance(layer, Dropout):
            entry["rate"] = layer.rate
        layers.append(entry)
    loss_kind = type(model.loss).__name__
    if _LOSS_TYPES.get(loss_kind) is not type(model.loss):
        raise TypeError(f"save_model cannot save a loss of type {loss_kind}")
    description = {"format": MODEL_FORMAT, "version": MODEL_FORMAT_VERSION,
                   "layers": layers, "loss": loss_kind,
                   "accuracy": _accuracy_name(model.accuracy),
                   "input_scale": model.input_scale}
    text = json.dumps(description).encode("utf-8")
    arrays["model.json"] = np.frombuffer(text, dtype=np.uint8)
    write_atomically(path, arrays)


# %%
def _check_savable(index, name, values):
    """Return a parameter array if a model file can hold it as it is, else raise."""
    if values.dtype.str not in _SAVED_DTYPES:
        raise TypeError(
            f"save_model: layer {index}'s {name} are {values.dtype}, but a model file "
            f"holds float64 or float32 only; convert them first, e.g. "
            f"layer.{name} = layer.{name}.astype(np.float64)")
    if not np.isfinite(values).all():
        raise ValueError(
            f"save_model: layer {index}'s {name} hold NaN or infinity, so the model "
            f"would only ever predict NaN. Training diverged: train again with a "
            f"smaller learning rate before saving.")
    # Row by row, as load_model reads it (a transposed array is column by column).
    return np.ascontiguousarray(values)


def _accuracy_name(function):
    """The name a model file stores for an accuracy function, if it is one it knows."""
    for name, known in _ACCURACY_TYPES.items():
        if function is known:
            return name
    # The function's name, not its repr: a repr holds a memory address.
    described = getattr(function, "__qualname__", None) or type(function).__name__
    raise TypeError(
        f"save_model can save a model whose accuracy is one of "
        f"{', '.join(_ACCURACY_TYPES)}, but this one's is {described!r}: a file "
        f"cannot hold a function, and loading it back with another accuracy would "
        f"report different numbers. Set model.accuracy to one of them before saving.")


# %% [markdown]
# ## Saving atomically
#
# `np.savez(path, ...)` would open `path` for writing, emptying it, and then write the
# archive piece by piece: for a moment, or for ever if something fails, the file at
# `path` is neither the old model nor the new one. `write_atomically` never lets that
# happen:
#
# 1. it writes the archive to a **temporary file in the same folder** (`tempfile.mkstemp`
#    picks a name no other file has, starting with `.saving-`);
# 2. `flush` hands Python's buffered bytes to the operating system and `os.fsync` asks it
#    to put them on the disk, so the new file is complete on disk, not only in memory;
# 3. `os.replace` then renames the temporary file to `path`, in **one step**: anyone
#    looking at `path`, even a program that crashes at that instant, finds the old file
#    or the new one, never half of either. The rename is atomic only within one file
#    system, which is why the temporary file goes into the same folder;
# 4. the rename is a change to the folder, and the operating system may still hold it
#    in memory, so last `_sync_folder` (imported, not shown) fsyncs the folder too. Only
#    then is the new name itself on disk: once `write_atomically` has returned, a power
#    cut can no longer bring back the old file at `path`. (Before it returns, a power cut
#    leaves the old file or the new one, whole, as step 3 says. Windows has no way to
#    fsync a folder, and there `_sync_folder` does nothing.)
#
# If anything fails before the rename (an error, or Ctrl-C), the temporary file is
# removed and the error goes on to the caller; the old file was never touched. (A
# program killed outright, with no chance to clean up, leaves its `.saving-` file
# behind, but even then the file at `path` is whole.) `_copy_mode`, imported and not
# shown, gives the new file the permissions the old one had: `mkstemp` makes files
# readable by their owner only.

# %%
def write_atomically(path, arrays):
    """Write ``np.savez(arrays)`` to ``path`` so that it appears complete or not at all.

    The archive goes to a temporary file in the same folder first; only when
    it is completely on disk (``flush`` and ``os.fsync``) does ``os.replace``
    put it at ``path``, in one step; then the folder is synced too, so that
    the new name is on disk as well. If anything fails before the replace (a
    full disk, an interrupted program), an older file at ``path`` is
    untouched and the temporary file is removed.

    Parameters
    ----------
    path : str or pathlib.Path
    arrays : dict of str to ndarray
    """
    # Through a symbolic link to the file it points to, as open(path, "wb") would.
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"cannot save to {path}: there is no folder {folder}")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".saving-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            np.savez(file, **arrays)
            file.flush()
            os.fsync(file.fileno())
        _copy_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    _sync_folder(folder)


# %% [markdown]
# ## `load_model`
#
# Loading does the opposite, trusting nothing in the file, because it may be damaged or
# hostile:
#
# 1. open the archive, with every size in it checked (`ModelArchive`, below);
# 2. read `model.json` and check it is JSON, of this format, of a known version
#    (`_read_description`);
# 3. work out from the description which arrays the file must hold, and their shapes
#    (`_array_shapes`, with `_layer_entries` and `_whole_number`), and check the file's
#    arrays against that list *before reading any of them*: the same names, no more and no
#    fewer, each of a float dtype and of exactly that shape, all together no more than
#    `max_bytes`;
# 4. build fresh layers from the description (`_build_model`), and only then read each
#    array into its layer.
#
# Every failure, whatever raised it, becomes one `ModelFileError` that starts with
# "cannot load a model from" and says what is wrong with the file. `_FILE_ERRORS`,
# imported above, lists what reading a damaged or hostile archive can raise:
# `ValueError` (our own checks raise it, and so do NumPy's), `TypeError`, `KeyError`,
# `OSError`, `EOFError`, `OverflowError`, `RuntimeError`, `NotImplementedError`,
# `struct.error`, `zlib.error`, and `zipfile`'s `BadZipFile` and `LargeZipFile`. Each is
# one of the ways a damaged archive shows itself somewhere in `zipfile`, `struct`,
# `zlib` or NumPy, and the message of the `ModelFileError` always includes the original
# error's text, so nothing is lost by catching them all. A missing file is not a bad
# file: it raises `FileNotFoundError` (or `IsADirectoryError`, `PermissionError`), as
# `open` does. The loaded model has no optimizer; to train it further, give it a fresh
# one, with the learning rate it was trained with or a smaller one (notebook 20).

# %%
def load_model(path, *, max_bytes=MAX_MODEL_BYTES):
    """Load a model written by ``save_model``, refusing anything else clearly.

    Nothing in the file is trusted: its description is JSON, its arrays are
    plain numbers, and every name, dtype and shape is checked against the
    description, and every size against ``max_bytes``, before an array is read.
    So loading never runs code from the file, and a small file cannot make it
    allocate much memory: every array's bytes must be in the file, uncompressed,
    so loading takes at most four times the file's size plus 4 MiB (for the
    archive's directory and the JSON description, both limited in size), and
    never more than ``max_bytes`` for the parameters. Introduced in notebook 22.

    Parameters
    ----------
    path : str or pathlib.Path
    max_bytes : int, default MAX_MODEL_BYTES (64 MiB)
        The most bytes of parameters to accept, counted as float64 (8 bytes
        each, as they are once loaded); raise it for a bigger model you trust.

    Returns
    -------
    Model
        Without an optimizer; give it one to train further. A file from before
        input scales were recorded (format version 1) loads with
        ``input_scale=1.0``, with a warning.

    Raises
    ------
    ModelFileError
        (a ``ValueError``) If the file is not a complete, consistent model file
        of a known version; the message says what is wrong with it.
    FileNotFoundError, IsADirectoryError, PermissionError
        If there is no file at ``path`` to read (these are about the path,
        not about what a file holds).
    """
    try:
        with open(path, "rb") as file, ModelArchive(file, max_bytes) as archive:
            description = _read_description(archive.read_array("model.json"))
            archive.check_arrays(_array_shapes(description))
            model = _build_model(description)
            for index, layer in enumerate(model.layers):
                if isinstance(layer, DenseLayer):
                    layer.weights = archive.read_array(f"layers.{index}.weights")
                    layer.biases = archive.read_array(f"layers.{index}.biases")
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except _FILE_ERRORS as error:
        raise ModelFileError(f"cannot load a model from {path}: {error}") from None
    return model


# %% [markdown]
# The description is read first. A version-1 file has no `input_scale`; it loads with
# a warning that says how its inputs will be treated:

# %%
def _read_description(raw):
    """Decode and check the JSON description stored in a model file."""
    try:
        description = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"model.json is not valid JSON ({error})") from None
    except RecursionError:
        raise ValueError("model.json is nested too deeply to be a model description") from None
    if not isinstance(description, dict) or description.get("format") != MODEL_FORMAT:
        raise ValueError(f"it is not a {MODEL_FORMAT} file")
    version = description.get("version")
    if version not in (1, MODEL_FORMAT_VERSION) or isinstance(version, bool):
        raise ValueError(
            f"format version {_short(version)} is not supported "
            f"(this code reads versions 1 and {MODEL_FORMAT_VERSION})")
    if version == 1:
        warnings.warn(
            "this model file is from before files recorded their input scale "
            "(format version 1), so the model uses inputs exactly as given "
            "(input_scale=1.0): scale them the way its training data was scaled",
            UserWarning, stacklevel=3)
        description["input_scale"] = 1.0
    elif "input_scale" not in description:
        raise ValueError("the description has no input_scale")
    return description


# %% [markdown]
# From the description, the arrays the file must hold. Every size must be a whole number
# of at least 1 (not `true`, not `2.5`, not `-3`), and each dense layer must take as many
# inputs as the one before it has neurons, so the shapes are known, and checked, before
# any array is read:

# %%
def _layer_entries(description):
    """The description's list of layers, each a dict with a known ``type``."""
    entries = description.get("layers")
    if not isinstance(entries, list) or not entries:
        raise ValueError("the description lists no layers")
    for index, entry in enumerate(entries):
        kind = entry.get("type") if isinstance(entry, dict) else None
        if not isinstance(kind, str) or kind not in _LAYER_TYPES:
            raise ValueError(f"layer {index} has unknown type {_short(kind)}")
    return entries


def _array_shapes(description):
    """The shape of every array the description says the file holds, by name."""
    shapes, width = {}, None
    for index, entry in enumerate(_layer_entries(description)):
        if entry["type"] != "DenseLayer":
            continue
        n_inputs, n_neurons = (_whole_number(entry, key, index)
                               for key in ("n_inputs", "n_neurons"))
        if width is not None and n_inputs != width:
            raise ValueError(
                f"layer {index} takes {n_inputs} inputs, but the layer before "
                f"it has {width} neurons")
        width = n_neurons
        shapes[f"layers.{index}.weights"] = (n_inputs, n_neurons)
        shapes[f"layers.{index}.biases"] = (1, n_neurons)
    return shapes


def _whole_number(entry, key, index):
    """A layer's size field: a whole number of at least 1."""
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"layer {index}'s {key} should be a whole number >= 1, got {_short(value)}")
    return value


# %% [markdown]
# And the model, built from fresh objects of the listed classes only. A layer's own
# checks (notebook 11's `check_hyperparameter` for the penalties and the dropout rate)
# refuse a negative, infinite or NaN value, and an unknown loss or accuracy name is
# refused rather than replaced by a default:

# %%
def _build_model(description):
    """Make fresh layers, loss and accuracy from a checked description."""
    layers = []
    for index, entry in enumerate(_layer_entries(description)):
        kind = entry["type"]
        try:
            if kind == "DenseLayer":
                penalties = {name: entry.get(name, 0.0)
                             for name in ("weight_l1", "weight_l2", "bias_l1", "bias_l2")}
                layer = DenseLayer(entry["n_inputs"], entry["n_neurons"], **penalties)
            elif kind == "Dropout":
                layer = Dropout(entry.get("rate"))
            else:
                layer = _LAYER_TYPES[kind]()
        except (TypeError, ValueError) as error:
            raise ValueError(f"layer {index}: {error}") from None
        layers.append(layer)
    loss_kind, accuracy_kind = description.get("loss"), description.get("accuracy")
    if not isinstance(loss_kind, str) or loss_kind not in _LOSS_TYPES:
        raise ValueError(f"unknown loss {_short(loss_kind)}")
    if not isinstance(accuracy_kind, str) or accuracy_kind not in _ACCURACY_TYPES:
        raise ValueError(
            f"unknown accuracy {_short(accuracy_kind)} (known: {', '.join(_ACCURACY_TYPES)})")
    return Model(layers, _LOSS_TYPES[loss_kind](), accuracy=_ACCURACY_TYPES[accuracy_kind],
                 input_scale=description.get("input_scale"))


# %% [markdown]
# ### What `ModelArchive` checks, and why
#
# `ModelArchive` is the careful reading behind `load_model`. It is plumbing, so it is
# imported, not shown (read it in `nnfs_helpers.py` if you like). What it checks, in
# order:
#
# - **the archive's directory, before `zipfile` reads it.** `zipfile` reads the whole
#   list of members into memory, so the list's size is checked first, against what a
#   model file could need; a file that is not a zip archive at all is named for what it
#   is: a pickle, a single `.npy` array, a zip archive cut short, or something else;
# - **every member, against what `np.savez` writes for a model**: a name the format uses
#   (`model.json`, `layers.<i>.weights`, `layers.<i>.biases`), stored uncompressed and
#   unencrypted, each name once, and all of them together no bigger than the file. Zip
#   archives can do much more (compression, encryption, huge archives): a model file
#   never needs it, so the loader allows none of it, and a compressed member cannot
#   unpack to many times its size;
# - **every array's header, before its numbers**: a float dtype, C order (the order
#   `np.savez` writes), the shape the description says, and a member exactly as long as
#   that shape needs. So an array is only read if its bytes are really in the file: a
#   small file cannot claim a big array;
# - **the numbers**, read in chunks of at most 1 MiB into an array of exactly the checked
#   size; at the end `zipfile` compares the member's checksum (a damaged file is
#   refused), and NaN or infinity is refused too.
#
# So loading a file allocates at most four times the file's size plus 4 MiB, whatever
# the file claims: **sizes are checked before anything is allocated**. Where the four
# comes from, for an array whose bytes are all in the file: the array itself (at most
# the file's size); NumPy's temporary for `np.isfinite`, one bool per value (at most a
# quarter of it, for float32); the random starting weights each `DenseLayer` draws
# before `_build_model` replaces them (float64, so up to twice the file's size for a
# float32 file); and the read buffer (at most 1 MiB). The 4 MiB is for the archive's
# directory (at most 128 KiB of it is read) and the JSON description (at most 64 KiB),
# with room for what parsing them takes. The limits come from the format, not from
# guessing what an attacker might try: only what `np.savez` writes for a model is
# allowed, and **every problem becomes one `ModelFileError`** whose message says what is
# wrong with the file.

# %% [markdown]
# ## Saving the digit classifier
#
# `save_model` writes to exactly the name it is given; `.npz` is the usual ending for an
# archive of NumPy arrays, so that is what we use.

# %%
save_model(model, "digits.npz")
print(f"digits.npz: {os.path.getsize('digits.npz'):,} bytes")

# %% [markdown]
# The file is an ordinary zip archive, so any zip tool can list it: one `.npy` file per
# array, each stored as it is (`ZIP_STORED`: not compressed).

# %%
with zipfile.ZipFile("digits.npz") as archive:
    for info in archive.infolist():
        stored = "stored" if info.compress_type == zipfile.ZIP_STORED else "compressed"
        print(f"{info.filename:24} {info.file_size:7,} bytes, {stored}")

# %% [markdown]
# Read with NumPy (pickle refused), the arrays come back by name, and the description
# is readable text. Its last entry is the input scale: the file knows that this model
# divides its inputs by 16.

# %%
with np.load("digits.npz", allow_pickle=False) as arrays:
    for name in arrays.files:
        print(f"{name:18} {arrays[name].dtype!s:8} {arrays[name].shape}")
    description = json.loads(arrays["model.json"].tobytes().decode("utf-8"))
print()
for entry in description["layers"]:
    print(entry)
print({key: value for key, value in description.items() if key != "layers"})

# %% [markdown]
# ## Loading it into a fresh Model
#
# `load_model` builds new layer objects from the description and fills in the saved
# arrays. The loaded model shares nothing with the trained one, yet it computes the same
# numbers: its predictions are not just close but **exactly** equal, bit for bit,
# because the same arrays go through the same operations. And because the scale came
# with the file, it takes the test images as they are, pixels 0 to 16, like the model
# that was saved: nobody has to remember to divide them first.

# %%
loaded = load_model("digits.npz")
print(loaded)

probabilities = model.predict(X_test)           # (360, 64) -> (360, 10)
loaded_probabilities = loaded.predict(X_test)   # the same, from the loaded copy
print("pixels of the test images from", X_test.min(), "to", X_test.max())
print("same object?         ", loaded.layers[0] is model.layers[0])
print("predictions equal:   ", np.array_equal(loaded_probabilities, probabilities))
print("test accuracy equal: ",
      loaded.evaluate(X_test, y_test)[1] == model.evaluate(X_test, y_test)[1])

# %% [markdown]
# ## A file from before: version 1
#
# Files written before the format recorded the input scale say `"version": 1` and have
# no `input_scale`. We make one from our file, by rewriting its description the way the
# old `save_model` wrote it (`with_description` writes a copy of `digits.npz` whose
# description went through a change; we use it again below).

# %%
def with_description(name, change):
    """Write a copy of digits.npz whose description went through change(dict)."""
    with np.load("digits.npz", allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    description = json.loads(arrays["model.json"].tobytes().decode("utf-8"))
    change(description)
    arrays["model.json"] = np.frombuffer(json.dumps(description).encode("utf-8"),
                                         dtype=np.uint8)
    np.savez(name, **arrays)
    return name


def as_version_1(description):
    description["version"] = 1
    del description["input_scale"]


with_description("version_1.npz", as_version_1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old = load_model("version_1.npz")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
print(old)

# %% [markdown]
# It loads, and the warning says exactly what it did: the file cannot say how its inputs
# were scaled, so the model uses them as given (`input_scale=1.0`). It is up to us to
# scale them the way the training data was. Divided by 16 by hand, the test images give
# exactly the predictions of the version-2 file. Given raw, pixels 16 times too large,
# nothing complains, and the answers are wrong in a way that is easy to miss:

# %% tags=["nbval-ignore-output"]
# output not compared: losses and confidences differ in their last digits from one CPU
# to another; the claims about them are checked at the end of this cell.
same = np.array_equal(old.predict(X_test / 16.0), loaded_probabilities)
print("version 1, pixels / 16: predictions equal the version-2 file's:", same)
results = {"pixels / 16": X_test / 16.0, "raw pixels": X_test}
for name, inputs in results.items():
    test_loss, test_acc = old.evaluate(inputs, y_test)
    confidence = old.predict(inputs).max(axis=1).mean()
    results[name] = test_loss, test_acc, confidence
    print(f"version 1, {name:11}: test loss {test_loss:.3f}, accuracy {test_acc:.3f}, "
          f"mean confidence {confidence:.3f}")
(scaled_loss, scaled_acc, scaled_conf), (raw_loss, raw_acc, raw_conf) = results.values()
check_claim("scaled by hand, the version-1 model predicts exactly as the version-2 one", same)
check_claim("on raw pixels the test accuracy changes by at most 0.02",
            abs(raw_acc - scaled_acc) <= 0.02)
check_claim("but the test loss is more than 5 times higher, and the mean confidence higher",
            raw_loss > 5 * scaled_loss and raw_conf > scaled_conf)

# %% [markdown]
# The chosen digits hardly change (the accuracy moves by at most 0.02): in a network of
# ReLU layers, inputs 16 times larger give scores about 16 times larger (only the biases
# do not grow), and the largest score mostly stays the largest. But the probabilities
# are wrong: the softmax of scores 16 times larger is far more certain, so the model is
# on average more sure of its answers, and its loss is more than five times higher. A
# program that trusts the confidence (as the next sections do) would be misled, and
# nothing would tell it so. That is why the scale now lives in the model and in its file.

# %% [markdown]
# ## Predicting on new images
#
# A deployed model gets images nobody has labelled. It returns probabilities, and the
# program around it turns them into an answer for a person: the **class name** of the
# most likely class and the model's **confidence**, the probability of that class.
#
# For new images we make some the model has never seen: the test digits moved one pixel
# to the right (the rightmost column falls off, a blank column comes in on the left).
# A person reads them as easily as before. For the network, whose every weight belongs
# to one pixel position, they are different inputs.

# %% tags=["nbval-ignore-output"]
# output not compared: which shifted images the trained model reads right can change
# with the last bits of the arithmetic; the claim about it is checked in the next cell.
CLASS_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
               "nine"]


def shift_right(flat_images):
    """Move 8 x 8 images (as rows of 64 pixels) one pixel to the right."""
    images = flat_images.reshape(-1, 8, 8)          # (n, 64) -> (n, 8, 8)
    shifted = np.zeros_like(images)
    shifted[:, :, 1:] = images[:, :, :-1]           # every column moves one to the right
    return shifted.reshape(-1, 64)                  # back to (n, 64)


X_new = shift_right(X_test)
new_probabilities = loaded.predict(X_new)           # (360, 10)
new_predicted = new_probabilities.argmax(axis=1)
shifted_accuracy = np.mean(new_predicted == y_test)
print(f"accuracy on the shifted test images: {shifted_accuracy:.3f}")

# %%
check_claim("on the shifted images the accuracy drops to between 0.3 and 0.65",
            bool(0.3 <= shifted_accuracy <= 0.65))

# %% [markdown]
# The accuracy drops from between 0.96 and 0.99 to between 0.3 and 0.65: a dense network
# knows each digit only where it saw it during training. (Convolutional networks, beyond
# this course, share weights across positions and cope far better.) Here are twelve of
# the shifted images, each with the class name, the confidence, and, in red, the answers
# that are wrong:

# %%
fig, axes = plt.subplots(2, 6, figsize=(11, 5.2))
for index, ax in enumerate(axes.flat):  # the first 12 test images
    guess = new_predicted[index]
    ax.imshow(X_new[index].reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
    ax.set_title(f"{CLASS_NAMES[guess]}, {new_probabilities[index, guess]:.0%}\n"
                 f"(true: {CLASS_NAMES[y_test[index]]})", fontsize=9,
                 color="black" if guess == y_test[index] else "tab:red")
    ax.set(xticks=[], yticks=[])  # keep the frame: it shows the blank column on the left
fig.suptitle("The loaded model on test digits shifted one pixel right")
plt.tight_layout()
plt.show()

# %% [markdown]
# The confidence is useful beyond display: a program can pass the answers the model is
# unsure of to a person. How far can the confidence be trusted on these shifted images?

# %% tags=["nbval-ignore-output"]
# output not compared: the confidences of a trained model change with the last bits of
# the arithmetic; the claims about them are checked in the next cell.
confidence = new_probabilities.max(axis=1)  # (360,): the probability of the chosen class
right = new_predicted == y_test
share_right = {}
for index, (low, high) in enumerate([(0.0, 0.6), (0.6, 0.9), (0.9, 1.0)]):
    # np.digitize numbers the bands: 0 below 0.6, 1 from 0.6 to 0.9, 2 from 0.9 on.
    band = np.digitize(confidence, [0.6, 0.9]) == index
    share_right[low] = right[band].mean()
    print(f"confidence {low:.1f}-{high:.1f}: {band.sum():3d} images, "
          f"{share_right[low]:.0%} of them right")

# %%
check_claim("answers with confidence below 0.6 are right less often than those at 0.9 "
            "or more",
            bool(share_right[0.0] < share_right[0.9]))
check_claim("yet more than a quarter of the answers at 0.9 or more are wrong",
            bool(share_right[0.9] < 0.75))

# %% [markdown]
# Low-confidence answers are indeed wrong more often. But look at the last line: even
# among the answers given with 90% confidence or more, many are wrong, more than a
# quarter of them. The shifted
# images are unlike anything the model trained on, and on such inputs its probabilities
# are no longer honest. Confidence is a useful signal on data like the training data,
# and little more than a guess elsewhere.
#
# ## Saves that are refused, and a save that fails
#
# `save_model` refuses, before writing anything, a model it could not load back as it
# is. Each try below takes a fresh copy of the digit classifier (loaded from the file),
# spoils it in one way, and tries to save it *over* `digits.npz`, the way a long
# experiment saves its latest model again and again. After each, the file must still be
# the good one, byte for byte, and no temporary file may be left in the folder.

# %%
with open("digits.npz", "rb") as file:
    good_bytes = file.read()


def try_to_save_over_digits(spoil):
    """Spoil a fresh copy of the digit model with spoil(model); try to save it."""
    copy = load_model("digits.npz")
    spoil(copy)
    try:
        save_model(copy, "digits.npz")
    except (TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")
    with open("digits.npz", "rb") as file:
        print("  digits.npz unchanged:", file.read() == good_bytes,
              "| temporary files left:", [name for name in os.listdir()
                                          if name.startswith(".saving-")])


def diverged(model):
    model.layers[0].weights[0, 0] = np.nan       # what a diverged training leaves


def custom_accuracy(model):
    model.accuracy = lambda y_pred, y_true: np.mean(y_pred.argmax(axis=1) == y_true)


def half_precision(model):
    model.layers[0].weights = model.layers[0].weights.astype(np.float16)


for spoil in (diverged, custom_accuracy, half_precision):
    try_to_save_over_digits(spoil)

# %% [markdown]
# Each message says what is wrong and what to do: retrain with a smaller learning rate
# (notebook 20's `fit` would have stopped such a run itself, and kept its best weights),
# use one of the three accuracy functions, convert the weights to float64.
#
# Those saves were refused before a byte was written. What if writing itself fails
# half-way, because the disk is full? We cannot fill the disk here, but we can make
# `np.savez` fail the same way part-way through its work: `FullDisk` stands for an
# array, and raises the error a full disk raises when `np.savez` gets to it, after the
# first array is written. First the way the course saved models before, opening the
# file and writing into it, on a copy of our file:

# %%
class FullDisk:
    """Stands for an array; np.savez fails on it the way it fails on a full disk."""

    def __array__(self, dtype=None, copy=None):
        raise OSError(28, "No space left on device (pretended)")


with np.load("digits.npz", allow_pickle=False) as archive:
    first_array = archive["layers.0.weights"]
failing = {"layers.0.weights": first_array, "layers.0.biases": FullDisk()}

shutil.copyfile("digits.npz", "plain.npz")
try:
    with open("plain.npz", "wb") as file:  # this empties plain.npz at once
        np.savez(file, **failing)
except OSError as error:
    print("np.savez failed:", error)
print(f"plain.npz is now {os.path.getsize('plain.npz'):,} bytes")
try:
    load_model("plain.npz")
except ModelFileError as error:
    print(error)

# %% [markdown]
# The old model is gone, and what is left is not a model. The same failure through
# `write_atomically`, onto `digits.npz` itself:

# %%
try:
    write_atomically("digits.npz", failing)
except OSError as error:
    print("write_atomically failed:", error)
with open("digits.npz", "rb") as file:
    print("digits.npz unchanged:", file.read() == good_bytes)
print("files in the folder:", sorted(os.listdir()))

# %% [markdown]
# The error reaches us as before, but `digits.npz` is the good model, byte for byte, and
# the half-written temporary file is gone: the folder holds only the files we made.
#
# ## Files that are refused
#
# A loader is only as good as what it does with a bad file. Here are the ways a model
# file goes wrong, each made from our good file, and what `load_model` says about it.
# Every one is a `ModelFileError`.
#
# A file cut short, for example by a download that stopped halfway:

# %% tags=["raises-exception"]
with open("truncated.npz", "wb") as file:
    file.write(good_bytes[: len(good_bytes) // 2])
load_model("truncated.npz")

# %% [markdown]
# A pickle renamed to look like a model file. This one holds only a harmless dict, but
# `load_model` does not find that out: it recognises a pickle by its first bytes and
# refuses it before unpickling anything, so a harmful file would be refused the same
# way, without running its code.

# %% tags=["raises-exception"]
with open("disguised.npz", "wb") as file:
    file.write(pickle.dumps({"layers.0.weights": [[0.1, 0.2]]}))
load_model("disguised.npz")

# %% [markdown]
# Archives that are valid zip files but not valid models: an array missing, an array too
# many (with a name the format could use, `layers.9.weights`, but no layer 9 to go
# with it), an array of the wrong shape, a layer size that is not a whole number, a
# format version this code does not know, and the good model's arrays saved with
# `np.savez_compressed`. That last one is easy to make by accident: the arrays are all
# right, but the loader refuses compressed members, since a compressed member can
# unpack to far more than its size in the file. Each is made by rewriting the good file; each
# message names the problem. `ModelFileError` is a `ValueError`, so `except ValueError`
# catches it too.

# %%
def with_arrays(name, change, save=np.savez):
    """Write a copy of digits.npz whose arrays went through change(dict), with save."""
    with np.load("digits.npz", allow_pickle=False) as archive:
        arrays = {key: archive[key] for key in archive.files}
    change(arrays)
    save(name, **arrays)
    return name


def fractional_size(description):
    description["layers"][0]["n_neurons"] = 127.5


def version_3(description):
    description["version"] = 3


damaged = [
    with_arrays("missing.npz", lambda arrays: arrays.pop("layers.3.biases")),
    with_arrays("extra.npz",
                lambda arrays: arrays.update({"layers.9.weights": np.zeros((10, 10))})),
    with_arrays("wrong_shape.npz",
                lambda arrays: arrays.update({"layers.6.weights": np.zeros((128, 9))})),
    with_description("fractional.npz", fractional_size),
    with_description("version_3.npz", version_3),
    with_arrays("compressed.npz", lambda arrays: None, save=np.savez_compressed),
]
for name in damaged:
    try:
        load_model(name)
    except ValueError as error:
        print(f"{type(error).__name__}: {error}\n")

# %% [markdown]
# ### A small file that claims a big model
#
# Now a file made to exhaust memory. It is less than a kilobyte: a description of one
# dense layer of 20,000 x 20,000 weights (3.2 GB of float64 numbers), and arrays whose
# `.npy` headers claim exactly those shapes, with almost none of their numbers behind
# them. `make_archive` writes the members by hand, as `np.savez` would:

# %%
def make_archive(name, members):
    """Write a zip archive of .npy members whose headers say what we choose."""
    with zipfile.ZipFile(name, "w") as archive:
        for member, (header, data) in members.items():
            npy = io.BytesIO()
            np.lib.format.write_array_header_1_0(npy, header)
            archive.writestr(member, npy.getvalue() + data)
    return name


huge = {"format": MODEL_FORMAT, "version": MODEL_FORMAT_VERSION,
        "layers": [{"type": "DenseLayer", "n_inputs": 20_000, "n_neurons": 20_000}],
        "loss": "SoftmaxCrossEntropy", "accuracy": "accuracy", "input_scale": 1.0}
text = json.dumps(huge).encode("utf-8")


def float_header(shape):
    return {"descr": "<f8", "fortran_order": False, "shape": shape}


make_archive("huge.npz", {
    "model.json.npy": ({"descr": "|u1", "fortran_order": False, "shape": (len(text),)},
                       text),
    "layers.0.weights.npy": (float_header((20_000, 20_000)), bytes(16)),
    "layers.0.biases.npy": (float_header((1, 20_000)), bytes(16)),
})
print(f"huge.npz: {os.path.getsize('huge.npz'):,} bytes")

# %% [markdown]
# With the default limit, the description alone is enough to refuse it: its parameters
# would take more than `max_bytes`. And if we said we trusted it, with a `max_bytes`
# large enough, the headers are checked against the bytes that are really in the file.
# Either way the loader never allocates the 3.2 GB, and answers at once: `tracemalloc`,
# Python's memory tracer (NumPy reports its arrays to it), measures the most memory
# allocated while loading.

# %%
for max_bytes in (MAX_MODEL_BYTES, 2**40):
    tracemalloc.start()
    start = time.perf_counter()
    try:
        load_model("huge.npz", max_bytes=max_bytes)
    except ModelFileError as error:
        print(f"max_bytes={max_bytes:,}:\n  {error}")
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print("  the most memory allocated while loading was under 1 MiB:", peak < 2**20)
    print("  refused in less than a second:", seconds < 1)

# %% [markdown]
# How much would a reader that believes the headers allocate? A smaller file of the
# same kind, under a kilobyte, claims 5,000 x 5,000 weights (200 MB of float64).
# `np.load` reads it the trusting way: it allocates the array its header describes, then
# finds that the numbers are not there. `load_model` on the same file, trusted with a
# large `max_bytes`, compares the header with the bytes in the file first:

# %%
claims = {**huge, "layers": [{"type": "DenseLayer", "n_inputs": 5_000, "n_neurons": 5_000}]}
claims_text = json.dumps(claims).encode("utf-8")
make_archive("claims.npz", {
    "model.json.npy": ({"descr": "|u1", "fortran_order": False,
                        "shape": (len(claims_text),)}, claims_text),
    "layers.0.weights.npy": (float_header((5_000, 5_000)), bytes(16)),
    "layers.0.biases.npy": (float_header((1, 5_000)), bytes(16)),
})
print(f"claims.npz: {os.path.getsize('claims.npz'):,} bytes")


def peak_memory(load):
    """Run load(), which is expected to fail; return the peak memory it allocated."""
    tracemalloc.start()
    try:
        load()
    except ValueError as error:  # ModelFileError is a ValueError too
        print(f"  {type(error).__name__}: {error}")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def trusting_load():
    with np.load("claims.npz", allow_pickle=False) as arrays:
        return arrays["layers.0.weights"]


print("np.load:")
trusting_peak = peak_memory(trusting_load)
print(f"  peak memory: {trusting_peak / 1e6:.0f} MB")
print("load_model:")
careful_peak = peak_memory(lambda: load_model("claims.npz", max_bytes=2**40))
print("  peak memory under 1 MiB:", careful_peak < 2**20)
check_claim("np.load allocated more than 150 MB for the file of under 1 KB before it "
            "failed; load_model less than 1 MiB",
            trusting_peak > 150e6 and careful_peak < 2**20)

# %% [markdown]
# `np.load` is not careless: it was made for files you wrote yourself, and it fails
# cleanly here, after allocating 200 MB. A file claiming 20,000 x 20,000 would make it
# ask for 3.2 GB, and a bigger claim more than the computer has. `load_model` was made
# for files from anywhere, and refuses before it allocates.

# %% [markdown]
# `max_bytes` works the other way too: it can be set below the default, for a program
# that only ever loads small models. With a limit of 100,000 bytes, even our good file
# is refused, since the digit classifier's parameters take about twice that:

# %%
n_parameters = sum(layer.weights.size + layer.biases.size
                   for layer in model.layers if isinstance(layer, DenseLayer))
print(f"the digit classifier: {n_parameters:,} parameters, {8 * n_parameters:,} bytes")
try:
    load_model("digits.npz", max_bytes=100_000)
except ModelFileError as error:
    print(error)

# %% [markdown]
# All done with files: back to the notebook's folder, and the temporary folder with
# everything in it is deleted.

# %%
os.chdir(notebook_folder)
workspace.cleanup()
print("temporary folder still there:", os.path.exists(workspace.name))

# %% [markdown]
# ## Summary
#
# - Loading a pickle can run any code its maker chose, so a model file holds data only:
#   one `.npz` archive of named parameter arrays (`layers.0.weights`, ...) plus a JSON
#   description (`model.json`) that may only name classes from a fixed list, and that
#   records the model's `input_scale`, so the loaded model takes its inputs as they come.
# - `save_model(model, path)` refuses what it could not load back as it is (NaN weights,
#   a custom accuracy, float16), and writes atomically: a temporary file in the same
#   folder, `flush` and `fsync`, then `os.replace`, then an `fsync` of the folder. A
#   failed save leaves the old file as it was.
# - `load_model(path)` checks every name, dtype, shape and size before it reads an array,
#   so a small file cannot claim gigabytes (`max_bytes` sets the limit); the model it
#   returns predicts exactly as the one saved. Every bad file raises one
#   `ModelFileError` (a `ValueError`) saying what is wrong; a version-1 file loads with a
#   warning.
# - To a person, report a class name and a confidence, remembering that confidence is
#   only trustworthy on data like the training data, scaled as in training.


# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: what is in a model file?
#
# Write `array_names(path)`: open the file with `np.load` and `allow_pickle=False`
# (using `with`, so the file is closed again) and return the sorted list of the names of
# the parameter arrays in it, leaving out `model.json`.

# %%
from nnfs_exercises.nb22 import (  # noqa: E402
    check_array_names,
    check_predict_or_abstain,
    check_top_k,
)


def array_names(path):
    return None  # your code here


check_array_names(array_names)

# %% [markdown]
# ### Exercise 2: the top three
#
# Write `top_k(probabilities, k)`: for each row of probabilities, return the indices of
# the `k` most likely classes, most likely first, as an array of shape
# `(n_samples, k)`. Hint: `np.argsort` sorts from small to large.

# %%
def top_k(probabilities, k):
    return None  # your code here


check_top_k(top_k)

# %% [markdown]
# ### Exercise 3: answer only when sure
#
# Write `predict_or_abstain(probabilities, threshold)`: return, for each row, the most
# likely class when its probability is at least `threshold`, and -1 ("ask a person")
# otherwise.

# %%
def predict_or_abstain(probabilities, threshold):
    return None  # your code here


check_predict_or_abstain(predict_or_abstain)

"""Issue #13: model files, saving, hyperparameters and divergence, tried as an attacker would.

One group of tests per class of problem in the issue (1-13), then the input scaling
that travels with a model (``Model(..., input_scale=...)``, format version 2).
Hostile files are built here by hand, with ``zipfile`` and ``np.lib.format``, so
they can claim what ``save_model`` never writes: huge shapes, compressed or
encrypted members, members that are not ``.npy``, nested or oversized JSON.

Every bad file must end in ``ModelFileError`` whose message starts
``cannot load a model from <path>: ``, says nothing about pickles (unless the
file holds one), and loading it must stay within the documented memory bound.
"""

import copy
import functools
import io
import json
import math
import os
import re
import struct
import sys
import tracemalloc
import warnings
import zipfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import nnfs_helpers
from nnfs_helpers import (
    MAX_DESCRIPTION_BYTES,
    MAX_MODEL_BYTES,
    SGD,
    AdaGrad,
    Adam,
    BinaryCrossEntropy,
    CategoricalCrossEntropy,
    DenseLayer,
    Dropout,
    Linear,
    MeanAbsoluteError,
    MeanSquaredError,
    Model,
    ModelFileError,
    ReLU,
    RMSProp,
    Sigmoid,
    Softmax,
    SoftmaxCrossEntropy,
    accuracy,
    load_model,
    regression_accuracy,
    save_model,
    spiral_data,
)

# Small searches: the whole file should run in well under 20 s on two busy cores.
FEW = settings(max_examples=25, deadline=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture])

# ---------------------------------------------------------------------------
# Builders: a small valid model file, and hostile files made from its pieces
# ---------------------------------------------------------------------------


def reference_model(seed=0, dtype=np.float64):
    """A small classifier with every kind of layer a file stores something for."""
    layers = [DenseLayer(2, 3, rng=seed, weight_l2=1e-4), ReLU(), Dropout(0.25, rng=seed),
              DenseLayer(3, 3, rng=seed + 1)]
    layers[0].biases[...] = [[0.5, -0.25, 0.125]]  # not all zeros, so a lost bias shows
    for layer in (layers[0], layers[3]):
        layer.weights = layer.weights.astype(dtype)
        layer.biases = layer.biases.astype(dtype)
    return Model(layers, SoftmaxCrossEntropy(), Adam(learning_rate=0.05))


def npy(array):
    """The bytes ``np.save`` writes for an array (object arrays pickled)."""
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=True)
    return buffer.getvalue()


def npy_header(shape, descr="<f8", fortran_order=False):
    """A .npy header claiming any shape and dtype, with no data after it."""
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": descr, "fortran_order": fortran_order, "shape": tuple(shape)})
    return buffer.getvalue()


def json_member(description):
    """``model.json.npy``: a description (dict, or raw text) as a 1-D uint8 .npy."""
    text = description if isinstance(description, str | bytes) else json.dumps(description)
    raw = text.encode() if isinstance(text, str) else text
    return npy(np.frombuffer(raw, dtype=np.uint8))


def zip_archive(members):
    """A zip file from ``(name, data[, compress_type])`` items, duplicates allowed.

    ``data`` is bytes or an iterable of byte chunks (so a zip bomb is built
    without holding its inflated size in memory).
    """
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns on a duplicate name
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data, *method in members:
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = method[0] if method else zipfile.ZIP_STORED
                with archive.open(info, "w") as member:
                    for chunk in [data] if isinstance(data, bytes) else data:
                        member.write(chunk)
    return buffer.getvalue()


def patch_headers(data, name, *, flag_bits=None, method=None, file_size=None):
    """Change one member's flags, compression method or size in its local and central headers."""
    data = bytearray(data)
    encoded = name.encode()
    # (signature, offset of flags, offset of uncompressed size, offset of name length)
    for signature, flags_at, size_at, length_at in ((b"PK\x03\x04", 6, 22, 26),
                                                     (b"PK\x01\x02", 8, 24, 28)):
        name_at = 30 if signature == b"PK\x03\x04" else 46
        start = data.find(signature)
        while start >= 0:
            (length,) = struct.unpack_from("<H", data, start + length_at)
            found = data[start + name_at:start + name_at + length]
            if length == len(encoded) and found == encoded:
                if flag_bits is not None:
                    struct.pack_into("<H", data, start + flags_at, flag_bits)
                if method is not None:
                    struct.pack_into("<H", data, start + flags_at + 2, method)
                if file_size is not None:
                    struct.pack_into("<I", data, start + size_at, file_size)
            start = data.find(signature, start + 4)
    return bytes(data)


def zeros_npy_chunks(shape):
    """A .npy of float64 zeros, in 1 MiB chunks."""
    yield npy_header(shape)
    remaining = math.prod(shape) * 8
    block = bytes(2**20)
    while remaining:
        yield block[:min(remaining, len(block))]
        remaining -= min(remaining, len(block))


def many_central_entries(count):
    """A zip whose central directory lists one empty member ``count`` times (47 bytes each)."""
    data = zip_archive([("a", b"")])
    directory_at, end_at = data.index(b"PK\x01\x02"), data.index(b"PK\x05\x06")
    entries = data[directory_at:end_at] * count
    end = bytearray(data[end_at:])
    struct.pack_into("<HHII", end, 8, count, count, len(entries), directory_at)
    return data[:directory_at] + entries + bytes(end)


def write_version_1_file(model, path):
    """What ``save_model`` wrote before format version 2 (commit 50a30ec): no input_scale."""
    layers, arrays_ = [], {}
    for index, layer in enumerate(model.layers):
        entry = {"type": type(layer).__name__}
        if isinstance(layer, DenseLayer):
            n_inputs, n_neurons = layer.weights.shape
            entry.update(n_inputs=n_inputs, n_neurons=n_neurons,
                         weight_l1=layer.weight_l1, weight_l2=layer.weight_l2,
                         bias_l1=layer.bias_l1, bias_l2=layer.bias_l2)
            arrays_[f"layers.{index}.weights"] = layer.weights
            arrays_[f"layers.{index}.biases"] = layer.biases
        elif isinstance(layer, Dropout):
            entry["rate"] = layer.rate
        layers.append(entry)
    description = {"format": "nnfs-course-model", "version": 1, "layers": layers,
                   "loss": type(model.loss).__name__, "accuracy": model.accuracy.__name__}
    arrays_["model.json"] = np.frombuffer(json.dumps(description).encode("utf-8"),
                                          dtype=np.uint8)
    with open(path, "wb") as file:
        np.savez(file, **arrays_)


class Reference:
    """The reference model, the bytes save_model wrote for it, and its pieces."""

    def __init__(self, directory):
        self.model = reference_model()
        self.path = directory / "reference.npz"
        save_model(self.model, self.path)
        self.data = self.path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(self.data)) as archive:
            self.members = {info.filename: archive.read(info) for info in archive.infolist()}
        self.description = json.loads(
            np.load(io.BytesIO(self.members["model.json.npy"])).tobytes())

    def archive(self, **changes):
        """The reference's members with some replaced (``None`` removes one)."""
        members = self.members | {name.replace("__", "."): data
                                  for name, data in changes.items()}
        return zip_archive([(name, data) for name, data in members.items()
                            if data is not None])

    def with_description(self, change):
        description = copy.deepcopy(self.description)
        change(description)
        return self.archive(model__json__npy=json_member(description))


@pytest.fixture(scope="module")
def ref(tmp_path_factory):
    return Reference(tmp_path_factory.mktemp("reference"))


@contextmanager
def address_space_limit(extra=2**30):
    """Cap this process's address space while a hostile file loads (Linux).

    Code that would allocate gigabytes for a tiny file then raises MemoryError
    at once instead of filling the machine's memory; the test fails either way.
    """
    try:
        import resource
    except ImportError:
        resource = None
    if resource is None or not sys.platform.startswith("linux"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as file:
        used = int(file.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = used + extra if hard == resource.RLIM_INFINITY else min(used + extra, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def refused(path, **kwargs):
    """Load ``path``, expecting ModelFileError; return its message after checking its form."""
    with address_space_limit(), pytest.raises(ModelFileError) as caught:
        load_model(path, **kwargs)
    message = str(caught.value)
    assert message.startswith(f"cannot load a model from {path}: "), message[:300]
    return message


def assert_same_model(loaded, original):
    """Same layers, penalties, loss, accuracy, and exactly the same arrays."""
    assert [repr(layer) for layer in loaded.layers] == [repr(layer) for layer in original.layers]
    for new, old in zip(loaded.layers, original.layers, strict=True):
        if isinstance(old, DenseLayer):
            np.testing.assert_array_equal(new.weights, old.weights)
            np.testing.assert_array_equal(new.biases, old.biases)
            assert (new.weight_l1, new.weight_l2, new.bias_l1, new.bias_l2) == \
                (old.weight_l1, old.weight_l2, old.bias_l1, old.bias_l2)
        if isinstance(old, Dropout):
            assert new.rate == old.rate
    assert type(loaded.loss) is type(original.loss)
    assert loaded.accuracy is original.accuracy
    assert getattr(loaded, "input_scale", 1.0) == getattr(original, "input_scale", 1.0)


# ---------------------------------------------------------------------------
# The hostile files (classes 2-8): each must be refused with ModelFileError
# ---------------------------------------------------------------------------


def zip_bomb(ref):
    """Class 2: ``layers.0.weights.npy`` deflated: ~130 KB that inflate to 128 MB (4000 x 4000)."""
    return zip_archive([(name, zeros_npy_chunks((4000, 4000)), zipfile.ZIP_DEFLATED)
                        if name == "layers.0.weights.npy" else (name, data)
                        for name, data in ref.members.items()])


def zip_bomb_matching_description(ref):
    """Class 2: a 2000 x 2000 layer (32 MB, under max_bytes) stored deflated in ~32 KB."""
    description = {**ref.description, "layers": big_layers(2000, 2000)}
    return zip_archive([("model.json.npy", json_member(description)),
                        ("layers.0.weights.npy", zeros_npy_chunks((2000, 2000)),
                         zipfile.ZIP_DEFLATED),
                        ("layers.0.biases.npy", npy(np.zeros((1, 2000))))])


def big_layers(n_inputs, n_neurons):
    return [{"type": "DenseLayer", "n_inputs": n_inputs, "n_neurons": n_neurons,
             "weight_l1": 0.0, "weight_l2": 0.0, "bias_l1": 0.0, "bias_l2": 0.0}]


def huge_description_headers_only(ref, size=20000):
    """Class 2: a description and .npy headers claiming a size x size layer, without data."""
    description = {**ref.description, "layers": big_layers(size, size)}
    return zip_archive([("model.json.npy", json_member(description)),
                        ("layers.0.weights.npy", npy_header((size, size))),
                        ("layers.0.biases.npy", npy_header((1, size)))])


def huge_description_small_arrays(ref):
    """Class 2: a description claiming 20000 x 20000, with small arrays."""
    description = {**ref.description, "layers": big_layers(20000, 20000)}
    return zip_archive([("model.json.npy", json_member(description)),
                        ("layers.0.weights.npy", npy(np.zeros((2, 3)))),
                        ("layers.0.biases.npy", npy(np.zeros((1, 3))))])


def layers_that_do_not_chain(ref):
    """Class 4/2: 2 -> 3 then 5 -> 3, every array the shape its entry says."""
    description = copy.deepcopy(ref.description)
    description["layers"][3]["n_inputs"] = 5
    return ref.archive(model__json__npy=json_member(description),
                       layers__3__weights__npy=npy(np.zeros((5, 3))))


def setter(*keys, value):
    """A change to the description: set description[k0][k1]... = value."""
    def change(description):
        target = description
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return change


HOSTILE = {
    # class 2: no memory bound before reading
    "2-zip-bomb-member": zip_bomb,
    "2-zip-bomb-matching-description": zip_bomb_matching_description,
    "2-npy-header-claims-20000x20000": lambda ref: ref.archive(
        layers__0__weights__npy=npy_header((20000, 20000))),
    "2-description-json-header-claims-1e12-bytes": lambda ref: ref.archive(
        model__json__npy=npy_header((10**12,), descr="|u1")),
    "2-description-claims-20000x20000-headers-agree": huge_description_headers_only,
    "2-description-claims-20000x20000-arrays-small": huge_description_small_arrays,
    "2-description-claims-3000x3000-over-max-bytes": functools.partial(
        huge_description_headers_only, size=3000),
    "2-member-declares-2GB-uncompressed": lambda ref: patch_headers(
        ref.data, "model.json.npy", file_size=2**31),
    "2-description-longer-than-MAX_DESCRIPTION_BYTES": lambda ref: ref.archive(
        model__json__npy=json_member(json.dumps(ref.description)
                                     + " " * (MAX_DESCRIPTION_BYTES + 1))),
    "2-21000-central-directory-entries": lambda ref: many_central_entries(21_000),
    "2-2780-central-directory-entries": lambda ref: many_central_entries(2780),
    "2-description-of-300000-empty-lists-900-KB": lambda ref: ref.archive(
        model__json__npy=json_member("[" + "[]," * 300_000 + "[]]")),
    "2-description-of-empty-dicts": lambda ref: ref.archive(model__json__npy=json_member(
        "[" + "{}," * (MAX_DESCRIPTION_BYTES // 3 - 1) + "{}]")),
    "2-description-of-empty-lists": lambda ref: ref.archive(model__json__npy=json_member(
        "[" + "[]," * (MAX_DESCRIPTION_BYTES // 3 - 1) + "[]]")),
    # class 3: odd zip members
    "3-weights-member-not-npy": lambda ref: ref.archive(
        layers__0__weights__npy=None, layers__0__weights=ref.members["layers.0.weights.npy"]),
    "3-description-member-not-npy": lambda ref: ref.archive(
        model__json__npy=None, model__json=json.dumps(ref.description).encode()),
    "3-json-nested-30000-deep": lambda ref: ref.archive(
        model__json__npy=json_member("[" * 30_000 + "]" * 30_000)),
    "3-json-field-nested-30000-deep": lambda ref: ref.archive(
        model__json__npy=json_member(json.dumps(ref.description)[:-1]
                                     + ', "x": ' + "[" * 30_000 + "]" * 30_000 + "}")),
    "3-encrypted-flag": lambda ref: patch_headers(ref.data, "model.json.npy", flag_bits=1),
    "3-encrypted-flag-on-weights": lambda ref: patch_headers(
        ref.data, "layers.0.weights.npy", flag_bits=1),
    "3-unknown-compression-method": lambda ref: patch_headers(
        ref.data, "layers.0.weights.npy", method=42),
    "3-every-member-deflated": lambda ref: zip_archive(
        [(name, data, zipfile.ZIP_DEFLATED) for name, data in ref.members.items()]),
    "3-weights-bzip2": lambda ref: zip_archive(
        [(name, data, zipfile.ZIP_BZIP2 if "weights" in name else zipfile.ZIP_STORED)
         for name, data in ref.members.items()]),
    "3-description-lzma": lambda ref: zip_archive(
        [(name, data, zipfile.ZIP_LZMA if name == "model.json.npy" else zipfile.ZIP_STORED)
         for name, data in ref.members.items()]),
    "3-duplicate-description-member": lambda ref: zip_archive(
        list(ref.members.items()) + [("model.json.npy", ref.members["model.json.npy"])]),
    # class 4: messages that said "pickled" or "unhashable"
    "4-json-text-file": lambda ref: json.dumps(ref.description).encode(),
    "4-one-byte-file": lambda ref: b"P",
    "4-oversized-npy-header": lambda ref: ref.archive(
        layers__0__biases__npy=npy_header((1,) * 4000 + (3,))),
    "4-layer-type-is-a-dict": lambda ref: ref.with_description(
        setter("layers", 0, "type", value={"name": "DenseLayer"})),
    "4-loss-is-a-list": lambda ref: ref.with_description(
        setter("loss", value=["SoftmaxCrossEntropy"])),
    "4-accuracy-is-a-dict": lambda ref: ref.with_description(
        setter("accuracy", value={"name": "accuracy"})),
    "4-version-is-true": lambda ref: ref.with_description(setter("version", value=True)),
    "4-layer-type-name-60-KB": lambda ref: ref.with_description(
        setter("layers", 1, "type", value="ReLU" * 15_000)),
    "4-layers-do-not-chain": layers_that_do_not_chain,
    "4-input-scale-is-a-dict": lambda ref: ref.with_description(
        setter("input_scale", value={"value": 16})),
    "4-input-scale-is-a-string": lambda ref: ref.with_description(
        setter("input_scale", value="16")),
    # class 5: NaN / inf weights
    "5-nan-weight": lambda ref: ref.archive(
        layers__0__weights__npy=npy(np.array([[0.1, np.nan, 0.2], [0.3, 0.4, 0.5]]))),
    "5-inf-bias": lambda ref: ref.archive(
        layers__3__biases__npy=npy(np.array([[0.0, -np.inf, 0.0]]))),
    # class 6: an unknown accuracy name became the default
    "6-unknown-accuracy-name": lambda ref: ref.with_description(
        setter("accuracy", value="top5_accuracy")),
    "6-accuracy-null": lambda ref: ref.with_description(setter("accuracy", value=None)),
    # class 7: dtypes and layouts the format does not use
    "7-float16-weights": lambda ref: ref.archive(
        layers__0__weights__npy=npy(np.zeros((2, 3), dtype=np.float16))),
    "7-longdouble-weights": lambda ref: ref.archive(
        layers__0__weights__npy=npy(np.zeros((2, 3), dtype=np.longdouble))),
    "7-big-endian-weights": lambda ref: ref.archive(
        layers__0__weights__npy=npy(np.zeros((2, 3), dtype=">f8"))),
    "7-fortran-order-weights": lambda ref: ref.archive(
        layers__0__weights__npy=npy(np.asfortranarray(np.arange(6.0).reshape(2, 3)))),
    # class 8: infinite hyperparameters in a file
    "8-weight-l2-Infinity": lambda ref: ref.with_description(
        setter("layers", 0, "weight_l2", value=math.inf)),
    "8-bias-l1-1e999": lambda ref: ref.archive(model__json__npy=json_member(
        json.dumps(ref.description).replace('"bias_l1": 0.0', '"bias_l1": 1e999', 1))),
    "8-input-scale-Infinity": lambda ref: ref.with_description(
        setter("input_scale", value=math.inf)),
    "8-input-scale-NaN": lambda ref: ref.with_description(setter("input_scale", value=math.nan)),
    "8-input-scale-zero": lambda ref: ref.with_description(setter("input_scale", value=0)),
    "8-input-scale-negative": lambda ref: ref.with_description(
        setter("input_scale", value=-16.0)),
}


@pytest.fixture(scope="module")
def hostile_files(ref, tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, build in HOSTILE.items():
        paths[name] = directory / f"{name}.npz"
        paths[name].write_bytes(build(ref))
    return paths


@pytest.mark.parametrize("case", HOSTILE)
def test_every_hostile_file_is_refused_with_model_file_error(hostile_files, case):
    """Classes 2-8: one exception type, a message about the file, never about pickles."""
    message = refused(hostile_files[case])
    assert "pickl" not in message.lower(), message
    assert "unhashable" not in message, message
    assert len(message) < 2000, f"a {len(message)}-character message: {message[:300]}..."


def test_the_hostile_files_are_what_they_claim(ref, hostile_files):
    """The builders work: sizes as documented, and the safe part of each readable."""
    sizes = {case: path.stat().st_size for case, path in hostile_files.items()}
    assert all(size < 2**20 for size in sizes.values())
    assert sizes["2-description-longer-than-MAX_DESCRIPTION_BYTES"] > MAX_DESCRIPTION_BYTES
    with zipfile.ZipFile(hostile_files["2-zip-bomb-member"]) as archive:
        info = archive.getinfo("layers.0.weights.npy")
        assert info.file_size == 4000 * 4000 * 8 + 128 and info.compress_type == 8
        with archive.open(info) as member:  # the deflate stream is genuine
            assert member.read(6) == b"\x93NUMPY"
    with zipfile.ZipFile(hostile_files["3-encrypted-flag"]) as archive:
        assert archive.getinfo("model.json.npy").flag_bits & 1
    with zipfile.ZipFile(hostile_files["3-unknown-compression-method"]) as archive:
        assert archive.getinfo("layers.0.weights.npy").compress_type == 42
    # Untouched, the reference itself loads.
    assert_same_model(load_model(ref.path), ref.model)


def test_an_object_array_member_is_refused_as_pickled_data(ref, tmp_path):
    """Class 4, the other side: a file that does hold pickled data says so."""
    path = tmp_path / "pickled.npz"
    path.write_bytes(ref.archive(layers__0__biases__npy=npy(np.array([{}, "x"], dtype=object))))
    assert "pickle" in refused(path)


def test_a_missing_file_is_still_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "nowhere.npz")


# ---------------------------------------------------------------------------
# Class 1: saving must not destroy the previous model
# ---------------------------------------------------------------------------


def saved_over(tmp_path):
    """A good model file already at tmp_path/model.npz: (path, its bytes, the model)."""
    model = reference_model(seed=0)
    path = tmp_path / "model.npz"
    save_model(model, path)
    return path, path.read_bytes(), model


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()],
                         ids=["disk-full", "interrupted"])
@pytest.mark.parametrize("where", ["np.savez", "os.fsync", "os.replace"])
def test_a_failed_save_leaves_the_old_file_untouched_and_no_stray_file(
        tmp_path, monkeypatch, where, error):
    path, before, old_model = saved_over(tmp_path)
    calls = []

    def fail(*args, **kwargs):
        calls.append(where)
        if where == "np.savez":  # a disk fills up part-way through the data
            target = args[0]
            if hasattr(target, "write"):
                target.write(b"PK\x03\x04 half a model")
            else:
                Path(os.fsdecode(target)).write_bytes(b"PK\x03\x04 half a model")
        raise error

    module, name = where.split(".")
    monkeypatch.setattr({"np": np, "os": os}[module], name, fail)
    with pytest.raises(type(error)):
        save_model(reference_model(seed=5), path)
    monkeypatch.undo()
    assert calls, f"save_model never called {where}"
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["model.npz"]
    assert_same_model(load_model(path), old_model)


def test_a_save_syncs_a_temporary_file_beside_the_target_then_replaces_it(tmp_path, monkeypatch):
    path, before, _ = saved_over(tmp_path)
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", path.read_bytes() == before))
        return real_fsync(fd)

    def replace(source, destination, **kwargs):
        events.append(("replace", Path(os.fsdecode(source)).parent == tmp_path,
                       Path(os.fsdecode(destination)) == path, path.read_bytes() == before))
        return real_replace(source, destination, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    new_model = reference_model(seed=7)
    save_model(new_model, path)
    monkeypatch.undo()
    # The new data were synced to disk while the old file was still whole, then
    # one rename from the same folder put them in its place.
    assert ("replace", True, True, True) in events, events
    first_replace = events.index(("replace", True, True, True))
    assert ("fsync", True) in events[:first_replace], events
    assert sorted(os.listdir(tmp_path)) == ["model.npz"]
    assert path.read_bytes() != before
    assert_same_model(load_model(path), new_model)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_saved_file_gets_the_permissions_any_new_file_gets(tmp_path):
    """Regression guard (passes on HEAD): a temporary file from tempfile is private (0600);
    after os.replace the model file must still be readable as any file the user writes."""
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    path, _, _ = saved_over(tmp_path)
    assert path.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    path.chmod(0o644)
    save_model(reference_model(seed=3), path)
    assert path.stat().st_mode & 0o777 == 0o644


# ---------------------------------------------------------------------------
# Class 2: a bound on memory before reading
# ---------------------------------------------------------------------------


def memory_bound(size):
    """The documented bound (API13, load_model's docstring): 4 x the file's size + 4 MiB."""
    return 4 * size + 4 * 2**20


def peak_while(load):
    """Peak Python and NumPy allocations (tracemalloc) while ``load()`` runs."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        load()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def warmed_up(ref, hostile_files):
    """Load once before measuring, so lazy imports and caches are not counted."""
    load_model(ref.path)
    with pytest.raises(ModelFileError):
        load_model(hostile_files["4-json-text-file"])


@pytest.mark.parametrize("case", HOSTILE)
def test_loading_a_hostile_file_under_1_mb_stays_within_the_memory_bound(
        hostile_files, warmed_up, case):
    path = hostile_files[case]
    size = path.stat().st_size
    assert size < 2**20

    def load():
        with address_space_limit(), pytest.raises(ModelFileError):
            load_model(path)

    peak = peak_while(load)
    assert peak < memory_bound(size), f"{peak:,} bytes for a {size:,}-byte file"


@pytest.mark.parametrize("case", ["2-npy-header-claims-20000x20000",
                                  "2-description-claims-20000x20000-headers-agree",
                                  "2-description-claims-3000x3000-over-max-bytes"])
def test_a_raised_max_bytes_does_not_let_a_small_file_allocate(hostile_files, warmed_up, case):
    """Array bytes must be in the file: max_bytes=2**40 is no licence to allocate 3.2 GB."""
    path = hostile_files[case]

    def load():
        refused(path, max_bytes=2**40)

    peak = peak_while(load)
    assert peak < memory_bound(path.stat().st_size), f"{peak:,} bytes"


def test_max_bytes_limits_the_arrays_of_a_valid_file(ref):
    assert nnfs_helpers.MAX_MODEL_BYTES == MAX_MODEL_BYTES == 64 * 2**20
    assert MAX_DESCRIPTION_BYTES == 64 * 2**10
    message = refused(ref.path, max_bytes=100)  # the arrays hold 168 bytes
    assert "pickl" not in message.lower()
    assert_same_model(load_model(ref.path, max_bytes=10_000), ref.model)


def test_loading_a_valid_file_near_1_mb_stays_within_the_memory_bound(tmp_path, warmed_up):
    """Regression guard (passes on HEAD too): the bound must hold for good files as well."""
    model = Model([DenseLayer(2, 300, rng=0), ReLU(), DenseLayer(300, 300, rng=1), ReLU(),
                   DenseLayer(300, 3, rng=2)], SoftmaxCrossEntropy())
    path = tmp_path / "big.npz"
    save_model(model, path)
    size = path.stat().st_size
    assert 2**19 < size < 2**20
    loaded = []
    peak = peak_while(lambda: loaded.append(load_model(path)))
    assert peak < memory_bound(size), f"{peak:,} bytes for a {size:,}-byte file"
    assert_same_model(loaded[0], model)


# ---------------------------------------------------------------------------
# Classes 2-4 as properties: any damage to a small valid file
# ---------------------------------------------------------------------------


def load_or_refuse(path, original):
    """A damaged file either loads as exactly the original or is refused as a model file."""
    try:
        with address_space_limit():
            loaded = load_model(path)
    except ModelFileError as error:
        message = str(error)
        assert message.startswith(f"cannot load a model from {path}: ")
        assert "pickl" not in message.lower(), message
        return
    assert_same_model(loaded, original)


def test_the_file_cut_at_every_length_is_refused(ref, tmp_path):
    path = tmp_path / "cut.npz"
    for length in range(len(ref.data)):
        path.write_bytes(ref.data[:length])
        with address_space_limit(), pytest.raises(ModelFileError) as caught:
            load_model(path)
        assert "pickl" not in str(caught.value).lower(), (length, str(caught.value))


def test_every_byte_flipped_in_turn_loads_the_same_model_or_is_refused(ref, tmp_path):
    path = tmp_path / "flipped.npz"
    for position in range(len(ref.data)):
        data = bytearray(ref.data)
        data[position] ^= 0xFF
        path.write_bytes(bytes(data))
        load_or_refuse(path, ref.model)


@settings(FEW, max_examples=150)
@given(data=st.data())
def test_any_single_byte_corruption_loads_the_same_model_or_is_refused(ref, tmp_path, data):
    position = data.draw(st.integers(0, len(ref.data) - 1), label="position")
    value = data.draw(st.integers(0, 255).filter(lambda v: v != ref.data[position]),
                      label="new byte")
    corrupted = bytearray(ref.data)
    corrupted[position] = value
    path = tmp_path / "corrupted.npz"
    path.write_bytes(bytes(corrupted))
    load_or_refuse(path, ref.model)


# ---------------------------------------------------------------------------
# Classes 5, 6, 7: refuse to save what cannot be loaded as it was
# ---------------------------------------------------------------------------


def assert_save_refused(tmp_path, model, error, match):
    """save_model raises before writing anything: the old file and folder unchanged."""
    path, before, _ = saved_over(tmp_path)
    with pytest.raises(error, match=match):
        save_model(model, path)
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["model.npz"]


@FEW
@given(layer=st.sampled_from([0, 3]), attribute=st.sampled_from(["weights", "biases"]),
       value=st.sampled_from([math.nan, math.inf, -math.inf]), where=st.data())
@example(layer=0, attribute="weights", value=math.nan, where=None)
def test_class_5_non_finite_parameters_are_refused_when_saving(
        tmp_path_factory, layer, attribute, value, where):
    model = reference_model()
    array = getattr(model.layers[layer], attribute)
    index = (0, 0) if where is None else where.draw(
        st.tuples(st.integers(0, array.shape[0] - 1), st.integers(0, array.shape[1] - 1)))
    array[index] = value
    tmp_path = tmp_path_factory.mktemp("nonfinite")
    assert_save_refused(tmp_path, model, ValueError,
                        rf"(?s)(layer {layer}\b|layers\.{layer}\b).*(retrain|learning rate)")


def accuracy_named_accuracy(y_pred, y_true):
    return 1.0


accuracy_named_accuracy.__name__ = "accuracy"  # a learner's own function of the same name


class CallableAccuracy:
    __name__ = "binary_accuracy"

    def __call__(self, y_pred, y_true):
        return 1.0


@pytest.mark.parametrize("custom", [
    lambda y_pred, y_true: 1.0,
    accuracy_named_accuracy,
    CallableAccuracy(),
    functools.partial(accuracy),
    functools.partial(regression_accuracy, tolerance=0.1),
], ids=["lambda", "own-function-named-accuracy", "callable-object", "partial-accuracy",
        "partial-regression-accuracy"])
def test_class_6_an_accuracy_a_file_cannot_name_is_refused_when_saving(tmp_path, custom):
    model = reference_model()
    model.accuracy = custom
    assert_save_refused(tmp_path, model, TypeError,
                        r"(?s)(?=.*\baccuracy\b)(?=.*binary_accuracy)(?=.*regression_accuracy)")


@pytest.mark.parametrize("dtype", [np.float16, np.longdouble, np.int64, np.complex128],
                         ids=["float16", "longdouble", "int64", "complex128"])
def test_class_7_parameters_of_other_dtypes_are_refused_when_saving(tmp_path, dtype):
    model = reference_model()
    model.layers[3].biases = model.layers[3].biases.astype(dtype)
    assert_save_refused(tmp_path, model, TypeError, r"astype\(np\.float64\)")


def test_class_7_float32_and_fortran_ordered_models_round_trip(tmp_path):
    """Regression guard (passes on HEAD): what the stricter loader accepts, save writes.

    A transposed weight matrix is Fortran-ordered; np.save would write it with
    fortran_order=True, which the new loader refuses, so save must write C order.
    """
    model = reference_model(dtype=np.float32)
    path = tmp_path / "float32.npz"
    save_model(model, path)
    loaded = load_model(path)
    for new, old in zip(loaded.layers, model.layers, strict=True):
        if isinstance(old, DenseLayer):
            np.testing.assert_array_equal(new.weights, old.weights)
    model = reference_model()
    model.layers[3].weights = np.ascontiguousarray(model.layers[3].weights.T).T
    assert model.layers[3].weights.flags.f_contiguous
    save_model(model, path)
    assert_same_model(load_model(path), model)


# ---------------------------------------------------------------------------
# Class 8: hyperparameters must be finite
# ---------------------------------------------------------------------------

HYPERPARAMETERS = {
    **{f"{cls.__name__}.{name}": functools.partial(
        lambda cls, name, value: cls(**{name: value}), cls, name)
       for cls, names in [(SGD, ["learning_rate", "decay", "momentum"]),
                          (AdaGrad, ["learning_rate", "decay", "epsilon"]),
                          (RMSProp, ["learning_rate", "decay", "epsilon", "rho"]),
                          (Adam, ["learning_rate", "decay", "epsilon", "beta_1", "beta_2"])]
       for name in names},
    **{f"DenseLayer.{name}": functools.partial(
        lambda name, value: DenseLayer(2, 3, rng=0, **{name: value}), name)
       for name in ["weight_l1", "weight_l2", "bias_l1", "bias_l2", "weight_scale"]},
    "Dropout.rate": lambda value: Dropout(value),
    "Model.input_scale": lambda value: Model([DenseLayer(2, 3)], SoftmaxCrossEntropy(),
                                             input_scale=value),
}

NUMBER_TYPES = st.sampled_from([float, np.float64, np.float32])


@pytest.mark.parametrize("target", HYPERPARAMETERS)
@settings(max_examples=15, deadline=None)
@given(value=st.floats(allow_nan=True, allow_infinity=True), to_type=NUMBER_TYPES)
@example(value=math.inf, to_type=float)
@example(value=-math.inf, to_type=float)
@example(value=math.nan, to_type=float)
@example(value=math.inf, to_type=np.float64)
def test_class_8_a_non_finite_hyperparameter_is_refused(target, value, to_type):
    value = to_type(value)
    make = HYPERPARAMETERS[target]
    if math.isfinite(value):
        try:
            make(value)  # in range or not: only the finiteness rule is under test
        except ValueError as error:
            assert "finite" not in str(error), str(error)
    else:
        with pytest.raises(ValueError, match="finite"):
            make(value)


def test_class_8_decay_inf_no_longer_stops_training_silently():
    with pytest.raises(ValueError, match="decay.*finite|finite.*decay"):
        Adam(learning_rate=0.01, decay=math.inf)


# ---------------------------------------------------------------------------
# Class 9: NaN in one-hot labels
# ---------------------------------------------------------------------------


@FEW
@given(n_samples=st.integers(1, 8), n_classes=st.integers(2, 5), data=st.data(),
       bad=st.sampled_from([math.nan, math.inf, -math.inf]))
@example(n_samples=3, n_classes=3, data=None, bad=math.nan)
def test_class_9_non_finite_one_hot_labels_are_refused_by_every_check(
        n_samples, n_classes, data, bad):
    rng = np.random.default_rng(n_samples * 10 + n_classes)
    labels = np.eye(n_classes)[rng.integers(0, n_classes, n_samples)]
    row, col = (0, 0) if data is None else data.draw(
        st.tuples(st.integers(0, n_samples - 1), st.integers(0, n_classes - 1)))
    labels[row, col] = bad
    scores = rng.normal(size=(n_samples, n_classes))
    probabilities = Softmax().forward(scores)
    with pytest.raises(ValueError):
        SoftmaxCrossEntropy().forward(scores, labels)
    with pytest.raises(ValueError):
        CategoricalCrossEntropy().forward(probabilities, labels)
    model = Model([DenseLayer(n_classes, n_classes, rng=0)], SoftmaxCrossEntropy(), SGD())
    before = model.layers[0].weights.copy()
    with pytest.raises(ValueError):
        model.fit(scores, labels, epochs=1, progress=False)
    np.testing.assert_array_equal(model.layers[0].weights, before)


# ---------------------------------------------------------------------------
# Class 10: validation_data must be an (X_val, y_val) pair
# ---------------------------------------------------------------------------

X_SPIRAL, Y_SPIRAL = spiral_data(20, 3)


@pytest.mark.parametrize("validation_data, says", [
    (X_SPIRAL, "ndarray"),
    (X_SPIRAL[:2], "ndarray"),  # two samples: unpacks into a "pair" of rows
    ((X_SPIRAL,), "1"),
    ((X_SPIRAL, Y_SPIRAL, X_SPIRAL), "3"),
    ({"X": X_SPIRAL, "y": Y_SPIRAL}, "dict"),
    ("validation", "str"),
], ids=["array", "two-row-array", "1-tuple", "3-tuple", "dict", "string"])
def test_class_10_validation_data_that_is_not_a_pair_is_refused(validation_data, says):
    model = Model([DenseLayer(2, 3, rng=0)], SoftmaxCrossEntropy(), SGD())
    before = model.layers[0].weights.copy()
    with pytest.raises(TypeError, match=r"\(X_val, y_val\)") as caught:
        model.fit(X_SPIRAL, Y_SPIRAL, epochs=1, validation_data=validation_data,
                  progress=False)
    assert says in str(caught.value)
    np.testing.assert_array_equal(model.layers[0].weights, before)


# ---------------------------------------------------------------------------
# Class 11: calls out of order get a message that names the order
# ---------------------------------------------------------------------------

ORDER_MESSAGE = r"(?s)(forward.*backward|backward.*forward)"


@pytest.mark.parametrize("layer", [DenseLayer(2, 3, rng=0), ReLU(), Softmax(), Dropout(0.5),
                                   Sigmoid(), Linear()], ids=repr)
def test_class_11_backward_before_forward_names_the_order(layer):
    with pytest.raises(RuntimeError, match=ORDER_MESSAGE):
        layer.backward(np.ones((4, 3)))


@pytest.mark.parametrize("loss", [CategoricalCrossEntropy(), SoftmaxCrossEntropy(),
                                  BinaryCrossEntropy(), MeanSquaredError(),
                                  MeanAbsoluteError()], ids=repr)
def test_class_11_loss_backward_before_forward_names_the_order(loss):
    with pytest.raises(RuntimeError, match=ORDER_MESSAGE):
        loss.backward()


@pytest.mark.parametrize("optimizer", [SGD(), SGD(momentum=0.9), AdaGrad(), RMSProp(), Adam()],
                         ids=repr)
@pytest.mark.parametrize("forward_first", [False, True], ids=["fresh", "after-forward"])
def test_class_11_a_step_before_backward_names_the_order(optimizer, forward_first):
    layers = [DenseLayer(2, 3, rng=0), ReLU()]
    if forward_first:
        layers[1].forward(layers[0].forward(np.ones((4, 2))))
    before = layers[0].weights.copy()
    with pytest.raises(RuntimeError, match="backward"):
        optimizer.step(layers)
    np.testing.assert_array_equal(layers[0].weights, before)


# ---------------------------------------------------------------------------
# Class 12: NumPy subclasses as inputs
# ---------------------------------------------------------------------------

SUBCLASSES = {
    "matrix": (np.asmatrix, "matrix"),
    "masked": (lambda a: np.ma.masked_array(a, mask=a > 0.5), "MaskedArray"),
    "masked-nothing": (lambda a: np.ma.masked_array(a), "MaskedArray"),
}
TAKERS = {
    "DenseLayer": lambda x: DenseLayer(x.shape[1], 3, rng=0).forward(x),
    "ReLU": lambda x: ReLU().forward(x),
    "Softmax": lambda x: Softmax().forward(x),
    "Dropout": lambda x: Dropout(0.5, rng=0).forward(x),
    "Sigmoid": lambda x: Sigmoid().forward(x),
    "Linear": lambda x: Linear().forward(x),
    "Model.predict": lambda x: Model([DenseLayer(x.shape[1], 3, rng=0)],
                                     SoftmaxCrossEntropy()).predict(x),
    "Model.evaluate": lambda x: Model([DenseLayer(x.shape[1], 3, rng=0)],
                                      SoftmaxCrossEntropy()).evaluate(x, np.zeros(len(x), int)),
    "Model.fit": lambda x: Model([DenseLayer(x.shape[1], 3, rng=0)], SoftmaxCrossEntropy(),
                                 SGD()).fit(x, np.zeros(len(x), int), epochs=1, progress=False),
}


@settings(FEW, max_examples=60)
@given(values=arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 4)),
                     elements=st.floats(-2, 2)),
       kind=st.sampled_from(sorted(SUBCLASSES)), taker=st.sampled_from(sorted(TAKERS)))
def test_class_12_numpy_subclasses_are_refused_with_a_pointer_to_asarray(values, kind, taker):
    wrap, name = SUBCLASSES[kind]
    with pytest.raises(TypeError, match=rf"(?s){name}.*np\.asarray"):
        TAKERS[taker](wrap(values))


def test_class_12_a_memory_mapped_array_is_still_accepted(tmp_path):
    """Regression guard (passes on HEAD): np.memmap is a subclass that behaves as an array.

    ``np.load(..., mmap_mode="r")`` is how a large data set is read without
    loading it; refusing every subclass would refuse it too.
    """
    X, y = spiral_data(10, 3)
    np.save(tmp_path / "X.npy", X)
    mapped = np.load(tmp_path / "X.npy", mmap_mode="r")
    assert isinstance(mapped, np.memmap)
    model = Model([DenseLayer(2, 3, rng=0)], SoftmaxCrossEntropy())
    np.testing.assert_array_equal(model.predict(mapped), model.predict(X))


# ---------------------------------------------------------------------------
# Class 13: divergence stops fit and leaves the best weights
# ---------------------------------------------------------------------------


def spiral_model(optimizer, seed=0):
    return Model([DenseLayer(2, 16, rng=seed), ReLU(), DenseLayer(16, 3, rng=seed + 1)],
                 SoftmaxCrossEntropy(), optimizer)


def check_stopped_at_its_best(model, error, X, y, learning_rate):
    """After a FloatingPointError from fit: the best epoch's weights, the history before it."""
    history = model.history
    completed = len(history["loss"])
    # Every list holds the completed epochs only, all finite.
    assert completed >= 1
    assert {len(values) for values in history.values()} == {completed}, \
        {name: len(values) for name, values in history.items()}
    assert all(math.isfinite(value) for values in history.values() for value in values)
    for layer in model.layers:
        if isinstance(layer, DenseLayer):
            assert np.isfinite(layer.weights).all() and np.isfinite(layer.biases).all()
    # Full batch, no dropout: the weights of the best epoch give its loss again.
    assert model.evaluate(X, y)[0] == pytest.approx(min(history["loss"]), rel=1e-12)
    # The message names the epoch that failed and the learning rate, with its value.
    message = str(error)
    assert re.search(rf"\bepoch {completed + 1}\b", message), message
    assert re.search(r"learning.rate", message), message
    assert any(text in message for text in
               {f"{learning_rate:g}", repr(learning_rate), f"{learning_rate:.0e}",
                f"{learning_rate:.1e}", str(int(learning_rate))}), message


@pytest.mark.parametrize("optimizer", [SGD(learning_rate=1e6), Adam(learning_rate=1e6)],
                         ids=repr)
def test_class_13_learning_rate_1e6_stops_fit_at_its_best_epoch(optimizer):
    X, y = spiral_data(30, 3)
    model = spiral_model(optimizer)
    X_val, y_val = spiral_data(10, 3, seed=1)
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError) as caught:
        model.fit(X, y, epochs=50, validation_data=(X_val, y_val), progress=False)
    check_stopped_at_its_best(model, caught.value, X, y, 1e6)


@pytest.mark.parametrize("make", [SGD, RMSProp, Adam], ids=lambda make: make.__name__)
def test_class_13_mini_batch_divergence_is_noticed_too(make):
    """With mini-batches the first epoch's mean loss is already the diverged one
    (1e5 with Adam(1e6)), so "100 x the first epoch" never fires: the issue's
    "fit returns normally while the loss went from 1.1 to 5e5". The start to
    compare with is the loss of the starting weights (about 1.1 here)."""
    X, y = spiral_data(30, 3)
    model = spiral_model(make(learning_rate=1e6))
    with np.errstate(all="ignore"), pytest.raises(FloatingPointError, match="learning.rate"):
        model.fit(X, y, epochs=20, batch_size=16, shuffle=True, rng=0, progress=False)
    completed = len(model.history["loss"])
    assert {len(values) for values in model.history.values()} == {completed}
    assert all(math.isfinite(value) for values in model.history.values() for value in values)
    assert all(np.isfinite(layer.weights).all() for layer in model.layers
               if isinstance(layer, DenseLayer))
    assert math.isfinite(model.evaluate(X, y)[0])


@settings(max_examples=12, deadline=None)
@given(make=st.sampled_from([SGD, AdaGrad, RMSProp, Adam]),
       learning_rate=st.sampled_from([1e2, 1e3, 1e4, 1e5, 1e6, 1e8]),
       seed=st.integers(0, 20))
def test_class_13_fit_never_returns_nonsense_nor_leaves_bad_weights(make, learning_rate, seed):
    X, y = spiral_data(20, 3, seed=seed)
    model = spiral_model(make(learning_rate=learning_rate), seed=seed)
    try:
        with np.errstate(all="ignore"):
            history = model.fit(X, y, epochs=30, progress=False)
    except FloatingPointError as error:
        check_stopped_at_its_best(model, error, X, y, learning_rate)
    else:
        assert all(math.isfinite(loss) and loss <= 100 * history["loss"][0]
                   for loss in history["loss"])


# ---------------------------------------------------------------------------
# The input scale travels with the model (API of #13/#15, format version 2)
# ---------------------------------------------------------------------------

SCALE = 255.0


def scaled_and_plain(seed=0):
    def make(**kwargs):
        return Model([DenseLayer(2, 8, rng=seed), ReLU(), DenseLayer(8, 3, rng=seed + 1)],
                     SoftmaxCrossEntropy(), Adam(learning_rate=0.05), **kwargs)
    return make(input_scale=SCALE), make()


def test_model_divides_every_input_by_its_input_scale():
    X, y = spiral_data(30, 3)
    X_val, y_val = spiral_data(10, 3, seed=1)
    raw, raw_val = X * 7.0, X_val * 7.0  # "pixels" on some other scale
    scaled, plain = scaled_and_plain()
    assert scaled.input_scale == SCALE and plain.input_scale == 1.0
    np.testing.assert_array_equal(scaled.predict(raw), plain.predict(raw / SCALE))
    assert scaled.evaluate(raw, y) == plain.evaluate(raw / SCALE, y)
    history = scaled.fit(raw, y, epochs=5, batch_size=16, shuffle=True, rng=3,
                         validation_data=(raw_val, y_val), progress=False)
    expected = plain.fit(raw / SCALE, y, epochs=5, batch_size=16, shuffle=True, rng=3,
                         validation_data=(raw_val / SCALE, y_val), progress=False)
    assert history == expected
    np.testing.assert_array_equal(scaled.layers[0].weights, plain.layers[0].weights)
    np.testing.assert_array_equal(scaled.predict(raw, batch_size=7),
                                  plain.predict(raw / SCALE, batch_size=7))


@settings(FEW, max_examples=40)
@given(scale=st.floats(1e-3, 1e3), X=arrays(np.float64, st.tuples(st.integers(1, 5), st.just(2)),
                                           elements=st.floats(-1e3, 1e3)))
def test_predict_and_evaluate_see_x_divided_by_any_input_scale(scale, X):
    scaled = Model([DenseLayer(2, 3, rng=0)], SoftmaxCrossEntropy(), input_scale=scale)
    plain = Model([DenseLayer(2, 3, rng=0)], SoftmaxCrossEntropy())
    np.testing.assert_array_equal(scaled.predict(X), plain.predict(X / scale))
    y = np.arange(len(X)) % 3
    assert scaled.evaluate(X, y) == plain.evaluate(X / scale, y)


@pytest.mark.parametrize("bad", [0, 0.0, -16.0, math.inf, math.nan, -math.inf])
def test_input_scale_must_be_a_finite_positive_number(bad):
    with pytest.raises(ValueError, match="input_scale"):
        Model([DenseLayer(2, 3)], SoftmaxCrossEntropy(), input_scale=bad)


@pytest.mark.parametrize("bad", ["16", None, [16.0]])
def test_input_scale_of_the_wrong_type_is_refused(bad):
    assert Model([DenseLayer(2, 3)], SoftmaxCrossEntropy(), input_scale=16).input_scale == 16
    with pytest.raises((TypeError, ValueError), match="input_scale"):
        Model([DenseLayer(2, 3)], SoftmaxCrossEntropy(), input_scale=bad)


def test_save_and_load_keep_the_input_scale(tmp_path):
    X, y = spiral_data(20, 3)
    scaled, _ = scaled_and_plain()
    scaled.fit(X * SCALE, y, epochs=3, progress=False)
    path = tmp_path / "scaled.npz"
    save_model(scaled, path)
    with np.load(path) as archive:
        description = json.loads(archive["model.json"].tobytes())
    assert description["version"] == 2 and description["input_scale"] == SCALE
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a version-2 file loads without a warning
        loaded = load_model(path)
    assert loaded.input_scale == SCALE
    np.testing.assert_array_equal(loaded.predict(X * SCALE), scaled.predict(X * SCALE))


def test_a_version_1_file_still_loads_and_warns_how_inputs_are_treated(tmp_path):
    model = reference_model()
    path = tmp_path / "version1.npz"
    write_version_1_file(model, path)
    with pytest.warns(UserWarning) as record:
        loaded = load_model(path)
    message = " ".join(str(warning.message) for warning in record)
    assert re.search(r"(?i)scal", message), message
    assert re.search(r"as given|input_scale.{0,10}1(\.0)?\b", message), message
    assert loaded.input_scale == 1.0
    assert_same_model(loaded, model)
    X, _ = spiral_data(10, 3)
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))


def test_digits_data_returns_raw_pixels():
    (X_train, _), (X_val, _), (X_test, _) = nnfs_helpers.digits_data()
    for X in (X_train, X_val, X_test):
        assert X.min() == 0 and X.max() == 16
        np.testing.assert_array_equal(X, np.round(X))

"""Make the model file notebook 24 loads: data/digits_model.npz.

It is notebook 21's digit classifier: the same data and split
(``digits_data(0)``), the same recipe (``train_digits``) and seed 0, saved with
notebook 22's ``save_model``. The file records ``input_scale=16``, so the loaded
model takes raw pixel values 0-16. Run from the repository's root::

    python tools/make_digit_model.py

Another computer trains a model that differs in the last bits of its weights,
so running this again elsewhere may change the file slightly; the notebook
loads the file shipped in the repository, so its outputs do not depend on that.
"""

from pathlib import Path

from nnfs_helpers import digits_data, load_model, save_model, train_digits

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "digits_model.npz"
SEED = 0


def main():
    training, validation, test_data = digits_data(SEED)
    model = train_digits(training, validation, SEED)
    OUTPUT.parent.mkdir(exist_ok=True)
    save_model(model, OUTPUT)
    loaded = load_model(OUTPUT)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size:,} bytes): "
          f"input_scale {loaded.input_scale:g}, "
          f"test accuracy {loaded.evaluate(*test_data)[1]:.3f}")


if __name__ == "__main__":
    main()

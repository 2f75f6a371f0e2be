"""Time the course's training loops against the book's code, scikit-learn and PyTorch.

Run with ``make bench`` (``make bench BENCH_ARGS="--json bench.json"`` also
writes the rows as JSON). Workload (issues #5 and #14): a 2-64-3 network
(ReLU, softmax output, cross-entropy), Adam with learning rate 0.05 and decay
5e-7, 10,000 full-batch epochs, on the spiral data with 100 and with 1,000
samples per class; one BLAS thread; each time the median of 3 rounds, and in
each round every implementation runs once, one after another (interleaved),
so a slow spell of a shared machine hits them all alike. The final loss and
training accuracy stand beside each time.

The rows:

- ``taught``: the loop notebook 11 teaches (``train``) with the classes the
  notebooks teach, float64;
- ``fast``: notebook 23's ``train_fast``: the same computation, float32, made
  fast one measured step at a time; same starting weights as ``taught``;
- ``book-style``: the book's own chapter-10 script (``book_style.py``), with
  ``nnfs.init()`` and the book's starting weights, run in a subprocess so its
  patches to NumPy touch nothing else; the time is its training loop only;
- ``scikit-learn``: ``MLPClassifier`` with matched settings (same hidden
  size, Adam with the same learning rate, betas and epsilon, full batch, no
  L2 penalty, no early stopping, every epoch run; it has no learning-rate
  decay, but a decay of 5e-7 changes the rate by only 0.5 % over 10,000 steps);
- ``pytorch``: the same network and optimizer on the CPU, when installed
  (skipped with a note otherwise).
"""

import os

# One BLAS thread, set before NumPy (or anything using BLAS) is imported:
# the libraries read these variables once, when they load.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from nnfs_helpers import Adam, DenseLayer, ReLU, spiral_data, train, train_fast  # noqa: E402

HIDDEN = 64
LEARNING_RATE = 0.05
DECAY = 5e-7
EPSILON = 1e-7
BETAS = (0.9, 0.999)
BOOK_SCRIPT = Path(__file__).resolve().parent / "book_style.py"
# The ratios issue #14 asks of the fast loop: (baseline, samples per class, at least).
TARGETS = [("book-style", 100, 4.0), ("book-style", 1000, 10.0),
           ("scikit-learn", 100, 3.0), ("scikit-learn", 1000, 3.0)]


def course_network(seed=0):
    """The course's 2-64-3 network and Adam, as every course row starts."""
    layers = [DenseLayer(2, HIDDEN, rng=seed), ReLU(), DenseLayer(HIDDEN, 3, rng=seed + 1)]
    optimizer = Adam(learning_rate=LEARNING_RATE, decay=DECAY, epsilon=EPSILON,
                     beta_1=BETAS[0], beta_2=BETAS[1])
    return layers, optimizer


def run_taught(samples, epochs, seed=0):
    """The loop notebook 11 teaches, with the notebooks' classes (float64)."""
    X, y = spiral_data(samples, 3)
    layers, optimizer = course_network(seed)
    start = time.perf_counter()
    history = train(layers, optimizer, X, y, epochs, progress=False)
    seconds = time.perf_counter() - start
    # loss and accuracy belong to the weights before the last step, as in the book.
    return seconds, history["loss"][-1], history["accuracy"][-1]


def run_fast(samples, epochs, seed=0):
    """Notebook 23's fast loop, from the same start as ``run_taught`` (float32)."""
    X, y = spiral_data(samples, 3)
    layers, optimizer = course_network(seed)
    start = time.perf_counter()
    history = train_fast(layers, optimizer, X, y, epochs)
    seconds = time.perf_counter() - start
    return seconds, history["loss"][-1], history["accuracy"][-1]


def run_book_style(samples, epochs, seed=0):
    """The book's chapter-10 script in a subprocess (``nnfs.init()`` stays there).

    ``seed`` is unused: the book's script seeds itself (``nnfs.init()`` sets 0).
    """
    result = subprocess.run(
        [sys.executable, str(BOOK_SCRIPT), "--samples", str(samples), "--epochs", str(epochs),
         "--learning-rate", str(LEARNING_RATE), "--decay", str(DECAY)],
        capture_output=True, text=True, check=True, env=dict(os.environ),
    )
    row = json.loads(result.stdout.splitlines()[-1])
    return row["seconds"], row["loss"], row["accuracy"]


def run_sklearn(samples, epochs, seed=0):
    """scikit-learn's MLPClassifier with settings matched to the course's run."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X, y = spiral_data(samples, 3)
    model = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
        learning_rate_init=LEARNING_RATE, beta_1=BETAS[0], beta_2=BETAS[1],
        epsilon=EPSILON, alpha=0.0, batch_size=len(X), max_iter=epochs,
        shuffle=False, early_stopping=False, tol=0.0, n_iter_no_change=epochs + 1,
        random_state=seed,
    )
    X = X.astype(np.float32)
    start = time.perf_counter()
    with warnings.catch_warnings():
        # Running every epoch without converging "early" is what we asked for.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X, y)
    seconds = time.perf_counter() - start
    return seconds, model.loss_curve_[-1], float(np.mean(model.predict(X) == y))


def run_torch(samples, epochs, seed=0):
    """The same network and optimizer in PyTorch on the CPU, float32."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    X, y = spiral_data(samples, 3)
    inputs = torch.from_numpy(X.astype(np.float32))
    targets = torch.from_numpy(y.astype(np.int64))
    model = torch.nn.Sequential(torch.nn.Linear(2, HIDDEN), torch.nn.ReLU(),
                                torch.nn.Linear(HIDDEN, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=BETAS,
                                 eps=EPSILON)
    # lr / (1 + decay * t), the course's decay.
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1 / (1 + DECAY * t))
    loss_function = torch.nn.CrossEntropyLoss()
    start = time.perf_counter()
    for _ in range(epochs):
        optimizer.zero_grad()
        logits = model(inputs)  # loss and logits end as the course's: before the last step
        loss = loss_function(logits, targets)
        loss.backward()
        optimizer.step()
        schedule.step()
    seconds = time.perf_counter() - start
    predictions = logits.argmax(dim=1).numpy()
    return seconds, loss.item(), float(np.mean(predictions == y))


def torch_available():
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def contenders():
    """(implementation name, run function) for every row, PyTorch when installed."""
    rows = [("taught", run_taught), ("fast", run_fast), ("book-style", run_book_style),
            ("scikit-learn", run_sklearn)]
    if torch_available():
        rows.append(("pytorch", run_torch))
    return rows


def measure(samples, epochs, repeats, runs):
    """Rows for one workload: median time of ``repeats`` interleaved rounds.

    Parameters
    ----------
    samples : int
        Samples per class.
    epochs, repeats : int
    runs : list of (str, callable)
        From ``contenders()``.

    Returns
    -------
    list of dict
        ``{"implementation", "samples", "seconds", "loss", "accuracy"}`` per run,
        loss and accuracy from its last round.
    """
    for _, run in runs:
        run(samples, min(epochs, 10))  # warm-up: imports and first calls are not training
    times = {name: [] for name, _ in runs}
    results = {}
    for _ in range(repeats):
        for name, run in runs:
            seconds, loss, accuracy = run(samples, epochs)
            times[name].append(seconds)
            results[name] = (float(loss), float(accuracy))
    return [{"implementation": name, "samples": samples,
             "seconds": statistics.median(times[name]),
             "loss": results[name][0], "accuracy": results[name][1]}
            for name, _ in runs]


def machine():
    """A short description of where the benchmark ran."""
    return {"machine": platform.machine(), "processor": processor_name(),
            "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "load_average": round(os.getloadavg()[0], 2)}


def processor_name():
    """The CPU's model name where the system tells it, else platform's guess."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def speedups(rows):
    """How many times faster than each baseline the fast loop is, per workload.

    Returns
    -------
    list of (str, int, float, float)
        ``(baseline, samples, ratio, target)`` for each of ``TARGETS`` whose rows exist.
    """
    seconds = {(row["implementation"], row["samples"]): row["seconds"] for row in rows}
    found = []
    for baseline, samples, target in TARGETS:
        if (baseline, samples) in seconds and ("fast", samples) in seconds:
            ratio = seconds[baseline, samples] / seconds["fast", samples]
            found.append((baseline, samples, ratio, target))
    return found


def print_table(rows):
    """The rows as a Markdown table, each time also as a multiple of book-style's."""
    book = {row["samples"]: row["seconds"] for row in rows
            if row["implementation"] == "book-style"}
    print("| workload | implementation | time | speed-up vs book-style | final loss | accuracy |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        speedup = (f"{book[row['samples']] / row['seconds']:.1f}x"
                   if row["samples"] in book else "-")
        print(f"| {3 * row['samples']:,} points | {row['implementation']} "
              f"| {row['seconds']:.2f} s | {speedup} | {row['loss']:.4f} "
              f"| {row['accuracy']:.3f} |", flush=True)


def write_json(path, rows, details):
    """Write ``{"rows": rows, **details}`` to ``path`` as JSON."""
    Path(path).write_text(json.dumps({"rows": rows, **details}, indent=1) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samples", type=int, nargs="+", default=[100, 1000],
                        help="samples per class, one workload each")
    parser.add_argument("--json", metavar="PATH", help="also write the rows to PATH as JSON")
    args = parser.parse_args(argv)

    runs = contenders()
    details = {"machine": machine(),
               "settings": {"epochs": args.epochs, "repeats": args.repeats,
                            "network": f"2-{HIDDEN}-3", "learning_rate": LEARNING_RATE,
                            "decay": DECAY, "blas_threads": 1}}
    print(f"{args.epochs:,} full-batch epochs, 2-{HIDDEN}-3, Adam lr {LEARNING_RATE} "
          f"decay {DECAY}, one BLAS thread, median of {args.repeats} interleaved rounds")
    info = details["machine"]
    print(f"machine: {info['processor']} ({info['machine']}), {info['cores']} cores, "
          f"Python {info['python']}, NumPy {info['numpy']}, "
          f"load average {info['load_average']:.1f} at the start\n")
    rows = []
    with threadpool_limits(limits=1):
        for samples in args.samples:
            rows += measure(samples, args.epochs, args.repeats, runs)
    print_table(rows)
    print()
    for baseline, samples, ratio, target in speedups(rows):
        verdict = "met" if ratio >= target else "NOT met"
        print(f"fast vs {baseline} at {3 * samples:,} points: {ratio:.1f}x "
              f"(target {target:g}x: {verdict})")
    if not torch_available():
        print("\nPyTorch is not installed: its row is skipped "
              "(pip install torch to include it).")
    if args.json:
        write_json(args.json, rows, details)
        print(f"\nrows written to {args.json}")


if __name__ == "__main__":
    main()

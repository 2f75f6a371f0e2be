"""Time the course's own training loop against scikit-learn and PyTorch.

Run with ``make bench``. Workload (issue #5): a 2-64-3 network (ReLU, softmax
output, cross-entropy), Adam with learning rate 0.05 and decay 5e-7, 10,000
full-batch epochs, on ``spiral_data`` with 100 and with 1,000 samples per
class; one BLAS thread; the median of 3 runs, with the final loss and training
accuracy beside each time.

The course's row is exactly the loop notebook 11 teaches (``train`` in
``nnfs_helpers``) with the classes the notebooks teach, in float64; nothing
here is a separate fast path. The book-style row runs the book's own
chapter-10 code (``benchmarks/book_style.py``) from the same starting weights:
the course's readable classes should be no slower than the book's. scikit-learn's
``MLPClassifier`` gets matched settings (same hidden size, Adam with the same
learning rate, betas and epsilon, full batch, no L2 penalty, no early
stopping, every epoch run); it has no learning-rate decay for Adam, but a
decay of 5e-7 changes the rate by only 0.5 % over 10,000 steps. PyTorch (CPU)
is timed when it is installed, and skipped with a note otherwise.

A hand-tuned NumPy loop (``train_reference``, the "yardstick") runs too: not
course code, but what NumPy can do on the machine when nothing is checked and
every array is reused, so the table shows what the course's readable classes
and input checks cost, and whether a target is within NumPy's reach at all.
"""

import os

# One BLAS thread, set before NumPy (or anything using BLAS) is imported:
# the libraries read these variables once, when they load.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import functools  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from book_style import train_book_style  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from nnfs_helpers import (  # noqa: E402
    Adam,
    DenseLayer,
    ReLU,
    spiral_data,
    train,
)

HIDDEN = 64
LEARNING_RATE = 0.05
DECAY = 5e-7
EPSILON = 1e-7
BETAS = (0.9, 0.999)


def train_course(X, y, epochs, seed=0):
    """The loop notebook 11 teaches, with the notebooks' classes (float64)."""
    layers = [DenseLayer(2, HIDDEN, rng=seed), ReLU(), DenseLayer(HIDDEN, 3, rng=seed + 1)]
    optimizer = Adam(learning_rate=LEARNING_RATE, decay=DECAY, epsilon=EPSILON,
                     beta_1=BETAS[0], beta_2=BETAS[1])
    history = train(layers, optimizer, X, y, epochs, progress=False)
    # loss and accuracy belong to the weights before the last step, as in the book.
    return history["loss"][-1], history["accuracy"][-1]


def train_book(X, y, epochs, seed=0):
    """The book's chapter-10 code, from the course's starting weights (float64)."""
    return train_book_style(X, y, epochs, DenseLayer(2, HIDDEN, rng=seed),
                            DenseLayer(HIDDEN, 3, rng=seed + 1), learning_rate=LEARNING_RATE,
                            decay=DECAY, epsilon=EPSILON, betas=BETAS)


def train_reference(X, y, epochs, seed=0):
    """A hand-tuned NumPy loop: a yardstick for the course's column, not course code.

    The same network, initial weights and Adam in float32, written the way one
    writes for speed rather than for teaching: every array is allocated once
    and reused (``out=``), nothing is checked, and the layers are not objects.
    The gap between this row and the course's row is what the course pays for
    readable classes and for checking every input.
    """
    X = X.astype(np.float32)
    n_samples = len(X)
    first = DenseLayer(2, HIDDEN, rng=seed)
    second = DenseLayer(HIDDEN, 3, rng=seed + 1)
    weights_1, biases_1 = first.weights.astype(np.float32), first.biases.astype(np.float32)
    weights_2, biases_2 = second.weights.astype(np.float32), second.biases.astype(np.float32)
    parameters = [weights_1, biases_1, weights_2, biases_2]
    gradients = [np.empty_like(p) for p in parameters]
    momentums = [np.zeros_like(p) for p in parameters]
    caches = [np.zeros_like(p) for p in parameters]
    scratch = [np.empty_like(p) for p in parameters]
    hidden = np.empty((n_samples, HIDDEN), np.float32)
    relu = np.empty_like(hidden)
    dhidden = np.empty_like(hidden)
    positive = np.empty(hidden.shape, bool)
    zero_row = np.zeros((1, HIDDEN), np.float32)  # maximum with a row beats a scalar 0
    ones_row = np.ones((1, n_samples), np.float32)
    ones_column = np.ones((3, 1), np.float32)
    scores = np.empty((n_samples, 3), np.float32)
    correct = np.arange(n_samples) * 3 + y  # flat indices of the correct classes
    for step in range(1, epochs + 1):
        np.matmul(X, weights_1, out=hidden)
        hidden += biases_1
        np.maximum(hidden, zero_row, out=relu)
        np.matmul(relu, weights_2, out=scores)
        scores += biases_2
        scores -= functools.reduce(np.maximum, scores.T)[:, np.newaxis]
        probabilities = np.exp(scores)
        sums = probabilities @ ones_column
        probabilities /= sums
        loss = (np.log(sums).sum() - scores.ravel()[correct].sum()) / n_samples
        probabilities.ravel()[correct] -= 1  # now the gradient, times n_samples
        probabilities *= 1 / n_samples
        np.matmul(relu.T, probabilities, out=gradients[2])
        np.matmul(ones_row, probabilities, out=gradients[3])
        np.matmul(probabilities, weights_2.T, out=dhidden)
        np.greater(hidden, 0, out=positive)
        dhidden *= positive
        np.matmul(X.T, dhidden, out=gradients[0])
        np.matmul(ones_row, dhidden, out=gradients[1])
        learning_rate = LEARNING_RATE / (1 + DECAY * (step - 1))
        root_correction_2 = (1 - BETAS[1] ** step) ** 0.5
        step_size = learning_rate * root_correction_2 / (1 - BETAS[0] ** step)
        epsilon = EPSILON * root_correction_2
        for value, gradient, momentum, cache, temp in zip(parameters, gradients, momentums,
                                                          caches, scratch, strict=True):
            momentum *= BETAS[0]
            momentum += (1 - BETAS[0]) * gradient
            np.multiply(gradient, gradient, out=temp)
            temp *= 1 - BETAS[1]
            cache *= BETAS[1]
            cache += temp
            np.sqrt(cache, out=temp)
            temp += epsilon
            np.divide(momentum, temp, out=temp)
            temp *= step_size
            value -= temp
    # loss and accuracy of the weights before the last step, as in the course's loop
    return float(loss), float(np.mean(np.argmax(scores, axis=1) == y))


def train_sklearn(X, y, epochs, seed=0):
    """scikit-learn's MLPClassifier with settings matched to the course's run."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
        learning_rate_init=LEARNING_RATE, beta_1=BETAS[0], beta_2=BETAS[1],
        epsilon=EPSILON, alpha=0.0, batch_size=len(X), max_iter=epochs,
        shuffle=False, early_stopping=False, tol=0.0, n_iter_no_change=epochs + 1,
        random_state=seed,
    )
    with warnings.catch_warnings():
        # Running every epoch without converging "early" is what we asked for.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(X.astype(np.float32), y)
    return model.loss_curve_[-1], float(np.mean(model.predict(X) == y))


def train_torch(X, y, epochs, seed=0):
    """The same network and optimizer in PyTorch on the CPU, float32."""
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    inputs = torch.from_numpy(X.astype(np.float32))
    targets = torch.from_numpy(y.astype(np.int64))
    model = torch.nn.Sequential(torch.nn.Linear(2, HIDDEN), torch.nn.ReLU(),
                                torch.nn.Linear(HIDDEN, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=BETAS,
                                 eps=EPSILON)
    # lr / (1 + decay * t), the course's decay.
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1 / (1 + DECAY * t))
    loss_function = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        optimizer.zero_grad()
        logits = model(inputs)  # loss and logits end as the course's: before the last step
        loss = loss_function(logits, targets)
        loss.backward()
        optimizer.step()
        schedule.step()
    predictions = logits.argmax(dim=1).numpy()
    return loss.item(), float(np.mean(predictions == y))


def torch_available():
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def median_run(train, X, y, epochs, repeats):
    """Median wall and CPU times of ``repeats`` fresh runs, and the last run's loss and accuracy.

    The CPU time (this process only) is the steadier figure on a shared
    machine, where other programs can stretch the wall time.
    """
    train(X, y, 10)  # warm-up: imports and first-call costs are not training time
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        loss, acc = train(X, y, epochs)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu), loss, acc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samples", type=int, nargs="+", default=[100, 1000],
                        help="samples per class, one workload each")
    args = parser.parse_args()

    contenders = [("course (notebook 11's loop)", train_course),
                  ("book's chapter-10 code", train_book),
                  ("hand-tuned NumPy (yardstick)", train_reference),
                  ("scikit-learn MLPClassifier", train_sklearn)]
    if torch_available():
        import torch

        contenders.append((f"PyTorch {torch.__version__}", train_torch))
    print(f"{args.epochs:,} full-batch epochs, 2-{HIDDEN}-3, Adam lr {LEARNING_RATE} "
          f"decay {DECAY}, one BLAS thread, median of {args.repeats} runs")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, NumPy {np.__version__}, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    print()
    header = (f"| {'workload':<12} | {'implementation':<28} | {'time':>8} | {'vs course':>9} "
              f"| {'CPU time':>8} | {'final loss':>10} | {'accuracy':>8} |")
    print(header)
    print("|" + "|".join("-" * (len(cell) + 0) for cell in header.split("|")[1:-1]) + "|")
    with threadpool_limits(limits=1):
        for samples in args.samples:
            X, y = spiral_data(samples, 3)
            course_time = None
            for name, train in contenders:
                seconds, cpu, loss, acc = median_run(train, X, y, args.epochs, args.repeats)
                course_time = course_time or seconds
                print(f"| {f'{len(X):,} points':<12} | {name:<28} | {seconds:>6.2f} s "
                      f"| {seconds / course_time:>8.1f}x | {cpu:>6.2f} s "
                      f"| {loss:>10.4f} | {acc:>8.3f} |", flush=True)
    if not torch_available():
        print("\nPyTorch is not installed: its row is skipped "
              "(pip install torch==2.13.0 to include it).")


if __name__ == "__main__":
    main()

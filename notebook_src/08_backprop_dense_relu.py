# %% [markdown]
# # 08 · Backpropagation through a dense layer and ReLU
#
# **Goal:** compute the gradient of the loss with respect to every weight, bias and input
# of a dense layer and a ReLU exactly, in one backward pass, with the chain rule.
#
# **Prerequisites:** [01 · A dense layer](01_dense_layer.ipynb),
# [02 · ReLU](02_relu.ipynb) and [07 · Derivatives](07_derivatives.ipynb)
# (`numerical_gradient`, used here as the referee).
#
# **What you will build:** the `backward` methods of `DenseLayer` and `ReLU`. Each takes
# the gradient of the loss with respect to its output (`dvalues`), returns the gradient
# with respect to its input (`dinputs`), and `DenseLayer` also keeps the gradients of its
# weights and biases (`dweights`, `dbiases`). Then a map of a whole network, forward and
# backward, with the shape of every array.
#
# *Book: chapters 8 and 9 of "Neural Networks from Scratch in Python".*

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import numpy as np

from nnfs_helpers import (
    DenseLayer,
    ReLU,
    check_forward_done,
    draw_shapes_diagram,
    numerical_gradient,
    spiral_data,
)

np.set_printoptions(precision=4, suppress=True)
SEED = 0
rng = np.random.default_rng(SEED)

# %% [markdown]
# ## The chain rule
#
# Notebook 07 left us with a problem: `numerical_gradient` needs two forward passes *per
# parameter*, far too many to train with. The way out is to work the derivatives out
# exactly, piece by piece, with the rules at the end of notebook 07.
#
# A network is a chain of simple functions: a dense layer, then a ReLU, then another
# dense layer, and so on. The **chain rule** says how the derivative of a chain is made
# from the derivatives of its links: if `y = g(x)` and `z = f(y)`, then
#
# $$\frac{dz}{dx} = \frac{dz}{dy} \cdot \frac{dy}{dx}$$
#
# "How much `z` moves per unit of `y`, times how much `y` moves per unit of `x`." A small
# example: `z = (3x + 1)²`. The inner link is `y = 3x + 1`, with `dy/dx = 3`; the outer
# link is `z = y²`, with `dz/dy = 2y`. So `dz/dx = 2y · 3 = 6(3x + 1)`, which is 42 at
# `x = 2`. `numerical_gradient` agrees:

# %%
x = 2.0
y = 3 * x + 1  # the inner link
dz_dy = 2 * y  # derivative of the outer link, y**2, at y
dy_dx = 3.0  # derivative of the inner link, 3x + 1
print(f"chain rule: dz/dx = {dz_dy:.1f} * {dy_dx:.1f} = {dz_dy * dy_dx:.4f}")

numerical = numerical_gradient(lambda v: (3 * v[0] + 1) ** 2, np.array([x]))
print(f"numerical:  dz/dx = {numerical[0]:.4f}")

# %% [markdown]
# A longer chain just multiplies more links. Working backwards from the end, each link
# receives "the derivative of the final result with respect to my output" from the link
# after it, multiplies by its own local derivative, and passes the product on to the link
# before it. That backwards relay is **backpropagation**.
#
# ## One neuron, by hand
#
# Take one neuron with three inputs followed by a ReLU, the book's example:
# `output = ReLU(x₀w₀ + x₁w₁ + x₂w₂ + b)`. First the forward pass, one step at a time,
# keeping every intermediate value:

# %%
x = np.array([1.0, -2.0, 3.0])  # inputs
w = np.array([-3.0, -1.0, 2.0])  # weights
b = 1.0  # bias

products = x * w  # (3,): x_i * w_i
z = products.sum() + b  # the weighted sum
output = max(z, 0.0)  # ReLU
print("products x * w:", products)
print(f"weighted sum z = {z:.1f}")
print(f"ReLU output    = {output:.1f}")

# %% [markdown]
# Now backwards. The neuron's output feeds the rest of the network, and the rest of the
# network ends in the loss. Suppose the next layer tells us how the loss changes with this
# neuron's output: `dvalue = ∂loss/∂output`. Here we take `dvalue = 1.0`, as the book
# does; that is the same as asking how the **output itself** changes with each input,
# weight and bias.
#
# Each step multiplies what arrives from the right by the local derivative of one link:
#
# 1. **ReLU**: `d ReLU(z)/dz` is 1 when `z > 0` and 0 otherwise.
# 2. **Sum** (notebook 07's sum rule): `z = p₀ + p₁ + p₂ + b`, so `∂z/∂pᵢ = 1` and
#    `∂z/∂b = 1`: a sum passes the gradient on unchanged to each of its terms.
# 3. **Product** (07's product rule, one factor moving at a time): `pᵢ = xᵢwᵢ`, so
#    `∂pᵢ/∂wᵢ = xᵢ` and `∂pᵢ/∂xᵢ = wᵢ`: a product sends each factor the gradient times
#    *the other* factor.

# %%
dvalue = 1.0  # d loss / d output, handed back by the next layer

d_z = dvalue * (1.0 if z > 0 else 0.0)  # step 1: through the ReLU
d_products = d_z * np.ones(3)  # step 2: through the sum, to each product...
d_b = d_z * 1.0  # ...and to the bias
d_w = d_products * x  # step 3: d(x_i w_i)/dw_i = x_i
d_x = d_products * w  # step 3: d(x_i w_i)/dx_i = w_i

print(f"d output / d z        = {d_z:.1f}")
print(f"d output / d products = {d_products}")
print(f"d output / d b        = {d_b:.1f}")
print(f"d output / d w        = {d_w}")
print(f"d output / d x        = {d_x}")

# %% [markdown]
# Read the result: increasing `w₂` by a small amount `h` raises the output by `3h`,
# because `w₂` is multiplied by `x₂ = 3`. The gradient with respect to the weights is the
# inputs, and the gradient with respect to the inputs is the weights, each scaled by
# what came from the right.
#
# The same numbers, on a picture of the computation (a **computational graph**). Black
# numbers are the forward values, computed left to right; purple ones are the gradients,
# computed right to left. (Purple, because red and blue mean positive and negative in the
# course's heat maps, and a gradient here can be either.)

# %%
def draw_neuron_graph(ax, x, w, b, products, z, output, d_x, d_w, d_b, d_products, d_z,
                      dvalue):
    """Draw ReLU(x . w + b) as a graph: forward values in black, gradients in purple."""
    nodes = {}  # name -> (x position, y position)
    for i in range(3):
        nodes[f"x{i}"] = (0.0, 9.0 - 3.6 * i)
        nodes[f"w{i}"] = (0.0, 7.6 - 3.6 * i)
        nodes[f"p{i}"] = (2.6, 8.3 - 3.6 * i)
    nodes.update({"b": (2.6, -1.3), "z": (5.2, 4.7), "relu": (7.4, 4.7), "out": (9.6, 4.7)})
    labels = {"z": ("sum + b", z, d_z), "relu": ("ReLU", output, dvalue),
              "b": ("b", b, d_b), "out": ("output", output, dvalue)}
    for i in range(3):
        labels[f"x{i}"] = (f"x{i}", x[i], d_x[i])
        labels[f"w{i}"] = (f"w{i}", w[i], d_w[i])
        labels[f"p{i}"] = (f"x{i} × w{i}", products[i], d_products[i])
    edges = [(f"{s}{i}", f"p{i}") for i in range(3) for s in "xw"]
    edges += [(f"p{i}", "z") for i in range(3)] + [("b", "z"), ("z", "relu"), ("relu", "out")]
    for start, end in edges:
        ax.annotate("", xy=nodes[end], xytext=nodes[start],
                    arrowprops={"arrowstyle": "->", "color": "0.6",
                                "shrinkA": 28, "shrinkB": 34})
    for name, (px, py) in nodes.items():
        text, value, gradient = labels[name]
        face = "#eeeeee" if name[0] in "xwb" else "#d9d9d9"  # grey: no sign implied
        ax.text(px, py, f"{text} = {value:g}", ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round", "facecolor": face, "edgecolor": "0.3"})
        ax.text(px, py - 0.45, f"grad {gradient:g}", ha="center", va="top", fontsize=9,
                color="#7b3294")
    ax.set_xlim(-0.9, 10.6)
    ax.set_ylim(-2.4, 9.8)
    ax.axis("off")


fig, ax = plt.subplots(figsize=(10, 6.5))
draw_neuron_graph(ax, x, w, b, products, z, output, d_x, d_w, d_b, d_products, d_z,
                  dvalue)
ax.set_title("One neuron: forward values (black), gradients of the output (purple)")
plt.show()

# %% [markdown]
# ### Checking by nudging
#
# `numerical_gradient` from notebook 07 gets the same answers without any calculus, by
# nudging each input, weight and the bias in turn. (The bias goes in as an array of one
# element, because `numerical_gradient` nudges an array in place.)

# %%
def neuron(x, w, b):
    return max(np.dot(x, w) + b, 0.0)


numerical_w = numerical_gradient(lambda w_: neuron(x, w_, b), w.copy())
numerical_x = numerical_gradient(lambda x_: neuron(x_, w, b), x.copy())
numerical_b = numerical_gradient(lambda b_: neuron(x, w, b_[0]), np.array([b]))
print("d_w by hand:", d_w, "  numerical:", numerical_w)
print("d_x by hand:", d_x, "  numerical:", numerical_x)
print("d_b by hand:", d_b, "  numerical:", numerical_b)
print("all agree to 1e-8:", np.allclose(d_w, numerical_w, rtol=0, atol=1e-8)
      and np.allclose(d_x, numerical_x, rtol=0, atol=1e-8)
      and np.allclose(d_b, numerical_b, rtol=0, atol=1e-8))

# %% [markdown]
# ## A whole layer and a whole batch
#
# A dense layer does the same for many neurons and many samples at once:
# `output = inputs @ weights + biases`, with shapes
# `(n_samples, n_inputs) @ (n_inputs, n_neurons) + (1, n_neurons) -> (n_samples, n_neurons)`.
# Its backward pass receives `dvalues`, **one gradient per output value**, so it has the
# output's shape `(n_samples, n_neurons)`: `dvalues[n, j]` says how the loss changes with
# neuron `j`'s output for sample `n`. It must produce three gradients, each with the
# shape of the thing it is the gradient of:
#
# | gradient | shape | formula |
# |---|---|---|
# | `dweights` | `(n_inputs, n_neurons)`, like `weights` | `inputs.T @ dvalues` |
# | `dbiases` | `(1, n_neurons)`, like `biases` | column sums of `dvalues` |
# | `dinputs` | `(n_samples, n_inputs)`, like `inputs` | `dvalues @ weights.T` |
#
# Let's build each one up from the one-neuron rule, on a small batch: 4 samples, 3 inputs,
# 2 neurons. (Values rounded to one decimal so you can follow them by eye.)

# %%
def rounded_normal(shape):
    """Random values rounded to one decimal (adding 0.0 turns a -0.0 into 0.0)."""
    return np.round(rng.normal(size=shape), 1) + 0.0


inputs = rounded_normal((4, 3))  # (n_samples, n_inputs) = (4, 3)
weights = rounded_normal((3, 2))  # (n_inputs, n_neurons) = (3, 2)
biases = np.array([[0.5, -0.5]])  # (1, n_neurons) = (1, 2)
outputs = inputs @ weights + biases  # (4, 3) @ (3, 2) + (1, 2) -> (4, 2)
dvalues = rounded_normal((4, 2))  # one gradient per output value: (4, 2)
print("inputs:\n", inputs)
print("weights:\n", weights)
print("dvalues:\n", dvalues)

# %% [markdown]
# ### `dweights = inputs.T @ dvalues`
#
# Weight `weights[i, j]` connects input `i` to neuron `j`. For every sample `n` it adds
# `inputs[n, i] * weights[i, j]` to `outputs[n, j]`. By the one-neuron rule, sample `n`
# contributes `dvalues[n, j] * inputs[n, i]` to its gradient ("the gradient times the
# other factor"). The same weight is used by **every** sample, and the loss adds up the
# effects of all samples, so the contributions add up over the batch:
#
# $$\text{dweights}[i, j] = \sum_n \text{inputs}[n, i] \cdot \text{dvalues}[n, j]$$
#
# Written as loops:

# %%
dweights_loops = np.zeros_like(weights)  # (3, 2), like weights
for i in range(3):  # each input
    for j in range(2):  # each neuron
        for n in range(4):  # each sample adds its share
            dweights_loops[i, j] += inputs[n, i] * dvalues[n, j]
print(dweights_loops)

# %% [markdown]
# A sum over `n` of `A[i, n] * B[n, j]` is exactly a matrix product `A @ B`, with
# `A[i, n] = inputs[n, i]`, which is `inputs.T`. The transpose puts the batch dimension
# in the middle, where the matrix product sums over it:
# `(n_inputs, n_samples) @ (n_samples, n_neurons) -> (n_inputs, n_neurons)`, the weights'
# shape. (Without it, `inputs @ dvalues` is `(4, 3) @ (4, 2)`, which does not even fit.)

# %%
dweights = inputs.T @ dvalues  # (3, 4) @ (4, 2) -> (3, 2)
print(dweights)
print("same as the loops:", np.allclose(dweights, dweights_loops))

# %% [markdown]
# Each sample's share is an **outer product**, `np.outer(inputs[n], dvalues[n])`: a
# `(3, 2)` table with one entry per weight. The picture shows the four shares and their
# sum, `dweights` (red for positive values, blue for negative, white for 0, as in every
# figure of the course). A sample pushes hard on a weight when both its input and its
# gradient are large.

# %%
def show_matrix(ax, values, title, limit, digits=2):
    """A small heat map with the value in each cell: red positive, blue negative, 0 white."""
    ax.imshow(values, cmap="RdBu_r", vmin=-limit, vmax=limit)  # red +, blue -
    for (row, col), value in np.ndenumerate(values):
        colour = "white" if abs(value) > 0.6 * limit else "black"  # readable on dark cells
        ax.text(col, row, f"{value:.{digits}f}", ha="center", va="center", fontsize=8,
                color=colour)
    ax.set_title(title, fontsize=10)
    ax.set_xticks(range(values.shape[1]))
    ax.set_yticks(range(values.shape[0]))


shares = [np.outer(inputs[n], dvalues[n]) for n in range(4)]  # 4 x (3, 2)
limit = np.abs(dweights).max()
fig, axes = plt.subplots(1, 5, figsize=(11, 3.2))
for n, (ax, share) in enumerate(zip(axes[:4], shares, strict=True)):
    show_matrix(ax, share, f"sample {n}" + (" +" if n < 3 else " ="), limit)
show_matrix(axes[4], dweights, "dweights", limit)
for ax in axes:
    ax.set_xlabel("neuron j")
axes[0].set_ylabel("input i")
fig.suptitle("dweights is the sum over the batch of one outer product per sample")
fig.tight_layout()
plt.show()
print("sum of the shares equals dweights:", np.allclose(sum(shares), dweights))

# %% [markdown]
# ### `dbiases`: column sums
#
# Bias `biases[0, j]` is added to `outputs[n, j]` for every sample, with a factor of 1.
# A sum passes the gradient on unchanged, so each sample contributes `dvalues[n, j]`, and
# again the contributions add up over the batch: `dbiases` is the sum of each column of
# `dvalues`. With `keepdims=True` it keeps the biases' shape `(1, n_neurons)`.
#
# Another way to see it: a bias is a weight whose input is always 1. Put a row of ones
# in the place of `inputs.T` in the `dweights` formula, and the product is the column sums.

# %%
dbiases = np.sum(dvalues, axis=0, keepdims=True)  # (4, 2) -> (1, 2)
print(dbiases)
print("as a product with ones:", np.ones((1, 4)) @ dvalues)  # (1, 4) @ (4, 2) -> (1, 2)

# %% [markdown]
# Why *sum* rather than average? The loss is already an average over the samples, and
# its `1/n_samples` is inside `dvalues` (notebook 09 shows where it comes from).
# Each layer only adds up what it receives.
#
# ### `dinputs = dvalues @ weights.T`
#
# Input `inputs[n, i]` feeds every neuron `j`, with weight `weights[i, j]`, but only for
# its own sample `n`. So its gradient adds up over the **neurons**, not over the batch:
#
# $$\text{dinputs}[n, i] = \sum_j \text{dvalues}[n, j] \cdot \text{weights}[i, j]$$
#
# A sum over `j` of `dvalues[n, j] * weights.T[j, i]`: the matrix product
# `dvalues @ weights.T`, shapes `(n_samples, n_neurons) @ (n_neurons, n_inputs) ->
# (n_samples, n_inputs)`, the inputs' shape. This is what the layer hands back to the
# layer before it, as that layer's `dvalues`.

# %%
dinputs_loops = np.zeros_like(inputs)  # (4, 3), like inputs
for n in range(4):
    for i in range(3):
        for j in range(2):  # each neuron this input feeds
            dinputs_loops[n, i] += dvalues[n, j] * weights[i, j]

dinputs = dvalues @ weights.T  # (4, 2) @ (2, 3) -> (4, 3)
print(dinputs)
print("same as the loops:", np.allclose(dinputs, dinputs_loops))

# %% [markdown]
# A handy way to remember all three: each gradient has the shape of what it is the
# gradient of, and there is only one way to multiply `inputs`, `weights` and `dvalues`
# (transposing as needed) that gives that shape.
#
# ## ReLU's backward pass: a mask
#
# ReLU has no parameters, only inputs. Its derivative is 1 where the input was positive
# and 0 elsewhere (at exactly 0 we take 0, as the book does), so its backward pass lets
# the gradient through where the input was positive and blocks it everywhere else. The
# ReLU must remember its **inputs** from the forward pass to know where that was.

# %%
relu_inputs = rounded_normal((5, 4))  # what the ReLU saw going forward
relu_dvalues = rounded_normal((5, 4))  # what comes back from the next layer
mask = relu_inputs > 0  # (5, 4) of True/False
relu_dinputs = np.where(mask, relu_dvalues, 0.0)  # (5, 4) -> (5, 4)
print(relu_dinputs)

# %%
fig, axes = plt.subplots(1, 4, figsize=(11, 3.6))
limit = np.abs(relu_dvalues).max()
show_matrix(axes[0], relu_inputs, "ReLU inputs (forward)", np.abs(relu_inputs).max(), 1)
show_matrix(axes[1], mask.astype(float), "mask: input > 0", 1.5, 0)
show_matrix(axes[2], relu_dvalues, "dvalues (from the right)", limit, 1)
show_matrix(axes[3], relu_dinputs, "dinputs = dvalues where mask", limit, 1)
for ax in axes:
    ax.set_xlabel("feature")
axes[0].set_ylabel("sample")
fig.tight_layout()
plt.show()

# %% [markdown]
# Where an input was negative, the gradient stops: nudging that input a little changes
# nothing, because the ReLU's output stays 0. This is also why a dead neuron (notebook 02)
# never recovers: its input is negative for every sample, so no gradient ever reaches
# its weights.
#
# ## The `backward` methods
#
# Now the two classes get their `backward` methods. Both follow the course's protocol:
# `backward(dvalues)` returns the gradient with respect to the inputs and keeps it as
# `self.dinputs`; `DenseLayer` also keeps `self.dweights` and `self.dbiases`, in the
# shapes of its weights and biases.
#
# This is the first notebook that adds to a class written earlier, and it does so
# without repeating it. The `DenseLayer` imported above is the course's finished class
# from `nnfs_helpers.py`; it already contains the methods later notebooks teach (this
# one's `backward` among them). `class DenseLayer(DenseLayer)` builds a *subclass*:
# Python reads the name in brackets first (the imported class), then gives the name
# `DenseLayer` to the new class, which inherits every method and replaces any it
# redefines. So from here on, `backward` is the code in this cell. `class ReLU(ReLU)`
# does the same for ReLU.
#
# - `DenseLayer.backward` computes the three products above: `inputs.T @ dvalues`, the
#   column sums `np.sum(dvalues, axis=0, keepdims=True)`, and `dvalues @ self.weights.T`.
#   It needs the inputs of the forward pass, which `forward` keeps as `self.inputs`.
#   (Notebook 16 adds a few lines to it, for penalties on large weights.)
# - `ReLU.backward` multiplies `dvalues` by the mask, `True` counting as 1 and `False`
#   as 0: the same values as `np.where(mask, dvalues, 0)`, in a new array, so the
#   `dvalues` it was given stay as they were. Its first line, `check_forward_done(self)`,
#   turns a call in the wrong order (backward before any forward, so there are no
#   inputs to use yet) into a message that names the order, instead of Python's
#   "no attribute 'inputs'". Every later `backward` in the course starts with it.

# %%
class DenseLayer(DenseLayer):
    """DenseLayer from notebook 01, plus backward."""

    def backward(self, dvalues):
        """Gradients of the weights, biases and inputs, from the gradient of the output.

        Parameters
        ----------
        dvalues : ndarray of shape (n_samples, n_neurons)
            Gradient of the loss with respect to ``output``.

        Returns
        -------
        ndarray of shape (n_samples, n_inputs)
            ``dinputs``, also kept as ``self.dinputs``. ``self.dweights``, of
            shape (n_inputs, n_neurons), and ``self.dbiases``, of shape
            (1, n_neurons), are kept too: each has the shape of what it is the
            gradient of.
        """
        # Each weight met every sample's input, so its gradient sums over the batch.
        self.dweights = self.inputs.T @ dvalues  # (n_inputs, n_samples) @ (n_samples, n_neurons)
        # A bias is a weight whose input is always 1: the column sums of dvalues.
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)  # (1, n_neurons)
        # Each input fed every neuron, so its gradient sums over the neurons.
        self.dinputs = dvalues @ self.weights.T  # (n_samples, n_neurons) @ (n_neurons, n_inputs)
        return self.dinputs


class ReLU(ReLU):
    """ReLU from notebook 02, plus backward."""

    def backward(self, dvalues):
        """The slope of ``max(0, x)`` is 1 where x > 0 and 0 elsewhere (0 at x = 0)."""
        check_forward_done(self)
        self.dinputs = dvalues * (self.inputs > 0)
        return self.dinputs


# %% [markdown]
# The layer gives the same three gradients as our step-by-step computation:

# %%
layer = DenseLayer(3, 2, rng=SEED)  # its weights are replaced just below
layer.weights = weights.copy()
layer.biases = biases.copy()
layer.forward(inputs)  # (4, 3) -> (4, 2); keeps the inputs for the backward pass
returned = layer.backward(dvalues)  # (4, 2) -> (4, 3)
print(layer)
print("dweights", layer.dweights.shape, "matches:", np.allclose(layer.dweights, dweights))
print("dbiases ", layer.dbiases.shape, "matches:", np.allclose(layer.dbiases, dbiases))
print("dinputs ", layer.dinputs.shape, "matches:", np.allclose(layer.dinputs, dinputs))
print("backward returns dinputs:", returned is layer.dinputs)

relu = ReLU()
relu.forward(relu_inputs)
print(relu, "dinputs match:", np.allclose(relu.backward(relu_dvalues), relu_dinputs))

# %% [markdown]
# ## Checking against `numerical_gradient`
#
# Agreeing with our own loops is reassuring, but the loops came from the same reasoning.
# An independent referee is `numerical_gradient`, which knows nothing about the chain
# rule. To use it we need a number to differentiate whose gradient with respect to the
# layer's output is exactly some `dvalues` of our choosing. The weighted sum
# `loss = sum(output * G)` does the job: nudging `output[n, j]` by `h` changes it by
# `G[n, j] * h`, so its gradient with respect to the output is `G`.
#
# We compare with a **relative** difference, `|a - b| / (|a| + |b|)` (`|.|` is the length
# of the whole array), so that the size of the gradients does not matter; notebook 10
# looks at this measure closely. Everything is float64, and the random weights are of
# size 1 so the gradients are not tiny.

# %%
def relative_difference(a, b):
    """|a - b| / (|a| + |b|), with |.| the Euclidean length of the whole array."""
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


check_rng = np.random.default_rng(SEED)
X = check_rng.normal(size=(5, 3))  # 5 samples, 3 features, float64
G = check_rng.normal(size=(5, 2))  # the gradient the "loss" sends back
dense = DenseLayer(3, 2, rng=check_rng, weight_scale=1.0)
dense.biases = check_rng.normal(size=(1, 2))


def dense_loss(_=None):
    return np.sum(dense.forward(X) * G)


dense_loss()
dense.backward(G)
for name, analytic, array in [("dweights", dense.dweights, dense.weights),
                              ("dbiases", dense.dbiases, dense.biases),
                              ("dinputs", dense.dinputs, X)]:
    numerical = numerical_gradient(dense_loss, array)  # nudges the array in place
    difference = relative_difference(analytic, numerical)
    print(f"{name:>8} {str(analytic.shape):>7}: relative difference below 1e-8: "
          f"{difference < 1e-8}")

# %% [markdown]
# For ReLU, one caution: at an input of exactly 0 the derivative jumps from 0 to 1, and a
# centred difference straddling the jump gets neither. So the check keeps the inputs at
# least 0.1 away from 0 (nudges are 1e-5).

# %%
Z = check_rng.normal(size=(5, 4))
Z = np.sign(Z) * (0.1 + np.abs(Z))  # every value at least 0.1 away from the kink
G = check_rng.normal(size=(5, 4))
relu = ReLU()


def relu_loss(_=None):
    return np.sum(relu.forward(Z) * G)


relu_loss()
relu.backward(G)
difference = relative_difference(relu.dinputs, numerical_gradient(relu_loss, Z))
print(f"ReLU dinputs: relative difference below 1e-8: {difference < 1e-8}")

# %% [markdown]
# ## Backpropagating through a network
#
# Because every `backward` returns the gradient with respect to its inputs, which is the
# previous layer's `dvalues`, a backward pass through a whole network is the forward
# loop run in reverse. Here is a dense layer, a ReLU and a second dense layer, checked
# against `numerical_gradient` all the way back to the first layer's weights, biases and
# the network's inputs:

# %%
X = check_rng.normal(size=(6, 3))
G = check_rng.normal(size=(6, 2))
network = [DenseLayer(3, 4, rng=check_rng, weight_scale=1.0), ReLU(),
           DenseLayer(4, 2, rng=check_rng, weight_scale=1.0)]


def network_loss(_=None):
    output = X
    for part in network:
        output = part.forward(output)  # (6, 3) -> (6, 4) -> (6, 4) -> (6, 2)
    return np.sum(output * G)


network_loss()
dvalues_back = G
for part in reversed(network):
    dvalues_back = part.backward(dvalues_back)  # (6, 2) -> (6, 4) -> (6, 4) -> (6, 3)

first = network[0]
print("smallest |input| of the ReLU:", f"{np.abs(network[1].inputs).min():.3f}")
for name, analytic, array in [("first layer dweights", first.dweights, first.weights),
                              ("first layer dbiases", first.dbiases, first.biases),
                              ("network dinputs", dvalues_back, X)]:
    difference = relative_difference(analytic, numerical_gradient(network_loss, array))
    print(f"{name:>20}: relative difference below 1e-8: {difference < 1e-8}")

# %% [markdown]
# (The smallest ReLU input is far from 0 compared with the nudge of 1e-5, so the kink
# does not get in the way.) One forward pass and one backward pass gave all the gradients
# at once; the numerical check needed two forward passes per number.

# %% [markdown]
# ## The whole network, with the shape of every array
#
# Notebook 11 trains a bigger version of notebook 04's network on the spiral: 2 inputs,
# a dense layer of 64 neurons, a ReLU, a dense layer of 3, and softmax with
# cross-entropy on top, for 300 points at once. Here it is, forward and backward, with
# the shape of every array. The top row is the forward pass, left to right. The bottom
# row, in purple, is the backward pass, right to left: it starts at the loss, whose
# gradient with respect to the scores notebook 09 works out, and each arrow carries the
# `dinputs` of the part on its right, which the part on its left receives as `dvalues`.

# %%
draw_shapes_diagram(title="The 2 → 64 → 3 network: forward (black) and backward (purple)")
plt.show()

# %% [markdown]
# Two rules give every shape in the picture: each array keeps one row per sample all
# the way through, and each gradient has the shape of what it is the gradient of. The
# same shapes, read off real arrays after a forward and a backward pass with the classes
# above. The loss and its backward pass come in notebook 09, so here a random array of
# the right shape stands in for the gradient the loss sends back:

# %%
X, y = spiral_data(100, 3, seed=SEED)  # (300, 2) points, (300,) labels
dense1, relu1, dense2 = DenseLayer(2, 64, rng=rng), ReLU(), DenseLayer(64, 3, rng=rng)
scores = dense2.forward(relu1.forward(dense1.forward(X)))  # (300, 2) -> (300, 3)
dscores = rng.normal(size=scores.shape)  # stands in for the loss's gradient (notebook 09)
dense1.backward(relu1.backward(dense2.backward(dscores)))  # (300, 3) -> (300, 2)

rows = [("X", X, "dense1.dinputs", dense1.dinputs),
        ("dense1.weights", dense1.weights, "dense1.dweights", dense1.dweights),
        ("dense1.biases", dense1.biases, "dense1.dbiases", dense1.dbiases),
        ("dense1.output", dense1.output, "relu1.dinputs", relu1.dinputs),
        ("relu1.output", relu1.output, "dense2.dinputs", dense2.dinputs),
        ("dense2.weights", dense2.weights, "dense2.dweights", dense2.dweights),
        ("dense2.biases", dense2.biases, "dense2.dbiases", dense2.dbiases),
        ("dense2.output", dense2.output, "dscores", dscores)]
print(f"{'forward':<26}backward")
for name, array, gradient_name, gradient in rows:
    print(f"{name:<15}{str(array.shape):<11}{gradient_name:<16}{gradient.shape}")
print("labels y:", y.shape)
print("every gradient has the shape of its array:",
      all(array.shape == gradient.shape for _, array, _, gradient in rows))

# %% [markdown]
# Read each row as "this array, and its gradient". `relu1.dinputs` sits beside
# `dense1.output` because it is the gradient of the loss with respect to that output:
# `dense1` receives it as its `dvalues`. In the same way `dense2.dinputs` is `relu1`'s
# `dvalues`, and `dscores` is `dense2`'s.
#
# ### When a shape is wrong
#
# The `backward` methods do not check the shape of `dvalues`. In a network they do not
# need to: each one receives exactly what the next part's `backward` returned, and the
# rules above make that the right shape. The course checks where mistakes come in
# instead: the inputs of every `forward`, the labels, and the loss once per training step.
#
# In code you write yourself, though, a gradient of the wrong shape does not always
# fail: NumPy **broadcasts** it and silently computes something else. For example, a
# `(4, 1)` column of gradients (one per sample, as if the layer had one neuron) slips
# through ReLU's mask of shape `(4, 2)`:

# %%
relu = ReLU()
relu.forward(outputs)  # (4, 2)
wrong_dvalues = dvalues[:, :1]  # (4, 1): one column only
print(relu.backward(wrong_dvalues) + 0.0)  # (4, 2): no error, wrong numbers (+ 0.0: -0. as 0.)

# %% [markdown]
# No error, and numbers that look plausible: a bug that would quietly spoil training.
# When a gradient looks wrong, print the shapes and compare them with the diagram. (A
# transposed gradient is easier to spot: `layer.backward(dvalues.T)` gets a `(2, 4)`
# array where `(4, 2)` belongs, and `inputs.T @ dvalues` stops with NumPy's message about
# mismatched dimensions.)

# %% [markdown]
# ## What comes next
#
# The backward passes of the dense layer and the ReLU are done. What is still missing is
# the start of the chain, the purple arrow out of the loss in the diagram: the gradient of
# the loss with respect to the network's scores, which the last layer receives as its
# `dvalues`. Notebook 09 works it out for softmax followed by cross-entropy, where it
# turns out to be remarkably simple. Notebook 10 then checks the whole network's
# gradients the way we checked single layers here.

# %% [markdown]
# ## Summary
#
# - The chain rule multiplies local derivatives along the chain; backpropagation applies it
#   from the loss backwards, each part passing `dinputs` to the part before it.
# - For one neuron: a sum passes the gradient on unchanged, a product sends each factor
#   the gradient times the other factor, and ReLU lets it through only where its input
#   was positive.
# - `DenseLayer.backward(dvalues)`: `dweights = inputs.T @ dvalues` (summed over the
#   batch), `dbiases` = column sums of `dvalues`, `dinputs = dvalues @ weights.T`.
#   `ReLU.backward(dvalues)` multiplies `dvalues` by the mask `inputs > 0`.
#   `class DenseLayer(DenseLayer)` made a subclass of the imported class whose `backward`
#   is the one written here, without repeating the rest of the class.
# - Every gradient has the shape of what it is the gradient of, as the diagram of the
#   2 → 64 → 3 network shows; a gradient of the wrong shape can broadcast silently, so
#   compare shapes when in doubt.
# - Checked against `numerical_gradient` in float64 (inputs away from ReLU's kink), the
#   backward passes agree to better than 1e-8.

# %% [markdown]
# ## Exercises
#
# Each exercise cell ends with a checker that tells you whether your answer is right.
# Replace the `None` placeholders, run the cell, and read the verdict.

# %% [markdown]
# ### Exercise 1: one neuron by hand
#
# A neuron with inputs `x = [2.0, -1.0, 0.5]`, weights `w = [0.5, -1.5, 1.0]` and bias
# `0.25` is followed by a ReLU. The next layer sends back `dvalue = 2.0`. Compute the
# gradient with respect to the **weights**, `d_w`, an array of three numbers. First check
# whether the ReLU lets the gradient through.

# %%
from nnfs_exercises.nb08 import (
    check_dense_backward,
    check_neuron_dweights,
    check_relu_backward,
)

d_w = None  # your answer here

check_neuron_dweights(d_w)

# %% [markdown]
# ### Exercise 2: a dense layer's backward pass as a function
#
# Write `dense_backward(inputs, weights, dvalues)` that returns the tuple
# `(dweights, dbiases, dinputs)` for a batch, with the shapes of `weights`,
# `(1, n_neurons)` and `inputs`. The checker tries it on random shapes.

# %%
def dense_backward(inputs, weights, dvalues):
    return None  # your code here


check_dense_backward(dense_backward)

# %% [markdown]
# ### Exercise 3: ReLU's backward pass as a function
#
# Write `relu_backward(inputs, dvalues)` that returns the gradient with respect to the
# ReLU's inputs, given the inputs it saw going forward. It must not change the `dvalues`
# array it is given (another layer may still need it).

# %%
def relu_backward(inputs, dvalues):
    return None  # your code here


check_relu_backward(relu_backward)

"""Generate the stroke drawings notebook 24 ships: data/digit_strokes.json.

Nothing is downloaded. Each digit has one or two hand-written *templates*, the
way a person draws it with a mouse: a few strokes in a unit box (x to the right,
y downwards, height 1), in the order and direction a pen would move. Every
drawing is one template, changed the way a hand changes it:

- slanted (a shear), turned a little, made wider or narrower;
- wobbling: a smooth random displacement along each stroke;
- drawn at any size and anywhere on a 280 x 280 canvas;
- sampled as a mouse reports it: points at irregular spacing along the stroke,
  rounded to whole pixels.

The drawings are seeded (``SEED``), so running this script again writes the same
file. Run from the repository's root::

    python tools/make_digit_strokes.py

The file is JSON: ``{"about": ..., "canvas": {"width": 280, "height": 280},
"drawings": [{"label": 3, "style": "...", "strokes": [[[x, y], ...], ...]}, ...]}``.
"""

import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "data" / "digit_strokes.json"
SEED = 24
CANVAS = 280  # pixels, square, as the notebook's drawing canvas
PER_DIGIT = 5


# ---------------------------------------------------------------------------
# Pieces of strokes, in the unit box (x right, y down)
# ---------------------------------------------------------------------------


def line(start, end, n=20):
    """Points from start to end, inclusive: ndarray of shape (n, 2)."""
    t = np.linspace(0.0, 1.0, n)[:, np.newaxis]
    return (1 - t) * np.asarray(start, float) + t * np.asarray(end, float)


def arc(centre, radii, start_deg, end_deg, n=40):
    """Points on an ellipse from start_deg to end_deg (0 = right, 90 = down).

    Angles are measured with y pointing down, so increasing angles turn
    clockwise on the screen.
    """
    angles = np.radians(np.linspace(start_deg, end_deg, n))
    cx, cy = centre
    rx, ry = radii
    return np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)


def join(*pieces):
    """One stroke from pieces drawn one after another."""
    return np.concatenate(pieces)


# ---------------------------------------------------------------------------
# The templates: digit -> {style: function returning a list of strokes}
# ---------------------------------------------------------------------------


def _zero():
    return [arc((0.32, 0.5), (0.3, 0.5), -90, -450, 80)]


def _zero_tilted():
    return [arc((0.33, 0.5), (0.28, 0.5), -100, -470, 80)]


def _one_plain():
    return [line((0.5, 0.0), (0.48, 1.0))]


def _one_flag():
    return [join(line((0.22, 0.22), (0.5, 0.0), 10), line((0.5, 0.0), (0.5, 1.0)))]


def _one_base():
    return [join(line((0.2, 0.2), (0.45, 0.0), 10), line((0.45, 0.0), (0.45, 1.0))),
            line((0.15, 1.0), (0.75, 1.0), 12)]


def _two():
    return [join(arc((0.35, 0.28), (0.32, 0.28), 195, 370, 30),
                 line((0.67, 0.33), (0.02, 1.0), 25),
                 line((0.02, 1.0), (0.72, 1.0), 15))]


def _two_curly():
    return [join(arc((0.36, 0.3), (0.3, 0.3), 180, 380, 30),
                 line((0.64, 0.4), (0.05, 0.98), 25),
                 arc((0.1, 0.9), (0.08, 0.08), 120, 20, 8),
                 line((0.17, 0.88), (0.75, 0.98), 15))]


def _three():
    return [join(arc((0.35, 0.25), (0.3, 0.25), 200, 450, 40),
                 arc((0.35, 0.73), (0.34, 0.27), -90, 160, 40))]


def _three_flat_top():
    return [join(line((0.05, 0.0), (0.65, 0.0), 12),
                 line((0.65, 0.0), (0.3, 0.42), 12),
                 arc((0.35, 0.7), (0.33, 0.29), -100, 160, 40))]


def _four_closed():
    return [join(line((0.5, 0.0), (0.0, 0.68), 20), line((0.0, 0.68), (0.75, 0.68), 15)),
            line((0.52, 0.3), (0.52, 1.0), 20)]


def _four_open():
    return [join(line((0.05, 0.0), (0.02, 0.55), 15), line((0.02, 0.55), (0.7, 0.55), 15)),
            line((0.58, 0.0), (0.56, 1.0), 25)]


def _five():
    return [join(line((0.12, 0.0), (0.07, 0.45), 12),
                 arc((0.33, 0.7), (0.33, 0.3), -125, 150, 40)),
            line((0.12, 0.0), (0.68, 0.0), 12)]


def _five_one_stroke():
    return [join(line((0.7, 0.0), (0.12, 0.0), 12),
                 line((0.12, 0.0), (0.08, 0.45), 12),
                 arc((0.34, 0.7), (0.32, 0.3), -125, 150, 40))]


def _six():
    return [join(arc((0.6, 0.55), (0.55, 0.55), -110, -185, 20),
                 arc((0.35, 0.72), (0.3, 0.28), 180, 540, 45))]


def _six_straight():
    return [join(line((0.6, 0.0), (0.08, 0.6), 20),
                 arc((0.35, 0.72), (0.29, 0.28), 200, 560, 45))]


def _seven():
    return [join(line((0.0, 0.0), (0.7, 0.0), 15), line((0.7, 0.0), (0.25, 1.0), 25))]


def _seven_crossed():
    return [join(line((0.0, 0.02), (0.72, 0.0), 15), line((0.72, 0.0), (0.3, 1.0), 25)),
            line((0.22, 0.5), (0.68, 0.5), 10)]


def _eight():
    t = np.linspace(0, 2 * np.pi, 90)
    # A figure of eight: x swings right in the top loop, left in the bottom one.
    return [np.stack([0.35 + 0.34 * np.sin(2 * t) * np.where(t < np.pi, 0.85, 1.0),
                      0.5 - 0.5 * np.cos(t)], axis=1)]


def _eight_two_loops():
    return [arc((0.35, 0.24), (0.26, 0.24), -90, 270, 45),
            arc((0.35, 0.73), (0.33, 0.27), -90, 270, 45)]


def _nine():
    return [join(arc((0.35, 0.28), (0.3, 0.28), 0, -360, 50),
                 line((0.65, 0.28), (0.6, 1.0), 25))]


def _nine_curved():
    return [join(arc((0.33, 0.27), (0.28, 0.27), -20, -380, 50),
                 line((0.6, 0.2), (0.55, 0.85), 20),
                 arc((0.35, 0.85), (0.2, 0.15), 0, 120, 12))]


TEMPLATES = {
    0: {"oval": _zero, "tilted oval": _zero_tilted},
    1: {"plain": _one_plain, "with a flag": _one_flag, "flag and base": _one_base},
    2: {"plain": _two, "curly": _two_curly},
    3: {"round": _three, "flat top": _three_flat_top},
    4: {"closed": _four_closed, "open": _four_open},
    5: {"two strokes": _five, "one stroke": _five_one_stroke},
    6: {"round": _six, "straight back": _six_straight},
    7: {"plain": _seven, "crossed": _seven_crossed},
    8: {"one stroke": _eight, "two loops": _eight_two_loops},
    9: {"straight tail": _nine, "curved tail": _nine_curved},
}


# ---------------------------------------------------------------------------
# A hand at work
# ---------------------------------------------------------------------------


def deform(strokes, rng):
    """Slant, turn and stretch a template, as one writer would."""
    slant = rng.uniform(-0.3, 0.1)          # most hands lean to the right
    angle = np.radians(rng.uniform(-6, 6))
    stretch = rng.uniform(0.8, 1.25)        # wider or narrower
    rotate = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    changed = []
    for stroke in strokes:
        points = stroke - [0.35, 0.5]       # about the middle of the box
        points = points * [stretch, 1.0]
        points[:, 0] += slant * points[:, 1]
        changed.append(points @ rotate.T)
    return changed


def wobble(stroke, rng, amount):
    """Move a stroke's points by a smooth random displacement (a shaky hand)."""
    steps = np.linalg.norm(np.diff(stroke, axis=0), axis=1)
    along = np.concatenate([[0.0], np.cumsum(steps)])
    along /= max(along[-1], 1e-9)  # 0 at the stroke's start, 1 at its end
    shift = np.zeros_like(stroke)
    for _ in range(3):  # a few slow waves along the stroke, in x and in y
        frequency = rng.uniform(0.5, 3.0)  # waves per stroke
        phase = rng.uniform(0, 2 * np.pi, size=2)
        shift += amount / 3 * np.sin(2 * np.pi * frequency * along[:, np.newaxis] + phase)
    return stroke + shift


def as_mouse_reports(stroke, rng):
    """Sample a stroke at irregular steps along it and round to whole pixels.

    A mouse reports where it is every few milliseconds, so a fast part of a
    stroke gets points far apart and a slow one points close together.
    """
    steps = np.linalg.norm(np.diff(stroke, axis=0), axis=1)
    along = np.concatenate([[0.0], np.cumsum(steps)])
    wanted = [0.0]
    while wanted[-1] < along[-1]:
        wanted.append(wanted[-1] + rng.uniform(2.0, 9.0))
    wanted[-1] = along[-1]
    points = np.stack([np.interp(wanted, along, stroke[:, k]) for k in (0, 1)], axis=1)
    points = np.round(points).astype(int)
    keep = np.concatenate([[True], np.any(np.diff(points, axis=0) != 0, axis=1)])
    return points[keep]


def place(strokes, rng):
    """Scale a drawing to a random height and put it anywhere on the canvas."""
    points = np.concatenate(strokes)
    low, high = points.min(axis=0), points.max(axis=0)
    height = rng.uniform(70, 230)
    scale = height / max(high[1] - low[1], 1e-9)
    size = (high - low) * scale
    margin = 6
    corner = [rng.uniform(margin, max(margin, CANVAS - margin - extent)) for extent in size]
    return [(stroke - low) * scale + corner for stroke in strokes]


def make_drawing(label, style, rng):
    strokes = deform(TEMPLATES[label][style](), rng)
    strokes = place(strokes, rng)
    height = np.ptp(np.concatenate(strokes)[:, 1])
    strokes = [wobble(stroke, rng, amount=0.025 * height) for stroke in strokes]
    return [as_mouse_reports(stroke, rng).tolist() for stroke in strokes]


def main():
    rng = np.random.default_rng(SEED)
    drawings = []
    for label, styles in TEMPLATES.items():
        names = list(styles)
        for index in range(PER_DIGIT):
            style = names[index % len(names)]
            drawings.append({"label": label, "style": style,
                             "strokes": make_drawing(label, style, rng)})
    content = {
        "about": ("Stroke drawings of the digits 0-9 for notebook 24, generated by "
                  "tools/make_digit_strokes.py from hand-made templates (no data downloaded). "
                  "Coordinates are canvas pixels, x to the right, y downwards; each stroke is "
                  "the list of points the mouse reported while its button was down."),
        "canvas": {"width": CANVAS, "height": CANVAS},
        "drawings": drawings,
    }
    OUTPUT.parent.mkdir(exist_ok=True)
    # One drawing per line: small diffs when the generator changes.
    lines = [json.dumps(drawing, separators=(",", ":")) for drawing in drawings]
    header = json.dumps({key: value for key, value in content.items() if key != "drawings"},
                        indent=1)[:-2]
    OUTPUT.write_text(header + ',\n "drawings": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n")
    json.loads(OUTPUT.read_text())  # the file must read back as JSON
    print(f"wrote {len(drawings)} drawings to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

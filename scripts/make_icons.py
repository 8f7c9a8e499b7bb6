"""Draw the app icons (masar/static/masar/icons/) from the favicon's design: a green square
with a white "M" path. Run with the project's venv: `.venv/bin/python scripts/make_icons.py`;
the PNG files are committed."""

from pathlib import Path

from PIL import Image, ImageDraw

GREEN = (11, 110, 79, 255)
WHITE = (255, 255, 255, 255)
OUT = Path(__file__).resolve().parent.parent / "masar" / "static" / "masar" / "icons"


def draw(size: int, *, maskable: bool) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:  # full bleed; the mark stays inside the 80% safe zone
        pen.rectangle((0, 0, size, size), fill=GREEN)
        scale, offset = size * 0.6 / 32, size * 0.2
    else:
        pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 // 32, fill=GREEN)
        scale, offset = size / 32, 0
    points = [(7, 23), (7, 9), (16, 17), (25, 9), (25, 23)]
    pen.line(
        [(offset + x * scale, offset + y * scale) for x, y in points],
        fill=WHITE,
        width=max(2, round(3 * scale)),
        joint="curve",
    )
    return image


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        draw(size, maskable=False).save(OUT / f"icon-{size}.png", optimize=True)
    draw(512, maskable=True).save(OUT / "maskable-512.png", optimize=True)
    draw(180, maskable=True).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()

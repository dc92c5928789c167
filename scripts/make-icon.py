"""Draws resources/icon.png (512x512): a falling loss curve on a blue-green tile.
Run: python3 scripts/make-icon.py  (numpy only; the PNG is written by hand with zlib)."""
import struct
import zlib
from pathlib import Path

import numpy as np

SIZE, SS = 512, 2  # output size, supersampling factor
N = SIZE * SS
y, x = (np.mgrid[0:N, 0:N].astype(np.float32) + 0.5) / SS  # pixel centres in output units


def rounded_rect(margin, radius):
    cx = np.clip(x, margin + radius, SIZE - margin - radius)
    cy = np.clip(y, margin + radius, SIZE - margin - radius)
    return (np.hypot(x - cx, y - cy) <= radius).astype(np.float32)


def over(dst, colour, alpha):
    a = alpha[..., None]
    dst[..., :3] = dst[..., :3] * (1 - a) + np.array(colour, np.float32) * a


def cover(d, half_width):
    """Coverage of a stroke from the distance to its centre line (1 px of soft edge)."""
    return np.clip(half_width + 0.5 - d, 0, 1)


img = np.zeros((N, N, 4), np.float32)
t = np.clip((x + y) / (2 * SIZE), 0, 1)[..., None]
img[..., :3] = (1 - t) * np.array([59, 91, 219], np.float32) + t * np.array([12, 166, 120], np.float32)
img[..., 3] = rounded_rect(16, 96)

# axes
over(img, (255, 255, 255), 0.55 * cover(np.abs(x - 112), 5) * ((y > 104) & (y < 408)))
over(img, (255, 255, 255), 0.55 * cover(np.abs(y - 408), 5) * ((x > 112) & (x < 420)))

# loss curve falling to the right (image y grows downwards): distance to a fine polyline
def loss_y(px):
    return 372 - 240 * np.exp(-(px - 140) / 70)


xs = np.linspace(140, 404, 120)
ys = loss_y(xs)
dist = np.full(x.shape, np.inf, np.float32)
for x0, y0, x1, y1 in zip(xs[:-1], ys[:-1], xs[1:], ys[1:]):
    dx, dy = x1 - x0, y1 - y0
    k = np.clip(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0, 1)
    dist = np.minimum(dist, np.hypot(x - (x0 + k * dx), y - (y0 + k * dy)))
over(img, (255, 255, 255), cover(dist, 14))

# the point that rolls down the curve
bx, by = 404, loss_y(404)
over(img, (255, 212, 59), cover(np.hypot(x - bx, y - by), 30))

# downsample and write an 8-bit RGBA PNG
img = img.reshape(SIZE, SS, SIZE, SS, 4).mean(axis=(1, 3))
rgba = np.clip(np.round(img * np.array([1, 1, 1, 255], np.float32)), 0, 255).astype(np.uint8)
raw = b''.join(b'\x00' + row.tobytes() for row in rgba)


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
png += chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
out = Path(__file__).resolve().parent.parent / 'resources' / 'icon.png'
out.write_bytes(png)
print(f'wrote {out} ({len(png)} bytes)')

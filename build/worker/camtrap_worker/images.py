"""Loading pictures for the models: decoded, turned upright by EXIF orientation, letterboxed for
the detector; at full resolution for the classifier's crops.

On CUDA, JPEGs are decoded on the GPU by nvjpeg (torchvision.io.decode_jpeg): decoding on the
CPU is what limits MegaDetector's own pipeline. On the CPU, PIL decodes with draft mode, the JPEG
shrink-on-load that sharp uses in the app's CPU worker, so that both workers see the same pixels.
"""
import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from PIL import Image, ImageFile

# A cut-off JPEG is decoded as far as it goes (and flagged), as the CPU worker does.
ImageFile.LOAD_TRUNCATED_IMAGES = True

# EXIF orientation -> (quarter turns counter-clockwise, flip left-right before turning).
_ORIENT = {1: (0, False), 2: (0, True), 3: (2, False), 4: (2, True), 5: (1, True), 6: (3, False), 7: (3, True), 8: (1, False)}


def is_truncated(path):
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 64))
        return b"\xff\xd9" not in f.read()


def orientation(image):
    try:
        return int(image.getexif().get(0x0112, 1))
    except Exception:
        return 1


def _upright(chw, orient):
    turns, flip = _ORIENT.get(orient, (0, False))
    if flip:
        chw = torch.flip(chw, dims=[2])
    return torch.rot90(chw, turns, dims=[1, 2]) if turns else chw


def fit(width, height, size):
    """The same rounding as sharp's fit: 'inside', so boxes land on the same pixels as in the CPU worker."""
    scale = min(size / width, size / height)
    return max(1, int(width * scale + 0.5)), max(1, int(height * scale + 0.5))


def decode_cpu(path, size):
    image = Image.open(path)
    orient = orientation(image)
    w, h = image.size
    # Draft: JPEG shrink-on-load (libjpeg's scaled IDCT) to the smallest scale still twice the size
    # the model needs, then an antialiased reduction. Measured on the fixtures, this is what comes
    # closest to sharp's pixels in the CPU worker (a single-step 1/4 decode differs three times more).
    tw, th = fit(w, h, size) if orient < 5 else fit(h, w, size)
    if image.format == "JPEG":
        image.draft("RGB", (2 * tw, 2 * th) if orient < 5 else (2 * th, 2 * tw))
    image = image.convert("RGB")
    chw = torch.from_numpy(np.asarray(image).copy()).permute(2, 0, 1)
    return _upright(chw, orient)


def nvjpeg(path, device):
    """The whole JPEG at full resolution decoded on the GPU, upright; None when the CPU must do it."""
    with Image.open(path) as header:
        orient = orientation(header)
        is_jpeg = header.format == "JPEG"
    if not is_jpeg or is_truncated(path):
        return None
    try:
        chw = torchvision.io.decode_jpeg(torchvision.io.read_file(path), mode=torchvision.io.ImageReadMode.RGB, device=device)
    except RuntimeError:
        # nvjpeg refuses some files (CMYK, progressive on old drivers): the CPU decoder takes them.
        return None
    return _upright(chw, orient)


def decode_full(path, device):
    """The whole picture at full resolution (no draft), upright, RGB, uint8 CHW on the device: what
    the classifier crops from, as SpeciesNet loads it (PIL: convert to RGB, exif_transpose)."""
    if device == "cuda":
        chw = nvjpeg(path, device)
        if chw is not None:
            return chw
    with Image.open(path) as image:
        orient = orientation(image)
        rgb = image.convert("RGB")
    chw = torch.from_numpy(np.asarray(rgb).copy()).permute(2, 0, 1)
    return _upright(chw, orient).to(device)


def letterbox(chw, size, mean, std, channel_order, pad_value, device):
    """uint8 CHW RGB -> normalized float CHW of size x size, with where the picture sits in it."""
    _, h, w = chw.shape
    nw, nh = fit(w, h, size)
    x = chw.to(device=device, dtype=torch.float32).unsqueeze(0)
    if (nw, nh) != (w, h):
        x = F.interpolate(x, size=(nh, nw), mode="bilinear", align_corners=False, antialias=True)
    x = x.clamp(0, 255).round()
    if channel_order == "bgr":
        x = x.flip(1)
    out = torch.full((1, 3, size, size), float(pad_value), device=device)
    px, py = (size - nw) // 2, (size - nh) // 2
    out[:, :, py:py + nh, px:px + nw] = x
    m = torch.tensor(mean, device=device).view(1, 3, 1, 1)
    s = torch.tensor(std, device=device).view(1, 3, 1, 1)
    return ((out - m) / s)[0], (px, py, nw, nh)

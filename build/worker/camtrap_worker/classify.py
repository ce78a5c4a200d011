"""The species stage: crops cut and scaled exactly as SpeciesNet cuts them, run through the
classifier, the best scores of each.

The crops follow SpeciesNet (speciesnet/classifier.py, SpeciesNetClassifier.preprocess, and
speciesnet/utils.py, load_rgb_image), and the app's CPU worker (electron/backend/detect/classify)
follows the same rules, so that the two workers agree within 0.02 on every score:

- the picture is decoded at full resolution (never JPEG draft / shrink-on-load), turned upright
  by its EXIF orientation (as PIL.ImageOps.exif_transpose), in RGB; W and H are the width and
  height of the upright picture;
- `crop` (SpeciesNet's always_crop): for a box [x, y, w, h] normalized to the picture,
  left = int(x * W), top = int(y * H), width = int(w * W), height = int(h * H), each truncated as
  Python's int() (as SpeciesNet's tf.image.crop_to_bounding_box arguments), then kept inside the
  picture (left <= W - 1, top <= H - 1, width <= W - left, height <= H - top) and at least 1;
- `full` (SpeciesNet's full_image): the whole width and kept = max(floor(H * 0.7), H - 400) rows
  starting at row (H - kept) // 2 (tf.image.resize_with_crop_or_pad);
- the region, as floats byte * (1/255), is stretched to inputSize x inputSize (no aspect kept) by
  bilinear sampling with half-pixel centres, no antialiasing (tf.image.resize's default; torch's
  F.interpolate(mode='bilinear', align_corners=False, antialias=False) is the same sampling);
- back to whole bytes as SpeciesNet does with tf.image.convert_image_dtype(..., tf.uint8):
  value * 255.5 truncated (not rounded), at most 255;
- each byte becomes (byte - mean[c]) / std[c], channels in the manifest's channelOrder, in the
  tensor layout the manifest names ('nchw' or 'nhwc').

Scores: the softmax of the outputs when manifest.output.activation is 'softmax', else the outputs
as they are; the best five (classifier-manifest.ts topScores) as [label index, score rounded to
6 decimals], best first.
"""
import math

import torch
import torch.nn.functional as F

from . import images
from .onnx_torch import OnnxTorch

TOP_SCORES = 5
# SpeciesNet's full_image variant trims at most this share of the height, and at most this many rows.
MAX_CROP_RATIO = 0.3
MAX_CROP_ROWS = 400


def box_region(bbox, width, height):
    """(left, top, width, height) in pixels of a normalized [x, y, w, h] box, as always_crop cuts it."""
    x, y, w, h = (float(v) for v in bbox)
    left = min(max(0, int(x * width)), width - 1)
    top = min(max(0, int(y * height)), height - 1)
    return left, top, max(1, min(int(w * width), width - left)), max(1, min(int(h * height), height - top))


def full_region(width, height):
    """The picture less a band at the top and the bottom, as full_image keeps it."""
    kept = max(math.floor(height * (1 - MAX_CROP_RATIO)), height - MAX_CROP_ROWS)
    return 0, (height - kept) // 2, width, kept


def crop_tensor(picture, region, manifest):
    """uint8 CHW RGB upright picture -> the model's input for one region, on the picture's device."""
    left, top, width, height = region
    size = manifest["inputSize"]
    pre = manifest["preprocess"]
    x = picture[:, top:top + height, left:left + width].unsqueeze(0).float() * (1 / 255)
    x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False, antialias=False)
    x = torch.floor(x * 255.5).clamp_(0, 255)
    if pre["channelOrder"] == "bgr":
        x = x.flip(1)
    mean = torch.tensor(pre["mean"], dtype=torch.float32, device=x.device).view(1, 3, 1, 1)
    std = torch.tensor(pre["std"], dtype=torch.float32, device=x.device).view(1, 3, 1, 1)
    x = (x - mean) / std
    return (x.permute(0, 2, 3, 1) if pre["layout"] == "nhwc" else x)[0]


class Classifier:
    """The job's classifier on the detector's device, and which boxes of an image it looks at."""

    def __init__(self, spec, device, half):
        self.manifest = spec["manifest"]
        self.box_threshold = float(spec["boxThreshold"])
        self.full = self.manifest["crop"] == "full"
        self.softmax = self.manifest["output"]["activation"] == "softmax"
        self.batch_size = max(1, int(self.manifest.get("batchSize") or 8))
        self.device = device
        self.model = OnnxTorch(spec["modelFile"], device, half)

    def picture(self, path):
        return images.decode_full(path, self.device)

    def boxes_of_detections(self, detections):
        """(box index, bbox) of each animal box at or above the threshold, or the whole picture once."""
        if self.full:
            return [(None, None)]
        return [(i, d["bbox"]) for i, d in enumerate(detections) if d["category"] == "animal" and d["conf"] >= self.box_threshold]

    def boxes_given(self, boxes):
        """The boxes an item came with, all of them in order (a `full` classifier looks at the picture once)."""
        if self.full:
            return [(None, None)]
        return [(i, b["bbox"]) for i, b in enumerate(boxes)]

    def region(self, picture, bbox):
        _, height, width = picture.shape
        return full_region(width, height) if bbox is None else box_region(bbox, width, height)

    def classify(self, crops):
        """crops: [(picture, region)] -> the top scores of each, in order, run manifest.batchSize at a
        time; None for a crop whose scores are not all numbers (a model that overflows), never NaN in a line."""
        tops = []
        for start in range(0, len(crops), self.batch_size):
            chunk = crops[start:start + self.batch_size]
            x = torch.stack([crop_tensor(picture, region, self.manifest) for picture, region in chunk])
            scores = self.model(x)[0].reshape(len(chunk), -1)
            if self.softmax:
                scores = torch.softmax(scores, dim=1)
            finite = torch.isfinite(scores).all(dim=1).tolist()
            values, indices = scores.topk(min(TOP_SCORES, scores.shape[1]), dim=1)
            for ok, row_values, row_indices in zip(finite, values.tolist(), indices.tolist()):
                tops.append([[int(i), round(float(v), 6)] for i, v in zip(row_indices, row_values)] if ok else None)
        return tops

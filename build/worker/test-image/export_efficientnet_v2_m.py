"""python3 export_efficientnet_v2_m.py <out-folder>

A classifier package of SpeciesNet's size for tests and benchmarks: torchvision's
EfficientNetV2-M (the architecture SpeciesNet's classifier is built on) with random weights from
a fixed seed, exported to ONNX at 1x3x480x480 with a free batch axis, with a manifest as
electron/backend/detect/classify/classifier-manifest.ts wants it and 1000 labels in SpeciesNet's
form. It says nothing about species (purpose 'development'); it runs the same work as the real one.
Runs inside the test image, which has Debian's torch, torchvision and onnx.
"""
import hashlib
import json
import os
import sys
import uuid

import torch
import torch.nn.functional as F
import torchvision
from torchvision.models.efficientnet import FusedMBConv, MBConv

SIZE = 480
CLASSES = 1000
SEED = 0
# How the random network is tamed (see model()): residual branches' gain, pictures of noise
# (half smooth, half grain) whose statistics the BatchNorm layers take, the last layer's scale.
RESIDUAL_GAIN = 0.05
CALIBRATION_BATCHES = 1
CALIBRATION_BATCH = 4
SMOOTH_SCALES = (4, 15, 60, 240)
LOGIT_SCALE = 6.0
MODEL_FILE = "model.onnx"
LABELS_FILE = "labels.txt"
# Labels get stable ids: the same package comes out of every export.
LABEL_NAMESPACE = uuid.UUID("6f1c3c1e-5b0e-4d8a-9a51-0c0a7d6f4b2e")


def calibration_pictures():
    """Noise as normalized pictures: half smooth at several scales (as photos and stretched crops
    are), half grain; the random network's activations stay in range on either and on photos."""
    smooth = CALIBRATION_BATCH // 2
    blobs = sum(F.interpolate(torch.randn(smooth, 3, s, s), size=(SIZE, SIZE), mode="bilinear", align_corners=False) for s in SMOOTH_SCALES)
    return torch.cat([blobs / len(SMOOTH_SCALES) ** 0.5, torch.randn(CALIBRATION_BATCH - smooth, 3, SIZE, SIZE)])


def model():
    """The network with the seed's weights, in inference mode (BatchNorm folded into Conv on export).

    Freshly initialized, its activations fade to nothing by the last stages and every score is
    0.001: comparing two runtimes on that would prove nothing. Given BatchNorm statistics alone,
    photos (unlike the noise they came from) grow by orders of magnitude through the residual
    stages, every score is 0 or 1 and half precision overflows. So each residual branch is turned
    down (its last BatchNorm's scale, as trained networks keep them small), the BatchNorm layers
    take their statistics from pictures of noise (each layer's output normalized, as after
    training) and the last layer is scaled so that scores are far from uniform but not 0 or 1.
    """
    torch.manual_seed(SEED)
    net = torchvision.models.efficientnet_v2_m(weights=None).eval()
    for block in net.modules():
        if isinstance(block, (MBConv, FusedMBConv)) and block.use_res_connect:
            last = [m for m in block.block.modules() if isinstance(m, torch.nn.BatchNorm2d)][-1]
            last.weight.data.mul_(RESIDUAL_GAIN)
    norms = [m for m in net.modules() if isinstance(m, torch.nn.BatchNorm2d)]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None  # a plain mean over the calibration batches
        norm.train()
    with torch.no_grad():
        for _ in range(CALIBRATION_BATCHES):
            net(calibration_pictures())
        net.classifier[-1].weight.mul_(LOGIT_SCALE)
    return net.eval()


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export(out):
    torch.set_num_threads(os.cpu_count() or 1)
    os.makedirs(out, exist_ok=True)
    onnx_path = os.path.join(out, MODEL_FILE)
    with torch.no_grad():
        torch.onnx.export(
            model(), torch.zeros(1, 3, SIZE, SIZE), onnx_path, opset_version=17,
            input_names=["image"], output_names=["logits"],
            dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, do_constant_folding=True,
        )
    with open(os.path.join(out, LABELS_FILE), "w", encoding="utf-8") as f:
        for i in range(CLASSES):
            f.write(f"{uuid.uuid5(LABEL_NAMESPACE, str(i))};mammalia;;;;;test class {i}\n")
    files = [{"name": n, "size": os.path.getsize(os.path.join(out, n)), "sha256": sha256(os.path.join(out, n))} for n in (MODEL_FILE, LABELS_FILE)]
    manifest = {
        "kind": "classifier",
        "id": "efficientnet-v2-m-dev",
        "name": "EfficientNetV2-M, random weights (development)",
        "version": f"torchvision-{torchvision.__version__}-seed{SEED}",
        "licence": "BSD-3-Clause (torchvision)",
        "file": MODEL_FILE,
        "sha256": files[0]["sha256"],
        "labels": LABELS_FILE,
        "inputSize": SIZE,
        "crop": "crop",
        "preprocess": {
            "layout": "nchw",
            "channelOrder": "rgb",
            "mean": [123.675, 116.28, 103.53],
            "std": [58.395, 57.12, 57.375],
        },
        "output": {"activation": "softmax"},
        "batchSize": 8,
        "files": files,
        "purpose": "development",
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    export(sys.argv[1])

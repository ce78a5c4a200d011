"""python3 check_efficientnet_graph.py <package-folder> <out-folder>

The package's ONNX graph run by the worker's interpreter (camtrap_worker.onnx_torch, on the CPU in
full precision) next to torch's own EfficientNetV2-M with the same seed, on one random 480 x 480
input. Writes to the out folder: input.f32 (the tensor, float32 little-endian, 1x3x480x480),
torch.f32 and onnx_torch.f32 (the 1000 softmax scores of each) and timings.json (seconds per
forward pass, the best of a few). The engine tests compare these, and onnxruntime on the host,
on the same input.
"""
import json
import os
import sys
import time

import torch

from camtrap_worker.onnx_torch import OnnxTorch
from export_efficientnet_v2_m import MODEL_FILE, SIZE, model

# The best of a few passes: on a machine shared with other work, one pass may wait for a core.
PASSES = 3


def timed(run, x):
    """The probabilities, and the seconds one pass takes once warm."""
    with torch.no_grad():
        probs = torch.softmax(run(x), dim=1)
        best = float("inf")
        for _ in range(PASSES):
            started = time.perf_counter()
            run(x)
            best = min(best, time.perf_counter() - started)
    return probs, best


def main(package, out):
    torch.set_num_threads(os.cpu_count() or 1)
    x = torch.randn(1, 3, SIZE, SIZE, generator=torch.Generator().manual_seed(1))
    reference, torch_seconds = timed(model(), x)
    graph = OnnxTorch(os.path.join(package, MODEL_FILE), "cpu", half=False)
    interpreted, graph_seconds = timed(lambda t: graph(t)[0], x)
    os.makedirs(out, exist_ok=True)
    for name, tensor in (("input.f32", x), ("torch.f32", reference), ("onnx_torch.f32", interpreted)):
        tensor.contiguous().numpy().astype("<f4").tofile(os.path.join(out, name))
    with open(os.path.join(out, "timings.json"), "w", encoding="utf-8") as f:
        json.dump({"threads": torch.get_num_threads(), "torchSeconds": torch_seconds, "onnxTorchSeconds": graph_seconds}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""python3 test/device/classifier_cuda_check.py <detector package folder> <images folder> [--dry-run]

The GPU check of the species classifier in the worker, for a machine with an NVIDIA GPU and
PyTorch (run by hand; CI has none). It makes the test classifier package (torchvision's
EfficientNetV2-M with random weights, build/worker/test-image/export_efficientnet_v2_m.py: the
architecture SpeciesNet's classifier is built on, 480x480) where it runs, since it is too big to
send, then has the CPU detect the animals, and classifies those same boxes on the CPU and on the GPU
(in half precision, as the worker does, and in full precision), and compares each animal box's classification: the same best class where the CPU is at least 0.3
sure of it (this network's weights are random: many of its answers are near ties), and the CPU's
best score within 0.05 on the GPU. --dry-run compares the CPU with itself (a check of this script).
"""
import inspect
import json
import os
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from worker_cuda_check import job, run_worker  # noqa: E402

EXPORT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "worker", "test-image")


def make_classifier(out):
    sys.path.insert(0, EXPORT)
    import export_efficientnet_v2_m as export
    # Newer PyTorch exports through dynamo by default; the test image's 1.13 has only the exporter
    # the script was written for, which newer ones keep behind dynamo=False.
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        plain = torch.onnx.export
        export.torch.onnx.export = lambda *a, **k: plain(*a, dynamo=False, **k)
    export.export(out)
    with open(os.path.join(out, "manifest.json"), encoding="utf-8") as f:
        return {"modelFile": os.path.join(out, "model.onnx"), "manifest": json.load(f), "boxThreshold": 0.2}


def main():
    dry = "--dry-run" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--dry-run"]
    model_dir, images_dir = args[0], args[1]
    pictures = sorted(os.path.join(images_dir, n) for n in os.listdir(images_dir) if n.lower().endswith((".jpg", ".jpeg")))
    classifier = make_classifier(tempfile.mkdtemp())
    # First the CPU's own detections, then every leg classifies those same boxes (items that come
    # with their boxes are not detected again): the legs differ only in how the classifier runs.
    spec = job(model_dir, pictures, "cpu", 8)
    detected = {line["mediaPk"]: line for line in run_worker(spec) if line["type"] == "result"}
    items = [{"mediaPk": pk, "path": path, "boxes": [{"bbox": d["bbox"]} for d in detected[pk]["detections"] if d["category"] == "animal" and d["conf"] >= classifier["boxThreshold"]]} for pk, path in enumerate(pictures) if pk in detected]
    sides = {}
    # The GPU in half precision (what the worker uses) and in full precision: what differs in
    # both comes from decoding and cropping on the GPU; what differs in half only, from half precision.
    for side, device, half in (("cpu", "cpu", False), ("gpu", "cpu" if dry else "auto", True), ("gpu-full", "cpu" if dry else "auto", False)):
        spec = job(model_dir, pictures, device, 8)
        spec["items"] = items
        spec["classifier"] = classifier
        spec["half"] = half
        lines = run_worker(spec)
        ready = next(line for line in lines if line["type"] == "ready")
        print(f"{side} leg ran on {ready['device']} {ready.get('gpuName')}")
        sides[side] = {line["mediaPk"]: line for line in lines if line["type"] in ("classified", "failure")}
    if not dry and ready["device"] != "cuda":
        print("no GPU: nothing to compare")
        return 1
    failed = False
    for leg in ("gpu-full", "gpu"):
        print(f"--- the CPU against {leg}")
        failed |= compare(pictures, sides["cpu"], sides[leg])
    return 1 if failed else 0


def compare(pictures, cpu, gpu):
    problems, compared, same_top, worst = [], 0, 0, 0.0
    for pk, path in enumerate(pictures):
        a, b = cpu.get(pk), gpu.get(pk)
        if a is None or b is None or a["type"] != b["type"]:
            problems.append(f"{os.path.basename(path)}: cpu {a and a['type']} / gpu {b and b['type']}")
            continue
        if a["type"] == "failure":
            continue
        theirs = {c["box"]: c["top"] for c in b.get("classifications", [])}
        for c in a.get("classifications", []):
            if c["box"] not in theirs:
                continue
            other = theirs[c["box"]]
            compared += 1
            best, score = c["top"][0]
            same_top += best == other[0][0]
            if score >= 0.3 and best != other[0][0]:
                problems.append(f"{os.path.basename(path)}: box {c['box']} is class {best} ({score}) on the CPU, {other[0]} on the GPU")
            worst = max(worst, abs(score - dict((i, v) for i, v in other).get(best, 0.0)))
    print(f"{compared} boxes classified on both; the same best class on {same_top}; worst score difference of the CPU's best class {worst:.4f}")
    if compared == 0:
        problems.append("no box was classified on both")
    if worst > 0.05:
        problems.append(f"worst score difference {worst:.4f} > 0.05")
    for p in problems:
        print("PROBLEM", p)
    return bool(problems)


if __name__ == "__main__":
    sys.exit(main())

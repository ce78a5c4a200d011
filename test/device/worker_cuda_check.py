"""python3 test/device/worker_cuda_check.py <model package folder> <images folder> [repeat] [--dry-run]

The GPU check of the detection worker, for a machine with an NVIDIA GPU and PyTorch (CI has
none: it is run by hand, and its figures go into the issue's note). The worker runs as the
container runs it (python3 -m camtrap_worker <job.json>), once on the CPU and once with
device 'auto', which takes the GPU: nvjpeg decoding, letterboxing on the GPU, the model in half
precision. Each picture's boxes at the model's threshold must be the same on both (same
category, IoU >= 0.8 for a box clearly above the threshold, confidence within 0.05); it prints the worst differences, the worker's
images per second on each, and bare forward passes at batch 16 and 64 on the GPU.
Exits 1 if the GPU is missing or the two disagree. --dry-run, on a machine without a GPU,
compares the CPU with itself: a check of this script, not of the GPU.
"""
import json
import os
import subprocess
import sys
import tempfile

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "build", "worker")


def job(model_dir, paths, device, batch_size):
    with open(os.path.join(model_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return {
        "runId": 1,
        "modelFile": os.path.join(model_dir, manifest["file"]),
        "manifest": manifest,
        "device": device,
        "batchSize": batch_size,
        "items": [{"mediaPk": n, "path": p} for n, p in enumerate(paths)],
    }


def run_worker(spec, bare=None):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(spec, f)
    args = [sys.executable, "-m", "camtrap_worker", f.name] + (["--bare", str(bare)] if bare else [])
    done = subprocess.run(args, env={**os.environ, "PYTHONPATH": WORKER}, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the worker failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def iou(a, b):
    ax2, ay2, bx2, by2 = a[0] + a[2], a[1] + a[3], b[0] + b[2], b[1] + b[3]
    w = max(0.0, min(ax2, bx2) - max(a[0], b[0]))
    h = max(0.0, min(ay2, by2) - max(a[1], b[1]))
    inter = w * h
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def main():
    dry = "--dry-run" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--dry-run"]
    model_dir, images_dir = args[0], args[1]
    repeat = int(args[2]) if len(args) > 2 else 8
    pictures = sorted(os.path.join(images_dir, n) for n in os.listdir(images_dir) if n.lower().endswith((".jpg", ".jpeg")))
    paths = pictures * repeat
    threshold = json.load(open(os.path.join(model_dir, "manifest.json"), encoding="utf-8"))["defaultThreshold"]

    cpu = run_worker(job(model_dir, paths, "cpu", 4))
    gpu = run_worker(job(model_dir, paths, "auto", 16))
    ready = next(line for line in gpu if line["type"] == "ready")
    print(f"GPU leg ran on: {ready['device']} {ready.get('gpuName')}")
    if ready["device"] != "cuda" and not dry:
        print("no GPU: nothing to compare")
        return 1

    results = {side: {line["mediaPk"]: line for line in lines if line["type"] in ("result", "failure")} for side, lines in (("cpu", cpu), ("gpu", gpu))}
    problems, worst_iou, worst_conf, boxes = [], 1.0, 0.0, 0
    for pk, path in enumerate(paths[: len(pictures)]):
        a, b = results["cpu"].get(pk), results["gpu"].get(pk)
        if a is None or b is None or a["type"] != b["type"]:
            problems.append(f"{os.path.basename(path)}: cpu {a and a['type']} / gpu {b and b['type']}")
            continue
        if a["type"] == "failure":
            continue
        if a.get("truncated") != b.get("truncated"):
            problems.append(f"{os.path.basename(path)}: truncated cpu {a.get('truncated')} / gpu {b.get('truncated')}")
        sure_a = [d for d in a["detections"] if d["conf"] >= threshold]
        sure_b = [d for d in b["detections"] if d["conf"] >= threshold]
        # Each side's boxes clearly above the threshold must be found on the other side (a box
        # just at the threshold may fall either way in half precision).
        for mine, theirs in ((sure_a, b["detections"]), (sure_b, a["detections"])):
            for d in mine:
                boxes += 1
                match = max((x for x in theirs if x["category"] == d["category"]), key=lambda x: iou(x["bbox"], d["bbox"]), default=None)
                if match is None or (d["conf"] >= threshold + 0.05 and iou(match["bbox"], d["bbox"]) < 0.8):
                    problems.append(f"{os.path.basename(path)}: no {d['category']} box like {d['bbox']} ({d['conf']}) on the other side")
                    continue
                overlap = iou(match["bbox"], d["bbox"])
                if d["conf"] >= threshold + 0.05:
                    worst_iou = min(worst_iou, overlap)
                # Confidences are compared for the same box only (elephants overlap: a near box is another elephant).
                if overlap >= 0.8:
                    worst_conf = max(worst_conf, abs(match["conf"] - d["conf"]))
        print(f"{os.path.basename(path)}: cpu {[(d['category'], d['conf']) for d in sure_a]} gpu {[(d['category'], d['conf']) for d in sure_b]}")
    if worst_conf > 0.05:
        problems.append(f"worst confidence difference {worst_conf:.4f} > 0.05")

    def speed(lines):
        return [line for line in lines if line["type"] == "progress"][-1]["imagesPerSecond"]

    print(f"{boxes} boxes at {threshold} compared, both ways; worst IoU of a box clearly above it {worst_iou:.4f}; worst confidence difference of the same box {worst_conf:.4f}")
    print(f"worker over {len(paths)} pictures: cpu {speed(cpu):.1f} images/s (batch 4), gpu {speed(gpu):.1f} images/s (batch 16); ratio {speed(gpu) / speed(cpu):.1f}")
    last = [line for line in gpu if line["type"] == "progress"][-1]
    if dry:
        return 1 if problems else 0
    batches = [line["msBatch"] for line in gpu if line["type"] == "progress"]
    steady = sum(batches[1:])
    print(f"gpu ms per batch of 16: {batches}; after the first (cuDNN picks its algorithms then): {16 * len(batches[1:]) / steady * 1000:.0f} images/s")
    print(f"gpu memory used {last['memoryUsedMB']} MB of {last['memoryTotalMB']} MB; msPrepare {last['msPrepare']:.1f}, msInfer {last['msInfer']:.2f} per image")
    for batch in (16, 64):
        bare = run_worker(job(model_dir, pictures * (batch // len(pictures) + 1), "auto", batch), bare=batch * 20)[-1]
        print(f"bare forward passes on the GPU, batch {batch}: {bare['imagesPerSecond']:.0f} images/s")
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

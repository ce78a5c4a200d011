"""python3 -m camtrap_worker <manifest.json> [--bare N]

Reads a job manifest, writes JSON lines to stdout and appends the same lines to the job's
results file (flushed and synced each batch), so that nothing is lost if the app goes away.
With a classifier in the job, each image's animal boxes (or, for a `full` classifier, the whole
picture) are classified after detection, in the same batch; an item that comes with its boxes is
not detected again, only those boxes are classified (a `classified` line).
A video's sampled frames go through the detector in batches as stills do, all their boxes in one
line with each box's frame; videos are not classified.
--bare N times N forward passes on already-made tensors instead (for the benchmark)."""
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import torch

from . import images, postprocess, video
from .classify import Classifier
from .onnx_torch import OnnxTorch


class Out:
    # Each batch is flushed to the file at once (the app reads it, and it survives the app);
    # flushing it to the disk as well every batch would cost more than the batch on small models.
    SYNC_SECONDS = 1.0

    def __init__(self, results_file):
        self.file = open(results_file, "a", encoding="utf-8") if results_file else None
        self.synced = time.monotonic()

    def send(self, line):
        text = json.dumps(line, separators=(",", ":"))
        sys.stdout.write(text + "\n")
        if self.file:
            self.file.write(text + "\n")

    def sync(self, force=False):
        sys.stdout.flush()
        if self.file:
            self.file.flush()
            if force or time.monotonic() - self.synced >= self.SYNC_SECONDS:
                os.fsync(self.file.fileno())
                self.synced = time.monotonic()


def device_info(device):
    if device != "cuda":
        return {"device": "cpu", "gpuName": None, "memoryUsedMB": None, "memoryTotalMB": None}
    props = torch.cuda.get_device_properties(0)
    return {
        "device": "cuda",
        "gpuName": props.name,
        "memoryUsedMB": round(torch.cuda.memory_allocated(0) / 2**20),
        "memoryTotalMB": round(props.total_memory / 2**20),
    }


def prepare(item, spec, device, classifier=None):
    """The detector's input and where the picture sits in it; with a classifier, the full picture
    too where it comes free (nvjpeg decodes it whole on the GPU) or will surely be needed (`full`)."""
    path = item["path"]
    size = spec["inputSize"]
    pre = spec["preprocess"]
    truncated = images.is_truncated(path) if path.lower().endswith((".jpg", ".jpeg")) else False
    picture = None
    if device == "cuda":
        picture = images.nvjpeg(path, device)
        chw = picture if picture is not None else images.decode_cpu(path, size).to(device)
    else:
        chw = images.decode_cpu(path, size)
    if classifier is None:
        picture = None
    elif picture is None and classifier.full:
        picture = classifier.picture(path)
    tensor, place = images.letterbox(chw, size, pre["mean"], pre["std"], pre["channelOrder"], pre["padValue"], device)
    return {"tensor": tensor, "place": place, "truncated": truncated, "picture": picture}


def prepare_video(item, job, classifier):
    """A video's size and frame rate (its frames are read as the detector takes them); nothing
    for one that came with its boxes, since videos are not classified."""
    if classifier is not None and item.get("boxes") is not None:
        return {"video": None, "picture": None}
    return {"video": video.probe(item["path"], float(job.get("videoFramesPerSecond") or 1))}


def prepare_given(item, classifier):
    """An item that came with its boxes: only the picture, and only if something is to be cut from it."""
    return {"picture": classifier.picture(item["path"]) if classifier.boxes_given(item["boxes"]) else None}


def infer(model, decode, spec, device, tensors, places):
    """The detector on letterboxed pictures, stills and video frames alike: the boxes of each."""
    outputs = model(torch.stack(tensors))
    return [postprocess.to_detections(c, place, spec["nmsIou"]) for c, place in zip(decode(outputs, spec, device), places)]


def detect_video(model, decode, spec, device, item, info, batch_size):
    """A video's sampled frames, letterboxed as stills are, through the detector batch_size at a
    time: one result line holding every box with its frame. Frames read before ffmpeg met an
    error are kept (the video is truncated); a video that gives no frame at all is a failure."""
    pre = spec["preprocess"]
    detections, processed = [], []
    with video.Frames(info) as frames:
        for batch in frames.batches(batch_size):
            prepared = [images.letterbox(chw, spec["inputSize"], pre["mean"], pre["std"], pre["channelOrder"], pre["padValue"], device) for _, chw in batch]
            found = infer(model, decode, spec, device, [tensor for tensor, _ in prepared], [place for _, place in prepared])
            for (number, _), boxes in zip(batch, found):
                processed.append(number)
                detections.extend({**box, "frame": number} for box in boxes)
    if not processed:
        return {"type": "failure", "mediaPk": item["mediaPk"], "reason": "Could not read this video: " + (frames.errors or "no frame could be decoded")}
    line = {"type": "result", "mediaPk": item["mediaPk"], "truncated": bool(frames.errors), "detections": detections, "framesProcessed": processed}
    if info.rate is not None:
        line["frameRate"] = info.rate
    return line


def detect_batch(model, decode, spec, device, good, batch_size):
    """One line per prepared item: its detections, or (came with boxes) an empty `classified` line."""
    lines = [{"type": "classified", "mediaPk": item["mediaPk"], "classifications": []} for item, _ in good]
    for n, (item, prep) in enumerate(good):
        if prep.get("video") is None:
            continue
        try:
            lines[n] = detect_video(model, decode, spec, device, item, prep["video"], batch_size)
        except video.VideoError as err:
            lines[n] = {"type": "failure", "mediaPk": item["mediaPk"], "reason": "Could not read this video: " + str(err)}
    todo = [n for n, (_, prep) in enumerate(good) if "tensor" in prep]
    if not todo:
        return lines
    found = infer(model, decode, spec, device, [good[n][1]["tensor"] for n in todo], [good[n][1]["place"] for n in todo])
    for n, detections in zip(todo, found):
        item, prep = good[n]
        lines[n] = {"type": "result", "mediaPk": item["mediaPk"], "truncated": prep["truncated"], "detections": detections}
    return lines


def classify_batch(classifier, good, lines):
    """Adds the classifications to each line, all crops of the batch through the classifier in its
    own batches; an image whose full picture cannot be read, or whose scores are not numbers,
    becomes a failure line instead."""
    crops, owners = [], []
    for n, (item, prep) in enumerate(good):
        line = lines[n]
        if "video" in prep:
            continue
        line["classifications"] = []
        boxes = classifier.boxes_given(item["boxes"]) if line["type"] == "classified" else classifier.boxes_of_detections(line["detections"])
        if not boxes:
            continue
        try:
            picture = prep["picture"] if prep["picture"] is not None else classifier.picture(item["path"])
        except Exception as err:  # a bad file fails alone, never the job
            lines[n] = {"type": "failure", "mediaPk": item["mediaPk"], "reason": "Could not read this image: " + str(err)}
            continue
        for box, bbox in boxes:
            crops.append((picture, classifier.region(picture, bbox)))
            owners.append((n, box))
    for (n, box), top in zip(owners, classifier.classify(crops)):
        if lines[n]["type"] == "failure":
            continue
        if top is None:
            lines[n] = {"type": "failure", "mediaPk": good[n][0]["mediaPk"], "reason": "The species classifier gave scores that are not numbers for this image"}
            continue
        lines[n]["classifications"].append({"box": box, "top": top})


def load(job):
    wanted = job.get("device", "auto")
    device = "cuda" if wanted != "cpu" and torch.cuda.is_available() else "cpu"
    if device == "cpu":
        # Every core for the forward pass: Debian's torch 1.13 runs a convolution on one thread
        # nearly ten times slower than on two, far more than decoding alongside costs.
        torch.set_num_threads(max(1, int(job.get("threads") or os.cpu_count() or 1)))
    else:
        torch.backends.cudnn.benchmark = True
    # Half precision on the GPU, where the tensor cores are; the CPU keeps full precision.
    model = OnnxTorch(job["modelFile"], device, half=device == "cuda" and job.get("half", True))
    return device, model


def run(job):
    spec = job["manifest"]
    device, model = load(job)
    classifier = Classifier(job["classifier"], device, device == "cuda" and job.get("half", True)) if job.get("classifier") else None
    decode = postprocess.nanodet if spec["output"]["layout"] == "nanodet" else postprocess.yolov5
    out = Out(job.get("resultsFile"))
    out.send({"type": "ready", "runId": job["runId"], "threads": torch.get_num_threads(), **device_info(device)})
    out.sync(force=True)
    items = job["items"]
    batch_size = max(1, int(job.get("batchSize") or (16 if device == "cuda" else 4)))
    batches = [items[i:i + batch_size] for i in range(0, len(items), batch_size)]
    started = time.perf_counter()
    done = failed = 0
    ms_prepare = ms_infer = 0.0
    # Decoding the next batch overlaps inference of this one (PIL and torch release the GIL).
    pool = ThreadPoolExecutor(max_workers=1 if device == "cpu" else 4)

    def prepare_batch(batch):
        t = time.perf_counter()
        ready = []
        for item in batch:
            try:
                given = classifier is not None and item.get("boxes") is not None
                if item.get("video"):
                    ready.append((item, prepare_video(item, job, classifier), None))
                else:
                    ready.append((item, prepare_given(item, classifier) if given else prepare(item, spec, device, classifier), None))
            except Exception as err:  # a bad file fails alone, never the job
                kind = "video" if item.get("video") else "image"
                ready.append((item, None, f"Could not read this {kind}: " + str(err)))
        return ready, (time.perf_counter() - t) * 1000

    pending = pool.submit(prepare_batch, batches[0]) if batches else None
    for index in range(len(batches)):
        ready, ms = pending.result()
        ms_prepare += ms
        pending = pool.submit(prepare_batch, batches[index + 1]) if index + 1 < len(batches) else None
        good = [(item, prep) for item, prep, _ in ready if prep is not None]
        for item, _, reason in ready:
            if reason is not None:
                failed += 1
                out.send({"type": "failure", "mediaPk": item["mediaPk"], "reason": reason})
        t = time.perf_counter()
        if good:
            lines = detect_batch(model, decode, spec, device, good, batch_size)
            if classifier is not None:
                classify_batch(classifier, good, lines)
            for line in lines:
                if line["type"] == "failure":
                    failed += 1
                out.send(line)
            if device == "cuda":
                torch.cuda.synchronize()
        batch_ms = (time.perf_counter() - t) * 1000
        ms_infer += batch_ms
        done += len(ready)
        elapsed = time.perf_counter() - started
        out.send({
            "type": "progress", "runId": job["runId"], "done": done, "total": len(items),
            "imagesPerSecond": done / elapsed if elapsed > 0 else 0, "msPrepare": ms_prepare / max(1, done),
            "msInfer": ms_infer / max(1, done - failed), "batchSize": batch_size, "msBatch": round(batch_ms, 1),
            **device_info(device),
        })
        out.sync()
    out.send({"type": "done", "runId": job["runId"], "processed": done, "failed": failed})
    out.sync(force=True)


def bare(job, count):
    """Forward passes alone, on tensors made beforehand from the job's images, in batches as run() uses."""
    spec = job["manifest"]
    device, model = load(job)
    batch_size = max(1, int(job.get("batchSize") or (16 if device == "cuda" else 4)))
    tensors = [prepare(item, spec, device)["tensor"] for item in job["items"][:batch_size]]
    x = torch.stack(tensors)
    for _ in range(2):
        model(x)
    if device == "cuda":
        torch.cuda.synchronize()
    t = time.perf_counter()
    passes = max(1, count // batch_size)
    for _ in range(passes):
        model(x)
    if device == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - t
    print(json.dumps({"type": "bare", "imagesPerSecond": passes * batch_size / seconds, "batchSize": batch_size, "threads": torch.get_num_threads(), **device_info(device)}))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    if len(sys.argv) > 3 and sys.argv[2] == "--bare":
        bare(manifest, int(sys.argv[3]))
    else:
        run(manifest)

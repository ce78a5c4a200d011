# A stand-in for the container's worker in fuzz tests: it writes the results file badly on
# purpose (random bytes, cut and malformed lines, lines about pictures outside the job, a huge
# line), then a good or a broken result for each image. It never runs a model.
import json
import random
import sys

manifest = json.load(open(sys.argv[1]))
rng = random.Random(11)
run_id = manifest["runId"]


def garbage():
    return rng.choice([
        bytes(rng.randrange(256) for _ in range(1 + rng.randrange(80))).replace(b"\n", b" "),
        b'{"type":"result","mediaPk":',
        b"null",
        json.dumps({"type": "result", "mediaPk": 999999, "truncated": False, "detections": []}).encode(),
        json.dumps({"type": "done", "runId": run_id, "processed": "all", "failed": 0}).encode(),
        b"x" * (5 * 1024 * 1024) if rng.random() < 0.02 else b"[]",
    ])


def broken(pk):
    return json.dumps(rng.choice([
        {"type": "result", "mediaPk": pk, "truncated": False, "detections": None},
        {"type": "result", "mediaPk": pk, "truncated": False, "detections": [{"category": "animal", "conf": 0.9, "bbox": [0.1, 0.1, 0.2, 0.2, 0.3]}]},
    ])).encode()


with open(manifest["resultsFile"], "ab") as out:
    for item in manifest["items"]:
        for _ in range(rng.randrange(4)):
            out.write(garbage() + b"\n")
        pk = item["mediaPk"]
        good = {"type": "result", "mediaPk": pk, "truncated": False, "detections": [{"category": "animal", "conf": 0.8, "bbox": [0.1, 0.1, 0.2, 0.2]}]}
        out.write((broken(pk) if pk % 3 == 0 else json.dumps(good).encode()) + b"\n")
        out.flush()

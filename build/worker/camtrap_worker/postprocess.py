"""From model outputs to boxes, as the CPU worker does it: best mapped category per anchor,
every box at or above 0.005 kept, the best 300 considered, suppression within a category,
at most 100 boxes, normalized [x, y, width, height] in the upright picture."""
import torch
import torchvision

CATEGORIES = ["animal", "person", "vehicle"]
KEEP = 0.005
MAX_CANDIDATES = 300
MAX_BOXES = 100


def _class_map(manifest):
    ids, cats = [], []
    for c, name in enumerate(CATEGORIES):
        for i in manifest["classes"][name]:
            ids.append(i)
            cats.append(c)
    return ids, cats


def _best(scores, ids, cats, device):
    """scores [A, classes] -> conf [A], category index [A] over the mapped classes."""
    mapped = scores[:, ids]
    conf, which = mapped.max(dim=1)
    return conf, torch.tensor(cats, device=device)[which]


def nanodet(outputs, manifest, device):
    """Per image: candidates (x1, y1, x2, y2, conf, category) in input pixels."""
    size, strides, bins = manifest["inputSize"], manifest["output"]["strides"], manifest["output"]["bins"]
    ids, cats = _class_map(manifest)
    per_level = []
    for stride in strides:
        grid = -(-size // stride)
        n = grid * grid
        cls = next(t for t in outputs if t.shape[1] == n and t.shape[2] != 4 * bins)
        reg = next(t for t in outputs if t.shape[1] == n and t.shape[2] == 4 * bins)
        gy, gx = torch.meshgrid(torch.arange(grid, device=device), torch.arange(grid, device=device), indexing="ij")
        cx = (gx.reshape(-1) * stride + (stride - 1) / 2).float()
        cy = (gy.reshape(-1) * stride + (stride - 1) / 2).float()
        per_level.append((cls, reg, cx, cy, stride))
    results = []
    for b in range(outputs[0].shape[0]):
        boxes, confs, kinds = [], [], []
        for cls, reg, cx, cy, stride in per_level:
            conf, kind = _best(cls[b], ids, cats, device)
            dist = torch.softmax(reg[b].reshape(-1, 4, bins), dim=2)
            d = (dist * torch.arange(bins, device=device, dtype=dist.dtype)).sum(dim=2) * stride
            boxes.append(torch.stack([cx - d[:, 0], cy - d[:, 1], cx + d[:, 2], cy + d[:, 3]], dim=1))
            confs.append(conf)
            kinds.append(kind)
        results.append((torch.cat(boxes), torch.cat(confs), torch.cat(kinds)))
    return results


def yolov5(outputs, manifest, device):
    ids, cats = _class_map(manifest)
    out = next(t for t in outputs if t.dim() == 3 and t.shape[2] > 5)
    results = []
    for b in range(out.shape[0]):
        rows = out[b]
        conf, kind = _best(rows[:, 5:] * rows[:, 4:5], ids, cats, device)
        xy, wh = rows[:, 0:2], rows[:, 2:4]
        results.append((torch.cat([xy - wh / 2, xy + wh / 2], dim=1), conf, kind))
    return results


def to_detections(candidates, place, nms_iou):
    boxes, conf, kind = candidates
    keep = conf >= KEEP
    boxes, conf, kind = boxes[keep], conf[keep], kind[keep]
    if conf.numel() > MAX_CANDIDATES:
        top = conf.topk(MAX_CANDIDATES).indices
        boxes, conf, kind = boxes[top], conf[top], kind[top]
    kept = torchvision.ops.batched_nms(boxes.float(), conf.float(), kind, nms_iou)[:MAX_BOXES]
    px, py, nw, nh = place
    # One transfer of the kept boxes, then plain Python: a tensor call per box costs more than the box.
    scale = torch.tensor([nw, nh, nw, nh], dtype=torch.float32, device=boxes.device)
    shift = torch.tensor([px, py, px, py], dtype=torch.float32, device=boxes.device)
    corners = ((boxes[kept].float() - shift) / scale).clamp(0, 1).tolist()
    out = []
    for (x1, y1, x2, y2), c, k in zip(corners, conf[kept].tolist(), kind[kept].tolist()):
        out.append({
            "category": CATEGORIES[int(k)],
            "conf": round(float(c), 5),
            "bbox": [round(x1, 5), round(y1, 5), round(x2 - x1, 5), round(y2 - y1, 5)],
        })
    return out

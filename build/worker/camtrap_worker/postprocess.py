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


def _best(scores, ids, kinds_of):
    """scores [B, A, classes] -> conf [B, A], category index [B, A] over the mapped classes."""
    conf, which = scores[:, :, ids].max(dim=2)
    return conf, kinds_of[which]


def _per_image(boxes, conf, kind):
    return [(boxes[b], conf[b], kind[b]) for b in range(boxes.shape[0])]


# The whole batch is decoded at once: on the GPU a loop over its pictures launched a few dozen
# small kernels per picture, and cost more than the network's forward pass.


def nanodet(outputs, manifest, device):
    """Per image: candidates (x1, y1, x2, y2, conf, category) in input pixels."""
    size, strides, bins = manifest["inputSize"], manifest["output"]["strides"], manifest["output"]["bins"]
    ids, cats = _class_map(manifest)
    kinds_of = torch.tensor(cats, device=device)
    boxes, confs, kinds = [], [], []
    for stride in strides:
        grid = -(-size // stride)
        n = grid * grid
        cls = next(t for t in outputs if t.shape[1] == n and t.shape[2] != 4 * bins)
        reg = next(t for t in outputs if t.shape[1] == n and t.shape[2] == 4 * bins)
        gy, gx = torch.meshgrid(torch.arange(grid, device=device), torch.arange(grid, device=device), indexing="ij")
        cx = (gx.reshape(-1) * stride + (stride - 1) / 2).float()
        cy = (gy.reshape(-1) * stride + (stride - 1) / 2).float()
        conf, kind = _best(cls, ids, kinds_of)
        dist = torch.softmax(reg.reshape(reg.shape[0], n, 4, bins), dim=3)
        d = (dist * torch.arange(bins, device=device, dtype=dist.dtype)).sum(dim=3) * stride
        boxes.append(torch.stack([cx - d[:, :, 0], cy - d[:, :, 1], cx + d[:, :, 2], cy + d[:, :, 3]], dim=2))
        confs.append(conf)
        kinds.append(kind)
    return _per_image(torch.cat(boxes, dim=1), torch.cat(confs, dim=1), torch.cat(kinds, dim=1))


def yolov5(outputs, manifest, device):
    ids, cats = _class_map(manifest)
    out = next(t for t in outputs if t.dim() == 3 and t.shape[2] > 5)
    conf, kind = _best(out[:, :, 5:] * out[:, :, 4:5], ids, torch.tensor(cats, device=device))
    xy, wh = out[:, :, 0:2], out[:, :, 2:4]
    return _per_image(torch.cat([xy - wh / 2, xy + wh / 2], dim=2), conf, kind)


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

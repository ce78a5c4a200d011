"""Runs an ONNX graph with torch operations, node by node.

Only the operators that detection exports use are implemented (NanoDet: Conv, LeakyRelu,
MaxPool, Concat, Reshape, Transpose, Split, Resize, Add, Sigmoid; YOLOv5 adds Mul, Slice, Pow
and a few more). An unknown operator is refused when the model loads, not halfway through a job.
The graph is written for batch 1; shapes that carry the batch (Reshape targets) are rescaled to
the batch actually run.
"""
import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _ints(t):
    return [int(v) for v in t.reshape(-1).tolist()]


def _pads(pads, dims):
    # ONNX: [x1_begin, x2_begin, ..., x1_end, x2_end]; torch F.pad: last dim first, (begin, end).
    begin, end = pads[:dims], pads[dims:]
    out = []
    for b, e in zip(reversed(begin), reversed(end)):
        out += [b, e]
    return out


def op_conv(x, w, b=None, **a):
    group = a.get("group", 1)
    strides = a.get("strides", [1, 1])
    dil = a.get("dilations", [1, 1])
    pads = a.get("pads", [0, 0, 0, 0])
    if pads[0] == pads[2] and pads[1] == pads[3]:
        return F.conv2d(x, w, b, stride=strides, padding=(pads[0], pads[1]), dilation=dil, groups=group)
    return F.conv2d(F.pad(x, _pads(pads, 2)), w, b, stride=strides, dilation=dil, groups=group)


def op_maxpool(x, **a):
    k = a["kernel_shape"]
    pads = a.get("pads", [0] * (2 * len(k)))
    strides = a.get("strides", [1] * len(k))
    ceil = bool(a.get("ceil_mode", 0))
    if pads[: len(k)] == pads[len(k):]:
        return F.max_pool2d(x, k, strides, padding=pads[: len(k)], ceil_mode=ceil)
    return F.max_pool2d(F.pad(x, _pads(pads, len(k)), value=float("-inf")), k, strides, ceil_mode=ceil)


def op_resize(x, roi=None, scales=None, sizes=None, **a):
    mode = a.get("mode", b"nearest")
    mode = mode.decode() if isinstance(mode, bytes) else mode
    if sizes is not None and sizes.numel() > 0:
        size = _ints(sizes)[2:]
        kwargs = {"size": size}
    else:
        kwargs = {"scale_factor": [float(s) for s in scales.reshape(-1).tolist()[2:]]}
    if mode == "nearest":
        return F.interpolate(x, mode="nearest", **kwargs)
    align = a.get("coordinate_transformation_mode", b"half_pixel")
    align = align.decode() if isinstance(align, bytes) else align
    return F.interpolate(x, mode="bilinear", align_corners=align == "align_corners", **kwargs)


def op_reshape(x, shape, batch):
    target = _ints(shape)
    if target and target[0] == 1 and batch > 1:
        target[0] = batch
    target = [x.shape[i] if v == 0 else v for i, v in enumerate(target)]
    return x.reshape(target)


def op_split(x, split_input=None, **a):
    axis = a.get("axis", 0)
    sizes = _ints(split_input) if split_input is not None else a.get("split")
    if sizes is None:
        outputs = a["_outputs"]
        return torch.chunk(x, outputs, dim=axis)
    return torch.split(x, sizes, dim=axis)


def op_slice(x, starts, ends, axes=None, steps=None):
    starts, ends = _ints(starts), _ints(ends)
    axes = _ints(axes) if axes is not None else list(range(len(starts)))
    steps = _ints(steps) if steps is not None else [1] * len(starts)
    index = [slice(None)] * x.dim()
    for s, e, ax, st in zip(starts, ends, axes, steps):
        size = x.shape[ax]
        e = min(e, size) if e >= 0 else e
        index[ax] = slice(s, e, st)
    return x[tuple(index)]


class OnnxTorch:
    """An ONNX model as a torch callable. Initializers become tensors on the device, once."""

    SUPPORTED = {
        "Conv", "Relu", "LeakyRelu", "Sigmoid", "MaxPool", "Concat", "Reshape", "Transpose", "Split",
        "Resize", "Upsample", "Add", "Sub", "Mul", "Div", "Pow", "Slice", "Shape", "Gather", "Unsqueeze",
        "Squeeze", "Constant", "Flatten", "Softmax", "Identity", "Cast", "Exp", "BatchNormalization",
        "GlobalAveragePool", "HardSigmoid", "HardSwish", "Clip",
    }

    def __init__(self, path, device, half):
        model = onnx.load(path)
        graph = model.graph
        unknown = sorted({n.op_type for n in graph.node} - self.SUPPORTED)
        if unknown:
            raise ValueError("the model uses operators this worker does not run: " + ", ".join(unknown))
        self.device = device
        self.dtype = torch.float16 if half else torch.float32
        self.consts = {}
        for init in graph.initializer:
            array = numpy_helper.to_array(init).copy()
            tensor = torch.from_numpy(array).to(device)
            self.consts[init.name] = tensor.to(self.dtype) if tensor.is_floating_point() else tensor
        self.input = [i.name for i in graph.input if i.name not in self.consts][0]
        self.outputs = [o.name for o in graph.output]
        self.nodes = [(n.op_type, list(n.input), list(n.output), _attrs(n)) for n in graph.node]

    @torch.no_grad()
    def __call__(self, x):
        env = dict(self.consts)
        env[self.input] = x.to(self.dtype)
        batch = x.shape[0]
        for op, inputs, outputs, a in self.nodes:
            args = [env[n] if n else None for n in inputs]
            result = self._run(op, args, a, batch, len(outputs))
            if not isinstance(result, (list, tuple)):
                result = [result]
            for name, value in zip(outputs, result):
                env[name] = value
        return [env[o].float() for o in self.outputs]

    def _run(self, op, args, a, batch, n_outputs):
        if op == "Conv":
            return op_conv(*args, **a)
        if op == "Relu":
            return F.relu(args[0])
        if op == "LeakyRelu":
            return F.leaky_relu(args[0], a.get("alpha", 0.01))
        if op == "Sigmoid":
            return torch.sigmoid(args[0])
        if op == "HardSigmoid":
            return torch.clamp(args[0] * a.get("alpha", 0.2) + a.get("beta", 0.5), 0, 1)
        if op == "HardSwish":
            return F.hardswish(args[0])
        if op == "Clip":
            low = args[1] if len(args) > 1 and args[1] is not None else a.get("min")
            high = args[2] if len(args) > 2 and args[2] is not None else a.get("max")
            return torch.clamp(args[0], None if low is None else float(low), None if high is None else float(high))
        if op == "MaxPool":
            return op_maxpool(args[0], **a)
        if op == "GlobalAveragePool":
            return F.adaptive_avg_pool2d(args[0], 1)
        if op == "BatchNormalization":
            x, scale, bias, mean, var = args[:5]
            return F.batch_norm(x, mean, var, scale, bias, False, 0.0, a.get("epsilon", 1e-5))
        if op == "Concat":
            return torch.cat([t for t in args if t is not None], dim=a["axis"])
        if op == "Reshape":
            return op_reshape(args[0], args[1], batch)
        if op == "Flatten":
            return torch.flatten(args[0], a.get("axis", 1))
        if op == "Transpose":
            return args[0].permute(*a["perm"])
        if op == "Split":
            return op_split(args[0], args[1] if len(args) > 1 else None, _outputs=n_outputs, **a)
        if op in ("Resize", "Upsample"):
            if op == "Upsample":
                return op_resize(args[0], None, args[1], None, **a)
            return op_resize(args[0], *(args[1:] + [None] * (3 - len(args[1:]))), **a)
        if op == "Add":
            return args[0] + args[1]
        if op == "Sub":
            return args[0] - args[1]
        if op == "Mul":
            return args[0] * args[1]
        if op == "Div":
            return args[0] / args[1]
        if op == "Pow":
            return torch.pow(args[0], args[1])
        if op == "Exp":
            return torch.exp(args[0])
        if op == "Softmax":
            return torch.softmax(args[0], dim=a.get("axis", -1))
        if op == "Slice":
            return op_slice(*args)
        if op == "Shape":
            return torch.tensor(list(args[0].shape), dtype=torch.int64, device=self.device)
        if op == "Gather":
            index = args[1]
            return torch.index_select(args[0], a.get("axis", 0), index.reshape(-1)).reshape(
                list(args[0].shape[: a.get("axis", 0)]) + list(index.shape) + list(args[0].shape[a.get("axis", 0) + 1:])
            )
        if op == "Unsqueeze":
            axes = a.get("axes") or _ints(args[1])
            out = args[0]
            for ax in sorted(axes):
                out = out.unsqueeze(ax)
            return out
        if op == "Squeeze":
            axes = a.get("axes") or (_ints(args[1]) if len(args) > 1 and args[1] is not None else None)
            if axes is None:
                return args[0].squeeze()
            out = args[0]
            for ax in sorted(axes, reverse=True):
                out = out.squeeze(ax)
            return out
        if op == "Constant":
            value = numpy_helper.to_array(a["value"]).copy()
            tensor = torch.from_numpy(np.asarray(value)).to(self.device)
            return tensor.to(self.dtype) if tensor.is_floating_point() else tensor
        if op == "Identity":
            return args[0]
        if op == "Cast":
            to = a["to"]
            return args[0].to(torch.int64 if to == onnx.TensorProto.INT64 else self.dtype if to == onnx.TensorProto.FLOAT else args[0].dtype)
        raise ValueError("operator " + op + " is not implemented")

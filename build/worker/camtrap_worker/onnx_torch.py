"""Runs an ONNX graph with torch operations, node by node.

Only the operators that the app's models use are implemented: detection exports (NanoDet: Conv,
LeakyRelu, MaxPool, Concat, Reshape, Transpose, Split, Resize, Add, Sigmoid; YOLOv5 adds Mul,
Slice, Pow and a few more) and classifiers (torchvision's EfficientNetV2 exported by
torch.onnx: Conv with groups, Sigmoid, Mul, GlobalAveragePool, Flatten, Gemm; a Keras
EfficientNetV2 converted by tf2onnx, NHWC in: Transpose, Pad, Conv, ReduceMean, Squeeze,
MatMul; small test graphs: AveragePool, Softmax). An unknown operator is refused when the model
loads, not halfway through a job.
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


def _text(value, default):
    value = default if value is None else value
    return value.decode() if isinstance(value, bytes) else value


def _window_pads(a, spatial, kernel, strides, dilations):
    """Explicit pads [begins..., ends...], from `pads` or from auto_pad SAME_UPPER / SAME_LOWER
    (tf2onnx writes those when it does not know the input size)."""
    auto = _text(a.get("auto_pad"), "NOTSET")
    if auto in ("NOTSET", "VALID"):
        return list(a.get("pads", [0] * (2 * len(kernel)))) if auto == "NOTSET" else [0] * (2 * len(kernel))
    begins, ends = [], []
    for size, k, s, d in zip(spatial, kernel, strides, dilations):
        total = max(0, (-(-size // s) - 1) * s + (k - 1) * d + 1 - size)
        small, large = total // 2, total - total // 2
        begins.append(small if auto == "SAME_UPPER" else large)
        ends.append(large if auto == "SAME_UPPER" else small)
    return begins + ends


def op_conv(x, w, b=None, **a):
    group = a.get("group", 1)
    strides = a.get("strides", [1, 1])
    dil = a.get("dilations", [1, 1])
    pads = _window_pads(a, x.shape[2:], w.shape[2:], strides, dil)
    if pads[0] == pads[2] and pads[1] == pads[3]:
        return F.conv2d(x, w, b, stride=strides, padding=(pads[0], pads[1]), dilation=dil, groups=group)
    return F.conv2d(F.pad(x, _pads(pads, 2)), w, b, stride=strides, dilation=dil, groups=group)


def op_gemm(a_in, b_in, c=None, **a):
    x = a_in.t() if a.get("transA", 0) else a_in
    w = b_in.t() if a.get("transB", 0) else b_in
    y = torch.matmul(x, w) * a.get("alpha", 1.0)
    return y if c is None else y + c * a.get("beta", 1.0)


def op_avgpool(x, **a):
    k = a["kernel_shape"]
    strides = a.get("strides", [1] * len(k))
    pads = _window_pads(a, x.shape[2:], k, strides, [1] * len(k))
    ceil = bool(a.get("ceil_mode", 0))
    include = bool(a.get("count_include_pad", 0))
    pool = {1: F.avg_pool1d, 2: F.avg_pool2d, 3: F.avg_pool3d}[len(k)]
    if not any(pads):
        return pool(x, k, strides, ceil_mode=ceil)
    padded = F.pad(x, _pads(pads, len(k)))
    total = pool(padded, k, strides, ceil_mode=ceil)
    if include:
        return total
    # Padding left out of the mean: divide by the share of each window that lies in the input.
    inside = F.pad(torch.ones((1, 1) + tuple(x.shape[2:]), dtype=x.dtype, device=x.device), _pads(pads, len(k)))
    return total / pool(inside, k, strides, ceil_mode=ceil)


def op_pad(x, pads=None, value=None, axes=None, **a):
    """Pad: pads as an input (opset 11+, optionally on some axes only) or an attribute (before)."""
    pads = _ints(pads) if pads is not None else list(a["pads"])
    fill = float(value.reshape(-1)[0]) if value is not None and value.numel() else float(a.get("value", 0.0))
    axes = [ax % x.dim() for ax in _ints(axes)] if axes is not None else list(range(x.dim()))
    begin, end = [0] * x.dim(), [0] * x.dim()
    for i, ax in enumerate(axes):
        begin[ax], end[ax] = pads[i], pads[i + len(axes)]
    mode = _text(a.get("mode"), "constant")
    if mode == "constant":
        return F.pad(x, _pads(begin + end, x.dim()), value=fill)
    # reflect / edge: torch pads only the trailing (spatial) axes of a batch.
    if any(begin[:2]) or any(end[:2]):
        raise ValueError("Pad " + mode + " on the batch or channel axis is not supported")
    return F.pad(x, _pads(begin[2:] + end[2:], x.dim() - 2), mode="reflect" if mode == "reflect" else "replicate")


def op_reduce(x, axes_input, a, reduce):
    """ReduceMean and friends: axes as an attribute (opset < 18) or an input (opset 18)."""
    axes = a.get("axes")
    if axes is None and axes_input is not None and axes_input.numel():
        axes = _ints(axes_input)
    if not axes:
        if a.get("noop_with_empty_axes", 0):
            return x
        axes = list(range(x.dim()))
    keep = bool(a.get("keepdims", 1))
    return reduce(x, [ax % x.dim() for ax in axes], keep)


def _amax(x, axes, keep):
    return torch.amax(x, dim=axes, keepdim=keep)


def _amin(x, axes, keep):
    return torch.amin(x, dim=axes, keepdim=keep)


def op_maxpool(x, **a):
    k = a["kernel_shape"]
    strides = a.get("strides", [1] * len(k))
    pads = _window_pads(a, x.shape[2:], k, strides, a.get("dilations", [1] * len(k)))
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
        "Gemm", "MatMul", "AveragePool", "GlobalMaxPool", "Pad", "ReduceMean", "ReduceSum", "ReduceMax",
        "ReduceMin", "Sqrt", "Reciprocal", "Neg", "Abs", "Max", "Min", "Tanh", "Erf", "Dropout", "LogSoftmax",
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
        # Each intermediate tensor is let go after the last node that reads it: a classifier at
        # 480 x 480 would otherwise hold every activation of the pass at once (gigabytes a batch).
        last = {}
        for index, (_, inputs, outputs, _) in enumerate(self.nodes):
            for name in inputs + outputs:
                last[name] = index
        self.drop = [[] for _ in self.nodes]
        for name, index in last.items():
            if name and name not in self.consts and name not in self.outputs:
                self.drop[index].append(name)

    @torch.no_grad()
    def __call__(self, x):
        env = dict(self.consts)
        env[self.input] = x.to(self.dtype)
        batch = x.shape[0]
        for (op, inputs, outputs, a), drop in zip(self.nodes, self.drop):
            args = [env[n] if n else None for n in inputs]
            result = self._run(op, args, a, batch, len(outputs))
            if not isinstance(result, (list, tuple)):
                result = [result]
            for name, value in zip(outputs, result):
                env[name] = value
            del args
            for name in drop:
                env.pop(name, None)
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
        if op == "GlobalMaxPool":
            return torch.amax(args[0], dim=tuple(range(2, args[0].dim())), keepdim=True)
        if op == "AveragePool":
            return op_avgpool(args[0], **a)
        if op == "Gemm":
            return op_gemm(*args, **a)
        if op == "MatMul":
            return torch.matmul(args[0], args[1])
        if op == "Pad":
            return op_pad(*args, **a)
        if op == "ReduceMean":
            return op_reduce(args[0], args[1] if len(args) > 1 else None, a, lambda x, ax, k: x.mean(dim=ax, keepdim=k))
        if op == "ReduceSum":
            return op_reduce(args[0], args[1] if len(args) > 1 else None, a, lambda x, ax, k: x.sum(dim=ax, keepdim=k))
        if op == "ReduceMax":
            return op_reduce(args[0], args[1] if len(args) > 1 else None, a, _amax)
        if op == "ReduceMin":
            return op_reduce(args[0], args[1] if len(args) > 1 else None, a, _amin)
        if op == "Sqrt":
            return torch.sqrt(args[0])
        if op == "Reciprocal":
            return torch.reciprocal(args[0])
        if op == "Neg":
            return torch.neg(args[0])
        if op == "Abs":
            return torch.abs(args[0])
        if op == "Tanh":
            return torch.tanh(args[0])
        if op == "Erf":
            return torch.erf(args[0])
        if op in ("Max", "Min"):
            pick = torch.maximum if op == "Max" else torch.minimum
            out = args[0]
            for other in args[1:]:
                out = pick(out, other)
            return out
        if op == "Dropout":
            # Inference: the input itself, and an all-true mask when the graph asks for one.
            return [args[0], torch.ones_like(args[0], dtype=torch.bool)][:n_outputs]
        if op == "LogSoftmax":
            return torch.log_softmax(args[0], dim=a.get("axis", -1))
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
            dims = list(args[0].shape)[a.get("start", 0):a.get("end", None)]
            return torch.tensor(dims, dtype=torch.int64, device=self.device)
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

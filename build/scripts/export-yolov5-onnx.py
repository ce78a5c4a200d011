"""Exports a MegaDetector (YOLOv5) checkpoint to ONNX for Camtrap Station's CPU worker.

Usage: python3 export-yolov5-onnx.py <checkpoint.pt> <input size>
Needs the internet-free packages torch and yolov5 (pip install yolov5). Writes <checkpoint>.onnx
beside the checkpoint with a fixed square input [1, 3, size, size] and the raw YOLOv5 head
[1, N, 8] (centre x, centre y, width, height in input pixels, objectness, 3 class scores).
"""
import sys

try:
    from yolov5 import export
except ImportError:
    sys.exit("The yolov5 package is missing: pip install yolov5 (and torch), then run npm run fetch:models again.")

checkpoint, size = sys.argv[1], int(sys.argv[2])
export.run(weights=checkpoint, imgsz=(size, size), include=("onnx",), opset=12, simplify=False, dynamic=False)

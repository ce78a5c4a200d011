"""Camtrap Station's detection worker for the PyTorch container: the same line protocol as the
CPU worker (a job manifest in, JSON lines out), running ONNX model packages with torch ops."""

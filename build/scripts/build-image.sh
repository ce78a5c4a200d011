#!/usr/bin/env bash
# npm run build:image — the production PyTorch-CUDA worker image, where there is internet
# (Docker Hub for pytorch/pytorch, PyPI for onnx and pillow), saved for the app to load offline.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=$(node -p "require('$ROOT/package.json').version")
(cd "$ROOT" && npm run fetch:models)
bash "$ROOT/build/worker/package-image.sh" "$ROOT/build/worker/Dockerfile" "camtrap-worker:$VERSION-cuda" "camtrap-worker-$VERSION-cuda.tar.gz"

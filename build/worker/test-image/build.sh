#!/usr/bin/env bash
# The CPU test image and its tarball, for CI and tests: Debian's PyTorch, the same worker.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
bash "$HERE/build-base.sh"
# The development model comes from ../shared (npm run fetch:models copies it, checked).
(cd "$ROOT" && npx tsx build/scripts/fetch-models.ts nanodet-m-416)
bash "$HERE/../package-image.sh" "$HERE/Dockerfile" camtrap-worker:test-cpu camtrap-worker-test-cpu.tar.gz

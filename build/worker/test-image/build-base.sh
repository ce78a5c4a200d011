#!/usr/bin/env bash
# The base of the small CPU-only test image: Debian bookworm with PyTorch 1.13 from Debian's own
# packages, made with debootstrap and `docker import`, because CI reaches Debian's mirror but no
# Docker Hub. Skipped when the engine already has the base image with these packages (a label
# on the image says which it was made with); made again when the list changes.
set -euo pipefail
BASE=${CAMTRAP_WORKER_BASE:-camtrap-worker-base:bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# ffmpeg and ffprobe sample the frames of videos.
PACKAGES=python3-torch,python3-torchvision,python3-onnx,python3-pil,python3-numpy,ffmpeg
LABEL=org.camtrap-station.packages
if [ "$(docker image inspect --format "{{index .Config.Labels \"$LABEL\"}}" "$BASE" 2>/dev/null)" = "$PACKAGES" ]; then
  echo "base image $BASE is already there"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
ROOTFS=$(mktemp -d /var/tmp/camtrap-rootfs.XXXXXX)
trap 'rm -rf "$ROOTFS"' EXIT
debootstrap --variant=minbase \
  --include="$PACKAGES" \
  bookworm "$ROOTFS" "$MIRROR"
# Package caches and docs are of no use in the image.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc "$ROOTFS"/usr/share/man
tar -C "$ROOTFS" -c . | docker import --change "LABEL $LABEL=$PACKAGES" - "$BASE"
echo "made $BASE"

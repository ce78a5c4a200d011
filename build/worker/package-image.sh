#!/usr/bin/env bash
# Builds a worker image from a Dockerfile and saves it where the app finds it: a compressed
# tarball, its SHA-256, and image-manifest.json in resources/image/.
# Usage: package-image.sh <Dockerfile> <tag> <out-name>
set -euo pipefail
DOCKERFILE=$1 TAG=$2 NAME=$3
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$ROOT/resources/image"
CONTEXT=$(mktemp -d)
trap 'rm -rf "$CONTEXT"' EXIT
cp -r "$HERE/camtrap_worker" "$CONTEXT/"
# Scripts beside the Dockerfile (the test image's classifier export and its check) go in too.
find "$(dirname "$DOCKERFILE")" -maxdepth 1 -name '*.py' -exec cp {} "$CONTEXT/" \;
find "$CONTEXT" -name __pycache__ -prune -exec rm -rf {} +
# Model packages that have their file go into the image; the app mounts the one a job uses anyway.
mkdir -p "$CONTEXT/models"
for dir in "$ROOT"/resources/models/*/; do
  manifest="$dir/manifest.json"
  file=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['file'])" "$manifest")
  if [ -f "$dir/$file" ]; then mkdir -p "$CONTEXT/models/$(basename "$dir")"; cp "$manifest" "$dir/$file" "$CONTEXT/models/$(basename "$dir")/"; fi
done
docker build -f "$DOCKERFILE" -t "$TAG" "$CONTEXT"
mkdir -p "$OUT"
rm -f "$OUT"/*.tar.gz "$OUT"/image-manifest.json
docker save "$TAG" | gzip -1 > "$OUT/$NAME.tmp"
mv "$OUT/$NAME.tmp" "$OUT/$NAME"
SUM=$(sha256sum "$OUT/$NAME" | cut -d' ' -f1)
BYTES=$(stat -c %s "$OUT/$NAME")
ID=$(docker image inspect --format '{{.Id}}' "$TAG")
echo "$SUM  $NAME" > "$OUT/$NAME.sha256"
printf '{\n  "tag": "%s",\n  "file": "%s",\n  "sha256": "%s",\n  "bytes": %s,\n  "id": "%s"\n}\n' "$TAG" "$NAME" "$SUM" "$BYTES" "$ID" > "$OUT/image-manifest.json"
echo "saved $TAG as $OUT/$NAME ($BYTES bytes, sha256 $SUM)"

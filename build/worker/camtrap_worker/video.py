"""Videos for the detector, as the app's CPU worker samples them: ffprobe gives the frame rate r,
every K-th frame (K = round(r / frames per second), at least 1) is decoded by ffmpeg, frames
0, K, 2K, ... counted in the file's own frames, and read whole from its pipe as raw RGB.

Nothing is written to disk (the container's root is read-only and its /tmp small). A reader
thread drains the pipe as ffmpeg decodes, so that decoding goes on while the model runs.
"""
import json
import math
import queue
import re
import subprocess
import threading
from functools import lru_cache

import torch

# ffmpeg's own prefixes on a message ("[h264 @ 0x55d0c8]") say nothing to a person.
_CONTEXT = re.compile(r"^\[[^\]]*@ 0x[0-9a-f]+\]\s*")
# Raw frames waiting for the model: at most this many bytes of them, however large the video.
_QUEUE_BYTES = 256 * 2**20
_MAX_ERRORS = 20
# 8K is 33 million pixels; a header claiming far more is damaged, and would take the memory.
_MAX_PIXELS = 64_000_000


class VideoError(Exception):
    """A video ffmpeg cannot read; the message is why, in its words, without the file's path."""


class Video:
    """What sampling a video needs: the size of its upright frames, its frame rate, every how many frames one is looked at."""

    def __init__(self, path, stream, width, height, rate, step):
        self.path, self.stream, self.width, self.height, self.rate, self.step = path, stream, width, height, rate, step


def _plain(text, path):
    """ffmpeg's error lines as words: no context prefixes, no path, no blank lines, no repeats; a message's length at most."""
    lines = []
    for line in text.splitlines():
        line = _CONTEXT.sub("", line.strip()).replace(path + ": ", "").strip()
        if line and line not in lines:
            lines.append(line)
    return "; ".join(lines)[:2000]


def _rate(text):
    """'30000/1001' -> 29.97...; None for ffprobe's '0/0' (unknown)."""
    try:
        num, _, den = str(text).partition("/")
        value = float(num) / float(den or 1)
    except (ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) and 0 < value <= 10_000 else None


def _quarter_turned(stream):
    """Whether ffmpeg turns the frames a quarter (it applies the rotation a phone records), swapping width and height."""
    angles = [side.get("rotation") for side in stream.get("side_data_list", [])]
    angles.append(stream.get("tags", {}).get("rotate"))
    for angle in angles:
        try:
            if angle is not None and round(float(angle)) % 180 == 90:
                return True
        except ValueError:
            continue
    return False


def step_for(rate, frames_per_second):
    """Every how many frames one is looked at; half rounds up, as Math.round in the CPU worker."""
    if rate is None:
        return 1
    return max(1, int(math.floor(rate / frames_per_second + 0.5)))


def probe(path, frames_per_second):
    """The film's stream (not a cover picture stored beside it), its upright size and frame rate
    (OpenCV's and so MegaDetector's: the average rate, else the stream's base rate), and the
    sampling step."""
    try:
        done = subprocess.run(
            ["ffprobe", "-v", "error", "-show_streams", "-of", "json", path],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
        )
    except FileNotFoundError as err:
        raise VideoError("the detection engine has no ffprobe") from err
    except subprocess.TimeoutExpired as err:
        raise VideoError("ffprobe took more than two minutes over it") from err
    why = _plain(done.stderr.decode("utf-8", "replace"), path)
    if done.returncode != 0:
        raise VideoError(why or f"ffprobe stopped with exit code {done.returncode}")
    streams = json.loads(done.stdout or b"{}").get("streams") or []
    films = [s for s in streams if s.get("codec_type") == "video" and s.get("disposition", {}).get("attached_pic") != 1]
    if not films:
        raise VideoError("no picture track found")
    stream = films[0]
    width, height = int(stream.get("width") or 0), int(stream.get("height") or 0)
    if width <= 0 or height <= 0:
        raise VideoError(why or "its picture size is unknown")
    if width * height > _MAX_PIXELS:
        raise VideoError(f"its pictures would be {width} x {height} pixels, more than any camera makes")
    if _quarter_turned(stream):
        width, height = height, width
    rate = _rate(stream.get("avg_frame_rate")) or _rate(stream.get("r_frame_rate"))
    return Video(path, int(stream["index"]), width, height, rate, step_for(rate, frames_per_second))


@lru_cache(maxsize=1)
def _fps_mode():
    """-fps_mode came with ffmpeg 5.1; older ones (Ubuntu 22.04's 4.4) only know -vsync."""
    try:
        first = subprocess.run(["ffmpeg", "-version"], capture_output=True, timeout=30).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.TimeoutExpired):
        return ["-fps_mode", "passthrough"]
    found = re.match(r"ffmpeg version n?(\d+)\.(\d+)", first)
    if found and (int(found.group(1)), int(found.group(2))) < (5, 1):
        return ["-vsync", "passthrough"]
    return ["-fps_mode", "passthrough"]


def _read_exactly(stream, buffer):
    view = memoryview(buffer)
    got = 0
    while got < len(buffer):
        n = stream.readinto(view[got:])
        if not n:
            return False
        got += n
    return True


class Frames:
    """The sampled frames of a video, as (frame number, uint8 CHW RGB tensor), in order.

    Use as a context manager: leaving it early stops ffmpeg. After the last frame, `errors` says
    what ffmpeg complained of (empty when it read the whole video without complaint)."""

    _END = object()

    def __init__(self, video):
        self.video = video
        self.errors = ""
        self._error_lines = []
        frame_bytes = video.width * video.height * 3
        self._frame_bytes = frame_bytes
        # The scale keeps every frame at the probed size, should the stream change size midway.
        filters = f"select=not(mod(n\\,{video.step})),scale={video.width}:{video.height}"
        command = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", video.path,
                   "-map", f"0:{video.stream}", "-an", "-sn", "-dn", "-vf", filters, *_fps_mode(),
                   "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]
        try:
            self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except FileNotFoundError as err:
            raise VideoError("the detection engine has no ffmpeg") from err
        self._queue = queue.Queue(maxsize=max(2, _QUEUE_BYTES // frame_bytes))
        self._ended = False
        self._stderr = threading.Thread(target=self._collect_errors, daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._stderr.start()
        self._reader.start()

    def _collect_errors(self):
        for raw in self._process.stderr:
            if len(self._error_lines) < _MAX_ERRORS:
                self._error_lines.append(raw.decode("utf-8", "replace"))

    def _read(self):
        try:
            while True:
                buffer = bytearray(self._frame_bytes)
                if not _read_exactly(self._process.stdout, buffer):
                    break
                self._queue.put(buffer)
        finally:
            self._queue.put(self._END)

    def __enter__(self):
        return self

    def __iter__(self):
        v = self.video
        number = 0
        while not self._ended:
            buffer = self._queue.get()
            if buffer is self._END:
                self._ended = True
                self._finish()
                return
            yield number, torch.frombuffer(buffer, dtype=torch.uint8).view(v.height, v.width, 3).permute(2, 0, 1)
            number += v.step

    def batches(self, size):
        """The frames in lists of at most `size`."""
        batch = []
        for frame in self:
            batch.append(frame)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch

    def _finish(self):
        code = self._process.wait()
        self._stderr.join()
        self._process.stdout.close()
        self._process.stderr.close()
        self.errors = _plain("".join(self._error_lines), self.video.path)
        if code != 0 and not self.errors:
            self.errors = f"ffmpeg stopped with exit code {code}"

    def __exit__(self, *exc):
        if self._ended:
            return
        # Left early: ffmpeg goes, and the reader, which then meets the end of the pipe, is drained until it ends.
        self._process.kill()
        while self._queue.get() is not self._END:
            pass
        self._ended = True
        self._process.wait()
        self._stderr.join()
        self._process.stdout.close()
        self._process.stderr.close()

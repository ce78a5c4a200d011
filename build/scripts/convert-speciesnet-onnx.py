"""python3 convert-speciesnet-onnx.py <speciesnet archive.tar.gz> <package folder>

SpeciesNet (google/cameratrapai) publishes its classifier as Keras weights only. This unpacks
the Kaggle archive, reads its info.json for the names of the classifier, its labels and the
geofence, converts the Keras model to ONNX with tf2onnx (input NHWC float32 in 0..1, 480x480,
any batch size; the output stays logits, as SpeciesNet applies the softmax itself), and writes
model.onnx, labels.txt and geofence.json into the package folder. Needs python3 with tensorflow
and tf2onnx, once, on a machine with the internet; the package then goes to the station as files.
"""
import json
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path


def main(archive, package):
    import tensorflow as tf
    import tf2onnx

    package = Path(package)
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")
        base = Path(work)
        info = json.loads((base / "info.json").read_text(encoding="utf-8"))
        model = tf.keras.models.load_model(base / info["classifier"], compile=False)
        spec = (tf.TensorSpec((None, 480, 480, 3), tf.float32, name="input"),)
        tf2onnx.convert.from_keras(model, input_signature=spec, opset=17, output_path=str(package / "model.onnx.part"))
        (package / "model.onnx.part").replace(package / "model.onnx")
        shutil.copyfile(base / info["classifier_labels"], package / "labels.txt")
        shutil.copyfile(base / info["geofence"], package / "geofence.json")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

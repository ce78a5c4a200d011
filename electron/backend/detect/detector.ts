import ort from 'onnxruntime-node';
import { nonMaxSuppression, toDetection, type Candidate, type Detection } from './boxes.ts';
import { decodeNanodet, type Tensorish } from './decode-nanodet.ts';
import { decodeYolov5 } from './decode-yolov5.ts';
import { categoryOfClass, type ModelManifest } from './model-manifest.ts';
import { cpuSession } from './onnx-session.ts';
import type { PreparedImage } from './prepare-image.ts';

/** Every box at or above this is kept, as MegaDetector does; thresholds apply when reading. */
export const keepConfidence = 0.005;
/** Candidates considered by suppression, best first, and boxes kept per image (MegaDetector keeps up to 300 before and 100 after). */
const maxCandidates = 300;
const maxBoxes = 100;

export class Detector {
  private constructor(
    readonly session: ort.InferenceSession,
    readonly manifest: ModelManifest,
    private readonly classMap = categoryOfClass(manifest),
  ) {}

  static async load(modelFile: string, manifest: ModelManifest, threads: number): Promise<Detector> {
    const session = await cpuSession(modelFile, threads);
    return new Detector(session, manifest);
  }

  /** The bare forward pass: what the benchmark compares the whole pipeline against. */
  async forward(tensor: Float32Array): Promise<Tensorish[]> {
    const size = this.manifest.inputSize;
    const input = new ort.Tensor('float32', tensor, [1, 3, size, size]);
    const results = await this.session.run({ [this.session.inputNames[0] as string]: input });
    return this.session.outputNames.map((name) => {
      const t = results[name] as ort.Tensor;
      return { dims: t.dims, data: t.data as Float32Array };
    });
  }

  async detect(image: PreparedImage): Promise<Detection[]> {
    const outputs = await this.forward(image.tensor);
    const { output, inputSize, nmsIou } = this.manifest;
    const candidates =
      output.layout === 'nanodet'
        ? decodeNanodet(outputs, { inputSize, strides: output.strides, bins: output.bins, classMap: this.classMap, minConf: keepConfidence, maxCandidates })
        : decodeYolov5(outputs, { classMap: this.classMap, minConf: keepConfidence });
    const top: Candidate[] = candidates.length > maxCandidates ? candidates.sort((a, b) => b.conf - a.conf).slice(0, maxCandidates) : candidates;
    return nonMaxSuppression(top, nmsIou, maxBoxes).map((c) => toDetection(c, image));
  }
}

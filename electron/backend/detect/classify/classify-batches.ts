import type { Classifier, TopScores } from './classifier.ts';
import type { Region } from './crop-region.ts';
import type { Pixels } from './crop-tensor.ts';
import { writeCropTensor } from './crop-tensor.ts';

/** What the classifier said about one crop of a picture: which box (null: the whole picture) and its top scores. */
export interface CropScores {
  box: number | null;
  top: TopScores;
}

interface Waiting {
  left: number;
  ended: boolean;
  scores: CropScores[];
  finish(scores: CropScores[] | Error): void;
}

/**
 * Crops from any number of pictures, gathered into full batches for the classifier: a picture is
 * finished once the last of its crops has been through. Each crop is written into the batch as
 * soon as it is cut, so no decoded picture is held while a batch fills.
 */
export class ClassifyBatches {
  private readonly batch: Float32Array;
  private readonly members: { owner: Waiting; box: number | null }[] = [];
  msCrop = 0;
  msInfer = 0;
  crops = 0;

  constructor(
    private readonly classifier: Classifier,
    private readonly batchSize: number,
  ) {
    this.batch = new Float32Array(batchSize * 3 * classifier.manifest.inputSize ** 2);
  }

  /** Cuts the picture's crops into the batch, running full batches as they fill. */
  async add(pixels: Pixels, crops: { box: number | null; region: Region }[], finish: Waiting['finish']): Promise<void> {
    const owner: Waiting = { left: crops.length, ended: false, scores: [], finish };
    if (crops.length === 0) return finish([]);
    for (const crop of crops) {
      const t = performance.now();
      writeCropTensor(pixels, crop.region, this.classifier.manifest, this.batch, this.members.length);
      this.msCrop += performance.now() - t;
      this.members.push({ owner, box: crop.box });
      if (this.members.length === this.batchSize) await this.run();
    }
  }

  /** Runs what is gathered: at the end of a job, or when nothing else will come soon. */
  async flush(): Promise<void> {
    if (this.members.length > 0) await this.run();
  }

  private async run(): Promise<void> {
    const members = this.members.splice(0);
    const t = performance.now();
    let tops: TopScores[] | Error;
    try {
      tops = await this.classifier.classify(this.batch, members.length);
    } catch (err) {
      tops = err instanceof Error ? err : new Error(String(err));
    }
    this.msInfer += performance.now() - t;
    this.crops += members.length;
    members.forEach(({ owner, box }, i) => {
      if (owner.ended) return;
      if (tops instanceof Error) {
        owner.ended = true;
        return owner.finish(tops);
      }
      owner.scores.push({ box, top: tops[i] as TopScores });
      owner.left -= 1;
      if (owner.left === 0) {
        owner.ended = true;
        owner.finish(owner.scores);
      }
    });
  }
}

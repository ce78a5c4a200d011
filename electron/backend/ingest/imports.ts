import type { ImportProgress, ImportSummary, ingestEvents } from './contract.ts';
import { ImportRun } from './import-run.ts';
import { scanSource, type SourceScan } from './scan-source.ts';
import type { Emit } from '../events/event-bus.ts';
import type { LibraryAccess } from '../library/library-session.ts';
import type { Logger } from '../log/logger.ts';
import type { PayloadMap } from '../rpc/define.ts';
import { StationError } from '../rpc/envelope.ts';
import type { Says } from '../rpc/messages.ts';
import { englishOfAll } from '../rpc/stored-says.ts';
import type { TaskHandle, TaskStart } from '../tasks/task-registry.ts';

export interface ImportsDeps {
  library: LibraryAccess;
  emit: Emit<PayloadMap<typeof ingestEvents>>;
  logger: Pick<Logger, 'info' | 'error'>;
  startTask(spec: TaskStart): TaskHandle;
  /** Builds the run; replaced in unit tests. */
  createRun?: (...args: ConstructorParameters<typeof ImportRun>) => Pick<ImportRun, 'importId' | 'run' | 'cancel'>;
}

/** The imports running in this backend: started in the background, followed through events and tasks. */
export class Imports {
  private readonly running = new Map<number, Pick<ImportRun, 'importId' | 'run' | 'cancel'>>();
  private readonly tasks = new Map<number, TaskHandle>();

  constructor(private readonly deps: ImportsDeps) {}

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Starts an import and returns its id at once; its progress and end come as events. */
  async start(source: string, deploymentID: string): Promise<number> {
    return this.launch(await scanSource(source), deploymentID).importId;
  }

  /** Starts an import of files already scanned; the promise settles with its summary when it ends, however it ends. */
  launch(scan: SourceScan, deploymentID: string): { importId: number; ended: Promise<ImportSummary> } {
    const library = this.deps.library.require();
    const onProgress = (p: ImportProgress): void => {
      this.tasks.get(p.importId)?.progress({ done: p.filesDone, total: p.filesTotal, secondsLeft: p.secondsLeft });
      this.deps.emit('ingest.progress', p);
    };
    const run = (this.deps.createRun ?? ((...args) => new ImportRun(...args)))(library, scan, deploymentID, { onProgress });
    const { importId } = run;
    this.tasks.set(importId, this.deps.startTask({ kind: 'import', ref: importId, unit: 'files', total: scan.files.length, cancel: () => run.cancel() }));
    this.running.set(importId, run);
    this.deps.logger.info('import started', { importId, source: scan.root, files: scan.files.length, deploymentID });
    const ended = run
      .run()
      .finally(() => this.running.delete(importId))
      .catch((err: unknown): ImportSummary => {
        const ref = this.deps.logger.error('import crashed', err, { importId });
        // Whoever waits for the import must hear that it ended, even now.
        const says: Says[] = [{ key: 'import-crashed', values: { ref } }];
        return { importId, deploymentID, source: scan.root, state: 'failed', message: englishOfAll(says), says, imported: 0, duplicates: 0, failed: [], notImported: [], warnings: [] };
      })
      .then((summary) => {
        this.finished(summary);
        return summary;
      });
    return { importId, ended };
  }

  cancel(importId: number): void {
    const run = this.running.get(importId);
    if (!run) throw new StationError('not-found', 'import-not-running', { import: importId });
    run.cancel();
  }

  cancelAll(): void {
    for (const run of this.running.values()) run.cancel();
  }

  private finished(summary: ImportSummary): void {
    const { importId, state, imported, duplicates, failed } = summary;
    this.deps.logger.info('import finished', { importId, state, imported, duplicates, failed: failed.length });
    this.tasks.get(importId)?.end(state === 'done' ? 'done' : state === 'cancelled' ? 'cancelled' : 'failed', summary.says ?? summary.message);
    this.tasks.delete(importId);
    this.deps.emit('ingest.finished', summary);
  }
}

import type { SyncProgress, SyncResult, SyncStage } from '@precog/managers';
import cliProgress from 'cli-progress';

/** `fills: 120 items in 3 pages: 118 inserted, 0 versioned, 0 unchanged, 2 duplicates` */
export function summaryLine(result: SyncResult): string {
  const pages = `${result.pages} page${result.pages === 1 ? '' : 's'}`;
  const closed = result.stage === 'positions' ? `, ${result.closed} closed` : '';
  return `${result.stage}: ${result.items} items in ${pages}: ${result.inserted} inserted, ${result.versioned} versioned, ${result.unchanged} unchanged, ${result.duplicates} duplicates${closed}`;
}

/** A progress sink: `onProgress` for the sync, `stop()` when it is over. */
export interface ProgressReporter {
  onProgress(progress: SyncProgress): void;
  stop(): void;
}

/**
 * A progress bar per stage on stderr when it is a terminal (cli-progress); nothing otherwise
 * (the summary lines say what happened). The total grows as pages arrive, since list endpoints
 * do not say how many items they hold.
 */
export function progressReporter(options: {
  enabled: boolean;
  pageSize?: number | undefined;
}): ProgressReporter {
  if (!options.enabled) return { onProgress: () => undefined, stop: () => undefined };
  const multi = new cliProgress.MultiBar(
    {
      format: ' {stage} |{bar}| {value} items, {pages} pages',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<SyncStage, cliProgress.SingleBar>();
  const step = options.pageSize ?? 100;
  return {
    onProgress(progress) {
      let bar = bars.get(progress.stage);
      const stage = progress.stage.padEnd(11);
      if (bar === undefined) {
        bar = multi.create(step, 0, { stage, pages: 0 });
        bars.set(progress.stage, bar);
      }
      bar.setTotal(progress.done ? Math.max(progress.items, 1) : progress.items + step);
      bar.update(progress.done && progress.items === 0 ? 1 : progress.items, {
        stage,
        pages: progress.pages,
      });
    },
    stop() {
      multi.stop();
    },
  };
}

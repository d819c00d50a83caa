import type { SyncProgress, SyncResult, SyncStage } from '@precog/managers';
import cliProgress from 'cli-progress';

/** `fills: 120 items in 3 pages: 118 inserted, 0 versioned, 0 unchanged, 2 duplicates` */
export function summaryLine(result: SyncResult): string {
  const pages = `${result.pages} page${result.pages === 1 ? '' : 's'}`;
  const closed = result.stage === 'positions' ? `, ${result.closed} closed` : '';
  const corrected = result.corrected > 0 ? `, ${result.corrected} corrected` : '';
  const aside = result.invalid.length > 0 ? `, ${result.invalid.length} kept aside` : '';
  return `${result.stage}: ${result.items} items in ${pages}: ${result.inserted} inserted, ${result.versioned} versioned, ${result.unchanged} unchanged, ${result.duplicates} duplicates${closed}${corrected}${aside}`;
}

/**
 * One line naming every item a run kept aside, by its id:
 * `precog: 2 items kept aside (recorded in ingest_errors): fill f-05 at yes_price_dollars, market KX-1 at ticker`.
 */
export function keptAsideLine(results: readonly SyncResult[]): string | undefined {
  const items = results.flatMap((r) => r.invalid);
  if (items.length === 0) return undefined;
  const named = items.map((i) => `${i.kind} ${i.id ?? '(no id)'} at ${i.path}`).join(', ');
  return `precog: ${items.length} item${items.length === 1 ? '' : 's'} kept aside (recorded in ingest_errors): ${named}`;
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

// Progress of a publish while it works: layers built and uploaded, bytes read (tar) and written (compressed), and
// the rate. The engine counts; reporters turn counts into a TTY status line (CLI), plain lines (CLI without a
// TTY) or periodic log lines (the action).

export interface ProgressSnapshot {
  /** Layers this run builds (package and configuration layers), and how many are done. */
  layersToBuild: number;
  layersBuilt: number;
  /** Blobs sent to the registry so far (layers, configs; not counted: blobs it already had or mounted). */
  blobsUploaded: number;
  /** Uncompressed layer bytes processed. */
  tarBytes: number;
  /** Compressed bytes produced (uploaded and/or written). */
  compressedBytes: number;
  elapsedMs: number;
}

export type ProgressListener = (
  snapshot: ProgressSnapshot,
  event: 'start' | 'layer' | 'tick' | 'end',
) => void;

export class Progress {
  private readonly started = Date.now();
  private readonly state = {
    layersToBuild: 0,
    layersBuilt: 0,
    blobsUploaded: 0,
    tarBytes: 0,
    compressedBytes: 0,
  };

  constructor(private readonly listener?: ProgressListener) {}

  snapshot(): ProgressSnapshot {
    return { ...this.state, elapsedMs: Date.now() - this.started };
  }

  private emit(event: 'start' | 'layer' | 'tick' | 'end'): void {
    try {
      this.listener?.(this.snapshot(), event);
    } catch {
      // Reporting must never break a publish.
    }
  }

  start(layersToBuild: number): void {
    this.state.layersToBuild = layersToBuild;
    this.emit('start');
  }

  tar(bytes: number): void {
    this.state.tarBytes += bytes;
  }

  compressed(bytes: number): void {
    this.state.compressedBytes += bytes;
  }

  /** An attempt that failed half-way is redone from the start: its bytes no longer count. */
  retracted(tarBytes: number, compressedBytes: number): void {
    this.state.tarBytes -= tarBytes;
    this.state.compressedBytes -= compressedBytes;
  }

  layerBuilt(): void {
    this.state.layersBuilt++;
    this.emit('layer');
  }

  uploaded(): void {
    this.state.blobsUploaded++;
  }

  tick(): void {
    this.emit('tick');
  }

  end(): void {
    this.emit('end');
  }
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** `layers 12/33 built, 10 uploaded; 812.4 MB read, 498.0 MB compressed; 61.2 MB/s` */
export function progressLine(s: ProgressSnapshot): string {
  const seconds = Math.max(s.elapsedMs / 1000, 0.001);
  return `layers ${s.layersBuilt}/${s.layersToBuild} built, ${s.blobsUploaded} uploaded; ${mb(s.tarBytes)} read, ${mb(s.compressedBytes)} compressed; ${(s.tarBytes / 1e6 / seconds).toFixed(1)} MB/s`;
}

export interface ProgressReporter {
  listener: ProgressListener;
  /** Starts the periodic ticks; returns a function that stops them. */
  run(progress: Progress): () => void;
}

/**
 * A reporter writing through `write`: on a TTY one status line rewritten in place (`\r`), several times a second;
 * otherwise one plain line per finished layer and one every `intervalMs` (the action's log).
 */
export function progressReporter(o: {
  write: (text: string) => void;
  tty: boolean;
  intervalMs?: number;
}): ProgressReporter {
  let shown = false;
  const listener: ProgressListener = (s, event) => {
    if (s.layersToBuild === 0) return; // nothing is built: a no-op run says nothing until its result
    if (o.tty) {
      if (event === 'end') {
        if (shown) o.write(`\r\u001b[2K${progressLine(s)}\n`);
        return;
      }
      shown = true;
      o.write(`\r\u001b[2K${progressLine(s)}`);
      return;
    }
    if (event === 'start') o.write(`building ${s.layersToBuild} layer${s.layersToBuild === 1 ? '' : 's'}\n`);
    else o.write(`${progressLine(s)}\n`);
  };
  return {
    listener,
    run(progress) {
      const timer = setInterval(() => progress.tick(), o.intervalMs ?? (o.tty ? 250 : 15_000));
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

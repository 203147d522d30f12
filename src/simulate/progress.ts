/**
 * Progress display for long runs: a redrawn bar when the stream is a
 * terminal, a plain "NN%" line every 10% otherwise.
 */

/** Where progress goes and whether it can redraw in place. */
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

/** Returns an `(fraction) => void` that draws progress on `sink`, and a `done()` to finish the line. */
export function progressReporter(sink: ProgressSink, label = "simulating", width = 30): { update: (fraction: number) => void; done: () => void } {
  let lastPercent = -1;
  let lastDecile = -1;
  const update = (fraction: number) => {
    const f = Math.max(0, Math.min(1, fraction));
    const percent = Math.floor(100 * f);
    if (sink.isTTY) {
      if (percent === lastPercent) return;
      lastPercent = percent;
      const filled = Math.round(width * f);
      sink.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)}%`);
    } else {
      const decile = Math.floor(percent / 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      sink.write(`${label}: ${decile * 10}%\n`);
    }
  };
  const done = () => {
    if (sink.isTTY && lastPercent >= 0) sink.write("\n");
  };
  return { update, done };
}

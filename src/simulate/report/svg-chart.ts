/**
 * A small, dependency-free SVG line chart: several named series over a
 * shared x axis, with axes, grid lines, tick labels and a legend. Output is
 * well-formed XML (every text escaped), so it embeds in HTML and rasterizes
 * with any SVG renderer.
 */

/** One line of a chart. */
export interface Series {
  name: string;
  values: readonly number[];
}

/** What to draw. */
export interface LineChartSpec {
  title: string;
  /** x values shared by every series (e.g. simulated seconds). */
  x: readonly number[];
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  /** Formats an x tick value (default: the number). */
  formatX?: (x: number) => string;
  /** Formats a y tick value (default: the number). */
  formatY?: (y: number) => string;
  /** Fixed y range maximum; default: a nice number above the data. */
  yMax?: number;
  width?: number;
  height?: number;
  /** Stable id prefix, used for the element ids inside the SVG. */
  id: string;
  /** Horizontal reference lines (dashed, in the colour of the series they belong to). */
  guides?: readonly Guide[];
}

/** A horizontal reference line, e.g. a role's quota guarantee. */
export interface Guide {
  label: string;
  y: number;
  /** Index of the series whose colour the line takes. */
  series: number;
}

/** The palette lines are drawn with, in series order (colour-blind friendly, Okabe-Ito). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"];

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Tick values from 0 up to the first step at or above `max`, with a 1-2-2.5-5 step, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  const top = Math.ceil(max / step - 1e-9) * step;
  for (let v = 0; v <= top + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function fmt(n: number): string {
  return Number(n.toFixed(2)).toString();
}

/** Renders the chart as a standalone `<svg>` element. */
export function renderLineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 760;
  const legendRows = Math.ceil(spec.series.length / 4);
  const height = spec.height ?? 280 + 18 * legendRows;
  const m = { top: 36, right: 20, bottom: 48 + 18 * legendRows, left: 64 };
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const xs = spec.x;
  const xMin = xs.length ? xs[0]! : 0;
  const xMax = xs.length ? xs[xs.length - 1]! : 1;
  const xSpan = xMax > xMin ? xMax - xMin : 1;
  let dataMax = 0;
  for (const s of spec.series) for (const v of s.values) if (Number.isFinite(v) && v > dataMax) dataMax = v;
  for (const g of spec.guides ?? []) if (Number.isFinite(g.y) && g.y > dataMax) dataMax = g.y;
  const yTicks = niceTicks(spec.yMax ?? (dataMax > 0 ? dataMax : 1));
  const yMax = spec.yMax ?? yTicks[yTicks.length - 1]!;
  const px = (x: number) => m.left + ((x - xMin) / xSpan) * pw;
  const py = (y: number) => m.top + ph - (Math.min(y, yMax) / yMax) * ph;
  const formatX = spec.formatX ?? ((x: number) => String(x));
  const formatY = spec.formatY ?? ((y: number) => String(y));
  const id = escapeXml(spec.id);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title">`);
  out.push(`<title id="${id}-title">${escapeXml(spec.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="bold" fill="#222222">${escapeXml(spec.title)}</text>`);
  // Grid and y ticks.
  out.push(`<g font-family="sans-serif" font-size="11" fill="#444444">`);
  for (const t of yTicks) {
    const y = fmt(py(t));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(`<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatY(t))}</text>`);
  }
  // x ticks.
  for (const t of niceTicks(xSpan, 6).filter((t) => t <= xSpan * (1 + 1e-9))) {
    const x = fmt(px(xMin + t));
    out.push(`<line x1="${x}" y1="${m.top + ph}" x2="${x}" y2="${m.top + ph + 4}" stroke="#444444" stroke-width="1"/>`);
    out.push(`<text x="${x}" y="${m.top + ph + 16}" text-anchor="middle">${escapeXml(formatX(xMin + t))}</text>`);
  }
  out.push(`</g>`);
  // Axes.
  out.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}" stroke="#444444" stroke-width="1"/>`);
  out.push(`<line x1="${m.left}" y1="${m.top + ph}" x2="${m.left + pw}" y2="${m.top + ph}" stroke="#444444" stroke-width="1"/>`);
  out.push(`<text x="${m.left + pw / 2}" y="${m.top + ph + 34}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#222222">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text x="16" y="${m.top + ph / 2}" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#222222" transform="rotate(-90 16 ${m.top + ph / 2})">${escapeXml(spec.yLabel)}</text>`);
  // Reference lines, under the series.
  for (const g of spec.guides ?? []) {
    if (!Number.isFinite(g.y)) continue;
    const y = fmt(py(g.y));
    const colour = PALETTE[g.series % PALETTE.length]!;
    out.push(`<line class="guide" x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="${colour}" stroke-width="1.2" stroke-dasharray="6 4"><title>${escapeXml(g.label)}</title></line>`);
    out.push(`<text x="${m.left + 6}" y="${fmt(py(g.y) - 4)}" text-anchor="start" font-family="sans-serif" font-size="11" fill="${colour}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(g.label)}</text>`);
  }
  // Series.
  spec.series.forEach((s, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const pts: string[] = [];
    const n = Math.min(xs.length, s.values.length);
    for (let k = 0; k < n; k++) {
      const v = s.values[k]!;
      if (Number.isFinite(v)) pts.push(`${fmt(px(xs[k]!))},${fmt(py(v))}`);
    }
    out.push(`<polyline class="series" data-series="${escapeXml(s.name)}" fill="none" stroke="${colour}" stroke-width="1.8" stroke-linejoin="round" points="${pts.join(" ")}"><title>${escapeXml(s.name)}</title></polyline>`);
  });
  // Legend.
  out.push(`<g font-family="sans-serif" font-size="12" fill="#222222">`);
  const colW = pw / 4;
  spec.series.forEach((s, i) => {
    const x = m.left + (i % 4) * colW;
    const y = m.top + ph + 52 + 18 * Math.floor(i / 4);
    out.push(`<line x1="${fmt(x)}" y1="${y - 4}" x2="${fmt(x + 18)}" y2="${y - 4}" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="3"/>`);
    out.push(`<text x="${fmt(x + 24)}" y="${y}">${escapeXml(s.name)}</text>`);
  });
  out.push(`</g>`);
  out.push(`</svg>`);
  return out.join("\n");
}

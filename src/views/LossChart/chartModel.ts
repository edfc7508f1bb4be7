/**
 * Geometry of one line chart over the run (x = step): scales, ticks and SVG path strings,
 * computed with d3-scale and d3-shape. No DOM: React draws what this returns.
 */
import { format, line, scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { downsampleMinMax, yDomain } from './lossSeries';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Tick {
  value: number;
  /** Position along the axis, in SVG pixels. */
  pos: number;
  /** Empty for a minor tick (drawn without a label). */
  label: string;
}

export interface ChartLineInput {
  key: string;
  values: ArrayLike<number>;
}

export interface ChartModel {
  width: number;
  height: number;
  margin: Margin;
  plotWidth: number;
  plotHeight: number;
  x: (step: number) => number;
  /** Step under a horizontal pixel position. */
  invertX: (px: number) => number;
  /** y position of a value; values off the scale (≤ 0 on a log scale, ∞) are clamped to the frame. */
  y: (value: number) => number;
  log: boolean;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Path strings by line key, downsampled to at most four points per pixel column. */
  paths: Record<string, string>;
  /** Number of points in the drawn paths, summed (for tests and the performance budget). */
  drawnPoints: number;
}

export interface ChartInput {
  steps: ArrayLike<number>;
  lines: ChartLineInput[];
  width: number;
  height: number;
  log: boolean;
  margin: Margin;
  /** The x-domain, shared by the charts drawn one above the other. */
  xDomain: [number, number];
}

/** x from the first step to a rounded-up last one, at least ten steps wide so a short run is not stretched. */
export function stepDomain(steps: ArrayLike<number>, minSpan = 10): [number, number] {
  if (steps.length === 0) return [0, minSpan];
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const [a, b] = scaleLinear()
    .domain([first, Math.max(last, first + minSpan)])
    .nice()
    .domain();
  return [Math.min(a!, first), b!];
}

const integer = format(',d');

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '+': '',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * A very large or very small tick as "2×10⁸" (a diverging run reaches 10³⁰⁰); null for
 * values that read well as they are.
 */
export function powerOfTen(value: number): string | null {
  const a = Math.abs(value);
  if (value === 0 || !Number.isFinite(value) || (a >= 1e-3 && a < 1e5)) return null;
  const [mantissa, exponent] = value.toExponential(2).split('e') as [string, string];
  const m = String(Number(mantissa)).replace('-', '−');
  const power = `10${[...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  return m === '1' ? power : m === '−1' ? `−${power}` : `${m}×${power}`;
}

/** The leading digit of a tick on a log axis (3 for 0.03, 300 or 3×10⁸). */
const leadingDigit = (v: number) => Math.round(v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9)));

/**
 * Which ticks of a log axis get a label: 1, 2 and 5 of each decade when they fit, else the
 * powers of ten only; the other ticks stay as unlabelled minor ticks. Returns null (keep
 * d3's own choice) when the axis spans less than a decade.
 */
export function logLabels(ticks: readonly number[], fit: number): ((v: number) => boolean) | null {
  const decades = ticks.filter((v) => leadingDigit(v) === 1).length;
  if (decades < 2) return null;
  const oneTwoFive = ticks.filter((v) => [1, 2, 5].includes(leadingDigit(v))).length;
  if (oneTwoFive <= fit) return (v) => [1, 2, 5].includes(leadingDigit(v));
  return (v) => leadingDigit(v) === 1;
}

export function buildChart({ steps, lines, width, height, log, margin, xDomain }: ChartInput): ChartModel {
  const plotWidth = Math.max(40, width - margin.left - margin.right);
  const plotHeight = Math.max(40, height - margin.top - margin.bottom);
  const x = scaleLinear()
    .domain(xDomain)
    .range([margin.left, margin.left + plotWidth]);
  const domain = yDomain(
    lines.map((l) => l.values),
    log,
  );
  const yScale: ScaleContinuousNumeric<number, number> = log ? scaleLog().domain(domain) : scaleLinear().domain(domain).nice();
  yScale.range([margin.top + plotHeight, margin.top]).clamp(true);
  const top = margin.top;
  const bottom = margin.top + plotHeight;
  const y = (v: number) => {
    if (Number.isNaN(v)) return bottom;
    if (v === Number.POSITIVE_INFINITY) return top;
    if (log && v <= 0) return bottom;
    return yScale(v);
  };

  const xCount = Math.max(2, Math.floor(plotWidth / 110));
  const xTicks = x
    .ticks(xCount)
    .filter(Number.isInteger)
    .map((value) => ({ value, pos: x(value), label: integer(value) }));

  const yCount = Math.max(2, Math.floor(plotHeight / 55));
  const yFormat = log ? yScale.tickFormat(yCount, '~g') : yScale.tickFormat(yCount);
  const values = yScale.ticks(yCount);
  const labelled = log ? logLabels(values, Math.max(2, Math.floor(plotHeight / 30))) : null;
  const yTicks = values.map((value) => {
    const label = labelled ? (labelled(value) ? yFormat(value) || format('~g')(value) : '') : yFormat(value);
    return { value, pos: yScale(value), label: label === '' ? '' : (powerOfTen(value) ?? label) };
  });

  // Pixel positions once, shared by every line; the downsampling groups by pixel column.
  // A plain loop with the scale's affine map: calling x() 20,000 times per frame shows in a profile.
  const n = steps.length;
  const px = new Float64Array(n);
  const [d0, d1] = xDomain;
  const k = d1 === d0 ? 0 : plotWidth / (d1 - d0);
  for (let t = 0; t < n; t++) px[t] = margin.left + (steps[t]! - d0) * k;
  const paths: Record<string, string> = {};
  let drawnPoints = 0;
  for (const { key, values } of lines) {
    let drawable: ArrayLike<number> = values;
    if (log) {
      const positive = new Float64Array(values.length);
      for (let t = 0; t < values.length; t++) positive[t] = values[t]! > 0 ? values[t]! : Number.NaN;
      drawable = positive;
    }
    const kept = downsampleMinMax(px, drawable);
    drawnPoints += kept.length;
    const path = line<number>()
      .digits(1)
      .defined((t) => t >= 0)
      .x((t) => px[t]!)
      .y((t) => yScale(drawable[t]!));
    paths[key] = path(kept) ?? '';
  }

  return {
    width,
    height,
    margin,
    plotWidth,
    plotHeight,
    x,
    invertX: (p: number) => x.invert(p),
    y,
    log,
    xTicks,
    yTicks,
    paths,
    drawnPoints,
  };
}

/**
 * The segments of the rises (from the entry before to the entry after), at most one per
 * pixel column so that a long oscillating run stays cheap to draw.
 */
export function risePath(
  model: ChartModel,
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  rises: readonly number[],
): string {
  let d = '';
  let lastColumn = Number.NaN;
  for (const t of rises) {
    const x1 = model.x(steps[t]!);
    const column = Math.floor(x1);
    if (column === lastColumn) continue;
    lastColumn = column;
    const x0 = model.x(steps[t - 1]!);
    d += `M${x0.toFixed(1)},${model.y(values[t - 1]!).toFixed(1)}L${x1.toFixed(1)},${model.y(values[t]!).toFixed(1)}`;
  }
  return d;
}

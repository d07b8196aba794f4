// A stacked bar chart drawn as SVG on the server: it reads without JavaScript, names itself with
// <title> and <desc> (aria-labelledby), gives every bar segment a <title>, and says in its
// description where the same figures are as a table. Colours come with a legend in words.

export interface ChartSeries {
  name: string;
  /** A Tailwind fill class for the segments and the legend swatch. */
  fillClass: string;
  /** One value per category. */
  values: readonly number[];
}

interface Props {
  id: string;
  title: string;
  /** A sentence or two a screen reader hears instead of the picture. */
  description: string;
  /** The x axis: one bar per category (periods). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** What a value counts, after the number: "incidents", "minutes". */
  unit: string;
}

const HEIGHT = 180;
const TOP = 12;
const BOTTOM = 40;
const LEFT = 44;
const SLOT = 28;

/** A round axis maximum: 1, 2 or 5 times a power of ten, at least the largest total. */
function axisMaximum(largest: number): number {
  if (largest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(largest));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= largest) ?? largest;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function BarChart({ id, title, description, categories, series, unit }: Props) {
  const totals = categories.map((_, index) => series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const maximum = axisMaximum(Math.max(0, ...totals));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const width = LEFT + Math.max(categories.length, 4) * SLOT + 8;
  const y = (value: number) => TOP + plotHeight - (value / maximum) * plotHeight;
  // Label at most about twelve periods, so the text never overlaps.
  const labelEvery = Math.ceil(categories.length / 12);

  return (
    <figure className="space-y-2">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl text-zinc-700 dark:text-zinc-300"
        data-chart={id}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, maximum / 2, maximum].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={width - 4} y1={y(tick)} y2={y(tick)} className="stroke-zinc-300 dark:stroke-zinc-700" strokeWidth={1} />
            <text x={LEFT - 4} y={y(tick) + 4} textAnchor="end" fontSize={10} fill="currentColor">
              {round(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, index) => {
          let base = 0;
          const x = LEFT + index * SLOT + 4;
          return (
            <g key={category}>
              {series.map((entry) => {
                const value = entry.values[index] ?? 0;
                if (value <= 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect key={entry.name} x={x} y={top} width={SLOT - 8} height={height} className={entry.fillClass}>
                    <title>{`${category}: ${entry.name} ${round(value)} ${unit}`}</title>
                  </rect>
                );
              })}
              {index % labelEvery === 0 && (
                <text
                  x={x + (SLOT - 8) / 2}
                  y={HEIGHT - BOTTOM + 12}
                  fontSize={9}
                  fill="currentColor"
                  textAnchor="end"
                  transform={`rotate(-40 ${x + (SLOT - 8) / 2} ${HEIGHT - BOTTOM + 12})`}
                >
                  {category}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm">
        {series.map((entry) => (
          <span key={entry.name} className="flex items-center gap-1">
            <svg aria-hidden="true" width="12" height="12" className={entry.fillClass}>
              <rect width="12" height="12" />
            </svg>
            {entry.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

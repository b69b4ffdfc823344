import { formatDuration } from "@/lib/domain/figures";
import { EVENT_KIND_LABELS, type EventKind } from "@/lib/domain/postmortem";
import { labelEventTimes } from "@/lib/domain/time";
import { layoutTimeline } from "@/lib/domain/timeline/layout";
import { groupTimelineMarkers } from "@/lib/domain/timeline/markers";
import type { TimelineEvent } from "@/lib/schemas/postmortem";

const WIDTH = 1000;
const AXIS_Y = 52;
const PAD = 14;
// About one marker per 4 px of the 1000-wide drawing: more would only overlap.
const MAX_MARKERS = 250;

const KIND_STYLE: Record<EventKind, { color: string; shape: "diamond" | "triangle" | "square" | "circle" }> = {
  trigger: { color: "#ea580c", shape: "diamond" },
  impact_start: { color: "#dc2626", shape: "diamond" },
  detected: { color: "#7c3aed", shape: "triangle" },
  alert: { color: "#7c3aed", shape: "triangle" },
  escalation: { color: "#c026d3", shape: "triangle" },
  action: { color: "#2563eb", shape: "circle" },
  mitigated: { color: "#0284c7", shape: "square" },
  resolved: { color: "#059669", shape: "square" },
  communication: { color: "#64748b", shape: "circle" },
  note: { color: "#94a3b8", shape: "circle" },
};

function Marker({ kind, x, y }: { kind: EventKind; x: number; y: number }) {
  const { color, shape } = KIND_STYLE[kind];
  const r = 7;
  if (shape === "diamond") return <path d={`M${x} ${y - r} L${x + r} ${y} L${x} ${y + r} L${x - r} ${y} Z`} fill={color} />;
  if (shape === "triangle") return <path d={`M${x} ${y - r} L${x + r} ${y + r * 0.8} L${x - r} ${y + r * 0.8} Z`} fill={color} />;
  if (shape === "square") return <rect x={x - r * 0.8} y={y - r * 0.8} width={r * 1.6} height={r * 1.6} fill={color} />;
  return <circle cx={x} cy={y} r={r * 0.75} fill={color} />;
}

/**
 * The timeline drawn to scale: kinds as colours and shapes, the impact window
 * and the detection gap shaded, long quiet stretches compressed and marked.
 * The list below it (TimelineList) is its text alternative.
 */
export function VisualTimeline({ events, timezone }: { events: TimelineEvent[]; timezone: string | null }) {
  const layout = layoutTimeline(events);
  if (!layout) return null;
  const px = (x: number) => PAD + x * (WIDTH - 2 * PAD);
  const first = layout.events[0];
  const last = layout.events[layout.events.length - 1];
  const kinds = [...new Set(layout.events.map((e) => e.kind))];
  const markers = groupTimelineMarkers(layout.events, MAX_MARKERS);
  // Only the events named in the text get a label (a lone event's label carries its day): thousands cost hundreds of ms.
  const labelOf = (index: number) => {
    const [label] = labelEventTimes([events[index].at], timezone);
    return [label.dateLabel, label.timeLabel].filter(Boolean).join(", ");
  };
  const titleOf = (indexes: number[]) => {
    const lead = events[indexes[0]];
    if (indexes.length === 1) return `${labelOf(indexes[0])} · ${EVENT_KIND_LABELS[lead.kind]}: ${lead.text}`;
    return `${indexes.length} events, ${labelOf(indexes[0])} to ${labelOf(indexes[indexes.length - 1])}`;
  };
  const description = [
    `${layout.events.length} timed events from ${labelOf(first.index)} to ${labelOf(last.index)}.`,
    markers.length < layout.events.length ? `Neighbouring events are drawn together as ${markers.length} markers.` : "",
    layout.impact ? "The impact window is shaded red." : "",
    layout.detectionGap ? "The time before detection is shaded amber." : "",
    layout.breaks.length ? `Quiet stretches are compressed: ${layout.breaks.map((b) => formatDuration(b.hiddenMs / 60_000)).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <figure className="mb-6">
      <svg viewBox={`0 0 ${WIDTH} 90`} role="img" aria-label={`Visual timeline. ${description}`} className="h-auto w-full">
        {layout.detectionGap && (
          <rect x={px(layout.detectionGap.from)} y={AXIS_Y - 26} width={px(layout.detectionGap.to) - px(layout.detectionGap.from)} height={14} fill="#f59e0b" opacity={0.25} rx={3} />
        )}
        {layout.impact && (
          <rect x={px(layout.impact.from)} y={AXIS_Y - 10} width={px(layout.impact.to) - px(layout.impact.from)} height={20} fill="#ef4444" opacity={0.15} rx={3} />
        )}
        <line x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} stroke="currentColor" strokeOpacity={0.25} strokeWidth={2} />
        {layout.breaks.map((axisBreak, i) => (
          <g key={i} transform={`translate(${px(axisBreak.x)} ${AXIS_Y})`}>
            <rect x={-10} y={-9} width={20} height={18} className="fill-white dark:fill-zinc-950" />
            <path d="M-8 8 L-2 -8 M2 8 L8 -8" stroke="currentColor" strokeOpacity={0.5} strokeWidth={2} />
            <text y={28} textAnchor="middle" fontSize={13} fill="currentColor" fillOpacity={0.6}>
              ≈ {formatDuration(axisBreak.hiddenMs / 60_000)}
            </text>
          </g>
        ))}
        {markers.map((marker) => (
          <g key={marker.indexes[0]}>
            <title>{titleOf(marker.indexes)}</title>
            <Marker kind={marker.kind} x={px(marker.x)} y={AXIS_Y} />
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-zinc-500">
        <span className="flex justify-between gap-4 tabular-nums">
          <span>{labelOf(first.index)}</span>
          <span className="text-right">{labelOf(last.index)}</span>
        </span>
        <span className="mt-2 flex flex-wrap gap-x-3 gap-y-1" aria-hidden>
          {kinds.map((kind) => (
            <span key={kind} className="inline-flex items-center gap-1">
              <svg viewBox="-8 -8 16 16" className="size-3">
                <Marker kind={kind} x={0} y={0} />
              </svg>
              {EVENT_KIND_LABELS[kind]}
            </span>
          ))}
          {layout.impact && <span className="inline-flex items-center gap-1"><span className="inline-block h-2 w-3 rounded-sm bg-red-500/30" />Impact</span>}
          {layout.detectionGap && <span className="inline-flex items-center gap-1"><span className="inline-block h-2 w-3 rounded-sm bg-amber-500/40" />Before detection</span>}
        </span>
      </figcaption>
    </figure>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/markdown";
import { Chip, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { formatDate, formatInstant } from "@/lib/domain/time";
import { findPostmortemForPage } from "@/lib/server/postmortems";
import { ActionList } from "@/components/postmortem/action-list";
import { FactorList } from "@/components/postmortem/factor-list";
import { ImpactFigures } from "@/components/postmortem/impact-figures";
import { MetricsLine } from "@/components/postmortem/metrics-line";
import { Section } from "@/components/postmortem/section";
import { TimelineList } from "@/components/postmortem/timeline-list";
import { RelatedIncidents } from "@/components/postmortem/related-incidents";
import { VisualTimeline } from "@/components/postmortem/visual-timeline";
import { shownEventCount } from "@/lib/domain/timeline/window";
import { pagePath } from "@/components/account/request-info";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { postmortemPageTitle } from "./page-title";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = postmortemPageTitle();

export default async function PostmortemPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor({ path: pagePath(`/postmortems/${encodeURIComponent(slug)}`, query) });
  const postmortem = await findPostmortemForPage(slug);
  if (!postmortem) notFound();
  const shownEvents = shownEventCount(query.events, postmortem.timeline.length);
  const { rootCause, lessons } = postmortem;
  const hasLessons = Boolean(lessons.wentWell || lessons.wentWrong || lessons.lucky);
  const hasRootCause = Boolean(rootCause.trigger || rootCause.narrative || rootCause.whys.length);

  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <div className="flex flex-wrap items-center gap-3">
          <SeverityBadge severity={postmortem.severity} />
          <StatusBadge status={postmortem.status} />
          {postmortem.incidentDate && (
            <time dateTime={postmortem.incidentDate} className="text-sm text-zinc-500">
              {formatDate(postmortem.incidentDate)}
            </time>
          )}
        </div>
        <div className="mt-3 flex flex-col items-start justify-between gap-3 sm:flex-row sm:gap-4">
          <h1 className="min-w-0 text-3xl font-semibold tracking-tight text-balance wrap-anywhere">{postmortem.title}</h1>
          <div className="flex shrink-0 gap-2 sm:mt-1">
            <Link
              href={`/postmortems/${postmortem.slug}/export`}
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Export
            </Link>
            {mayDo(actor, "editor") && (
              <Link
                href={`/postmortems/${postmortem.slug}/edit`}
                className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
              >
                Edit
              </Link>
            )}
          </div>
        </div>
        {/* Markdown like every other text field (and like the export): imported summaries carry **labels** and paragraphs. */}
        {postmortem.summary && <Markdown className="prose-lg mt-3 text-zinc-600 dark:text-zinc-400 prose-p:my-2">{postmortem.summary}</Markdown>}
        <MetricsLine timeline={postmortem.timeline} />
        <dl className="mt-6 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
          <MetaItem label="Services" values={postmortem.services} />
          <MetaItem label="Tags" values={postmortem.tags} />
          <MetaItem label="Authors" values={postmortem.authors} plain />
          <div>
            <dt className="text-zinc-500">Times shown in</dt>
            <dd className="mt-1">{postmortem.timezone ?? "the local time of the incident (no time zone set)"}</dd>
          </div>
        </dl>
      </header>

      <Section id="impact" title="Impact" isEmpty={!postmortem.impact && Object.values(postmortem.impactFigures).every((v) => v === null)}>
        <ImpactFigures figures={postmortem.impactFigures} />
        <Markdown className="mt-4">{postmortem.impact}</Markdown>
      </Section>

      <Section id="timeline" title="Timeline" isEmpty={postmortem.timeline.length === 0}>
        <VisualTimeline events={postmortem.timeline} timezone={postmortem.timezone} />
        <TimelineList events={postmortem.timeline} timezone={postmortem.timezone} shown={shownEvents} />
      </Section>

      <Section id="root-cause" title="Root cause" isEmpty={!hasRootCause}>
        {rootCause.trigger && (
          <>
            <h3 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">Trigger</h3>
            <Markdown className="mt-2">{rootCause.trigger}</Markdown>
          </>
        )}
        {rootCause.narrative && <Markdown className="mt-4">{rootCause.narrative}</Markdown>}
        {rootCause.whys.length > 0 && (
          <>
            <h3 className="mt-6 text-sm font-semibold uppercase tracking-wide text-zinc-500">Five whys</h3>
            <ol className="mt-3 space-y-2">
              {rootCause.whys.map((why, index) => (
                <li key={index} className="flex gap-3">
                  <span className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-50 text-xs font-semibold text-accent-700 dark:bg-accent-500/15 dark:text-accent-400">
                    {index + 1}
                  </span>
                  <span className="leading-relaxed">{why}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </Section>

      <Section id="contributing-factors" title="Contributing factors" isEmpty={postmortem.contributingFactors.length === 0}>
        <FactorList factors={postmortem.contributingFactors} />
      </Section>

      <Section id="corrective-actions" title="Corrective actions" isEmpty={postmortem.correctiveActions.length === 0}>
        <ActionList actions={postmortem.correctiveActions} />
      </Section>

      <Section id="lessons" title="Lessons" isEmpty={!hasLessons}>
        {(
          [
            ["What went well", lessons.wentWell],
            ["What went wrong", lessons.wentWrong],
            ["Where we got lucky", lessons.lucky],
          ] as const
        )
          .filter(([, body]) => body)
          .map(([title, body]) => (
            <div key={title} className="mt-4 first:mt-0">
              <h3 className="text-sm font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
              <Markdown className="mt-2">{body}</Markdown>
            </div>
          ))}
      </Section>

      {postmortem.sections.map((section, index) => (
        <Section
          key={index}
          id={`section-${index + 1}`}
          title={section.title}
          badge={section.internal ? "Internal" : undefined}
          isEmpty={!section.body.trim()}
        >
          <Markdown>{section.body}</Markdown>
        </Section>
      ))}

      <RelatedIncidents postmortem={postmortem} />

      <footer className="mt-16 border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800">
        Version {postmortem.version} · last saved {formatInstant(postmortem.updatedAt, postmortem.timezone)} ·{" "}
        <Link href={`/postmortems/${postmortem.slug}/history`} className="text-accent-600 underline underline-offset-2 dark:text-accent-400">
          History
        </Link>
      </footer>
    </article>
  );
}

function MetaItem({ label, values, plain = false }: { label: string; values: string[]; plain?: boolean }) {
  return (
    <div>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="mt-1 flex min-w-0 flex-wrap gap-1.5 wrap-anywhere">
        {values.length === 0 ? (
          <span className="text-zinc-500 dark:text-zinc-400">None</span>
        ) : plain ? (
          values.join(", ")
        ) : (
          values.map((value) => <Chip key={value}>{value}</Chip>)
        )}
      </dd>
    </div>
  );
}

import { ActionList } from "@/components/postmortem/action-list";
import { FactorList } from "@/components/postmortem/factor-list";
import { MetricsLine } from "@/components/postmortem/metrics-line";
import { TimelineList } from "@/components/postmortem/timeline-list";
import { Chip, SeverityBadge } from "@/components/ui/badges";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";

function Part({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section className="mt-5 first:mt-0">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
        {title}
        {count !== undefined && <span className="ml-1.5 font-normal normal-case">({count})</span>}
      </h3>
      <div className="mt-2 text-sm">{children}</div>
    </section>
  );
}

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** The structure read from an imported document, with its warnings first. */
export function ParsedPreview({ parsed }: { parsed: { document: unknown; warnings: string[] } }) {
  // The import API's document with the exchange format's defaults filled in.
  const read = postmortemInputSchema.safeParse(parsed.document);
  if (!read.success) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        The server&apos;s reading of this document could not be shown. Try again, or create it and fix it in the editor.
      </p>
    );
  }
  const doc = read.data;
  return (
    <div>
      {parsed.warnings.length > 0 && (
        <div className="mb-5 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
          <p className="font-medium">
            {parsed.warnings.length} thing{parsed.warnings.length === 1 ? "" : "s"} to check
          </p>
          <ul aria-label="Import warnings" className="mt-1 list-disc space-y-0.5 pl-5">
            {parsed.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <Part title="Overview">
        <p className="text-base font-semibold wrap-anywhere">{doc.title}</p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
          <SeverityBadge severity={doc.severity} />
          {doc.incidentDate && <span>{doc.incidentDate}</span>}
          {doc.timezone && <span>{doc.timezone}</span>}
          {doc.services.map((service) => (
            <Chip key={service}>{service}</Chip>
          ))}
        </div>
        {doc.summary && <p className="mt-2 text-zinc-600 dark:text-zinc-400">{excerpt(doc.summary)}</p>}
      </Part>
      <Part title="Timeline" count={doc.timeline.length}>
        {doc.timeline.length ? (
          <>
            <TimelineList events={doc.timeline} timezone={doc.timezone} />
            <MetricsLine timeline={doc.timeline} />
          </>
        ) : (
          <p className="text-zinc-500">No timeline found.</p>
        )}
      </Part>
      <Part title="Root cause">
        {doc.rootCause.trigger || doc.rootCause.narrative ? (
          <p className="wrap-anywhere">{excerpt(doc.rootCause.trigger || doc.rootCause.narrative)}</p>
        ) : (
          <p className="text-zinc-500">No root cause found.</p>
        )}
      </Part>
      <Part title="Contributing factors" count={doc.contributingFactors.length}>
        {doc.contributingFactors.length ? <FactorList factors={doc.contributingFactors} /> : <p className="text-zinc-500">None found.</p>}
      </Part>
      <Part title="Corrective actions" count={doc.correctiveActions.length}>
        {doc.correctiveActions.length ? <ActionList actions={doc.correctiveActions} /> : <p className="text-zinc-500">None found.</p>}
      </Part>
      <Part title="Lessons">
        {[doc.lessons.wentWell, doc.lessons.wentWrong, doc.lessons.lucky].some(Boolean) ? (
          <ul className="space-y-1">
            {doc.lessons.wentWell && <li>What went well: {excerpt(doc.lessons.wentWell)}</li>}
            {doc.lessons.wentWrong && <li>What went wrong: {excerpt(doc.lessons.wentWrong)}</li>}
            {doc.lessons.lucky && <li>Where we got lucky: {excerpt(doc.lessons.lucky)}</li>}
          </ul>
        ) : (
          <p className="text-zinc-500">None found.</p>
        )}
      </Part>
      <Part title="Extra sections" count={doc.sections.length}>
        {doc.sections.length ? (
          <ul className="space-y-1">
            {doc.sections.map((section, index) => (
              <li key={index}>
                <span className="font-medium">{section.title}</span>
                <span className="text-zinc-500"> — {excerpt(section.body)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-zinc-500">None.</p>
        )}
      </Part>
    </div>
  );
}

import { notFound } from "next/navigation";
import { STEP_IDS, type StepId } from "@/lib/domain/editor/steps";
import { findPostmortemForPage } from "@/lib/server/postmortems";
import { NotAllowed, roleName } from "@/components/account/not-allowed";
import { pagePath } from "@/components/account/request-info";
import { listPeopleNames, mayDo, requirePageActor } from "@/lib/server/auth";
import { Editor } from "./_components/editor";
import { postmortemPageTitle } from "../page-title";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = postmortemPageTitle("Edit");

export default async function EditPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor({ path: pagePath(`/postmortems/${encodeURIComponent(slug)}/edit`, query) });
  const postmortem = await findPostmortemForPage(slug);
  if (!postmortem) notFound();
  if (!mayDo(actor, "editor")) {
    return (
      <NotAllowed title={postmortem.title} backHref={`/postmortems/${postmortem.slug}`} backLabel="Read the postmortem">
        Your role ({roleName(actor)}) can read this postmortem but not edit it. Editors and admins can.
      </NotAllowed>
    );
  }
  const requested = typeof query.step === "string" ? query.step : "";
  const step: StepId = (STEP_IDS as readonly string[]).includes(requested) ? (requested as StepId) : "overview";
  // Keyed by slug so that opening another postmortem starts a fresh editor.
  const everyone = await listPeopleNames();
  // The signed-in person first: they are the likeliest author.
  const people = actor.kind === "user" ? [...everyone.filter((p) => p.email === actor.email), ...everyone.filter((p) => p.email !== actor.email)] : everyone;
  return <Editor key={postmortem.slug} initial={postmortem} initialStep={step} people={people} />;
}

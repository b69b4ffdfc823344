import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPanel } from "@/components/account/auth-panel";
import { hasAnyPerson } from "@/lib/server/auth";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Hindsight" };

/** The one-time setup screen: while nobody has an account, it creates the first admin; afterwards it leads to sign-in. */
export default async function SetupPage() {
  if (await hasAnyPerson()) redirect("/login");
  return (
    <AuthPanel
      title="Set up Hindsight"
      intro={
        <>
          <p>Nobody has an account yet. Create the first one: it will be an admin, who can then invite the rest of the team from Admin → People.</p>
          <p className="mt-2">This screen is shown once, until the first account exists.</p>
        </>
      }
    >
      <SetupForm />
    </AuthPanel>
  );
}

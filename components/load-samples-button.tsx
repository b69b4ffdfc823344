"use client";

import { useFormStatus } from "react-dom";
import { loadSamples } from "@/app/load-samples-action";
import { buttonClass } from "@/components/ui/fields";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonClass} disabled={pending}>
      {pending ? "Loading samples…" : "Load sample postmortems"}
    </button>
  );
}

/** One click to a full library: three sample postmortems written for Hindsight. */
export function LoadSamplesButton() {
  return (
    <form action={loadSamples}>
      <Submit />
    </form>
  );
}

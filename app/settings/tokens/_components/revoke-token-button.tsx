"use client";

import { useState, useTransition } from "react";
import { failureMessage } from "@/components/account/form-state";
import { buttonClass } from "@/components/ui/fields";
import { revokeTokenAction } from "../actions";

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-1 md:items-end">
      <button
        type="button"
        className={buttonClass}
        disabled={isPending}
        aria-label={`Revoke ${name}`}
        onClick={() =>
          startTransition(async () => {
            const answer = await revokeTokenAction(id);
            setProblem(answer && !answer.ok ? failureMessage(answer) : null);
          })
        }
      >
        {isPending ? "Revoking…" : "Revoke"}
      </button>
      <span role="alert" className="max-w-48 text-xs text-red-700 empty:hidden dark:text-red-400">
        {problem ?? ""}
      </span>
    </div>
  );
}

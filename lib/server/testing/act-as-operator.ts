// Vitest setup: data-access tests run as the operator (as the CLI does), unless a
// test says otherwise with runAs(actor, …) — the access tests do.
import { actAsOperatorForThisProcess } from "@/lib/server/auth/actor";

actAsOperatorForThisProcess();

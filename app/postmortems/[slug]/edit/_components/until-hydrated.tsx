"use client";

import { useEffect, useState, type ComponentType } from "react";

/**
 * A step that loads on its own (editor.tsx) arrives in the server's HTML
 * before its code: a key typed into it then would be lost when React takes
 * the step over. Its fields stay disabled until the step itself is live,
 * which also tells a browser test when it may type.
 */
export function untilHydrated<P extends object>(Step: ComponentType<P>): ComponentType<P> {
  function Guarded(props: P) {
    const [isLive, setIsLive] = useState(false);
    useEffect(() => setIsLive(true), []);
    return (
      <fieldset disabled={!isLive} className="m-0 min-w-0 border-0 p-0">
        <Step {...props} />
      </fieldset>
    );
  }
  Guarded.displayName = `UntilHydrated(${Step.displayName ?? Step.name})`;
  return Guarded;
}

/** Runs once when the server starts: a bad setting stops it with a message naming the setting. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStart } = await import("./lib/server/check-config-at-start");
    checkConfigAtStart();
  }
}

/** A command used the wrong way (unknown command, missing argument, bad flag value): exit code 2 with the usage text. */
export class UsageError extends Error {}

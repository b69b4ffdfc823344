// Stands in for the "server-only" package in unit tests and the CLI, where no
// client bundle exists for it to guard.
export {};

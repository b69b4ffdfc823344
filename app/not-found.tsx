import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-accent-600 dark:text-accent-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        There is no postmortem or page at this address. It may have been renamed.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
        Back to the incident library
      </Link>
    </div>
  );
}

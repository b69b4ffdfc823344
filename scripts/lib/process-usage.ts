/** What server processes use, read from Linux /proc for the benches (figures, not assertions). */
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** The fields of /proc/PID/stat after "pid (comm) " (comm may hold spaces, so read after the last ")"), or null when gone. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** A process and every process under it, or [] where there is no /proc. */
export function processTree(pid: number): number[] {
  if (!existsSync("/proc")) return [];
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(name);
    if (fields) parents.set(Number(name), Number(fields[1]));
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** CPU time (user + system, ms, every thread) the processes `pids` have used so far; Linux counts it in ticks of 10 ms. A process that ended took its time with it. */
export function cpuMsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    // utime and stime: fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

// Memory and CPU time of a process with everything it started (e.g. the node child that `tsx`
// spawns), from `ps` and /proc.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** `ps` rows of every process: pid, parent pid, resident set size in KiB. */
function processRows(): [number, number, number][] {
  return execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
}

function treeOf(pid: number, rows: [number, number, number][]): Set<number> {
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) {
      if (!tree.has(child) && tree.has(parent)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return tree;
}

/** Resident set size of `pid` and all its descendants, in KiB; 0 once they are gone. */
export function treeRssKb(pid: number): number {
  const rows = processRows();
  const tree = treeOf(pid, rows);
  return rows.filter(([child]) => tree.has(child)).reduce((sum, [, , rss]) => sum + rss, 0);
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU time (user + system) used so far by `pid` and its running descendants, in ms (Linux /proc; steps of 1/CLK_TCK s). */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const member of treeOf(pid, processRows())) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${member}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

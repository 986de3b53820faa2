import { readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; null off Linux. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface ProcessMemory {
  /** Resident now (VmRSS). */
  rss: number;
  /** Peak resident (VmHWM). */
  peak: number;
  /** Resident anonymous memory (heap, stacks, buffers) and resident file mappings (the node binary). */
  anon: number;
  file: number;
}

/** A process's resident memory in MiB from /proc/<pid>/status; null off Linux. */
export function processMemory(pid: number): ProcessMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const mib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) / 1024;
    return { rss: mib("VmRSS"), peak: mib("VmHWM"), anon: mib("RssAnon"), file: mib("RssFile") };
  } catch {
    return null;
  }
}

/** Peak resident memory in MiB (VmHWM from /proc/<pid>/status); null off Linux. */
export function peakRssMiB(pid: number): number | null {
  return processMemory(pid)?.peak ?? null;
}

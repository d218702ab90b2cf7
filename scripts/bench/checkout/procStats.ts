import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** Linux clock ticks per second (`getconf CLK_TCK`): 100 on every kernel this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time in ms that `/proc/<pid>/stat` (or a thread's `/proc/<pid>/task/<tid>/stat`) reports, user + system. */
export function cpuMsOf(statFile: string): number {
  const text = fs.readFileSync(statFile, 'utf8');
  // NOTE: the command name (field 2) may hold spaces; every field after its closing ')' is plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** A process's CPU: all its threads, and its main thread alone (the one that runs the room and the HTTP layer). */
export function processCpuMs(pid: number): { total: number; mainThread: number } {
  return { total: cpuMsOf(`/proc/${pid}/stat`), mainThread: cpuMsOf(`/proc/${pid}/task/${pid}/stat`) };
}

/** A process's resident memory in MB. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** CPU ms of every child of `parentPid` (PostgreSQL's backends are the postmaster's children). */
export function childrenCpuMs(parentPid: number): number {
  let sum = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parentPid) sum += cpuMsOf(`/proc/${entry}/stat`);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return sum;
}

/** What else the machine was doing (other people build and test on it): the 1-minute load average and `uptime`'s line. */
export function machineLoad(): { load1: number; uptime: string } {
  const load1 = os.loadavg()[0] ?? 0;
  const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
  return { load1: Math.round(load1 * 100) / 100, uptime };
}

/** Runs a command under bash's `time`, stdout to a file, and returns wall, user and system seconds. */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";

export interface Timed { wall_s: number; user_s: number; sys_s: number; status: number | null; stdoutBytes: number; stderr: string }

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function timeCmd(argv: string[], opts: { cwd: string; stdoutFile: string; env?: NodeJS.ProcessEnv }): Timed {
  const err = opts.stdoutFile + ".err";
  // `time` reports the subshell (and its children); bash exits with the command's status.
  const script = `TIMEFORMAT='@@time %R %U %S'; time ( ${argv.map(quote).join(" ")} > ${quote(opts.stdoutFile)} 2> ${quote(err)} )`;
  const r = spawnSync("bash", ["-c", script], { cwd: opts.cwd, env: opts.env ?? process.env, encoding: "utf8" });
  const m = /@@time ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${argv.join(" ")}: ${r.stderr}`);
  let stdoutBytes = 0, stderr = "";
  try { stdoutBytes = statSync(opts.stdoutFile).size; } catch { /* none */ }
  try { stderr = readFileSync(err, "utf8").slice(-2000); } catch { /* none */ }
  return { wall_s: Number(m[1]), user_s: Number(m[2]), sys_s: Number(m[3]), status: r.status, stdoutBytes, stderr };
}

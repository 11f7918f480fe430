// Preloaded (node --require) into the CLI and the server by no-network.test.ts: records every
// attempt to reach the network (TCP/TLS/UDP sockets, DNS, http(s), http2, fetch) into the file
// named by LLMD_NET_LOG and refuses it, so a test can assert nothing was attempted. stdio and
// IPC pipes are not sockets that connect, so the LSP transport is untouched.
"use strict";
const fs = require("node:fs");
const log = process.env.LLMD_NET_LOG;
const loaded = process.env.LLMD_NET_LOADED;
if (loaded) fs.appendFileSync(loaded, `${process.pid}:${require("node:worker_threads").threadId}\n`);

function refuse(what, target) {
  const entry = { pid: process.pid, what, target: safe(target), stack: new Error().stack.split("\n").slice(2, 6).map((l) => l.trim()) };
  if (log) fs.appendFileSync(log, JSON.stringify(entry) + "\n");
  const error = new Error(`network access refused by the test preload: ${what}`);
  error.code = "ENETUNREACH";
  return error;
}
function safe(v) {
  try { return typeof v === "object" && v !== null ? JSON.parse(JSON.stringify(v, (k, x) => (typeof x === "function" ? undefined : x))) : v; } catch { return String(v); }
}
function guard(mod, name, what) {
  const original = mod[name];
  if (typeof original !== "function") return;
  mod[name] = function guarded(...args) { throw refuse(what, args[0]); };
  Object.defineProperty(mod[name], "name", { value: original.name });
}

const net = require("node:net");
const tls = require("node:tls");
const dns = require("node:dns");
const dgram = require("node:dgram");
const http = require("node:http");
const https = require("node:https");
const http2 = require("node:http2");

net.Socket.prototype.connect = function guardedConnect(...args) { throw refuse("net.Socket#connect", args[0]); };
guard(net, "connect", "net.connect");
guard(net, "createConnection", "net.createConnection");
guard(tls, "connect", "tls.connect");
for (const fn of ["lookup", "lookupService", "resolve", "resolve4", "resolve6", "resolveAny", "resolveCname", "resolveMx", "resolveNs", "resolveSrv", "resolveTxt", "reverse"]) {
  guard(dns, fn, `dns.${fn}`);
  guard(dns.promises, fn, `dns.promises.${fn}`);
}
guard(dgram, "createSocket", "dgram.createSocket");
for (const m of [[http, "http"], [https, "https"]]) {
  guard(m[0], "request", `${m[1]}.request`);
  guard(m[0], "get", `${m[1]}.get`);
}
guard(http2, "connect", "http2.connect");
if (typeof globalThis.fetch === "function") {
  globalThis.fetch = function guardedFetch(input) { return Promise.reject(refuse("fetch", String(input))); };
}

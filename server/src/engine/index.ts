/** The rules engine's public surface for front ends (server, CLI, tests, benchmarks). */
export * from "./types";
export * from "./config";
export * from "./registry";
export * from "./lint";
export * from "./fileKind";
export * from "./workspace";
export * from "./edits";
export * from "./input";
export { LineIndex } from "./text";

/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (upload with
 * github/codeql-action/upload-sarif). Locations are repository-relative URIs under the
 * %SRCROOT% base; regions are 1-based with an exclusive end column in UTF-16 code units.
 */
import { pathToFileURL } from "node:url";
import type { Log, Region, ReportingDescriptor, Result } from "sarif";
import { docUrl, type Problem, type RuleMeta, type Severity } from "../../engine/index";
import type { FileProblems } from "../lint/types";
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from "../version";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
type Level = "error" | "warning" | "note";

export function sarifLevel(s: Severity): Level {
  return s === "error" ? "error" : s === "warning" ? "warning" : "note";
}

/** Percent-encodes each segment of a repository-relative path for a URI reference. */
export function relativeUri(relPath: string): string {
  return relPath.split("/").map(encodeURIComponent).join("/");
}

function region(p: Problem): Region {
  const { start, end } = p.range;
  const r: Region = { startLine: start.line + 1, startColumn: start.character + 1 };
  // An empty range (a file-level finding) leaves the end out: the viewer then marks the line.
  if (end.line !== start.line || end.character !== start.character) {
    r.endLine = end.line + 1;
    r.endColumn = end.character + 1;
  }
  return r;
}

export function toSarif(results: readonly FileProblems[], root: string, rules: readonly RuleMeta[]): Log {
  const ruleList = [...rules];
  const indexOf = new Map(ruleList.map((r, i) => [r.id, i]));
  const sarifResults: Result[] = [];
  for (const file of results) for (const p of file.problems) {
    let ruleIndex = indexOf.get(p.ruleId);
    if (ruleIndex === undefined) {
      ruleIndex = ruleList.length;
      ruleList.push({ id: p.ruleId, description: p.ruleId, defaultSeverity: p.severity, fixable: false, family: p.ruleId.split("/")[0] });
      indexOf.set(p.ruleId, ruleIndex);
    }
    sarifResults.push({
      ruleId: p.ruleId,
      ruleIndex,
      level: sarifLevel(p.severity),
      message: { text: p.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(file.relPath), uriBaseId: "%SRCROOT%" }, region: region(p) } }],
    });
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          informationUri: INFORMATION_URI,
          rules: ruleList.map((r): ReportingDescriptor => ({
            id: r.id,
            name: r.id,
            shortDescription: { text: r.description },
            helpUri: docUrl(r.id),
            defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
            properties: { family: r.family, fixable: r.fixable },
          })),
        },
      },
      originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(root).href.replace(/\/?$/, "/") } },
      columnKind: "utf16CodeUnits",
      results: sarifResults,
    }],
  };
}

export function formatSarif(results: readonly FileProblems[], root: string, rules: readonly RuleMeta[]): string {
  return JSON.stringify(toSarif(results, root, rules), null, 2) + "\n";
}

/**
 * The YAML layer of the owners family: reads the first document the way Prow's yaml.v2 does
 * (YAML 1.1, duplicate keys allowed, later documents ignored) while keeping every position,
 * and types plain scalars with yaml.v2's resolver so "yes", "0755" and "~" mean what they mean to Prow.
 * Aliases are resolved here, once, without ever expanding them (no alias bomb can blow up).
 */
import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLError } from "yaml";
import { fastParse } from "./fastpath";

export type ValueType = "string" | "bool" | "int" | "float" | "null" | "map" | "seq";

export interface YamlFirstDocument {
  /** The top-level node (null for an empty or comment-only file). */
  contents: Node | null;
  errors: readonly YAMLError[];
  /** Alias node → the anchored node it stands for (absent when the anchor is undefined). */
  aliases: Map<Node, Node>;
  /** The first alias whose anchor is not defined before it. */
  unknownAnchor: Node | undefined;
  /** The first alias inside the value of its own anchor (`&a [*a]`). */
  cycle?: Node;
  /** How many values the document holds once every alias is expanded (Infinity for a cycle). */
  expandedSize: number;
  /** How many values are written in it (aliases counted once). */
  literalSize: number;
  /** Nesting deeper than this was not walked (the file is absurd, not an OWNERS file). */
  tooDeep: boolean;
}

const MAX_DEPTH = 200;
/** Flow brackets or compact "- - -" nested deeper than this are refused before parsing (the parser recurses). */
const MAX_SCAN_DEPTH = 100;
const DEEP_DASHES = new RegExp(`(?:^|\\n)[ \\t]*(?:-[ \\t]+){${MAX_SCAN_DEPTH}}`);

/** A cheap linear scan for nesting that would make a recursive parser overflow its stack. */
export function nestingTooDeep(text: string): boolean {
  if (DEEP_DASHES.test(text)) return true;
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") { quote = ""; continue; }
    if (quote) { if (c === quote) quote = ""; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) { const nl = text.indexOf("\n", i); if (nl === -1) break; i = nl - 1; }
    else if (c === "[" || c === "{") { if (++depth > MAX_SCAN_DEPTH) return true; }
    else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return false;
}

/** Parses only the first YAML document (Prow reads only that one) with positions kept. */
export function parseFirstDocument(text: string): YamlFirstDocument {
  const fast = fastParse(text);
  if (fast !== undefined) return { contents: fast, errors: [], aliases: new Map(), unknownAnchor: undefined, expandedSize: 0, literalSize: 0, tooDeep: false };
  return parseWithYaml(text);
}

/** The full YAML parser (the `yaml` package), for everything the fast reader does not take. */
export function parseWithYaml(text: string): YamlFirstDocument {
  if (nestingTooDeep(text)) return { contents: null, errors: [], aliases: new Map(), unknownAnchor: undefined, expandedSize: 0, literalSize: 0, tooDeep: true };
  const parser = new Parser();
  const composer = new Composer({ version: "1.1", schema: "failsafe", uniqueKeys: false, strict: false });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(parser.parse(text))) { doc = d; break; }
  const contents = (doc?.contents ?? null) as Node | null;
  const result: YamlFirstDocument = { contents, errors: doc?.errors ?? [], aliases: new Map(), unknownAnchor: undefined, expandedSize: 0, literalSize: 0, tooDeep: false };
  if (doc) walkAnchors(contents, result);
  return result;
}

/** One pass in document order: resolves aliases to the last anchor before them and sizes the expansion. */
function walkAnchors(root: Node | null, out: YamlFirstDocument): void {
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const visit = (node: unknown, depth: number): number => {
    out.literalSize++;
    if (node === null || node === undefined) return 1;
    if (depth > MAX_DEPTH) { out.tooDeep = true; return 1; }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) { out.unknownAnchor ??= node; return 1; }
      out.aliases.set(node, target);
      if (open.has(target)) { out.cycle ??= node; return Infinity; }
      return sizes.get(target) ?? 1;
    }
    const n = node as Node;
    if (n.anchor) { anchors.set(n.anchor, n); open.add(n); }
    let size = 1;
    if (isMap(n) || isSeq(n)) {
      for (const item of n.items as unknown[]) {
        if (isPair(item)) size += visit(item.key, depth + 1) + visit(item.value, depth + 1);
        else size += visit(item, depth + 1);
        if (size > 1e12) size = Infinity;
      }
    }
    if (n.anchor) { open.delete(n); sizes.set(n, size); }
    return size;
  };
  out.expandedSize = visit(root, 0);
}

/** The node an alias stands for, or the node itself. */
export function deref(node: unknown, aliases: ReadonlyMap<Node, Node>): Node | null {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return aliases.get(node) ?? null;
  return node as Node;
}

const BOOLS = new Set(["y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]);
const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const SPECIAL_FLOATS = new Set([".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|0|[1-9][0-9]*)$/;

/** How yaml.v2 (YAML 1.1) types a plain scalar: "yes" is a bool, "0755" an int, "~" null. */
export function plainType(text: string): ValueType {
  if (NULLS.has(text)) return "null";
  if (BOOLS.has(text)) return "bool";
  if (SPECIAL_FLOATS.has(text)) return "float";
  const c = text.charCodeAt(0);
  // Only values starting with a digit, sign or dot can be numbers (yaml.v2's resolve table).
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return "string";
  const plain = text.replace(/_/g, "");
  if (GO_INT.test(plain)) return "int";
  if (YAML_FLOAT.test(plain)) return "float";
  return "string";
}

const STR_TAG = "tag:yaml.org,2002:str";
const TAG_TYPES: Record<string, ValueType> = {
  "tag:yaml.org,2002:str": "string", "tag:yaml.org,2002:bool": "bool", "tag:yaml.org,2002:int": "int",
  "tag:yaml.org,2002:float": "float", "tag:yaml.org,2002:null": "null", "tag:yaml.org,2002:binary": "string",
  "tag:yaml.org,2002:timestamp": "string", "tag:yaml.org,2002:map": "map", "tag:yaml.org,2002:seq": "seq",
};

/** The type Prow sees for a (dereferenced) node; a missing value is null. */
export function typeOf(node: Node | null): ValueType {
  if (node === null) return "null";
  if (isMap(node)) return "map";
  if (isSeq(node)) return "seq";
  if (isScalar(node)) {
    if (node.tag && node.tag !== "!") return TAG_TYPES[node.tag] ?? "string";
    if (node.type === "PLAIN") return plainType(String(node.value ?? ""));
    return "string";
  }
  return "null";
}

/** The string value of a scalar node (its decoded text), or undefined for collections. */
export function scalarText(node: Node | null): string | undefined {
  if (node && isScalar(node)) return String((node as Scalar).value ?? "");
  return undefined;
}

export { STR_TAG };

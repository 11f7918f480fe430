/** Positions and shapes of the parts of an OWNERS / OWNERS_ALIASES file, as plain data the rules share. */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import type { Range } from "../../types";
import type { LineIndex } from "../../text";
import { deref, scalarText, typeOf, type ValueType } from "./yaml";

export interface KeyEntry {
  /** The key as YAML decodes it ("" for a missing or non-scalar key). */
  name: string;
  lower: string;
  keyNode: Node | null;
  keyRange: Range;
  /** Whether the key was written in quotes. */
  keyQuoted: boolean;
  pair: Pair;
  /** The value, aliases resolved (null when empty). */
  value: Node | null;
  valueType: ValueType;
  /** Where the value is written (the alias itself for `*x`); the key's end when empty. */
  valueRange: Range;
  /** Offsets of the whole pair, key start to value end. */
  start: number;
  end: number;
}

export interface Item {
  /** The item as written (an alias stays an alias). */
  written: Node | null;
  /** The item, aliases resolved. */
  node: Node | null;
  type: ValueType;
  /** The decoded text for scalars (also for non-string scalars: "yes", "123"). */
  text: string | undefined;
  /** Offsets and range of the item as written; for a missing value, the empty spot after `-`. */
  start: number;
  end: number;
  range: Range;
  /** The source text as written. */
  source: string;
}

export interface Ctx { lines: LineIndex; aliases: ReadonlyMap<Node, Node> }

/**
 * Start and end of a node as written: a scalar or flow collection ends where its text ends; a block
 * collection ends where its last value ends (trailing comments and line breaks are not part of it).
 */
export function nodeRange(node: Node | null | undefined, aliases?: ReadonlyMap<Node, Node>): [number, number] | undefined {
  const r = node?.range;
  if (!node || !r) return undefined;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1] as unknown;
    if (last === undefined) return [r[0], r[1]];
    const tail = isPair(last) ? (last.value as Node | null) ?? (last.key as Node | null) : (last as Node | null);
    const end = nodeRange(tail, aliases);
    return [r[0], end ? Math.max(r[0], end[1]) : r[1]];
  }
  return [r[0], r[1]];
}

export function entriesOf(map: YAMLMap, c: Ctx): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const pair of map.items as Pair[]) {
    const keyNode = deref(pair.key, c.aliases);
    const name = scalarText(keyNode) ?? "";
    const kr = nodeRange(pair.key as Node) ?? nodeRange(pair.value as Node) ?? [0, 0];
    const value = deref(pair.value, c.aliases);
    const vr = nodeRange(pair.value as Node);
    const valueStart = vr && vr[1] > vr[0] ? vr[0] : kr[1];
    const valueEnd = vr && vr[1] > vr[0] ? vr[1] : kr[1];
    out.push({
      name, lower: name.toLowerCase(), keyNode, pair, value, valueType: typeOf(value),
      keyRange: c.lines.range(kr[0], kr[1]),
      keyQuoted: !!keyNode && isScalar(keyNode) && keyNode.type !== "PLAIN",
      valueRange: c.lines.range(valueStart, valueEnd),
      start: kr[0], end: Math.max(kr[1], valueEnd),
    });
  }
  return out;
}

export function itemsOf(seq: YAMLSeq, c: Ctx): Item[] {
  const out: Item[] = [];
  for (const written of seq.items as (Node | null)[]) {
    const node = deref(written, c.aliases);
    const r = nodeRange(written) ?? [0, 0];
    out.push({
      written, node, type: typeOf(node), text: scalarText(node),
      start: r[0], end: r[1], range: c.lines.range(r[0], r[1]), source: c.lines.text.slice(r[0], r[1]),
    });
  }
  return out;
}

/** Keys of a flow or block mapping used as a list (`{a, b}`): Prow takes the keys as members. */
export function keysAsItems(map: YAMLMap, c: Ctx): Item[] {
  return entriesOf(map, c).map((e) => ({
    written: e.keyNode, node: e.keyNode, type: typeOf(e.keyNode), text: e.name,
    start: e.start, end: e.start + (c.lines.offsetAt(e.keyRange.end) - c.lines.offsetAt(e.keyRange.start)),
    range: e.keyRange, source: e.name,
  }));
}

export function isMapNode(n: Node | null): n is YAMLMap { return !!n && isMap(n); }
export function isSeqNode(n: Node | null): n is YAMLSeq { return !!n && isSeq(n); }

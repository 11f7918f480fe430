/**
 * A fast reader for the plain shape nearly every OWNERS file has: comments, `key:` lines,
 * `- name` items, `[a, b]` lists and nested mappings by indentation, with simple names and
 * simple quotes. It builds the same nodes the `yaml` package would (same classes, same start and
 * value-end offsets) in a fraction of the time, and gives up (returns undefined) on anything
 * else — tabs, anchors, multi-line values, escapes, flow mappings, odd characters — so the full
 * YAML parser decides every case that is not plain. test/unit/owners/fastpath.test.ts holds the
 * two readers to identical results on the corpus and on mutated files.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

interface Line { start: number; end: number; indent: number; text: string }

const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\/-]*/;
/** Names, labels, logins, emails, `two words`: no character YAML treats specially. */
const PLAIN_VALUE = /^[A-Za-z0-9_.\/][A-Za-z0-9_.\/@+ -]*/;
const TAIL = /^(?:\s+#.*)?\s*$/;

class Bail extends Error {}
const bail = (): never => { throw new Bail(); };

function scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number): Scalar {
  const s = new Scalar(value);
  s.type = type;
  s.range = [start, valueEnd, nodeEnd];
  return s;
}

/** A quoted scalar without escapes at `col` of `t`; [node, column after it]. */
function quoted(t: string, col: number, offset: number, nodeEnd: (end: number) => number): [Scalar, number] {
  const q = t[col];
  const close = t.indexOf(q, col + 1);
  if (close === -1) bail();
  const inner = t.slice(col + 1, close);
  if (q === '"' && inner.includes("\\")) bail();
  if (q === "'" && t[close + 1] === "'") bail();
  return [scalar(inner, q === '"' ? "QUOTE_DOUBLE" : "QUOTE_SINGLE", offset + col, offset + close + 1, nodeEnd(offset + close + 1)), close + 1];
}

export function fastParse(text: string): Node | null | undefined {
  if (text.includes("\t") || text.includes("\r")) return undefined;
  const lines: Line[] = [];
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const t = text.slice(start, end);
    const body = t.trimStart();
    if (body !== "" && body[0] !== "#") {
      if (/^(---|\.\.\.)(\s|$)|^%/.test(t)) return undefined;
      lines.push({ start, end, indent: t.length - body.length, text: t });
    }
    if (end === text.length) break;
    start = end + 1;
  }
  if (lines.length === 0) return null;
  const afterLine = (l: Line) => (l.end < text.length ? l.end + 1 : l.end);
  let i = 0;

  /** The value after `key:` or `- ` on line `l`, from column `col`; undefined when only a comment or nothing follows. */
  function inline(l: Line, col: number): Node | undefined {
    const t = l.text;
    let c = col;
    while (t[c] === " ") c++;
    if (c >= t.length || t[c] === "#") return undefined;
    const nodeEnd = () => afterLine(l);
    if (t[c] === '"' || t[c] === "'") {
      const [s, after] = quoted(t, c, l.start, nodeEnd);
      if (!TAIL.test(t.slice(after))) bail();
      return s;
    }
    if (t[c] === "[") {
      const seq = new YAMLSeq();
      seq.flow = true;
      let k = c + 1;
      for (;;) {
        while (t[k] === " ") k++;
        if (t[k] === "]" && seq.items.length === 0) break;
        let item: Scalar;
        if (t[k] === '"' || t[k] === "'") {
          let after: number;
          [item, after] = quoted(t, k, l.start, (e) => e);
          k = after;
        } else {
          const m = /^[A-Za-z0-9_.\/][A-Za-z0-9_.\/@+ -]*/.exec(t.slice(k));
          if (!m) bail();
          const v = m![0].trimEnd();
          item = scalar(v, "PLAIN", l.start + k, l.start + k + v.length, 0);
          k += v.length;
        }
        let w = k;
        while (t[w] === " ") w++;
        item.range![2] = l.start + w;
        seq.items.push(item);
        if (t[w] === ",") { k = w + 1; continue; }
        if (t[w] === "]") { k = w; break; }
        bail();
      }
      if (!TAIL.test(t.slice(k + 1))) bail();
      seq.range = [l.start + c, l.start + k + 1, afterLine(l)];
      return seq;
    }
    const m = PLAIN_VALUE.exec(t.slice(c));
    if (!m) bail();
    const v = m![0].trimEnd();
    if (!TAIL.test(t.slice(c + v.length))) bail();
    return scalar(v, "PLAIN", l.start + c, l.start + c + v.length, afterLine(l));
  }

  /** The empty value YAML puts after `key:` or `-` with nothing (or only a comment) behind it. */
  function empty(l: Line, col: number): Scalar {
    let c = col;
    while (l.text[c] === " ") c++;
    const at = l.start + c;
    return scalar("", "PLAIN", at, at, c < l.text.length ? afterLine(l) : at);
  }

  function isItem(l: Line): boolean {
    return l.text[l.indent] === "-" && (l.text.length === l.indent + 1 || l.text[l.indent + 1] === " ");
  }

  /** Children of a key on line `l` (at `indent`) whose inline value was empty. */
  function children(l: Line, indent: number, col: number): Node {
    const next = lines[i];
    if (next && isItem(next) && next.indent >= indent) return seq(next.indent);
    if (next && next.indent > indent) return map(next.indent);
    return empty(l, col);
  }

  function seq(indent: number): YAMLSeq {
    const node = new YAMLSeq();
    node.range = [lines[i].start + indent, 0, 0];
    while (i < lines.length && lines[i].indent === indent && isItem(lines[i])) {
      const l = lines[i++];
      const col = indent + 1;
      const v = inline(l, col);
      if (v && v instanceof YAMLSeq) bail(); // `- [a]`: a list in a list
      if (lines[i] && lines[i].indent > indent) bail(); // a nested block or a continued value
      node.items.push(v ?? empty(l, col));
    }
    const last = node.items[node.items.length - 1] as Scalar;
    node.range[1] = node.range[2] = last.range![2];
    return node;
  }

  function map(indent: number): YAMLMap {
    const node = new YAMLMap();
    node.range = [lines[i].start + indent, 0, 0];
    while (i < lines.length && lines[i].indent === indent && !isItem(lines[i])) {
      const l = lines[i++];
      const t = l.text;
      let key: Scalar;
      let col: number;
      if (t[indent] === '"' || t[indent] === "'") {
        [key, col] = quoted(t, indent, l.start, (e) => e);
      } else {
        const m = PLAIN_KEY.exec(t.slice(indent));
        if (!m) bail();
        col = indent + m![0].length;
        key = scalar(m![0], "PLAIN", l.start + indent, l.start + col, l.start + col);
      }
      if (t[col] !== ":" || (col + 1 < t.length && t[col + 1] !== " ")) bail();
      const v = inline(l, col + 1);
      if (v && lines[i] && lines[i].indent > indent) bail();
      const value = v ?? children(l, indent, col + 1);
      node.items.push(new Pair(key, value));
      if (i < lines.length && lines[i].indent > indent) bail();
    }
    if (node.items.length === 0) bail();
    const lastValue = (node.items[node.items.length - 1] as Pair<Scalar, Node>).value!;
    node.range[1] = node.range[2] = lastValue.range![2];
    return node;
  }

  try {
    const top = map(lines[0].indent);
    return i === lines.length ? top : undefined;
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

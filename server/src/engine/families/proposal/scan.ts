/**
 * A fast, line-based outline scanner for markdown: the document's top-level headings (ATX and
 * setext) and, for each heading, whether real content follows it before the next heading.
 *
 * Why not remark for every keystroke: remark-parse takes ~300 ms on a 3,000-line proposal,
 * the editor budget is 5 ms. The scanner follows the CommonMark rules that decide what is a
 * heading in real proposals: fenced code (``` and ~~~), HTML blocks (comments and the other six
 * kinds), indented code, block quotes, list items, GFM tables (a `---` after a table is a
 * thematic break, not a setext underline) and YAML front matter at the very top (skipped).
 * A unit test holds it to remark + remark-gfm on the whole proposal corpus (same headings,
 * levels, lines and texts); remark still parses PROPOSAL_TEMPLATE.md itself (template.ts).
 */

export interface Heading {
  /** Position in `Outline.headings`. */
  index: number;
  /** 0-based line of the heading (a setext heading: its first text line). */
  line: number;
  /** 0-based last line of the heading (the underline of a setext heading). */
  endLine: number;
  level: number;
  /** Plain text, inline markup removed ("Design **Details**" → "Design Details"). */
  text: string;
  /** UTF-16 columns of the heading's raw text on `line` (ATX: without the #s and closing #s). */
  textStart: number;
  textEnd: number;
  /** Column just after the opening #s (ATX), for level changes. */
  markerEnd: number;
  setext: boolean;
  /** Rendered content (not blank, not an HTML comment, not a heading) between this heading and the next one. */
  hasContent: boolean;
  /** Text of the HTML comments between this heading and the next one. */
  comments: string[];
}

export interface Outline {
  headings: Heading[];
  /** The document's lines, without line breaks. */
  lines: string[];
  /** Lines of the document. */
  lineCount: number;
  /** First line after YAML front matter (0 when there is none). */
  bodyStart: number;
  /** Whether anything rendered precedes the first heading. */
  preambleHasContent: boolean;
  /** Lines (0-based) of paragraph, list and quote text outside code (the first few hundred), for wording checks. */
  proseLines: number[];
  /**
   * What is still open at the end of the document: nothing (""), or the line that closes it
   * ("```", "-->"), or undefined when it is an HTML block no known line closes. Text appended
   * at the end must come after it to be read as markdown.
   */
  closeAtEnd: string | undefined;
}

const ATX = /^(#{1,6})(?=[ \t]|$)/;
/** First characters that may start something other than paragraph text (or continue a table). */
const MAY_START_BLOCK = new Set([..."#`~>-*_+=<[|:0123456789"]);
const MAX_PROSE_LINES = 400;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const DEFINITION = /^\[([^\]]+)\]:[ \t]*\S/;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK_1 = /^<(script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_BLOCK_6 = new RegExp(
  "^</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|" +
  "fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|" +
  "menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=[\\s/>]|$)", "i");
const HTML_BLOCK_7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

type HtmlEnd = "comment" | "blank" | { close: RegExp };

interface Fence { char: string; length: number; /** Indentation a line needs to stay inside the list item holding the fence. */ container: number }

/** Columns of leading whitespace (tabs to the next multiple of 4) and the offset where text starts. */
function indentOf(line: string): { columns: number; offset: number } {
  let columns = 0, offset = 0;
  for (; offset < line.length; offset++) {
    const c = line.charCodeAt(offset);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else break;
  }
  return { columns, offset };
}

/** The text of the prose lines (list and quote markers dropped), for wording checks. */
export function proseText(o: Outline): string {
  return o.proseLines.map((l) => o.lines[l].replace(/^\s*(?:>\s?)*(?:(?:[-+*]|\d{1,9}[.)])\s+)?/, "")).join("\n");
}

export function scanOutline(text: string): Outline {
  // A plain split when there is no \r (the common case) is several times faster than a regexp.
  const lines = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  const headings: Heading[] = [];
  const bodyStart = frontMatterEnd(lines);
  let fence: Fence | undefined;
  let html: HtmlEnd | undefined;
  /** The open paragraph: its first line, and whether it sits at the top level (may become a setext heading). */
  let para: { start: number; root: boolean } | undefined;
  let table = false;
  /** Content indentation of the open list items, outermost first. */
  const lists: number[] = [];
  let prevBlank = true;
  let preambleHasContent = false;
  /** First content line of the current section (or the preamble). */
  let firstContent: number | undefined;
  const proseLines: number[] = [];
  let commentBuffer: string[] = [];
  const definitions = new Set<string>();
  let onlyDefinitions = false;

  const current = () => headings[headings.length - 1];
  const markContent = (line: number) => {
    firstContent ??= line;
    const h = current();
    if (h) h.hasContent = true; else preambleHasContent = true;
  };
  const addComment = (s: string) => { current()?.comments.push(s); };
  const collectProse = (line: number) => { if (proseLines.length < MAX_PROSE_LINES) proseLines.push(line); };
  const push = (h: Omit<Heading, "index" | "hasContent" | "comments">) => {
    headings.push({ ...h, index: headings.length, hasContent: false, comments: [] });
    firstContent = undefined;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i];
    const { columns, offset } = indentOf(line);
    const blank = offset === line.length;

    if (fence) {
      // A line less indented than the list item holding the fence ends the item, and the fence with it.
      if (!blank && fence.container > 0 && columns < fence.container) {
        fence = undefined;
        lists.length = 0;
      } else {
        const rest = line.slice(offset);
        if (columns - fence.container <= 3 && rest.startsWith(fence.char.repeat(fence.length)) && closesFence(rest, fence.char)) fence = undefined;
        if (!blank) markContent(i);
        prevBlank = blank;
        continue;
      }
    }

    if (html !== undefined) {
      if (html === "comment") {
        commentBuffer.push(line);
        const end = line.lastIndexOf("-->");
        if (end !== -1) {
          html = undefined;
          addComment(commentBuffer.join("\n"));
          commentBuffer = [];
          if (line.slice(end + 3).trim() !== "") markContent(i);
        }
      } else if (html === "blank") {
        if (blank) { html = undefined; prevBlank = true; continue; }
        markContent(i);
      } else {
        if (!blank) markContent(i);
        if (html.close.test(line)) html = undefined;
      }
      prevBlank = blank;
      continue;
    }

    if (blank) {
      para = undefined;
      table = false;
      prevBlank = true;
      continue;
    }

    // Which open list items does this line continue? A less indented line right after paragraph
    // text may still continue it lazily, unless it starts a block of its own.
    let depth = 0;
    while (depth < lists.length && columns >= lists[depth]) depth++;
    const container = depth > 0 ? lists[depth - 1] : 0;
    const rel = columns - container;
    const c0 = line[offset];
    const inContainer = depth > 0;
    const mayBeLazy = depth < lists.length && !prevBlank && para !== undefined;

    if (rel >= 4 && !para) {
      // Indented code.
      lists.length = depth;
      markContent(i);
      prevBlank = false;
      continue;
    }

    if (!MAY_START_BLOCK.has(c0)) {
      // Most lines: paragraph text, no block can start with this character.
      if (!(para && !prevBlank)) {
        lists.length = depth;
        para = { start: i, root: !inContainer };
        table = false;
      }
      onlyDefinitions = false;
      markContent(i);
      collectProse(i);
      prevBlank = false;
      continue;
    }
    const rest = line.slice(offset);

    if (c0 === ">") {
      // A block quote: nothing inside it is a top-level heading.
      lists.length = depth;
      para = { start: i, root: false };
      table = false;
      markContent(i);
      collectProse(i);
      prevBlank = false;
      continue;
    }

    const fenceOpen = rel <= 3 && (c0 === "`" || c0 === "~") ? FENCE_OPEN.exec(rest) : null;
    if (fenceOpen && !(fenceOpen[1][0] === "`" && fenceOpen[2].includes("`"))) {
      lists.length = depth;
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length, container };
      para = undefined;
      table = false;
      markContent(i);
      prevBlank = false;
      continue;
    }

    const atx = rel <= 3 && c0 === "#" ? ATX.exec(rest) : null;
    if (atx) {
      lists.length = depth;
      if (!inContainer) {
        const markerEnd = offset + atx[1].length;
        const { raw, start, end } = atxContent(line, markerEnd);
        push({ line: i, endLine: i, level: atx[1].length, text: raw, textStart: start, textEnd: end, markerEnd, setext: false });
      } else markContent(i);
      para = undefined;
      table = false;
      prevBlank = false;
      continue;
    }

    if (para && para.root && !table && !mayBeLazy && rel <= 3 && (c0 === "=" || c0 === "-") && SETEXT.test(rest)) {
      const first = lines[para.start];
      const raw = lines.slice(para.start, i).map((l) => l.trim()).join("\n");
      // The paragraph's lines were counted as content of the section before; they are this heading.
      const h = current();
      if (firstContent === para.start) { if (h) h.hasContent = false; else preambleHasContent = false; }
      push({ line: para.start, endLine: i, level: rest[0] === "=" ? 1 : 2, text: raw, textStart: indentOf(first).offset, textEnd: first.replace(/[ \t]+$/, "").length, markerEnd: 0, setext: true });
      para = undefined;
      prevBlank = false;
      continue;
    }

    if (rel <= 3 && (c0 === "*" || c0 === "-" || c0 === "_") && THEMATIC.test(rest)) {
      lists.length = depth;
      para = undefined;
      table = false;
      prevBlank = false;
      continue;
    }

    if (rel <= 3 && c0 === "<") {
      if (rest.startsWith("<!--")) {
        lists.length = depth;
        para = undefined;
        const end = rest.indexOf("-->", 4);
        if (end === -1) { html = "comment"; commentBuffer = [line]; }
        else {
          addComment(line);
          if (rest.slice(rest.lastIndexOf("-->") + 3).trim() !== "") markContent(i);
        }
        prevBlank = false;
        continue;
      }
      const kind1 = HTML_BLOCK_1.exec(rest);
      const block: HtmlEnd | undefined = kind1 ? { close: new RegExp(`</${kind1[1]}>`, "i") }
        : rest.startsWith("<?") ? { close: /\?>/ }
        : rest.startsWith("<![CDATA[") ? { close: /\]\]>/ }
        : /^<![A-Za-z]/.test(rest) ? { close: />/ }
        : HTML_BLOCK_6.test(rest) || (!para && HTML_BLOCK_7.test(rest)) ? "blank"
        : undefined;
      if (block !== undefined) {
        lists.length = depth;
        para = undefined;
        markContent(i);
        const closedOnSameLine = typeof block === "object" && block.close.test(rest.slice(2));
        if (!closedOnSameLine) html = block;
        prevBlank = false;
        continue;
      }
    }

    const marker = rel <= 3 && (c0 === "-" || c0 === "*" || c0 === "+" || (c0 >= "0" && c0 <= "9")) ? LIST_MARKER.exec(rest) : null;
    // An empty item or an ordered list not starting at 1 cannot interrupt a paragraph.
    const interrupts = !(para && !prevBlank) || (marker !== null && marker[2] !== "" && (!/^\d/.test(marker[1]) || /^1[.)]/.test(marker[1])));
    if (marker && interrupts) {
      const after = rest.slice(marker[0].length);
      const spaces = marker[2].replace(/\t/g, "    ").length;
      const width = after === "" || spaces > 4 ? 1 : spaces;
      lists.length = depth;
      lists.push(columns + marker[1].length + width);
      para = { start: i, root: false };
      table = false;
      markContent(i);
      collectProse(i);
      prevBlank = false;
      continue;
    }

    // Paragraph text (or a table row, or a link reference definition).
    const definition: RegExpExecArray | null = rel <= 3 && c0 === "[" && (!(para && !prevBlank) || onlyDefinitions) ? DEFINITION.exec(rest) : null;
    if (definition) definitions.add(normalizeLabel(definition[1]));
    onlyDefinitions = definition !== null;
    if (para && !prevBlank) {
      if (!table && i - 1 === para.start && rest.includes("-") && TABLE_DELIMITER.test(rest) && lines[i - 1].includes("|") && (rest.includes("|") || !/^\s*-+\s*$/.test(rest))) table = true;
    } else {
      lists.length = depth;
      para = { start: i, root: !inContainer };
      table = false;
    }
    markContent(i);
    collectProse(i);
    prevBlank = false;
  }

  // Texts are made plain at the end, when every link reference definition is known.
  for (const h of headings) h.text = inlineText(h.text, definitions);
  let closeAtEnd: string | undefined = "";
  if (fence) closeAtEnd = " ".repeat(fence.container) + fence.char.repeat(fence.length);
  else if (html === "comment") closeAtEnd = "-->";
  else if (html !== undefined && html !== "blank") closeAtEnd = undefined;
  return { headings, lines, closeAtEnd, lineCount: lines.length, bodyStart, preambleHasContent, proseLines };
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, " ").toLowerCase();
}

function closesFence(rest: string, char: string): boolean {
  let j = 0;
  while (j < rest.length && rest[j] === char) j++;
  return rest.slice(j).trim() === "";
}

/** The raw text of an ATX heading (closing #s dropped) and its columns. */
function atxContent(line: string, markerEnd: number): { raw: string; start: number; end: number } {
  let end = line.length;
  while (end > markerEnd && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  // A closing sequence of #s, preceded by a space (or the whole content), is not part of the text.
  let j = end;
  while (j > markerEnd && line[j - 1] === "#") j--;
  if (j < end && (j === markerEnd || line[j - 1] === " " || line[j - 1] === "\t")) {
    end = j;
    while (end > markerEnd && (line[end - 1] === " " || line[end - 1] === "\t")) end--;
  }
  let start = markerEnd;
  while (start < end && (line[start] === " " || line[start] === "\t")) start++;
  return { raw: line.slice(start, end), start, end };
}

const INLINE_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0", mdash: "—", ndash: "–", hellip: "…", rarr: "→", larr: "←" };

/** Plain text of inline markdown, as a reader sees it (links and images keep their text, markup goes). */
export function inlineText(raw: string, definitions?: ReadonlySet<string>): string {
  const codes: string[] = [];
  let t = raw.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
    let c = code.replace(/\n/g, " ");
    if (c.length > 1 && c.startsWith(" ") && c.endsWith(" ") && c.trim() !== "") c = c.slice(1, -1);
    codes.push(c);
    return `\u0000${codes.length - 1}\u0000`;
  });
  const escapes: string[] = [];
  t = t.replace(/\\([!-/:-@[-`{-~])/g, (_m, ch: string) => { escapes.push(ch); return `\u0001${escapes.length - 1}\u0001`; });
  t = t.replace(/<!--[\s\S]*?-->/g, "");
  t = t.replace(/!\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, "$1");
  for (let k = 0; k < 3; k++) t = t.replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, "$1");
  // A shortcut reference "[label]" is a link (shown as its text) only when "[label]: url" is defined.
  if (definitions?.size) t = t.replace(/\[([^\][]+)\](?!\()/g, (m, label: string) => (definitions.has(normalizeLabel(label)) ? label : m));
  t = t.replace(INLINE_TAG, "");
  t = t.replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1");
  t = t.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2");
  t = t.replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, "$1");
  t = t.replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, "$1$2");
  t = t.replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
  t = t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  t = t.replace(/\u0001(\d+)\u0001/g, (_m, n: string) => escapes[Number(n)]);
  t = t.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => codes[Number(n)]);
  return t.replace(/\s+/g, " ").trim();
}

/** The line after a YAML front matter block that opens on the first line, else 0. */
function frontMatterEnd(lines: string[]): number {
  if (lines.length < 2 || !/^---[ \t]*$/.test(lines[0])) return 0;
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) return i + 1;
  }
  return 0;
}

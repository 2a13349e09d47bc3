// Model output is untrusted and is drawn both in the chatroom and on public share pages, so
// every payload in the corpus goes through the components the app really mounts: the answer
// card for a finished answer, the same card while streaming (at every prefix, since a
// half-written payload is rendered too), the markdown component on the whole text, and the
// shared page's columns. The markup is then inspected tag by tag.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerCard } from "@/components/chat/answer-card";
import { Markdown } from "@/components/chat/markdown";
import { SharedColumns } from "@/components/share/shared-columns";
import type { MessageDto } from "@/lib/chat/api-types";
import type { LiveAnswer } from "@/lib/chat/client/live-types";
import type { SharedSnapshot } from "@/lib/share/snapshot-types";
import { xssPayloads } from "../fixtures/xss-payloads";

// Elements that run script, load active content, restyle the page or navigate it.
const FORBIDDEN_ELEMENTS = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "meta", "form",
  "base", "link", "noscript", "template",
]);
// Everything an answer legitimately renders: markdown's elements and the card's own chrome and
// icons. Anything else means markup came from the model. No <img>: remote images must not load.
const ALLOWED_ELEMENTS = new Set([
  "a", "article", "blockquote", "br", "button", "circle", "code", "dd", "del", "details", "div", "dl",
  "dt", "em", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "input", "label", "li", "ol", "p",
  "path", "pre", "rect", "section", "span", "strong", "summary", "sup", "svg", "table", "tbody", "td",
  "th", "thead", "tr", "ul",
]);
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
  "ping", "srcset", "lowsrc", "dynsrc", "codebase", "manifest", "icon",
]);
// Anything with a scheme must be one of these; relative and fragment URLs carry no scheme.
const ALLOWED_SCHEMES = new Set(["http:", "https:", "mailto:"]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", nbsp: "\u00a0",
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// What a browser ignores when it reads a URL's scheme: whitespace and control characters.
function normaliseUrl(value: string): string {
  return decodeEntities(value).replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029]/g, "").toLowerCase();
}

interface Tag { name: string; attributes: [string, string][] }

// A name must end at whitespace, "/" or ">", and "<" never appears unquoted inside a tag, so a
// stray "<" in text cannot be mistaken for part of one.
const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>])((?:[^<>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

// Only tags are inspected: escaped text such as "&lt;script&gt;" is what we want to see.
function tagsOf(html: string): Tag[] {
  return [...html.matchAll(TAG)].map((m) => ({
    name: m[1].toLowerCase(),
    attributes: [...m[2].matchAll(ATTRIBUTE)].map((a) => [a[1].toLowerCase(), a[2] ?? a[3] ?? a[4] ?? ""] as [string, string]),
  }));
}

/** Every way this markup could run script or navigate somewhere it should not; empty when safe. */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  for (const tag of tagsOf(html)) {
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`<${tag.name}> element`);
    else if (!ALLOWED_ELEMENTS.has(tag.name)) problems.push(`unexpected <${tag.name}> element`);
    for (const [name, value] of tag.attributes) {
      if (name.startsWith("on")) problems.push(`${name} handler on <${tag.name}>`);
      // Ids from the model (footnote labels) must stay prefixed, or they could clobber globals.
      if ((name === "id" || name === "name") && !value.startsWith("user-content-") && value !== "footnote-label") {
        problems.push(`${name}="${value}" on <${tag.name}>`);
      }
      if (name === "srcdoc") problems.push(`srcdoc on <${tag.name}>`);
      if (name === "style" && /url\s*\(|expression\s*\(|javascript:/i.test(decodeEntities(value))) problems.push(`style ${value}`);
      if (URL_ATTRIBUTES.has(name)) {
        const url = normaliseUrl(value);
        const scheme = /^[a-z][a-z0-9+.-]*:/.exec(url)?.[0];
        if (/^(javascript|vbscript|data):/.test(url) || (scheme && !ALLOWED_SCHEMES.has(scheme))) {
          problems.push(`${name}="${value}" on <${tag.name}>`);
        }
        if (url.startsWith("//") || url.startsWith("\\")) problems.push(`protocol-relative ${name}="${value}"`);
      }
    }
    const attrs = new Map(tag.attributes);
    if (tag.name === "a" && attrs.get("target") === "_blank" && !/\bnoopener\b/.test(attrs.get("rel") ?? "")) {
      problems.push(`target=_blank without noopener: ${attrs.get("href")}`);
    }
  }
  // Raw "<" outside a tag would mean something was injected unescaped into the markup.
  const stray = html.replace(TAG, "").replace(/<\/[a-zA-Z][^>]*>/g, "");
  if (stray.includes("<")) problems.push("unescaped < in text");
  return problems;
}

function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""));
}

// --- The app's components, fed the payload the way the app feeds them. -------------------

const noop = () => {};

function finishedAnswer(text: string): string {
  const message: MessageDto = {
    id: "m1", columnId: "c1", turn: 0, role: "assistant", content: text, reasoning: text,
    status: "done", stats: null, createdAt: "2026-01-01T00:00:00.000Z",
  };
  return renderToStaticMarkup(<AnswerCard answer={message} modelName={text} canRegenerate onRegenerate={noop} />);
}

function streamingAnswer(text: string): string {
  const live: LiveAnswer = {
    columnId: "c1", messageId: "m1", modelId: "x/y", turn: 0, text, reasoning: text, toolTrace: [],
    provider: null, usage: null, stats: null, status: "streaming", error: null, startedAt: 0, firstTokenAt: 1, endedAt: null,
  };
  return renderToStaticMarkup(<AnswerCard answer={live} modelName={text} canRegenerate={false} onRegenerate={noop} />);
}

function wholeMarkdown(text: string): string {
  return renderToStaticMarkup(<Markdown text={text} />);
}

function sharedPage(text: string): string {
  const snapshot: SharedSnapshot = {
    version: 1, title: text, sharedAt: "2026-01-01T00:00:00.000Z", includeSystemPrompts: true, includeStats: false,
    columns: [{ modelId: "x/y", name: text, providerLabel: text, simulated: false, temperature: null, maxTokens: null, systemPrompt: text }],
    turns: [{ prompt: text, answers: [{ content: text, reasoning: text, status: "done" }] }],
  };
  return renderToStaticMarkup(<SharedColumns snapshot={snapshot} />);
}

const renderers = { finishedAnswer, streamingAnswer, wholeMarkdown, sharedPage } as const;

// --- Tests. ------------------------------------------------------------------------------

describe("the XSS corpus", () => {
  it("holds at least 60 distinct payloads", () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(60);
    expect(new Set(xssPayloads.map((p) => p.markdown)).size).toBe(xssPayloads.length);
    expect(new Set(xssPayloads.map((p) => p.name)).size).toBe(xssPayloads.length);
  });

  // A checker that finds nothing in anything proves nothing: it must catch the real thing.
  it.each([
    ["<script>alert(1)</script>", "<script>"],
    ['<img src="x" onerror="alert(1)">', "onerror"],
    ["<IMG SRC=x OnError=alert(1)>", "onerror"],
    ['<a href="&#106;avascript:alert(1)">x</a>', "href"],
    ['<a href="java&#x09;script:alert(1)">x</a>', "href"],
    ['<a href=" JAVASCRIPT:alert(1)">x</a>', "href"],
    ['<form action="vbscript:x"></form>', "<form>"],
    ['<button formaction="javascript:x">b</button>', "formaction"],
    ['<svg><a xlink:href="javascript:x">y</a></svg>', "xlink:href"],
    ['<img src="data:image/svg+xml,x">', "src"],
    ['<iframe srcdoc="x"></iframe>', "<iframe>"],
    ['<a href="https://x" target="_blank">x</a>', "noopener"],
    ["<p>a <b>c</b>x<y</p>", "unescaped"],
    ["<p><img src=\"https://x/p.png\"></p>", "unexpected <img>"],
    ['<li id="__proto__">x</li>', "id="],
  ])("the checker flags %s", (html, expected) => {
    expect(problemsIn(html).join("\n")).toContain(expected);
  });

  it("the checker passes safe markup", () => {
    expect(problemsIn('<p>&lt;script&gt; <a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">x</a></p>')).toEqual([]);
    expect(problemsIn('<a href="mailto:a@b.c">m</a><span style="text-align:center">c</span>')).toEqual([]);
  });
});

describe.each(Object.entries(renderers))("%s renders hostile markdown inertly", (_, render) => {
  it.each(xssPayloads.map((p) => [p.name, p] as const))("%s", (_name, payload) => {
    const html = render(payload.markdown);
    expect(problemsIn(html), html).toEqual([]);
    const text = visibleText(html);
    for (const visible of payload.visible ?? []) expect(text, html).toContain(visible);
  });
});

describe("a streaming answer is inert at every prefix", () => {
  it.each(xssPayloads.map((p) => [p.name, p] as const))("%s", (_name, payload) => {
    for (let end = 1; end < payload.markdown.length; end++) {
      const html = streamingAnswer(payload.markdown.slice(0, end));
      expect(problemsIn(html), `prefix ${end}: ${html}`).toEqual([]);
    }
  });

  // One payload may open a construct (a fence, a list, a table) that changes how the next parses.
  it("the whole corpus as one answer, growing payload by payload", () => {
    let text = "";
    for (const payload of xssPayloads) {
      text += `${payload.markdown}\n\n`;
      for (const html of [streamingAnswer(text), finishedAnswer(text), sharedPage(text)]) expect(problemsIn(html)).toEqual([]);
    }
  });
});

describe("harmless content still reaches the reader", () => {
  it("keeps safe links as links, opening in a new tab without an opener", () => {
    const html = finishedAnswer("See [the docs](https://example.com/a?b=1&c=2) or <https://example.org>.");
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html).toContain('href="https://example.org"');
    expect(html).toMatch(/rel="noopener noreferrer nofollow"/);
  });

  it("shows a neutralised link's text without an href", () => {
    const html = wholeMarkdown("[click me](javascript:alert(1))");
    expect(html).not.toMatch(/href=/);
    expect(visibleText(html)).toContain("click me");
  });

  it("shows raw HTML as escaped text rather than dropping it", () => {
    const html = sharedPage("Before <b onclick=alert(1)>bold</b> after");
    expect(html).toContain("&lt;b onclick=alert(1)&gt;");
    expect(visibleText(html)).toContain("Before <b onclick=alert(1)>bold</b> after");
  });

  it("highlights known languages and keeps the source text", () => {
    const html = finishedAnswer('```html\n<a href="javascript:alert(1)">x</a>\n```');
    expect(html).toContain('class="hljs-tag"');
    expect(visibleText(html)).toContain('<a href="javascript:alert(1)">x</a>');
  });

  it("shows a hostile fence language only as text", () => {
    const html = finishedAnswer('```"><script>alert(1)</script>\nbody\n```');
    expect(visibleText(html)).toContain('"><script>alert(1)</script>');
    expect(html).not.toMatch(/class="[^"]*language-/);
  });
});

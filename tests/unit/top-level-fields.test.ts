import { describe, expect, it } from "vitest";
import { ChunkRenamer, replaceTopLevelStrings } from "@/lib/api-v1/top-level-fields";

const names = { id: "gen-1", model: "vendor/model" };

describe("replaceTopLevelStrings (the relay's id and model)", () => {
  it("rewrites compact JSON in place and leaves every other byte", () => {
    const chunk = '{"id":"chatcmpl-1","object":"chat.completion.chunk","model":"up","choices":[{"delta":{"content":"\\"id\\":\\"x\\""}}]}';
    expect(replaceTopLevelStrings(chunk, names)).toBe('{"id":"gen-1","object":"chat.completion.chunk","model":"vendor/model","choices":[{"delta":{"content":"\\"id\\":\\"x\\""}}]}');
  });

  it("finds the fields wherever they sit and however the provider spaced its JSON", () => {
    const spaced = '{"choices": [{"delta": {"id": "inner", "model": "inner"}, "index": 0}], "model": "qwen", "created": 1, "id": "chatcmpl-py-1"}';
    const out = replaceTopLevelStrings(spaced, names);
    expect(JSON.parse(out)).toEqual({ choices: [{ delta: { id: "inner", model: "inner" }, index: 0 }], model: "vendor/model", created: 1, id: "gen-1" });
    expect(out).toBe(spaced.replace('"model": "qwen"', '"model": "vendor/model"').replace('"id": "chatcmpl-py-1"', '"id": "gen-1"'));
  });

  it("escapes the new values and leaves non-string and missing fields alone", () => {
    expect(JSON.parse(replaceTopLevelStrings('{"id":"a","model":null}', { id: 'q"x', model: "m" }))).toEqual({ id: 'q"x', model: null });
    expect(replaceTopLevelStrings("[1,2]", names)).toBe("[1,2]");
    expect(replaceTopLevelStrings('{"object":"x"}', names)).toBe('{"object":"x"}');
  });

  it("leaves out the named fields whose value is null, with their comma, wherever they sit", () => {
    const drop = ["usage", "system_fingerprint"];
    const openAi = '{"id":"c","system_fingerprint":null,"choices":[{"delta":{"content":"null"},"logprobs":null}],"usage":null}';
    expect(replaceTopLevelStrings(openAi, names, drop)).toBe('{"id":"gen-1","choices":[{"delta":{"content":"null"},"logprobs":null}]}');
    expect(replaceTopLevelStrings('{"usage": null, "system_fingerprint": null, "id": "c"}', names, drop)).toBe('{"id": "gen-1"}');
    expect(replaceTopLevelStrings('{"usage":null}', {}, drop)).toBe("{}");
    const spaced = '{"choices": [], "usage": {"prompt_tokens": 1}, "system_fingerprint": "fp", "model": "m"}';
    expect(replaceTopLevelStrings(spaced, names, drop)).toBe(spaced.replace('"model": "m"', '"model": "vendor/model"'));
    for (const json of [openAi, '{"usage": null, "id": "c", "x": [null]}', '{ "a":1 ,"usage" :null , "b":null}']) {
      expect(JSON.parse(replaceTopLevelStrings(json, {}, drop))).toEqual(Object.fromEntries(Object.entries(JSON.parse(json)).filter(([k, v]) => !(drop.includes(k) && v === null))));
    }
  });
});

describe("ChunkRenamer (a stream of chunks)", () => {
  it("gives every chunk the same result as a full scan, reusing the opening only when it is the same text", () => {
    const renamer = new ChunkRenamer(names);
    const chunks = [
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"delta":{"content":"a"}}]}',
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"delta":{"content":"b"}}]}',
      // The model changed mid-stream (no provider does this, but the rename must stay right).
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[]}',
      '{"choices":[],"model":"x","id":"c2"}',
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"delta":{"content":"c"}}]}',
    ];
    for (const chunk of chunks) expect(renamer.rename(chunk)).toBe(replaceTopLevelStrings(chunk, names));
  });

  it("drops null fields the same way as a full scan, before or after the opening", () => {
    const drop = ["usage", "system_fingerprint"];
    const renamer = new ChunkRenamer(names, drop);
    const chunks = [
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp","choices":[{"delta":{"content":"a"},"logprobs":null}],"usage":null}',
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":null,"choices":[],"usage":null}',
      '{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":1}}',
      '{"system_fingerprint":null,"id":"c1","model":"m","choices":[]}',
      '{"system_fingerprint":null,"id":"c1","model":"m","choices":[],"usage":null}',
    ];
    for (const chunk of chunks) expect(renamer.rename(chunk)).toBe(replaceTopLevelStrings(chunk, names, drop));
  });
});

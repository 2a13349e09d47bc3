// Secrets at rest: AES-256-GCM round trip, tamper and wrong-key detection, and where the key comes from.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { SecretDecryptError, decryptSecret, encryptSecret } from "@/lib/secrets/encrypt";
import { getSecretKey, parseSecretKey, validateSecretKeyEnv } from "@/lib/secrets/secret-key";

const saved = { ...process.env };
let dir: string;

function useEnv(vars: { SECRET_KEY?: string; SECRET_KEY_FILE?: string }) {
  delete process.env.SECRET_KEY;
  delete process.env.SECRET_KEY_FILE;
  Object.assign(process.env, vars);
  resetEnvCache();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-secrets-"));
});

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const hexKey = () => randomBytes(32).toString("hex");

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, with a fresh IV every time and a version prefix", () => {
    useEnv({ SECRET_KEY: hexKey() });
    const secret = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789-é";
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("abcdefghijklmnop");
    expect(decryptSecret(a)).toBe(secret);
    expect(decryptSecret(b)).toBe(secret);
  });

  it("detects any change to the stored value", () => {
    useEnv({ SECRET_KEY: hexKey() });
    const stored = encryptSecret("sk-live-0123456789");
    const bytes = Buffer.from(stored.slice(3), "base64url");
    for (const index of [0, 12, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] ^= 0x01;
      expect(() => decryptSecret(`v1.${tampered.toString("base64url")}`)).toThrow(SecretDecryptError);
    }
    expect(() => decryptSecret(`v1.${bytes.subarray(0, 20).toString("base64url")}`)).toThrow(/truncated/);
    expect(() => decryptSecret(`v9.${bytes.toString("base64url")}`)).toThrow(/unknown format/);
  });

  it("binds a value to its context: copied to another provider's row, it does not decrypt", () => {
    useEnv({ SECRET_KEY: hexKey() });
    const stored = encryptSecret("sk-openai-key-123456", { context: "provider-credential:openai" });
    expect(decryptSecret(stored, { context: "provider-credential:openai" })).toBe("sk-openai-key-123456");
    expect(() => decryptSecret(stored, { context: "provider-credential:groq" })).toThrow(SecretDecryptError);
  });

  it("with another key, fails with an error that names SECRET_KEY instead of returning garbage", () => {
    useEnv({ SECRET_KEY: hexKey() });
    const stored = encryptSecret("sk-live-0123456789");
    useEnv({ SECRET_KEY: hexKey() });
    let error: unknown;
    try {
      decryptSecret(stored);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SecretDecryptError);
    expect((error as Error).message).toMatch(/SECRET_KEY/);
    expect((error as Error).message).not.toContain("sk-live");
  });
});

describe("the secret key", () => {
  it("without SECRET_KEY, is generated into the key file (folder created, mode 0600) and read back from it", () => {
    const file = path.join(dir, "nested", "deeper", "secret.key");
    useEnv({ SECRET_KEY_FILE: file });
    const first = getSecretKey();
    expect(first.source).toBe(file);
    expect(first.key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(fs.readFileSync(file, "utf8"))?.equals(first.key)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["secret.key"]);

    const stored = encryptSecret("sk-from-file-123456");
    useEnv({ SECRET_KEY_FILE: file });
    expect(getSecretKey().key.equals(first.key)).toBe(true);
    expect(decryptSecret(stored)).toBe("sk-from-file-123456");
  });

  it("prefers SECRET_KEY over the key file", () => {
    const file = path.join(dir, "unused.key");
    const key = randomBytes(32);
    useEnv({ SECRET_KEY: key.toString("base64"), SECRET_KEY_FILE: file });
    expect(getSecretKey()).toEqual({ key, source: "SECRET_KEY" });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("accepts 32 bytes as 64 hex characters, base64 or base64url (surrounding spaces ignored)", () => {
    const key = randomBytes(32);
    for (const text of [key.toString("hex"), key.toString("hex").toUpperCase(), key.toString("base64"), key.toString("base64url"), ` ${key.toString("base64")}\n`]) {
      useEnv({ SECRET_KEY: text });
      expect(() => validateSecretKeyEnv()).not.toThrow();
      expect(getSecretKey().key.equals(key)).toBe(true);
    }
  });

  it("rejects anything else with a clear error", () => {
    const short = randomBytes(16);
    for (const text of ["change-me", "a".repeat(63), "g".repeat(64), short.toString("base64"), short.toString("hex"), `${randomBytes(32).toString("base64")}!`, randomBytes(33).toString("base64")]) {
      useEnv({ SECRET_KEY: text });
      expect(() => validateSecretKeyEnv()).toThrow(/Invalid SECRET_KEY: it must be 32 random bytes/);
      expect(() => getSecretKey()).toThrow(/Invalid SECRET_KEY/);
    }
  });

  it("refuses a key file that does not hold a key, naming the file", () => {
    const file = path.join(dir, "broken.key");
    fs.writeFileSync(file, "not a key\n");
    useEnv({ SECRET_KEY_FILE: file });
    expect(() => getSecretKey()).toThrow(new RegExp(`secret key file ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} does not hold a valid key`));
  });
});

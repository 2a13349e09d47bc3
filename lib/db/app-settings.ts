// Instance-wide settings an admin changes at run time, stored in AppSetting (key → JSON value).
// Reads are cached briefly: the engine asks on every call that uses them, and several
// instances pick a change up within CACHE_MS.
import { z } from "zod";
import { getDb } from "./client";
import { processSingleton } from "../process-singleton";

const SETTINGS = {
  /** Answers in the response cache are shared by every user (else each user has their own). */
  responseCacheShared: z.boolean().default(false),
} as const;

export type AppSettingName = keyof typeof SETTINGS;
export type AppSettingValue<K extends AppSettingName> = z.infer<(typeof SETTINGS)[K]>;

const CACHE_MS = 5_000;
const cache = () => processSingleton("app-settings", () => new Map<string, { at: number; value: unknown }>());

export async function getAppSetting<K extends AppSettingName>(name: K): Promise<AppSettingValue<K>> {
  const hit = cache().get(name);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as AppSettingValue<K>;
  const row = await getDb().appSetting.findUnique({ where: { key: name } });
  const value = parseValue(name, row?.value);
  cache().set(name, { at: Date.now(), value });
  return value;
}

export async function setAppSetting<K extends AppSettingName>(name: K, value: AppSettingValue<K>): Promise<void> {
  const text = JSON.stringify(SETTINGS[name].parse(value));
  await getDb().appSetting.upsert({ where: { key: name }, create: { key: name, value: text }, update: { value: text } });
  cache().set(name, { at: Date.now(), value });
}

function parseValue<K extends AppSettingName>(name: K, text: string | undefined): AppSettingValue<K> {
  const schema = SETTINGS[name];
  try {
    return schema.parse(text === undefined ? undefined : JSON.parse(text)) as AppSettingValue<K>;
  } catch {
    // A value that no longer fits its schema reads as the default.
    return schema.parse(undefined) as AppSettingValue<K>;
  }
}

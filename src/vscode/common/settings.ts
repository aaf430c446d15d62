// The settings of package.json's contributes.configuration, typed, with their defaults and
// validation in one place. No `vscode` import: the unit tests check this table against package.json.
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, DEFAULT_REGISTRY_PATH } from '../../core';

/** One setting: its default (the same as package.json's) and how a configured value is checked. */
interface SettingSpec<T> {
  readonly default: T;
  /** The value when it is valid, else undefined (the default is used). */
  readonly read: (value: unknown) => T | undefined;
}

const stringList = (value: unknown): string[] | undefined => (Array.isArray(value) && value.every(v => typeof v === 'string') ? [...value] : undefined);
const flag = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const integerIn =
  (min: number, max: number) =>
  (value: unknown): number | undefined =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;

const spec = <T>(defaultValue: T, read: (value: unknown) => T | undefined): SettingSpec<T> => ({ default: defaultValue, read });

/** Every `marginalia.*` setting, by its key without the `marginalia.` prefix. */
export const SETTINGS = {
  include: spec<string[]>([...DEFAULT_INCLUDE], stringList),
  exclude: spec<string[]>([...DEFAULT_EXCLUDE], stringList),
  'highlight.person': spec(true, flag),
  'highlight.organization': spec(true, flag),
  'highlight.place': spec(true, flag),
  'highlight.date': spec(true, flag),
  'hover.maxDocuments': spec(8, integerIn(1, 100)),
  registryPath: spec(DEFAULT_REGISTRY_PATH, (value: unknown) => {
    const path = text(value)?.trim();
    return path ? path : undefined;
  }),
  labels: spec<string[]>(['claim', 'quote', 'source'], value => {
    if (!Array.isArray(value)) return undefined;
    return value
      .filter((l): l is string => typeof l === 'string')
      .map(l => l.trim())
      .filter(Boolean);
  }),
  author: spec('', value => text(value)?.trim()),
  // Machine scope (package.json): read with `userSetting`, so that no workspace can name a process to start.
  'recognizer.command': spec('', value => text(value)?.trim()),
  'recognizer.timeoutSeconds': spec(30, integerIn(1, 600)),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K] extends SettingSpec<infer T> ? T : never;

/** The configured value when valid, else the default (a fresh copy: callers may keep or change it). */
export function settingValue<K extends SettingKey>(key: K, configured: unknown): SettingValue<K> {
  const setting = SETTINGS[key] as SettingSpec<SettingValue<K>>;
  const value = configured === undefined ? undefined : setting.read(configured);
  return value ?? structuredClone(setting.default);
}

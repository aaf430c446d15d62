import { isMap, isSeq, type Document, YAMLMap } from 'yaml';
import type { MentionKind } from '../types';
import { MAX_YAML_ALIASES, parseUntrustedYaml, type YamlProblem } from '../yamlParse';
import { foldedName } from './variantKey';

/** Where the registry lives, relative to the workspace folder (setting `marginalia.registryPath`). */
export const DEFAULT_REGISTRY_PATH = '.marginalia/entities.yaml';

/** The reviewers' decision about one entity. */
export interface RegistryEntity {
  id: string;
  /** Canonical name shown everywhere (a rename sets it). */
  name?: string;
  kind?: MentionKind;
  /** Surface forms that always mean this entity, whatever the recognizer linked them to. */
  aliases: string[];
  description?: string;
  /** External identifiers, e.g. `{wikidata: Q42}`. */
  ids?: Record<string, string>;
  /** Ids of entities merged into this one. */
  merged: string[];
  /** True when reviewers decided this is not an entity at all. */
  notEntity?: boolean;
}

export interface Registry {
  entities: RegistryEntity[];
  /** Surface forms that are never entities. */
  notEntities: string[];
}

export interface ParsedRegistry {
  registry: Registry;
  problems: YamlProblem[];
  /** The parsed file, kept so that saves preserve comments and unknown fields. */
  document: Document;
}

export const EMPTY_REGISTRY: Registry = { entities: [], notEntities: [] };

/** Reads a registry file; problems carry YAML line positions, and a broken file yields what could be read. */
export function parseRegistry(text: string): ParsedRegistry {
  const { document, problems } = parseUntrustedYaml(text);
  if (problems.some(p => p.severity === 'error')) return { registry: EMPTY_REGISTRY, problems, document };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    return { registry: EMPTY_REGISTRY, problems: [{ message: (e as Error).message, line: 0, column: 0, severity: 'error' }], document };
  }
  const root = (data ?? {}) as { entities?: unknown; notEntities?: unknown };
  const entities: RegistryEntity[] = [];
  for (const [i, raw] of (Array.isArray(root.entities) ? root.entities : []).entries()) {
    const e = raw as Record<string, unknown>;
    if (typeof e?.id !== 'string' || !e.id) {
      problems.push({ message: `entities[${i}] needs an id`, ...lineOf(text, document, ['entities', i]), severity: 'error' });
      continue;
    }
    entities.push({
      id: e.id,
      name: typeof e.name === 'string' ? e.name : undefined,
      kind: isKind(e.kind) ? e.kind : undefined,
      aliases: strings(e.aliases),
      description: typeof e.description === 'string' ? e.description : undefined,
      ids: isRecord(e.ids) ? Object.fromEntries(Object.entries(e.ids).map(([k, v]) => [k, String(v)])) : undefined,
      merged: strings(e.merged),
      notEntity: e.notEntity === true || undefined,
    });
  }
  return { registry: { entities, notEntities: strings(root.notEntities) }, problems, document };
}

/** Records that `from` is merged into `into`, editing the parsed file in place (comments survive). */
export function recordMerge(document: Document, from: string, into: string): void {
  const entry = entityNode(document, into);
  const merged = entry.get('merged');
  if (isSeq(merged)) {
    if (!merged.items.some(item => String((item as { value?: unknown }).value ?? item) === from)) merged.add(from);
  } else {
    entry.set('merged', document.createNode([from], { flow: true }));
  }
}

/** Sets the canonical name of an entity, editing the parsed file in place. */
export function recordRename(document: Document, id: string, name: string): void {
  entityNode(document, id).set('name', name);
}

/** Marks an entity id, or a surface form, as not an entity. */
export function recordNotEntity(document: Document, target: { id?: string; text?: string }): void {
  if (target.id) entityNode(document, target.id).set('notEntity', true);
  if (target.text) {
    const list = document.get('notEntities');
    if (isSeq(list)) list.add(target.text);
    else document.set('notEntities', document.createNode([target.text]));
  }
}

/** A new registry file's text. */
export function emptyRegistryText(): string {
  return "# Marginalia entity registry: reviewers' decisions about entities (see README).\nversion: 1\nentities: []\n";
}

/** Folded surface form -> registry entity id, for the aliases reviewers pinned. */
export function pinnedAliases(registry: Registry): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of registry.entities) for (const alias of e.aliases) map.set(foldedName(alias), e.id);
  return map;
}

function entityNode(document: Document, id: string): YAMLMap {
  if (!isMap(document.contents)) document.contents = document.createNode({ version: 1 }) as never;
  let list = document.get('entities');
  if (!isSeq(list)) {
    document.set('entities', document.createNode([]));
    list = document.get('entities');
  }
  const seq = list as import('yaml').YAMLSeq;
  if (seq.flow) seq.flow = false;
  const found = seq.items.find(item => isMap(item) && item.get('id') === id);
  if (found) return found as YAMLMap;
  const node = document.createNode({ id }) as YAMLMap;
  seq.add(node);
  return node;
}

function lineOf(text: string, document: Document, path: (string | number)[]): { line: number; column: number } {
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return { line: 0, column: 0 };
  const before = text.slice(0, node.range[0]);
  const lines = before.split('\n');
  return { line: lines.length - 1, column: lines[lines.length - 1].length };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isKind(value: unknown): value is MentionKind {
  return value === 'person' || value === 'organization' || value === 'place' || value === 'date';
}

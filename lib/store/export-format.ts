// The export file, and reading one back: the whole file is checked before anything is written, and a
// file that is not ours, is from a newer version, or is damaged is refused with the reason in words.
import { SECTION_KINDS, type ItemAnchor } from '../anchoring/anchor';
import type { AnchorTarget, ItemTarget } from '../anchoring/target';
import { canonicalFollow, FOLLOW_KINDS, followId } from './follows';
import type { FollowKind, FollowRecord, NoteConflict, NoteRecord, TickRecord } from './records';
import { tickId } from './ticks';

export const EXPORT_FORMAT = 'agenda-overlay-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: NoteRecord[];
  follows: FollowRecord[];
  ticks: TickRecord[];
}

export type ReadExport = { ok: true; file: ExportFile } | { ok: false; reason: string };

const NOT_OURS = 'This file is not an agenda overlay export';
const DAMAGED = 'This export is damaged, so nothing was imported';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A reason to refuse the file; thrown inside the reader, returned as `{ ok: false }`. */
class Refusal extends Error {}

/** Pure: parses and checks a whole export file. Extra fields are dropped; ids are re-derived. */
export function readExportFile(text: string): ReadExport {
  try {
    return { ok: true, file: readFile(text) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function readFile(text: string): ExportFile {
  if (text.trim().length === 0) throw new Refusal(`${NOT_OURS}: it is empty.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new Refusal(`${NOT_OURS}: it is not JSON${detail}.`);
  }
  if (!isRecord(data)) throw new Refusal(`${NOT_OURS}: it holds ${describe(data)}, not an export.`);
  if (data.format !== EXPORT_FORMAT) {
    const found = data.format === undefined ? 'it has no "format" field' : `its format is ${describe(data.format)}`;
    throw new Refusal(`${NOT_OURS}: ${found}, where an export says "${EXPORT_FORMAT}".`);
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Refusal(`${DAMAGED}: its "version" is ${describe(version)}, not a version number.`);
  }
  if (version > EXPORT_VERSION) {
    throw new Refusal(
      `This export was made by a newer version of the extension (file format version ${version}; this version ` +
        `reads version ${EXPORT_VERSION}). Update the extension, then import the file again. Nothing was imported.`,
    );
  }
  const exportedAt = data.exportedAt;
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt))) {
    throw new Refusal(`${DAMAGED}: its "exportedAt" is ${describe(exportedAt)}, not a date.`);
  }
  const notes = list(data, 'notes').map((entry, i, all) => readNote(entry, `note ${i + 1} of ${all.length}`));
  const follows = list(data, 'follows').map((entry, i, all) => readFollow(entry, `follow ${i + 1} of ${all.length}`));
  const ticks = list(data, 'ticks').map((entry, i, all) => readTick(entry, `tick ${i + 1} of ${all.length}`));
  const ids = new Set<string>();
  for (const note of notes) {
    if (ids.has(note.id)) throw new Refusal(`${DAMAGED}: two notes have the id "${note.id}".`);
    ids.add(note.id);
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, notes, follows, ticks };
}

function list(data: Record<string, unknown>, field: string): unknown[] {
  const value = data[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Refusal(`${DAMAGED}: "${field}" is ${describe(value)}, not a list.`);
  return value;
}

function readNote(value: unknown, where: string): NoteRecord {
  const entry = record(value, where);
  const conflictsValue = entry.conflicts ?? [];
  if (!Array.isArray(conflictsValue)) throw damaged(where, 'conflicts', conflictsValue, 'a list');
  const conflicts: NoteConflict[] = conflictsValue.map((conflict, i) => {
    const inner = record(conflict, `${where}, kept version ${i + 1}`);
    return { body: text(inner, 'body', `${where}, kept version ${i + 1}`), updatedAt: time(inner, 'updatedAt', where) };
  });
  const revision = entry.revision;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) {
    throw damaged(where, 'revision', revision, 'a whole number');
  }
  return {
    id: name(entry, 'id', where),
    agendaId: name(entry, 'agendaId', where),
    target: readTarget(entry.target, where),
    body: text(entry, 'body', where),
    createdAt: time(entry, 'createdAt', where),
    updatedAt: time(entry, 'updatedAt', where),
    revision,
    conflicts,
  };
}

function readFollow(value: unknown, where: string): FollowRecord {
  const entry = record(value, where);
  const kind = entry.kind;
  if (typeof kind !== 'string' || !(FOLLOW_KINDS as readonly string[]).includes(kind)) {
    throw damaged(where, 'kind', kind, `one of ${FOLLOW_KINDS.map((k) => `"${k}"`).join(', ')}`);
  }
  const followKind = kind as FollowKind;
  const agendaId = name(entry, 'agendaId', where);
  const canonical = canonicalFollow(followKind, text(entry, 'value', where));
  if (!canonical.ok) throw new Refusal(`${DAMAGED}: ${where}: ${canonical.reason}`);
  const label = typeof entry.label === 'string' && entry.label.trim() ? entry.label : canonical.label;
  return {
    id: followId(agendaId, followKind, canonical.value),
    agendaId,
    kind: followKind,
    value: canonical.value,
    label,
    createdAt: time(entry, 'createdAt', where),
  };
}

function readTick(value: unknown, where: string): TickRecord {
  const entry = record(value, where);
  const agendaId = name(entry, 'agendaId', where);
  const target = readTarget(entry.target, where);
  if (target.kind !== 'item') throw new Refusal(`${DAMAGED}: ${where} is on a meeting; ticks are on action items.`);
  if (typeof entry.done !== 'boolean') throw damaged(where, 'done', entry.done, 'true or false');
  return {
    id: tickId(agendaId, target.itemKey),
    agendaId,
    target,
    done: entry.done,
    updatedAt: time(entry, 'updatedAt', where),
  };
}

function readTarget(value: unknown, where: string): AnchorTarget {
  const target = record(value, `${where}, what it is attached to`);
  const here = `${where}, what it is attached to`;
  if (target.kind === 'meeting') {
    return {
      kind: 'meeting',
      meetingKey: name(target, 'meetingKey', here),
      meetingDate: date(target, 'meetingDate', here),
      quote: text(target, 'quote', here),
    };
  }
  if (target.kind === 'item') {
    const item: ItemTarget = {
      kind: 'item',
      itemKey: name(target, 'itemKey', here),
      anchor: readAnchor(target.anchor, `${where}, its anchor`),
      quote: text(target, 'quote', here),
    };
    return item;
  }
  throw damaged(here, 'kind', target.kind, '"meeting" or "item"');
}

function readAnchor(value: unknown, where: string): ItemAnchor {
  const entry = record(value, where);
  const sectionKind = entry.sectionKind;
  const kind = SECTION_KINDS.find((k) => k === sectionKind);
  if (!kind) throw damaged(where, 'sectionKind', sectionKind, 'a section kind');
  const anchor: ItemAnchor = {
    meetingDate: date(entry, 'meetingDate', where),
    sectionKind: kind,
    text: text(entry, 'text', where),
    refs: strings(entry, 'refs', where),
    links: strings(entry, 'links', where),
  };
  for (const field of ['prev', 'next', 'parent'] as const) {
    if (entry[field] !== undefined) anchor[field] = text(entry, field, where);
  }
  return anchor;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new Refusal(`${DAMAGED}: ${where} is ${describe(value)}, not a record.`);
  return value;
}

/** A non-empty string: ids and keys. */
function name(entry: Record<string, unknown>, field: string, where: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || value.length === 0) throw damaged(where, field, value, 'a non-empty text');
  return value;
}

function text(entry: Record<string, unknown>, field: string, where: string): string {
  const value = entry[field];
  if (typeof value !== 'string') throw damaged(where, field, value, 'a text');
  return value;
}

function date(entry: Record<string, unknown>, field: string, where: string): string {
  const value = entry[field];
  if (typeof value !== 'string' || !DATE.test(value)) throw damaged(where, field, value, 'a date written YYYY-MM-DD');
  return value;
}

function time(entry: Record<string, unknown>, field: string, where: string): number {
  const value = entry[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw damaged(where, field, value, 'a time (milliseconds since 1970)');
  }
  return value;
}

function strings(entry: Record<string, unknown>, field: string, where: string): string[] {
  const value = entry[field];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw damaged(where, field, value, 'a list of texts');
  return [...value];
}

function damaged(where: string, field: string, value: unknown, expected: string): Refusal {
  return new Refusal(`${DAMAGED}: ${where}: "${field}" is ${describe(value)}, where ${expected} was expected.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for a message: `"yesterday"`, `a list`, `missing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a record';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

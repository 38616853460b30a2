// Runtime: any (pure core). Which column of a master events list holds what, found from the header
// names (English and Russian), and the mappings remembered per kind of sheet. Apart from the import
// itself (mel.ts) because storage checks remembered mappings with it: this stays small and loads with
// the settings, the import only with the studio.

/** The columns a MEL row is read from, in the order planners usually write them. */
export const MEL_FIELDS = ['time', 'persona', 'channel', 'account', 'text', 'action'] as const;
export type MelField = (typeof MEL_FIELDS)[number];
/** Which header column (0-based) each field is read from; null: the sheet has no such column. */
export type MelMapping = Record<MelField, number | null>;

// ---------------------------------------------------------------------------------------------
// Column detection

/** Header names planners use, English, Russian and Ukrainian, normalised (see normaliseHeader). */
const HEADER_NAMES: Record<MelField, readonly string[]> = {
  time: ['time', 't+', 't', 'offset', 'when', 'timing', 'sim time', 'время', 'т+', 'когда', 'смещение', 'час', 'коли', 'зсув'],
  persona: [
    'persona',
    'from',
    'sender',
    'author',
    'source',
    'персона',
    'от',
    'от кого',
    'отправитель',
    'автор',
    'источник',
    'персонаж',
    'від',
    'від кого',
    'відправник',
    'джерело',
  ],
  channel: [
    'channel',
    'platform',
    'type',
    'inject type',
    'medium',
    'канал',
    'платформа',
    'тип',
    'тип вводной',
    'тип вброса',
    'тип события',
    'тип ввідної',
    'тип події',
  ],
  account: [
    'account',
    'to',
    'recipient',
    'target',
    'аккаунт',
    'кому',
    'получатель',
    'адресат',
    'учётная запись',
    'учетная запись',
    'акаунт',
    'одержувач',
    'обліковий запис',
  ],
  text: ['text', 'message', 'content', 'body', 'inject', 'текст', 'сообщение', 'содержание', 'содержимое', 'повідомлення', 'зміст', 'вміст'],
  action: [
    'expected action',
    'action',
    'expected response',
    'response',
    'expected',
    'ожидаемое действие',
    'действие',
    'ожидаемая реакция',
    'реакция',
    'ожидаемый ответ',
    'очікувана дія',
    'дія',
    'очікувана реакція',
    'реакція',
    'очікувана відповідь',
  ],
};

/** Lower case, single spaces, without the punctuation planners put around names ("Time (T+)", "Text:"). */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The signature a mapping is remembered by: the normalised headers in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

/**
 * Which column each field is in, from the header names: an exact name first, then a header that
 * contains one ("Expected action (trainee)", "Message text"). Each column serves one field at most.
 */
export function detectMapping(headers: readonly string[]): MelMapping {
  const normalised = headers.map(normaliseHeader);
  const mapping: MelMapping = { time: null, persona: null, channel: null, account: null, text: null, action: null };
  const taken = new Set<number>();
  const assign = (matches: (header: string, name: string) => boolean) => {
    for (const field of MEL_FIELDS) {
      if (mapping[field] !== null) continue;
      const index = normalised.findIndex((header, column) => !taken.has(column) && HEADER_NAMES[field].some((name) => matches(header, name)));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  };
  // Raw "T+" normalises to "t+"; a header of only "Т+" (Cyrillic) likewise.
  assign((header, name) => header === name);
  assign((header, name) => name.length > 2 && ` ${header} `.includes(` ${name} `));
  return mapping;
}

/** Whether a remembered or edited mapping fits a sheet of `columns` columns. */
export function isMelMapping(value: unknown, columns = Number.MAX_SAFE_INTEGER): value is MelMapping {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const used = new Set<number>();
  for (const field of MEL_FIELDS) {
    const column = record[field];
    if (column === null) continue;
    if (typeof column !== 'number' || !Number.isSafeInteger(column) || column < 0 || column >= columns || used.has(column)) return false;
    used.add(column);
  }
  return Object.keys(record).length === MEL_FIELDS.length;
}

/** Mappings remembered per header signature (the settings row `studioImportMappings`); bounded. */
export type RememberedMappings = Record<string, MelMapping>;
export const REMEMBERED_MAPPINGS_MAX = 50;

export function isRememberedMappings(value: unknown): value is RememberedMappings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= REMEMBERED_MAPPINGS_MAX && entries.every(([signature, mapping]) => signature.length <= 4_000 && isMelMapping(mapping));
}

/** The remembered mappings with this one added (most recent last; the oldest dropped past the bound). */
export function rememberMapping(remembered: RememberedMappings, signature: string, mapping: MelMapping): RememberedMappings {
  const next: RememberedMappings = {};
  for (const [key, value] of Object.entries(remembered)) if (key !== signature) next[key] = value;
  next[signature] = mapping;
  const keys = Object.keys(next);
  for (const key of keys.slice(0, Math.max(0, keys.length - REMEMBERED_MAPPINGS_MAX))) delete next[key];
  return next;
}

// Runtime: Node (Playwright). Scenario data the end-to-end tests need: the built-in library's model
// and poor answers, and packs built as an instructor would send them: one with a very long feed,
// one with pictures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { parse, stringify } from 'yaml';
import { buildArchive } from '../renderer/src/core/pack/archive';
import { loadPack } from '../renderer/src/core/pack/load';
import type { Scenario } from '../renderer/src/core/pack/schema';
import { offsetMinutes } from '../renderer/src/core/pack/schema';
import { taskRequiresClearance } from '../renderer/src/core/engine/clearance';
import { TO_HIDE } from '../renderer/src/core/grading/moderation';
import { CORE_LIBRARY_DIR, MINIMAL_PACK_DIR, readFolder } from '../renderer/src/test/packs';
import { platformRules } from '../renderer/src/core/grading/platforms';
import { publishBlock } from '../renderer/src/core/platforms/publishable';
import { modelAnswer } from '../renderer/src/test/engine';

const library = loadPack(readFolder(CORE_LIBRARY_DIR), { appVersion: '0.1.0' }).pack!;

export function builtInScenario(id: string): Scenario {
  const scenario = library.scenarios.find((candidate) => candidate.id === id);
  if (!scenario) throw new Error(`no built-in scenario ${id}`);
  return scenario;
}

/** The ids of the built-in library's scenarios, in the pack's order. */
export function builtInScenarioIds(): string[] {
  return library.scenarios.map((scenario) => scenario.id);
}

export function builtInCourseIds(): string[] {
  return library.courses.map((course) => course.id);
}

export function goodDraft(scenario: Scenario, taskId: string, language: string): string {
  const text = modelAnswer(scenario, taskId, language);
  if (!text) throw new Error(`${scenario.id}/${taskId} has no model answer in ${language}`);
  return text;
}

/** Whether headquarters must clear the task's publication (its own flag or its account's). */
export function needsClearance(scenario: Scenario, taskId: string): boolean {
  return taskRequiresClearance(
    scenario,
    scenario.tasks.find((candidate) => candidate.id === taskId)!,
  );
}

/** A live comment as a moderator meets it: when it arrives (simulated minutes from the start). */
export interface LiveCommentArrival {
  id: string;
  at: number;
}

/**
 * The comments of a moderation task's stream that moderation removes (abuse and spam, by the nature the
 * pack gives each), in the order they arrive, up to the task's deadline.
 */
export function commentsToHide(scenario: Scenario, taskId: string): LiveCommentArrival[] {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  const stream = scenario.timeline.find((inject) => inject.id === task.stream);
  if (!stream?.live) throw new Error(`${scenario.id}/${taskId} watches no live stream`);
  const start = offsetMinutes(stream.at);
  const until = Math.min(offsetMinutes(task.due), start + offsetMinutes(stream.live.length));
  return stream.live.comments
    .filter((comment) => TO_HIDE.has(comment.nature))
    .map((comment) => ({ id: comment.id, at: start + offsetMinutes(comment.after) }))
    .filter((comment) => comment.at <= until)
    .sort((a, b) => a.at - b.at);
}

/**
 * The headquarters request a report task answers, as the inbox shows it: the last one written to the
 * task's account by the time the task opens, and its author's name in `language`.
 */
export function reportRequest(scenario: Scenario, taskId: string, language: string): { injectId: string; author: string } {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  const opens = task.opensAt === undefined ? Number.POSITIVE_INFINITY : offsetMinutes(task.opensAt);
  const request = scenario.timeline
    .filter((inject) => inject.type === 'hq-request' && inject.account === task.account && offsetMinutes(inject.at) <= opens)
    .at(-1);
  if (!request) throw new Error(`${scenario.id}/${taskId}: no headquarters request on ${task.account} before the report opens`);
  const persona =
    scenario.personas.find((candidate) => candidate.id === request.persona) ?? library.personas.find((candidate) => candidate.id === request.persona);
  if (!persona) throw new Error(`${scenario.id}: no persona ${request.persona}`);
  const name = persona.name as Record<string, string | undefined>;
  return { injectId: request.id, author: name[language] ?? name.en! };
}

/**
 * The task's calibration draft that fails the most axes among those its platform lets out (the
 * composer refuses a post over the platform's limit, as the platform does), else a shout.
 */
export function poorDraft(scenario: Scenario, taskId: string): string {
  const task = scenario.tasks.find((candidate) => candidate.id === taskId)!;
  const account = scenario.accounts.find((candidate) => candidate.id === task.account)!;
  const rules = platformRules(account.platform, library.manifest.platforms, scenario.platforms);
  const fails = (draft: (typeof task.calibration)[number]) => Object.values(draft.expect).filter((verdict) => verdict === 'fail').length;
  const worst = task.calibration
    .filter((draft) => fails(draft) > 0 && publishBlock(draft.text, task.kind, rules) === null)
    .sort((a, b) => fails(b) - fails(a))[0];
  return worst?.text ?? 'WE HAVE NOTHING TO SAY!!!';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

type Localized = { en: string; ru: string };
type Yaml = Record<string, unknown>;

export interface PackVariant {
  /** The pack's id, its one scenario's and its one course's, and the file's name. */
  id: string;
  /** The pack's title, and its course's. */
  title: Localized;
  scenarioTitle: Localized;
  /** Turns the minimal pack's scenario and personas into the variant's; both are edited in place. */
  edit: (parts: { scenario: Yaml & { timeline: Yaml[] }; personas: Yaml[] }) => void;
  /** Files to add, by their path in the pack. */
  media?: Record<string, Uint8Array>;
}

/**
 * Writes an `.attache` file built from the minimal pack as an instructor would send it: renamed, its
 * one scenario changed by `edit`, with one course around it.
 */
export function writeVariantPack({ id, title, scenarioTitle, edit, media = {} }: PackVariant): string {
  const files = readFolder(MINIMAL_PACK_DIR);
  const manifest = parse(decoder.decode(files.get('pack.yaml'))) as Yaml;
  manifest.id = id;
  manifest.title = title;
  const personas = parse(decoder.decode(files.get('personas.yaml'))) as { personas: Yaml[] };
  const scenarioFile = [...files.keys()].find((name) => name.startsWith('scenarios/'))!;
  const scenario = parse(decoder.decode(files.get(scenarioFile))) as Yaml & { timeline: Yaml[] };
  scenario.id = id;
  scenario.title = scenarioTitle;
  edit({ scenario, personas: personas.personas });
  const courses = { courses: [{ id, title, description: { en: 'One scenario.', ru: 'Один сценарий.' }, scenarios: [id], completion: { rule: 'all-passed' } }] };
  const edited = new Map(files)
    .set('pack.yaml', encoder.encode(stringify(manifest)))
    .set('personas.yaml', encoder.encode(stringify(personas)))
    .set('courses.yaml', encoder.encode(stringify(courses)))
    .set(`scenarios/${id}.yaml`, encoder.encode(stringify(scenario, { lineWidth: 0 })));
  for (const [name, bytes] of Object.entries(media)) edited.set(name, bytes);
  if (scenarioFile !== `scenarios/${id}.yaml`) edited.delete(scenarioFile);
  const result = loadPack(edited, { appVersion: '0.1.0' });
  if (!result.pack) throw new Error(`the ${id} pack does not load: ${JSON.stringify(result.diagnostics.slice(0, 3))}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'attache-e2e-')), `${id}.attache`);
  writeFileSync(file, buildArchive(edited, { packId: id, packVersion: '1.0.0' }));
  return file;
}

/**
 * Writes an `.attache` file whose one scenario brings `count` posts into one account's feed: half
 * at 0:01, half at 0:02 (so a second batch arrives while the trainee is reading the first).
 */
export function writeLongFeedPack(count: number): string {
  return writeVariantPack({
    id: 'long-feed',
    title: { en: 'Long feed', ru: 'Длинная лента' },
    scenarioTitle: { en: 'A very long feed', ru: 'Очень длинная лента' },
    edit: ({ scenario }) => {
      scenario.timeline = Array.from({ length: count }, (_, index) => ({
        id: `post-${index + 1}`,
        at: index < count / 2 ? '0:01' : '0:02',
        type: 'post',
        persona: 'reporter',
        account: 'embassy-x',
        text: { en: `Post number ${index + 1}`, ru: `Запись номер ${index + 1}` },
      }));
    },
  });
}

/** A real PNG of one colour, `size` pixels square. */
export function solidPng(size: number, [red, green, blue]: readonly [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [red, green, blue]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** Writes an `.attache` file whose reporter has a photo for an avatar and posts a picture of the terminal. */
export function writePicturePack(): string {
  return writeVariantPack({
    id: 'pictures',
    title: { en: 'Pictures', ru: 'Картинки' },
    scenarioTitle: { en: 'A post with a picture', ru: 'Запись с картинкой' },
    edit: ({ scenario, personas }) => {
      for (const persona of personas) if (persona.id === 'reporter') persona.avatar = 'media/ana.png';
      scenario.timeline = scenario.timeline.map((inject) => ({
        ...inject,
        media: [{ file: 'media/terminal.png', alt: { en: 'Queues at the airport terminal', ru: 'Очереди в терминале аэропорта' } }],
      }));
    },
    media: { 'media/terminal.png': solidPng(64, [40, 90, 160]), 'media/ana.png': solidPng(32, [200, 80, 40]) },
  });
}

// Runtime: any (pure core). Where a new pack starts: a small complete scenario whose every part is
// explained by a comment for an instructor who has never seen YAML, or a copy of a scenario from
// another pack (the library's) under new ids, with the personas and media it uses.
import type { PackFiles } from '../pack/archive';
import type { DocPath, PackDocument } from './document';
import { applyEdit, documentFromFiles, DocumentEditError, readAt } from './document';
import { idProblem } from './references';

export interface PackAuthor {
  name: string;
  organisation?: string;
  email?: string;
}

export interface NewPackOptions {
  packId: string;
  scenarioId: string;
  /** The pack's (and its first scenario's) title, per language. */
  title: Readonly<Record<string, string>>;
  /** Two-letter codes; the first is the one texts fall back to. */
  languages: readonly string[];
  author: PackAuthor;
  /** When the pack is created (milliseconds since 1970), written in a comment. */
  now: number;
}

/** The sample texts of the template, in the languages the grader reads; other languages get the English ones to translate. */
interface SampleTexts {
  description: string;
  summary: string;
  situation: string;
  roleTitle: string;
  organisation: string;
  accountName: string;
  audience: string;
  factLabel: string;
  keyMessage: string;
  keyword: string;
  reporterName: string;
  injectText: string;
  taskTitle: string;
  taskBrief: string;
  modelAnswer: string;
  reply: string;
  debrief: string;
  teachingPoint: string;
}

const HOTLINE = '+99 21 555 0100';

const SAMPLES: Record<string, SampleTexts> = {
  en: {
    description: 'A first scenario: tell citizens abroad where to get help after flights are suspended.',
    summary: 'A storm closes the airport of Port Selin. Tell the citizens on holiday there how to reach the embassy.',
    situation:
      'Sunday morning. A storm has closed the airport of Port Selin and about 2,000 of our citizens are on holiday there.\n\nYou run the embassy’s account on X. Give them the embassy hotline and tell them what to do next.',
    roleTitle: 'Press attaché',
    organisation: 'Embassy of Azuria',
    accountName: 'Embassy of Azuria',
    audience: 'Citizens abroad, journalists and local officials.',
    factLabel: 'Embassy hotline',
    keyMessage: 'Citizens who need help call the embassy hotline.',
    keyword: 'hotline',
    reporterName: 'Port Selin News',
    injectText: 'Port Selin airport is closed after the storm. Hundreds of tourists are waiting for news. Where is their embassy?',
    taskTitle: 'Give citizens the hotline',
    taskBrief: 'Post on X: the airport is closed, and citizens who need help call the embassy hotline.',
    modelAnswer: `Port Selin airport is closed after the storm. If you are in Port Selin and need help, call our hotline ${HOTLINE}. We are here for you around the clock.`,
    reply: 'Thank you, that helps.',
    debrief: 'In a crisis, citizens first need to know where to turn.',
    teachingPoint: 'Put the number people need in the first post, exactly as it is.',
  },
  ru: {
    description: 'Первый сценарий: после отмены рейсов сообщить гражданам за рубежом, куда обращаться за помощью.',
    summary: 'Шторм закрыл аэропорт Порт-Селина. Сообщите отдыхающим там гражданам, как связаться с посольством.',
    situation:
      'Воскресное утро. Шторм закрыл аэропорт Порт-Селина, там отдыхают около 2000 наших граждан.\n\nВы ведёте аккаунт посольства в X. Сообщите им номер горячей линии посольства и что делать дальше.',
    roleTitle: 'Пресс-атташе',
    organisation: 'Посольство Азурии',
    accountName: 'Посольство Азурии',
    audience: 'Граждане за рубежом, журналисты и местные власти.',
    factLabel: 'Горячая линия посольства',
    keyMessage: 'Граждане, которым нужна помощь, звонят на горячую линию посольства.',
    keyword: 'горячая линия',
    reporterName: 'Новости Порт-Селина',
    injectText: 'Аэропорт Порт-Селина закрыт после шторма. Сотни туристов ждут новостей. Где их посольство?',
    taskTitle: 'Сообщите гражданам горячую линию',
    taskBrief: 'Опубликуйте в X: аэропорт закрыт, гражданам, которым нужна помощь, звонить на горячую линию посольства.',
    modelAnswer: `Аэропорт Порт-Селина закрыт после шторма. Если вы в Порт-Селине и вам нужна помощь, звоните на нашу горячую линию ${HOTLINE}. Мы на связи круглосуточно.`,
    reply: 'Спасибо, это помогает.',
    debrief: 'В кризис граждане прежде всего должны знать, куда обращаться.',
    teachingPoint: 'Дайте нужный людям номер в первом же сообщении, без ошибок.',
  },
  uk: {
    description: 'Перший сценарій: після скасування рейсів повідомити громадян за кордоном, куди звертатися по допомогу.',
    summary: 'Шторм закрив аеропорт Порт-Селіна. Повідомте громадянам, які відпочивають там, як зв’язатися з посольством.',
    situation:
      'Неділя, ранок. Шторм закрив аеропорт Порт-Селіна, там відпочивають близько 2000 наших громадян.\n\nВи ведете акаунт посольства в X. Повідомте їм номер гарячої лінії посольства і що робити далі.',
    roleTitle: 'Пресаташе',
    organisation: 'Посольство Азурії',
    accountName: 'Посольство Азурії',
    audience: 'Громадяни за кордоном, журналісти та місцева влада.',
    factLabel: 'Гаряча лінія посольства',
    keyMessage: 'Громадяни, яким потрібна допомога, телефонують на гарячу лінію посольства.',
    keyword: 'гаряча лінія',
    reporterName: 'Новини Порт-Селіна',
    injectText: 'Аеропорт Порт-Селіна закритий після шторму. Сотні туристів чекають на новини. Де їхнє посольство?',
    taskTitle: 'Повідомте громадянам гарячу лінію',
    taskBrief: 'Опублікуйте в X: аеропорт закритий, громадянам, яким потрібна допомога, телефонувати на гарячу лінію посольства.',
    modelAnswer: `Аеропорт Порт-Селіна закритий після шторму. Якщо ви в Порт-Селіні й вам потрібна допомога, телефонуйте на нашу гарячу лінію ${HOTLINE}. Ми на зв’язку цілодобово.`,
    reply: 'Дякую, це допомагає.',
    debrief: 'У кризу громадяни насамперед мають знати, куди звертатися.',
    teachingPoint: 'Дайте потрібний людям номер у першому ж повідомленні, без помилок.',
  },
};

/** A YAML scalar for any text: JSON's double-quoted strings are valid YAML, so nothing needs escaping by hand. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

/** A text after "key: ": quoted on one line, or a literal block (`|-`) of its lines, indented by `indent`. */
function scalar(value: string, indent: number): string {
  if (!value.includes('\n')) return quoted(value);
  const pad = ' '.repeat(indent);
  return `|-\n${value
    .split('\n')
    .map((line) => (line ? pad + line : ''))
    .join('\n')}`;
}

/** `key:` then one line per language, at `indent` spaces. */
function localized(indent: number, key: string, languages: readonly string[], text: (language: string) => string): string {
  const pad = ' '.repeat(indent);
  return [`${pad}${key}:`, ...languages.map((language) => `${pad}  ${language}: ${scalar(text(language), indent + 4)}`)].join('\n');
}

/** A list item that is a text per language: `- en: ...` then the other languages under it. */
function localizedItem(indent: number, languages: readonly string[], text: (language: string) => string): string {
  const pad = ' '.repeat(indent);
  return languages.map((language, index) => `${pad}${index === 0 ? '- ' : '  '}${language}: ${quoted(text(language))}`).join('\n');
}

function checkId(id: string, file: string): void {
  const problem = idProblem(id);
  if (problem) throw new DocumentEditError('invalid-id', file, ['id'], problem);
}

function isoDate(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * A new pack: pack.yaml, personas.yaml and one scenario with one account, one fact, one key
 * message, one inject and one task whose model answer is written in every language. It loads
 * without errors; each part carries a comment saying what it is for. Throws a DocumentEditError
 * ('invalid-id') when an id is not one.
 */
export function newPackTemplate(options: NewPackOptions): PackDocument {
  const { packId, scenarioId, author, now } = options;
  checkId(packId, 'pack.yaml');
  checkId(scenarioId, `scenarios/${scenarioId}.yaml`);
  const languages = [...new Set(options.languages)];
  const first = languages[0] ?? 'en';
  if (!languages.length) languages.push(first);
  const sample = (language: string): SampleTexts => SAMPLES[language] ?? SAMPLES.en!;
  const title = (language: string) => options.title[language] ?? options.title[first] ?? Object.values(options.title)[0] ?? packId;
  const text = (key: keyof SampleTexts) => (language: string) => sample(language)[key];

  const authorLines = [`  - name: ${quoted(author.name)}`];
  if (author.organisation) authorLines.push(`    organisation: ${quoted(author.organisation)}`);
  if (author.email) authorLines.push(`    email: ${quoted(author.email)}`);

  const pack = `# pack.yaml describes the whole pack: what it is called, who wrote it and which languages it is played in.
# Created in Attaché's studio on ${isoDate(now)}.
# A line that starts with "#" is a comment: Attaché ignores it, so you can leave notes anywhere.
format: 1
# The pack's id: lower-case letters, digits and dashes. Keep it once the pack is shared.
id: ${packId}
# Raise the version each time you give a changed pack to colleagues (1.0.0, then 1.0.1 or 1.1.0).
version: 1.0.0
${localized(0, 'title', languages, title)}
${localized(0, 'description', languages, text('description'))}
authors:
${authorLines.join('\n')}
licence: CC-BY-4.0
# Every text a trainee sees is written once per language listed here.
languages: [${languages.join(', ')}]
minAppVersion: 0.1.0
`;

  const personas = `# personas.yaml lists the people and outlets that post in your scenarios. Every scenario of the pack can use them.
personas:
  # An id names the persona in the scenarios ("persona: local-news").
  - id: local-news
${localized(4, 'name', languages, text('reporterName'))}
    handle: "@PortSelinNews"
    # journalist, citizen, troll, embassy, headquarters, official, media, influencer, expert or organisation.
    role: media
    verified: true
`;

  const scenario = `# A scenario: the situation the trainee is put in, the accounts they run, what happens and what they must do.
# The file's name is the scenario's id: scenarios/${scenarioId}.yaml.
id: ${scenarioId}
# crisis or outreach.
kind: crisis
${localized(0, 'title', languages, title)}
${localized(0, 'summary', languages, text('summary'))}
# What the trainee reads before starting.
${localized(0, 'situation', languages, text('situation'))}
role:
${localized(2, 'title', languages, text('roleTitle'))}
${localized(2, 'organisation', languages, text('organisation'))}
# How long the scenario runs, in simulated hours and minutes from its start ("1:00" is one hour).
# Any time may carry seconds where they matter, as in a live stream: "0:10:45".
duration: "1:00"

# The accounts the trainee writes from. Tasks and injects name them by id.
accounts:
  - id: embassy-x
    # x, facebook, vk, telegram, weibo, youtube, instagram, threads, mastodon, bluesky or linkedin.
    platform: x
    handle: "@EmbassyOfAzuria"
${localized(4, 'name', languages, text('accountName'))}
    audience:
      followers: 10000
${localized(6, 'description', languages, text('audience'))}
    # Add "clearance: true" here when headquarters must clear every public word on this account
    # (then say who answers in a "clearance" block: reviewer, delay, extra — see the end of the file).

# Facts the trainee must get exactly right. A draft that gets one wrong fails, whatever else it does well.
facts:
  - id: hotline
    # phone, date, time, number, url, name or text.
    type: phone
${localized(4, 'label', languages, text('factLabel'))}
    value: ${quoted(HOTLINE)}

# The line to hold: what to say, what never to say, which words to use, and the tone.
policy:
  keyMessages:
    - id: call-hotline
${localized(6, 'wording', languages, text('keyMessage'))}
      # Words that show the message is covered (a word matches its other forms too).
      keywords:
${languages.map((language) => `        ${language}: [${quoted(sample(language).keyword)}]`).join('\n')}
      # Stating the hotline correctly also covers the message.
      coveredByFact: hotline
  # Red lines (what must never be said) and terminology (words to avoid) are added the same way.
  redLines: []
  terminology: []
  tone:
    # empathetic, neutral, calm-firm, warm or formal.
    target: empathetic

# What arrives in the trainee's feed, and when ("0:05" is five minutes after the start).
timeline:
  - id: airport-closed
    at: "0:05"
    # post, reply, direct-message, news, trend, hq-request or live (a live stream: its "live" block
    # gives its length, viewer counts and the comments that come in, each with what it is).
    type: news
    persona: local-news
    account: embassy-x
${localized(4, 'text', languages, text('injectText'))}

# What the trainee must do. Each task is graded on tone, policy and platform.
tasks:
  - id: give-hotline
    # post, reply, thread, direct-message, mass-notification, moderation (of a live stream's comments,
    # with "stream: <live inject id>") or report (an internal note to headquarters, with a "report" block).
    # "clearance: true" on a task makes headquarters clear its publication first.
    kind: post
    account: embassy-x
    # When the task opens and when it is due, from the start.
    opensAt: "0:05"
    due: "0:30"
${localized(4, 'title', languages, text('taskTitle'))}
${localized(4, 'brief', languages, text('taskBrief'))}
    # What a good draft must contain: key messages and facts, by id.
    requires:
      keyMessages: [call-hotline]
      facts: [hotline]
    # The score (out of 100) each part of the grade needs to pass.
    passMark: { tone: 70, policy: 70, platform: 70 }
    # What trainees are shown as a good answer. It must pass its own task: the studio checks it.
${localized(4, 'modelAnswer', languages, text('modelAnswer'))}
    # Drafts with the verdict an experienced press officer gives them: they check that the grader agrees.
    calibration: []

# Branches change the scenario when something happens: a task missed or failed, or a time reached.
branches: []

# How the audience answers the trainee's posts.
audience:
  replies:
    grateful:
      - text:
${languages.map((language) => `          ${language}: ${quoted(sample(language).reply)}`).join('\n')}

# The scenario is passed when every task is passed (or: { rule: average-score, min: 70 }).
passRule: { rule: all-passed }

# Goals for the accounts, as ministries judge them: the debrief shows each beside the grade, and
# they never change whether the scenario is passed. metric: reach (people shown the publications)
# or engagement (their likes, shares and replies); by: when, from the start (omitted: the end).
targets:
  - { account: embassy-x, metric: reach, value: 5000, by: "1:00" }

# Where headquarters must clear publications (an account or a task with "clearance: true"), say who
# answers and how long it takes; the answer comes after delay plus up to extra:
# clearance: { reviewer: <a persona with role headquarters>, delay: "0:05", extra: "0:05" }

# What the trainee reads at the end.
debrief:
${localized(2, 'summary', languages, text('debrief'))}
  teachingPoints:
${localizedItem(4, languages, text('teachingPoint'))}
`;
  return documentFromFiles(
    new Map(
      [
        ['pack.yaml', pack],
        ['personas.yaml', personas],
        [`scenarios/${scenarioId}.yaml`, scenario],
      ].map(([path, content]) => [path!, new TextEncoder().encode(content)]),
    ),
  );
}

export interface CopyOptions {
  newPackId: string;
  newScenarioId: string;
}

type Plain = Record<string, unknown>;

function records(value: unknown): Plain[] {
  return Array.isArray(value) ? value.filter((item): item is Plain => item !== null && typeof item === 'object' && !Array.isArray(item)) : [];
}

/** The persona ids a scenario names (injects and their live comments, direct messages, audience replies, headquarters' reviewer). */
function personasNamed(scenario: Plain): Set<string> {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string') ids.add(value);
  };
  const injects = [...records(scenario.timeline), ...records(scenario.branches).flatMap((branch) => records((branch.then as Plain | undefined)?.injects))];
  for (const inject of injects) {
    add(inject.persona);
    for (const comment of records((inject.live as Plain | undefined)?.comments)) add(comment.persona);
  }
  add((scenario.clearance as Plain | undefined)?.reviewer);
  for (const task of records(scenario.tasks)) add(task.recipient);
  const replies = ((scenario.audience as Plain | undefined)?.replies ?? {}) as Plain;
  for (const list of Object.values(replies)) for (const reply of records(list)) add(reply.persona);
  return ids;
}

/** The media files a scenario and the personas it uses point to. */
function mediaNamed(scenario: Plain, personas: readonly Plain[]): Set<string> {
  const files = new Set<string>();
  const injects = [...records(scenario.timeline), ...records(scenario.branches).flatMap((branch) => records((branch.then as Plain | undefined)?.injects))];
  for (const inject of injects) for (const item of records(inject.media)) if (typeof item.file === 'string') files.add(item.file);
  for (const persona of [...records(scenario.personas), ...personas]) if (typeof persona.avatar === 'string') files.add(persona.avatar);
  return files;
}

/**
 * A new pack holding one scenario of `files` (another pack's files) under new ids: the scenario,
 * the pack-wide personas and the media it uses, and the source's pack.yaml with the new id,
 * version 1.0.0 and the scenario's title. Comments and layout are kept. Throws a DocumentEditError
 * when the scenario is not there ('unknown-id'), an id is not one ('invalid-id'), or a file it
 * needs does not parse ('unparsable').
 */
export function copyScenarioAsPack(files: PackFiles, scenarioId: string, options: CopyOptions): PackDocument {
  checkId(options.newPackId, 'pack.yaml');
  checkId(options.newScenarioId, `scenarios/${options.newScenarioId}.yaml`);
  const source = documentFromFiles(files);
  const scenarioFile = [...source.texts.keys()].find((file) => /^scenarios\/[^/]+\.yaml$/.test(file) && readAt(source, file, ['id']) === scenarioId);
  if (!scenarioFile) throw new DocumentEditError('unknown-id', 'scenarios/', undefined, scenarioId);
  const scenario = readAt(source, scenarioFile, []) as Plain;
  if (!source.texts.has('pack.yaml') || readAt(source, 'pack.yaml', []) === undefined) throw new DocumentEditError('unparsable', 'pack.yaml');

  const own = new Set(records(scenario.personas).map((persona) => persona.id));
  const named = [...personasNamed(scenario)].filter((id) => !own.has(id));
  const texts = new Map<string, string>([
    ['pack.yaml', source.texts.get('pack.yaml')!],
    [scenarioFile, source.texts.get(scenarioFile)!],
  ]);
  const packPersonas = records(readAt(source, 'personas.yaml', ['personas']));
  const kept = packPersonas.filter((persona) => named.includes(persona.id as string));
  if (kept.length) texts.set('personas.yaml', source.texts.get('personas.yaml')!);
  const media = new Map<string, Uint8Array>();
  for (const file of mediaNamed(scenario, kept)) {
    const bytes = source.media.get(file);
    if (bytes) media.set(file, bytes);
  }
  let doc: PackDocument = { texts, media };

  // Personas the scenario does not use are removed last first, so the indexes stay right.
  for (let index = packPersonas.length - 1; index >= 0; index -= 1) {
    if (!named.includes(packPersonas[index]!.id as string) && kept.length)
      doc = applyEdit(doc, { kind: 'delete', file: 'personas.yaml', path: ['personas', index] });
  }
  const set = (path: DocPath, value: unknown) => {
    doc = applyEdit(doc, { kind: 'set', file: 'pack.yaml', path, value });
  };
  set(['id'], options.newPackId);
  set(['version'], '1.0.0');
  if (scenario.title && typeof scenario.title === 'object') set(['title'], scenario.title);
  if (scenario.summary && typeof scenario.summary === 'object') set(['description'], scenario.summary);
  if (Array.isArray(scenario.languages)) set(['languages'], scenario.languages);
  if (scenarioId !== options.newScenarioId)
    doc = applyEdit(doc, { kind: 'rename-id', target: { kind: 'scenario', id: scenarioId }, to: options.newScenarioId });
  else if (scenarioFile !== `scenarios/${scenarioId}.yaml`) {
    const text = doc.texts.get(scenarioFile)!;
    doc = applyEdit(applyEdit(doc, { kind: 'remove-file', file: scenarioFile }), { kind: 'add-file', file: `scenarios/${scenarioId}.yaml`, text });
  }
  return doc;
}

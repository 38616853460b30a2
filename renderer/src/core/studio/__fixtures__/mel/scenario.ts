// Runtime: any (tests). A small two-language pack to import events lists into: two accounts (X and
// Facebook), a pack-wide headquarters persona and a scenario persona known by handle.
import { documentFromFiles, type PackDocument } from '../../document';

export const SCENARIO_FILE = 'scenarios/quota-row.yaml';

const PACK_YAML = `format: 1
id: mel-test
version: 1.0.0
title: { en: MEL test, ru: Тест MEL }
description: { en: A pack to import into., ru: Пакет для импорта. }
authors: [{ name: Test }]
licence: CC-BY-4.0
languages: [en, ru]
minAppVersion: 0.1.0
`;

const PERSONAS_YAML = `personas:
  - id: hq-press
    name: { en: MFA Press Department, ru: Департамент информации МИД }
    handle: "@AzuriaMFA_Press"
    role: headquarters
`;

const SCENARIO_YAML = `# The quota row, before the events list is imported.
id: quota-row
kind: crisis
title: { en: The quota row, ru: Спор о квотах }
accounts:
  - id: embassy-x
    platform: x
    handle: "@AzuriaInNordmark"
    name: { en: Embassy of Azuria, ru: Посольство Азурии }
    audience: { followers: 100, description: { en: Press, ru: Пресса } }
  - id: embassy-fb
    platform: facebook
    handle: AzuriaEmbassyNordmark
    name: { en: Embassy of Azuria, ru: Посольство Азурии }
    audience: { followers: 100, description: { en: Press, ru: Пресса } }
personas:
  - id: mp-ravn
    name: { en: Bertil Ravn MP, ru: Бертиль Равн }
    handle: "@BertilRavnMP"
    role: official
timeline:
  - id: mp-ravn-000
    at: "0:00"
    type: post
    persona: mp-ravn
    account: embassy-x
    text: { en: An earlier post., ru: Более ранний пост. }
tasks: []
`;

export function quotaRowDocument(): PackDocument {
  const encoder = new TextEncoder();
  return documentFromFiles(
    new Map([
      ['pack.yaml', encoder.encode(PACK_YAML)],
      ['personas.yaml', encoder.encode(PERSONAS_YAML)],
      [SCENARIO_FILE, encoder.encode(SCENARIO_YAML)],
    ]),
  );
}

// Runtime: Node (Vitest). The xAPI profile document that ships with the app (resources/xapi-profile.jsonld)
// defines every extension the statements carry, where they carry it, and what its values look like.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../renderer/src/core/pack/schema';
import { attemptStatements, XAPI_EXTENSIONS, XAPI_PROFILE_IRI } from '../renderer/src/core/records/xapi';
import { playedOutcome } from '../renderer/src/test/progress-files';

interface Concept {
  id: string;
  type: string;
  inScheme: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  inlineSchema: string;
}

const profile = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'resources', 'xapi-profile.jsonld'), 'utf8')) as {
  id: string;
  type: string;
  versions: { id: string }[];
  concepts: Concept[];
};
const concepts = new Map(profile.concepts.map((concept) => [concept.id, concept]));

/** Every extension key and value of the statements of a passed and a failed attempt, by where it sits. */
function extensionsUsed(): { where: 'result' | 'context'; key: string; value: unknown }[] {
  const settings = { academyIri: 'https://academy.example', identityField: 'academyId' as const, includeDraftText: true };
  const used: { where: 'result' | 'context'; key: string; value: unknown }[] = [];
  for (const drafts of ['model', 'poor'] as const) {
    const { frozen, played } = playedOutcome({ uid: `attempt-${drafts}`, traineeUid: 'trainee-anna', drafts });
    for (const built of attemptStatements({ frozen, played, actor: { homePage: settings.academyIri, name: 'ACD-1' }, settings })) {
      const statement = JSON.parse(built.json) as { result?: { extensions?: Record<string, unknown> }; context?: { extensions?: Record<string, unknown> } };
      for (const [key, value] of Object.entries(statement.result?.extensions ?? {})) used.push({ where: 'result', key, value });
      for (const [key, value] of Object.entries(statement.context?.extensions ?? {})) used.push({ where: 'context', key, value });
    }
  }
  return used;
}

describe('the xAPI profile document', () => {
  it('is the profile the statements name, in one version', () => {
    expect(profile.id).toBe(XAPI_PROFILE_IRI);
    expect(profile.type).toBe('Profile');
    for (const concept of profile.concepts) {
      expect(concept.inScheme).toBe(profile.versions[0]!.id);
      expect(concept.prefLabel.en?.length).toBeGreaterThan(0);
      expect(concept.definition.en?.length).toBeGreaterThan(20);
    }
  });

  it('defines every extension the builder knows, and nothing else', () => {
    expect([...concepts.keys()].sort()).toEqual(Object.values(XAPI_EXTENSIONS).sort());
  });

  it('says where each extension sits and what its values look like, as the statements carry them', () => {
    const ajv = new Ajv({ strict: true });
    const used = extensionsUsed();
    expect(new Set(used.map((entry) => entry.key))).toEqual(new Set(Object.values(XAPI_EXTENSIONS)));
    for (const { where, key, value } of used) {
      const concept = concepts.get(key)!;
      expect(concept.type, key).toBe(where === 'result' ? 'ResultExtension' : 'ContextExtension');
      const validate = ajv.compile(JSON.parse(concept.inlineSchema) as object);
      expect(validate(value), `${key}: ${JSON.stringify(value)} ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('lists every platform a pack may name', () => {
    const platform = JSON.parse(concepts.get(XAPI_EXTENSIONS.platform)!.inlineSchema) as { enum: string[] };
    expect(platform.enum).toEqual([...PLATFORMS]);
  });
});

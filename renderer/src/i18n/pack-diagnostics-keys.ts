// Runtime: Node (tests and tools). The keys of the `packDiagnostics` catalogue, read out of the
// sources: every `say` template (its English with {{0}}, {{1}}… for the parts, as message.ts makes
// it) and every `counted` noun ("{{n}} file", with its plural). The catalogue test checks the
// English, Russian and Ukrainian files against them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface CatalogueKeys {
  /** Phrase keys: each is also its English. */
  phrases: Set<string>;
  /** Counted nouns: key → the English singular and plural ("{{n}} file" → ["{{n}} file", "{{n}} files"]). */
  counted: Map<string, [string, string]>;
}

/** The folders whose sources word pack diagnostics. */
export const DIAGNOSTIC_SOURCES = [path.resolve(import.meta.dirname, '..', 'core', 'pack')];

export function catalogueKeys(folders: readonly string[] = DIAGNOSTIC_SOURCES): CatalogueKeys {
  const keys: CatalogueKeys = { phrases: new Set(), counted: new Map() };
  for (const folder of folders) {
    for (const file of readdirSync(folder).sort()) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = ts.createSourceFile(file, readFileSync(path.join(folder, file), 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'say') {
          const template = node.template;
          if (ts.isNoSubstitutionTemplateLiteral(template)) keys.phrases.add(template.text);
          else keys.phrases.add(template.head.text + template.templateSpans.map((span, index) => `{{${index}}}${span.literal.text}`).join(''));
        }
        if (ts.isCallExpression(node) && node.expression.getText() === 'counted') {
          const [, singular, plural] = node.arguments;
          if (singular && ts.isStringLiteral(singular)) {
            const pluralText = plural && ts.isStringLiteral(plural) ? plural.text : `${singular.text}s`;
            keys.counted.set(`{{n}} ${singular.text}`, [`{{n}} ${singular.text}`, `{{n}} ${pluralText}`]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return keys;
}

// Runtime: renderer. The pack's YAML files in the order an author reads them: the pack, its people,
// its courses, then each scenario.
import type { PackDocument } from '../../../core/studio/document';

const FIRST = ['pack.yaml', 'personas.yaml', 'courses.yaml'];

export function yamlFiles(document: PackDocument): string[] {
  const rank = (file: string) => {
    const fixed = FIRST.indexOf(file);
    if (fixed >= 0) return fixed;
    return file.startsWith('scenarios/') ? FIRST.length : FIRST.length + 1;
  };
  return [...document.texts.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

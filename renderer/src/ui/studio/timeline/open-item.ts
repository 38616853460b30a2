// Runtime: renderer. Where a timeline item opens: its form (the primary action) or its YAML.
import { locate, type DocPath } from '../../../core/studio/document';
import { useStudio } from '../studio-context';

export function useOpenItem(file: string) {
  const { reveal, document } = useStudio();
  const showInYaml = (path: DocPath) => {
    const place = locate(document, file, path);
    reveal({ view: 'yaml', file, line: place?.line ?? 1, column: place?.column });
  };
  const open = (path: DocPath) => reveal({ view: 'forms', file, path });
  return { open, showInYaml };
}

// Runtime: renderer. Where a timeline item opens: its form, or the YAML view for what has no form
// (branches and what they add).
import { locate, type DocPath } from '../../../core/studio/document';
import { useStudio } from '../studio-context';

export function useOpenItem(file: string) {
  const { reveal, document } = useStudio();
  const showInYaml = (path: DocPath) => {
    const place = locate(document, file, path);
    reveal({ view: 'yaml', file, line: place?.line ?? 1, column: place?.column });
  };
  const open = (path: DocPath) => (path[0] === 'branches' ? showInYaml(path) : reveal({ view: 'forms', file, path }));
  return { open, showInYaml };
}

// Runtime: renderer. The YAML view: the pack's files on the side, the chosen one in a CodeMirror
// editor with completion, hover docs and the live check's problems marked in place.
import { Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from '../../../i18n/grading-message';
import { renderDiagnostic } from '../../../i18n/pack-diagnostic-message';
import { useRevealed, useStudio } from '../studio-context';
import { FileIcon, PlusIcon, TrashIcon } from '../studio-icons';
import { AddScenarioDialog, RemoveFileDialog } from './file-dialogs';
import { YamlEditor } from './YamlEditor';
import { yamlFiles } from './files';
import type { PlacedProblem } from './sync';
import classes from './yaml.module.css';

export function YamlView() {
  const { t, i18n } = useTranslation('studio');
  const studio = useStudio();
  const { document, check, apply } = studio;
  const files = useMemo(() => yamlFiles(document), [document]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [place, setPlace] = useState<{ line: number; column?: number } | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);

  // A file removed (by undo, a rename, the forms) falls back to the first one.
  const file = chosen !== null && files.includes(chosen) ? chosen : (files[0] ?? null);

  useRevealed('yaml', (place) => {
    if (!place.file) return;
    setChosen(place.file);
    if ('line' in place && place.line !== undefined) setPlace({ line: place.line, column: place.column });
  });

  const problems = useMemo<PlacedProblem[]>(
    () =>
      (check?.diagnostics ?? [])
        .filter((diagnostic) => diagnostic.file === file)
        .map((diagnostic) => {
          // In the reader's language, as the problems panel and the CLI word it.
          const text = renderDiagnostic(i18n.t as unknown as Translate, i18n.language, diagnostic);
          const message = text.hint ? `${text.message}\n${t('yaml.hint', { hint: text.hint })}` : text.message;
          return { severity: diagnostic.severity, line: diagnostic.line, column: diagnostic.column, message };
        }),
    [check, file, i18n, t],
  );
  const countsByFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const diagnostic of check?.diagnostics ?? []) counts.set(diagnostic.file, (counts.get(diagnostic.file) ?? 0) + 1);
    return counts;
  }, [check]);

  const onText = useCallback(
    (edited: string, text: string) => apply({ kind: 'text', file: edited, text }, { label: t('yaml.typing', { file: edited }), coalesceKey: `yaml:${edited}` }),
    [apply, t],
  );

  return (
    <div className={classes.layout} data-testid="studio-yaml">
      <nav aria-label={t('yaml.files')} className={classes.files}>
        <ScrollArea type="auto" className={classes.fileList}>
          <Stack gap={2}>
            {files.map((each) => {
              const count = countsByFile.get(each) ?? 0;
              return (
                <NavLink
                  key={each}
                  component="button"
                  type="button"
                  label={each}
                  description={count > 0 ? t('yaml.problems', { count }) : undefined}
                  leftSection={<FileIcon size={16} />}
                  active={each === file}
                  aria-current={each === file ? 'true' : undefined}
                  onClick={() => setChosen(each)}
                  className={classes.fileLink}
                />
              );
            })}
          </Stack>
        </ScrollArea>
        <Group gap={4} mt="xs">
          <Button variant="light" size="compact-sm" leftSection={<PlusIcon size={14} />} onClick={() => setAdding(true)}>
            {t('yaml.addScenario')}
          </Button>
          {file !== null && file.startsWith('scenarios/') && (
            <Button variant="subtle" color="red" size="compact-sm" leftSection={<TrashIcon size={14} />} onClick={() => setRemoving(file)}>
              {t('yaml.removeFile')}
            </Button>
          )}
        </Group>
      </nav>
      <div className={classes.editor}>
        {file === null ? (
          <Text c="dimmed" p="md">
            {t('yaml.noFiles')}
          </Text>
        ) : (
          <YamlEditor
            file={file}
            text={document.texts.get(file) ?? ''}
            onText={onText}
            problems={problems}
            place={place}
            label={t('yaml.editorLabel', { file })}
          />
        )}
      </div>
      <AddScenarioDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(added) => {
          setAdding(false);
          setChosen(added);
        }}
      />
      <RemoveFileDialog file={removing} onClose={() => setRemoving(null)} />
    </div>
  );
}

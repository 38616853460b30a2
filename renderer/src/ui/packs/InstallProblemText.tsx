// Runtime: renderer. Why a pack file was not installed, in words, with the first problems of a pack
// that does not pass the checks: one wording wherever a pack is installed from a file.
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countProblems, firstProblems, formatDiagnostic } from '../../core/pack/diagnostics';
import type { InstallProblem } from '../../library/install-problem';

export function InstallProblemText({ problem }: { problem: InstallProblem }) {
  const { t } = useTranslation('packs');
  return (
    <>
      <Text size="sm">
        {problem.kind === 'archive'
          ? t(`install.archive.${problem.code}`)
          : problem.kind === 'built-in'
            ? t('install.builtIn', { id: problem.packId })
            : t('install.invalid', { count: countProblems(problem.diagnostics) })}
      </Text>
      {problem.kind === 'invalid' && (
        <List size="xs" mt="xs" ff="monospace">
          {firstProblems(problem.diagnostics, 8).shown.map((diagnostic, index) => (
            <List.Item key={index}>{formatDiagnostic(diagnostic)}</List.Item>
          ))}
        </List>
      )}
    </>
  );
}

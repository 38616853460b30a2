// Runtime: renderer. One titled section of the debrief: a landmark named by its heading, at the
// heading level the page gives it.
import { Stack, Title } from '@mantine/core';
import type { TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

export function Section({ title, level, testId, children }: { title: ReactNode; level: TitleOrder; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <Stack component="section" gap="sm" aria-labelledby={id} data-testid={testId}>
      <Title order={level} id={id} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The next heading level down, never below h6. */
export function below(level: TitleOrder): TitleOrder {
  return Math.min(level + 1, 6) as TitleOrder;
}

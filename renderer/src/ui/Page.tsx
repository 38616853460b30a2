// Runtime: renderer. The frame every screen shares: a title that takes focus on arrival, an intro, content.
import { Container, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Page({ testId, title, intro, children }: { testId: string; title?: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <Container size="md" px={0} data-testid={testId}>
      <Stack gap="xl">
        {title !== undefined && (
          <div>
            <Title order={1} tabIndex={-1} data-page-title>
              {title}
            </Title>
            {intro !== undefined && (
              <Text c="dimmed" mt={6} maw={640}>
                {intro}
              </Text>
            )}
          </div>
        )}
        {children}
      </Stack>
    </Container>
  );
}

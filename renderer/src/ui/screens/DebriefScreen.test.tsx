// Runtime: Node (Vitest, happy-dom). The debrief opened from its address when its attempt cannot be:
// it explains why, as the player does, with the way back to the history.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/app';
import { createTestDatabase } from '../../test/database';

describe('DebriefScreen', () => {
  it('explains an attempt that is not on this device', async () => {
    window.location.hash = '#/debrief/77';
    await renderApp({ db: createTestDatabase() });
    const alert = await screen.findByTestId('player-open-failed');
    await waitFor(() => expect(alert.textContent).toContain('There is no such attempt on this device'));
    expect(within(alert).getByRole('link').getAttribute('href')).toBe('#/history');
    expect(screen.queryByTestId('debrief-page')).toBeNull();
  });
});

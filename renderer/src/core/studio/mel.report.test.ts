// Runtime: Node (Vitest). A planner's "report to headquarters" in a master events list reads as a report task.
import { describe, expect, it } from 'vitest';
import { readAction } from './mel';

describe('reading a report in a master events list', () => {
  it.each([
    ['Report to HQ on the public mood', 'report'],
    ['Sitrep to the crisis cell', 'report'],
    ['Доклад в Центр о настроениях', 'report'],
    ['Служебная записка в Центр', 'report'],
    ['Звіт до Центру про настрої', 'report'],
    ['Post a clarification', 'post'],
  ])('reads "%s" as %s', (cell, kind) => {
    expect(readAction(cell)).toEqual({ kind });
  });
});

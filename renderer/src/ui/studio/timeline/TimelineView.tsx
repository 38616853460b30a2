// Runtime: renderer. The timeline view: a scenario's injects, task windows (ending at their deadline)
// and branches on the simulated clock, one lane per account, with the branch graph below and every
// item in time order as a table. Each item is a button that opens it in the forms; the table also
// offers "Show in YAML" for each. A live stream and a task headquarters must clear first are marked.
import { Alert, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatOffset } from '../../../core/pack/schema';
import { isEditable, readAt } from '../../../core/studio/document';
import { scenarioTimeline, type TimelineItem } from '../../../core/studio/timeline';
import { valueAt } from '../../../core/studio/yaml-text';
import { useRevealed, useStudio } from '../studio-context';
import { BranchGraph } from './BranchGraph';
import { useOpenItem } from './open-item';
import classes from './timeline.module.css';

const SCENARIO_FILE = /^scenarios\/([^/]+)\.yaml$/;

/** Minutes between ticks: the smallest step that gives at most about a dozen of them. */
function tickStep(duration: number): number {
  return [5, 10, 15, 30, 60, 120, 240].find((step) => duration / step <= 12) ?? 480;
}

const startOf = (item: TimelineItem) => (item.kind === 'task' ? item.opensAt : item.at);
const endOf = (item: TimelineItem) => (item.kind === 'task' ? item.due : item.at);

/** Rows inside a lane so that items do not cover one another: each goes in the first row free at its start. */
function packRows(items: readonly TimelineItem[], gap: number): TimelineItem[][] {
  const rows: { end: number; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const start = startOf(item);
    const row = rows.find((candidate) => candidate.end + gap <= start);
    const end = Math.max(endOf(item), start + gap);
    if (row) {
      row.items.push(item);
      row.end = end;
    } else rows.push({ end, items: [item] });
  }
  return rows.map((row) => row.items);
}

export function TimelineView() {
  const studio = useStudio();
  const { document, check } = studio;
  const { t } = useTranslation('studioForms');
  const files = useMemo(() => [...document.texts.keys()].filter((file) => SCENARIO_FILE.test(file)).sort(), [document]);
  const [chosen, setChosen] = useState<string | null>(null);
  const file = chosen !== null && files.includes(chosen) ? chosen : (files[0] ?? null);

  // Sent here for a scenario (another view's "show on the timeline"): show that one.
  useRevealed('timeline', (place) => {
    if (place.file && SCENARIO_FILE.test(place.file)) setChosen(place.file);
  });

  const editable = file !== null && isEditable(document, file);
  // Where the file's YAML does not parse, the last checked version of the scenario stands in for it.
  const lastChecked = useMemo(() => {
    const id = file ? SCENARIO_FILE.exec(file)?.[1] : undefined;
    return check?.pack?.scenarios.find((scenario) => scenario.id === id) ?? null;
  }, [check, file]);
  const scenario = useMemo(() => (file && editable ? readAt(document, file, []) : lastChecked), [document, file, editable, lastChecked]);
  const timeline = useMemo(() => scenarioTimeline(scenario), [scenario]);

  if (!file) {
    return (
      <Text c="dimmed" p="md">
        {t('timeline.noScenarios')}
      </Text>
    );
  }
  return (
    <Stack gap="lg" p="md" data-testid="studio-timeline">
      <Group justify="space-between" align="flex-end">
        <Select
          label={t('timeline.scenarioLabel')}
          data={files.map((value) => ({ value, label: SCENARIO_FILE.exec(value)?.[1] ?? value }))}
          value={file}
          allowDeselect={false}
          onChange={(value) => value && setChosen(value)}
          w={320}
        />
        <Text size="sm" c="dimmed">
          {timeline.duration !== null ? t('timeline.duration', { time: formatOffset(timeline.duration) }) : t('timeline.durationUnknown')}
        </Text>
      </Group>
      {!editable && <Unparsable file={file} stale={lastChecked !== null} />}
      <Lanes file={file} timeline={timeline} scenario={scenario} />
      <section aria-labelledby="studio-branch-graph">
        <Title order={3} size="h5" id="studio-branch-graph" mb="xs">
          {t('timeline.graphTitle')}
        </Title>
        {timeline.graph.nodes.length === 0 ? <Text c="dimmed">{t('timeline.graphEmpty')}</Text> : <BranchGraph file={file} graph={timeline.graph} />}
      </section>
      <ItemTable file={file} timeline={timeline} scenario={scenario} />
    </Stack>
  );
}

function Unparsable({ file, stale }: { file: string; stale: boolean }) {
  const { t } = useTranslation('studioForms');
  const { showInYaml } = useOpenItem(file);
  return (
    <Alert color="red" title={t('unparsable.title')}>
      <Group justify="space-between">
        <Text size="sm">{stale ? t('timeline.stale') : t('timeline.unreadable')}</Text>
        <Button size="xs" onClick={() => showInYaml([])}>
          {t('unparsable.open')}
        </Button>
      </Group>
    </Alert>
  );
}

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the lanes mark of an item beyond its time: a live stream (and how long it runs), a task headquarters must clear first. */
export function itemMarks(scenario: unknown, item: TimelineItem): { live: string | null; clearance: boolean } {
  const value = valueAt(scenario, item.path);
  if (item.kind === 'inject' && isObject(value) && value.type === 'live') {
    const length = isObject(value.live) ? value.live.length : undefined;
    return { live: typeof length === 'string' ? length : '', clearance: false };
  }
  if (item.kind === 'task' && isObject(value)) {
    const accounts = isObject(scenario) && Array.isArray(scenario.accounts) ? scenario.accounts : [];
    const byAccount = accounts.some((account) => isObject(account) && account.id === item.account && account.clearance === true);
    return { live: null, clearance: value.clearance === true || byAccount };
  }
  return { live: null, clearance: false };
}

/** The accessible name of an item, as the lanes and the table say it. */
export function useItemName() {
  const { t } = useTranslation('studioForms');
  return (item: TimelineItem, duration: number | null, scenario?: unknown): string => {
    let name: string;
    const marks = itemMarks(scenario, item);
    if (item.kind === 'inject') {
      name = item.branch
        ? t('timeline.branchInject', { id: item.id, time: formatOffset(item.at), branch: item.branch })
        : t('timeline.inject', { id: item.id, time: formatOffset(item.at) });
      if (marks.live !== null) name = marks.live ? t('timeline.liveFor', { name, length: marks.live }) : t('timeline.live', { name });
    } else if (item.kind === 'task') {
      const times = { id: item.id, from: formatOffset(item.opensAt), to: formatOffset(item.due) };
      name = item.openedBy ? t('timeline.branchTask', { ...times, branch: item.openedBy }) : t('timeline.task', times);
      if (marks.clearance) name = t('timeline.needsClearance', { name });
    } else {
      const values = { id: item.id, time: formatOffset(item.at) };
      name = item.byOutcome ? t('timeline.branchByOutcome', values) : t('timeline.branch', values);
      if (item.end) name = t('timeline.endsScenario', { name });
    }
    return duration !== null && startOf(item) > duration ? t('timeline.pastEnd', { name }) : name;
  };
}

function Lanes({ file, timeline, scenario }: { file: string; timeline: ReturnType<typeof scenarioTimeline>; scenario: unknown }) {
  const { t } = useTranslation('studioForms');
  const { open } = useOpenItem(file);
  const itemName = useItemName();
  const latest = Math.max(0, ...timeline.items.map(endOf));
  const span = Math.max(timeline.duration ?? 0, latest, 1);
  const step = tickStep(span);
  const at = (minutes: number) => `${(Math.min(minutes, span) / span) * 100}%`;
  const ticks: number[] = [];
  for (let minute = 0; minute <= span; minute += step) ticks.push(minute);
  const gap = span * 0.02;
  const lanes: { key: string; label: string; items: TimelineItem[] }[] = [
    ...timeline.accounts.map((account) => ({
      key: `account:${account}`,
      label: account,
      items: timeline.items.filter((item) => item.kind !== 'branch' && item.account === account),
    })),
    {
      key: 'unassigned',
      label: '—',
      items: timeline.items.filter((item) => item.kind !== 'branch' && (item.account === null || !timeline.accounts.includes(item.account))),
    },
    { key: 'branches', label: t('timeline.laneBranches'), items: timeline.items.filter((item) => item.kind === 'branch') },
  ].filter((lane) => lane.items.length > 0 || lane.key.startsWith('account:'));

  return (
    <section aria-label={t('timeline.lanesLabel')} style={{ overflowX: 'auto' }}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('timeline.legend')} {t('timeline.legendMarks')}
      </Text>
      <div className={classes.chart} style={{ '--tick': `${(step / span) * 100}%` } as CSSProperties}>
        <div className={classes.laneLabel} style={{ borderTop: 0 }}>
          <Text size="xs" c="dimmed">
            {t('timeline.axis')}
          </Text>
        </div>
        <div className={classes.axisTrack} aria-hidden="true">
          {ticks.map((minute) => (
            <span
              key={minute}
              className={classes.tick}
              style={{ left: at(minute), transform: minute === 0 ? 'none' : minute + step > span ? 'translateX(-100%)' : undefined }}
            >
              {formatOffset(minute)}
            </span>
          ))}
        </div>
        {lanes.map((lane) => {
          const rows = packRows(lane.items, gap);
          return (
            <LaneRow key={lane.key} label={lane.label} rows={Math.max(rows.length, 1)}>
              {rows.flatMap((row, rowIndex) =>
                row.map((item) => {
                  const fromBranch = (item.kind === 'inject' && item.branch !== null) || (item.kind === 'task' && item.openedBy !== null);
                  const name = itemName(item, timeline.duration, scenario);
                  const marks = itemMarks(scenario, item);
                  const style: CSSProperties = { left: at(startOf(item)), top: rowIndex * 26 + 2 };
                  if (item.kind === 'task') style.width = `calc(${at(item.due)} - ${at(item.opensAt)})`;
                  const className = [
                    classes.item,
                    classes[item.kind],
                    fromBranch ? classes.fromBranch : '',
                    item.kind === 'branch' && item.end ? classes.ending : '',
                    marks.live !== null ? classes.live : '',
                    marks.clearance ? classes.clearance : '',
                    timeline.duration !== null && startOf(item) > timeline.duration ? classes.pastEnd : '',
                  ].join(' ');
                  return (
                    <button
                      key={`${item.kind}:${JSON.stringify(item.path)}`}
                      type="button"
                      className={className}
                      style={style}
                      aria-label={name}
                      title={name}
                      onClick={() => open(item.path)}
                    >
                      {item.kind === 'task' ? item.id : null}
                    </button>
                  );
                }),
              )}
            </LaneRow>
          );
        })}
      </div>
      {timeline.unplaced.length > 0 && <Unplaced file={file} timeline={timeline} />}
    </section>
  );
}

function LaneRow({ label, rows, children }: { label: string; rows: number; children: React.ReactNode }) {
  return (
    <>
      <div className={classes.laneLabel} title={label}>
        {label}
      </div>
      <div className={classes.track} style={{ height: rows * 26 + 4 }}>
        {children}
      </div>
    </>
  );
}

function Unplaced({ file, timeline }: { file: string; timeline: ReturnType<typeof scenarioTimeline> }) {
  const { t } = useTranslation('studioForms');
  const { open } = useOpenItem(file);
  return (
    <Stack gap={4} mt="sm">
      <Text size="sm" fw={600}>
        {t('timeline.unplacedTitle')}
      </Text>
      <Group gap="xs">
        {timeline.unplaced.map((item) => (
          <Button key={JSON.stringify(item.path)} size="xs" variant="light" color="orange" onClick={() => open(item.path)}>
            {t(`timeline.unplaced.${item.reason}`, { kind: t(`timeline.kind.${item.kind}`), id: item.id })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

function ItemTable({ file, timeline, scenario }: { file: string; timeline: ReturnType<typeof scenarioTimeline>; scenario: unknown }) {
  const { t } = useTranslation('studioForms');
  const { open, showInYaml } = useOpenItem(file);
  const itemName = useItemName();
  if (timeline.items.length === 0) return null;
  return (
    <section aria-labelledby="studio-timeline-list">
      <Title order={3} size="h5" id="studio-timeline-list" mb="xs">
        {t('timeline.listTitle')}
      </Title>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('timeline.columns.time')}</Table.Th>
            <Table.Th>{t('timeline.columns.item')}</Table.Th>
            <Table.Th>{t('timeline.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timeline.items.map((item) => (
            <Table.Tr key={`${item.kind}:${JSON.stringify(item.path)}`}>
              <Table.Td ff="monospace">{formatOffset(startOf(item))}</Table.Td>
              <Table.Td>{itemName(item, timeline.duration, scenario)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="light" aria-label={t('timeline.openInForm', { id: item.id })} onClick={() => open(item.path)}>
                    {t('timeline.form')}
                  </Button>
                  <Button size="compact-xs" variant="subtle" aria-label={t('timeline.showInYaml', { id: item.id })} onClick={() => showInYaml(item.path)}>
                    YAML
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

// Runtime: renderer. The studio around an open pack: the toolbar, the view tabs, the panels under
// them, the command palette and the keyboard shortcuts, all built from the registry (views.tsx).
import '@mantine/spotlight/styles.css';
import { ActionIcon, Alert, Badge, Box, Group, Kbd, Loader, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { createSpotlight, Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../Loading';
import { ariaShortcut, formatShortcut, shortcutHandler } from './shortcuts';
import { useStudio, useStudioWorkspace, type StudioHandle } from './studio-context';
import { packTitle, sourceLabel } from './pack-facts';
import {
  STUDIO_ACTIONS,
  STUDIO_VIEWS,
  viewActions,
  viewShortcut,
  type StudioActionContext,
  type StudioActionEntry,
  type StudioCommands,
  type StudioViewEntry,
} from './views';
import classes from './studio.module.css';

export interface WorkspaceProps {
  commands: Omit<StudioCommands, 'openPalette' | 'focusPanel'>;
  /** Says what went wrong writing the recovery copy or saving, above the views. */
  problem: string | null;
  views?: readonly StudioViewEntry[];
  actions?: readonly StudioActionEntry[];
}

const isAvailable = (action: StudioActionEntry, context: StudioActionContext) => action.available?.(context) ?? true;
const isEnabled = (action: StudioActionEntry, context: StudioActionContext) => isAvailable(action, context) && (action.enabled?.(context) ?? true);

export function Workspace({ commands, problem, views = STUDIO_VIEWS, actions = STUDIO_ACTIONS }: WorkspaceProps) {
  const { t, i18n } = useTranslation('studio');
  const studio = useStudio();
  const workspace = useStudioWorkspace();
  const rootRef = useRef<HTMLDivElement>(null);
  const [[palette, paletteStore]] = useState(createSpotlight);

  const context = useMemo<StudioActionContext>(
    () => ({
      studio,
      workspace,
      commands: {
        ...commands,
        openPalette: paletteStore.open,
        // One studio is open at a time: its panel is found by its id.
        focusPanel: (viewId: string) => document.querySelector<HTMLElement>(`[data-studio-panel="${CSS.escape(viewId)}"]`)?.focus(),
      },
    }),
    [studio, workspace, commands, paletteStore],
  );
  const allActions = useMemo(() => [...actions, ...viewActions(views)], [actions, views]);
  const label = (entry: { labelKey: string }) => t(entry.labelKey as never);
  const enabled = (action: StudioActionEntry) => isEnabled(action, context);

  // The shortcuts work wherever focus is inside the studio (the editor and form fields included: every
  // field is the document, so Ctrl+Z undoes the document), or on nothing at all; not in dialogs.
  const contextRef = useRef(context);
  useEffect(() => {
    contextRef.current = context;
  }, [context]);
  useEffect(() => {
    const handle = shortcutHandler(
      allActions.flatMap((action) =>
        (action.shortcuts ?? []).map((shortcut) => [shortcut, () => isEnabled(action, contextRef.current) && action.perform(contextRef.current)] as const),
      ),
    );
    const onKeyDown = (event: KeyboardEvent) => {
      const root = rootRef.current;
      const target = event.target instanceof Node ? event.target : null;
      const inside = root !== null && target !== null && root.contains(target);
      if (event.defaultPrevented || !(inside || target === document.body || target === null)) return;
      handle(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [allActions]);

  const mainViews = views.filter((view) => view.placement === 'main');
  const shortcutOf = (view: StudioViewEntry) => viewShortcut(view, views);
  const panels = views.filter((view) => view.placement === 'panel');
  const front = mainViews.find((view) => view.id === workspace.view) ?? mainViews[0];
  const title = packTitle(studio.document, i18n.language);

  const paletteItem = (action: StudioActionEntry): SpotlightActionData => {
    const ActionIconShape = action.icon;
    return {
      id: action.id,
      label: label(action),
      leftSection: <ActionIconShape size={18} />,
      rightSection: action.shortcuts?.[0] ? <Kbd size="xs">{formatShortcut(action.shortcuts[0])}</Kbd> : undefined,
      disabled: !enabled(action),
      onClick: () => action.perform(context),
    };
  };
  const listed = allActions.filter((action) => isAvailable(action, context));
  // A view and an action may share a name (Publish): the palette lists them under their own headings.
  const paletteActions: SpotlightActionGroupData[] = [
    { group: t('palette.actions'), actions: listed.filter((action) => action.group !== 'views').map(paletteItem) },
    { group: t('palette.views'), actions: listed.filter((action) => action.group === 'views').map(paletteItem) },
  ];

  return (
    <div ref={rootRef} className={classes.workspace} data-testid="studio-workspace">
      <Group justify="space-between" wrap="nowrap" gap="sm" className={classes.toolbar} data-testid="studio-toolbar">
        <Box miw={0}>
          <Title order={1} size="h3" tabIndex={-1} data-page-title lineClamp={1}>
            {title ?? t('untitled')}
          </Title>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" truncate>
              {sourceLabel(studio.source, t)}
            </Text>
            <SaveStatus studio={studio} unsaved={workspace.unsaved} />
          </Group>
        </Box>
        <Group gap={4} wrap="nowrap" role="toolbar" aria-label={t('toolbar.label')}>
          {actions
            .filter((action) => action.toolbar && isAvailable(action, context))
            .map((action) => {
              const Shape = action.icon;
              const name = label(action);
              const shortcut = action.shortcuts?.[0];
              return (
                <Tooltip key={action.id} label={shortcut ? `${name} (${formatShortcut(shortcut)})` : name} withArrow>
                  <ActionIcon
                    variant="subtle"
                    size="lg"
                    aria-label={name}
                    aria-keyshortcuts={action.shortcuts?.map((each) => ariaShortcut(each)).join(' ')}
                    disabled={!enabled(action)}
                    onClick={() => action.perform(context)}
                    data-testid={`studio-action-${action.id}`}
                  >
                    <Shape size={20} />
                  </ActionIcon>
                </Tooltip>
              );
            })}
        </Group>
      </Group>

      {problem && (
        <Alert color="red" role="alert" data-testid="studio-problem" py="xs">
          {problem}
        </Alert>
      )}

      <Tabs
        value={front?.id ?? null}
        onChange={(value) => value && workspace.showView(value)}
        keepMounted={false}
        className={classes.views}
        classNames={{ list: classes.tabList, tab: classes.tab }}
      >
        <Tabs.List aria-label={t('views.label')}>
          {mainViews.map((view) => {
            const Shape = view.icon;
            return (
              <Tabs.Tab
                key={view.id}
                value={view.id}
                leftSection={<Shape size={16} />}
                aria-keyshortcuts={shortcutOf(view) ? ariaShortcut(shortcutOf(view)!) : undefined}
                title={shortcutOf(view) ? formatShortcut(shortcutOf(view)!) : undefined}
                data-testid={`studio-view-${view.id}`}
              >
                {label(view)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {mainViews.map((view) => {
          const View = view.component;
          return (
            <Tabs.Panel key={view.id} value={view.id} className={classes.viewPanel}>
              <Suspense fallback={<Loading what="screen" />}>
                <View />
              </Suspense>
            </Tabs.Panel>
          );
        })}
      </Tabs>

      {panels.length > 0 && (
        <Stack gap="xs" className={classes.panels}>
          {panels.map((panel) => {
            const Panel = panel.component;
            return (
              <section key={panel.id} aria-label={label(panel)} tabIndex={-1} data-studio-panel={panel.id} data-testid={`studio-panel-${panel.id}`}>
                <Suspense fallback={<Loader size="sm" role="status" aria-label={t('loadingView')} />}>
                  <Panel />
                </Suspense>
              </section>
            );
          })}
        </Stack>
      )}

      <Spotlight
        store={palette}
        actions={paletteActions}
        shortcut={null}
        nothingFound={t('palette.nothing')}
        highlightQuery
        scrollable
        maxHeight={420}
        searchProps={{ placeholder: t('palette.search'), 'aria-label': t('palette.search') }}
      />
    </div>
  );
}

function SaveStatus({ studio, unsaved }: { studio: StudioHandle; unsaved: boolean }) {
  const { t } = useTranslation('studio');
  // A folder is saved back to; everything else lives in the recovery copy until published or exported.
  if (studio.source.kind !== 'folder') {
    return (
      <Badge variant="light" color="gray" tt="none" className={classes.status} data-testid="studio-save-status">
        {t('status.kept')}
      </Badge>
    );
  }
  return (
    <Badge variant="light" color={unsaved ? 'orange' : 'teal'} tt="none" className={classes.status} data-testid="studio-save-status">
      {unsaved ? t('status.unsaved') : t('status.saved')}
    </Badge>
  );
}

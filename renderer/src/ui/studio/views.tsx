// Runtime: renderer. The studio's registry: its views and its actions. The toolbar, the view tabs, the
// keyboard shortcuts and the command palette are all built from these two lists, so a new view or
// action is added here once and appears everywhere with its name and shortcut.
import { lazy, type ComponentType } from 'react';
import type { IconProps } from '../icons';
import { CodeIcon, CommandIcon, FolderIcon, RedoIcon, SaveIcon, UndoIcon } from './studio-icons';
import { FormsIcon } from './forms/FormsIcon';
import { TimelineIcon } from './timeline/TimelineIcon';
import type { StudioHandle, StudioWorkspace } from './studio-context';
import { ImportIcon } from './import/icon';
import { CalibrationIcon } from './calibration/icon';
import { RubricIcon } from './rubric/icon';
import { PlayIcon, PublishIcon } from './playtest/icons';
import { ProblemsIcon } from './problems/icon';

/**
 * A key in the translations, with its namespace (`studio:views.yaml`): each helper's views use their
 * own namespace. A test checks every one exists in every language.
 */
export type LabelKey = `${string}:${string}`;

export interface StudioViewEntry {
  id: string;
  labelKey: LabelKey;
  icon: ComponentType<IconProps>;
  /** Loaded when first shown, so one view's code (CodeMirror, the graph…) does not hold up another. */
  component: ComponentType;
  /**
   * 'main' views take turns in front (tabs); a 'panel' stays open under whichever main view is in
   * front (the problems list), and its shortcut brings focus to it.
   */
  placement: 'main' | 'panel';
  /** Mantine hotkey syntax on physical keys (`alt+digit1`); shows the view. */
  shortcut?: string;
}

const YamlView = lazy(() => import('./yaml/YamlView').then((module) => ({ default: module.YamlView })));
const ImportView = lazy(() => import('./import/ImportView').then((module) => ({ default: module.ImportView })));
const FormsView = lazy(() => import('./forms/FormsView').then((module) => ({ default: module.FormsView })));
const TimelineView = lazy(() => import('./timeline/TimelineView').then((module) => ({ default: module.TimelineView })));
const RubricView = lazy(() => import('./rubric/RubricView').then((module) => ({ default: module.RubricView })));
const CalibrationView = lazy(() => import('./calibration/CalibrationView').then((module) => ({ default: module.CalibrationView })));
const PlaytestView = lazy(() => import('./playtest/PlaytestView').then((module) => ({ default: module.PlaytestView })));
const PublishView = lazy(() => import('./publish/PublishView').then((module) => ({ default: module.PublishView })));
const ProblemsPanel = lazy(() => import('./problems/ProblemsPanel').then((module) => ({ default: module.ProblemsPanel })));

/** In tab order. */
export const STUDIO_VIEWS: readonly StudioViewEntry[] = [
  { id: 'yaml', labelKey: 'studio:views.yaml', icon: CodeIcon, component: YamlView, placement: 'main', shortcut: 'alt+digit1' },
  { id: 'forms', labelKey: 'studioForms:views.forms', icon: FormsIcon, component: FormsView, placement: 'main', shortcut: 'alt+digit2' },
  { id: 'timeline', labelKey: 'studioForms:views.timeline', icon: TimelineIcon, component: TimelineView, placement: 'main', shortcut: 'alt+digit3' },
  { id: 'rubric', labelKey: 'studioCalibration:views.rubric', icon: RubricIcon, component: RubricView, placement: 'main' },
  { id: 'calibration', labelKey: 'studioCalibration:views.calibration', icon: CalibrationIcon, component: CalibrationView, placement: 'main' },
  { id: 'import', labelKey: 'studioImport:view', icon: ImportIcon, component: ImportView, placement: 'main' },
  { id: 'playtest', labelKey: 'studioPublish:views.playtest', icon: PlayIcon, component: PlaytestView, placement: 'main' },
  { id: 'publish', labelKey: 'studioPublish:views.publish', icon: PublishIcon, component: PublishView, placement: 'main' },
  { id: 'problems', labelKey: 'studioProblems:title', icon: ProblemsIcon, component: ProblemsPanel, placement: 'panel' },
];

/** What the frame around the views can do for an action. */
export interface StudioCommands {
  /** Writes the pack back to the folder it came from (desktop); says so when it went wrong. */
  saveToFolder(): void;
  /** Asks for an empty folder and saves the pack there, which becomes where it is saved from then on (desktop). */
  saveToNewFolder(): void;
  /** Whether this build can open and save folders (the desktop app). */
  foldersAvailable: boolean;
  /** Back to the start page (the pack stays in the recovery list). */
  close(): void;
  openPalette(): void;
  /** Moves focus to a panel (the problems list) under the views. */
  focusPanel(viewId: string): void;
}

export interface StudioActionContext {
  studio: StudioHandle;
  workspace: StudioWorkspace;
  commands: StudioCommands;
}

export interface StudioActionEntry {
  id: string;
  labelKey: LabelKey;
  icon: ComponentType<IconProps>;
  /** Mantine hotkey syntax; the first is the one shown. Work while typing in the studio's fields and editor too. */
  shortcuts?: readonly string[];
  /** Shown as a button in the toolbar (always in the palette). */
  toolbar: boolean;
  /** Greyed out (and its shortcut does nothing) when false. */
  enabled?: (context: StudioActionContext) => boolean;
  /** Where the palette lists it: with the actions (the default) or with the views. */
  group?: 'actions' | 'views';
  /** Left out of the toolbar and the palette when false: it can never apply to this pack (saving to a folder, for a pack with none). */
  available?: (context: StudioActionContext) => boolean;
  perform: (context: StudioActionContext) => void;
}

/** In toolbar order. */
export const STUDIO_ACTIONS: readonly StudioActionEntry[] = [
  {
    id: 'undo',
    labelKey: 'studio:actions.undo',
    icon: UndoIcon,
    shortcuts: ['mod+Z'],
    toolbar: true,
    enabled: ({ studio }) => studio.canUndo,
    perform: ({ studio }) => studio.undo(),
  },
  {
    id: 'redo',
    labelKey: 'studio:actions.redo',
    icon: RedoIcon,
    shortcuts: ['mod+shift+Z', 'mod+Y'],
    toolbar: true,
    enabled: ({ studio }) => studio.canRedo,
    perform: ({ studio }) => studio.redo(),
  },
  {
    id: 'save-folder',
    labelKey: 'studio:actions.saveFolder',
    icon: SaveIcon,
    shortcuts: ['mod+S'],
    toolbar: true,
    available: ({ studio }) => studio.source.kind === 'folder',
    perform: ({ commands }) => commands.saveToFolder(),
  },
  {
    id: 'save-new-folder',
    labelKey: 'studio:actions.saveNewFolder',
    icon: SaveIcon,
    shortcuts: ['mod+shift+S'],
    toolbar: true,
    available: ({ studio, commands }) => commands.foldersAvailable && studio.source.kind !== 'folder',
    perform: ({ commands }) => commands.saveToNewFolder(),
  },
  {
    id: 'playtest',
    labelKey: 'studioPublish:actions.playtest',
    icon: PlayIcon,
    toolbar: true,
    perform: ({ workspace }) => workspace.showView('playtest'),
  },
  {
    id: 'publish',
    labelKey: 'studioPublish:actions.publish',
    icon: PublishIcon,
    toolbar: true,
    perform: ({ workspace }) => workspace.showView('publish'),
  },
  {
    id: 'palette',
    labelKey: 'studio:actions.palette',
    icon: CommandIcon,
    shortcuts: ['mod+K'],
    toolbar: true,
    perform: ({ commands }) => commands.openPalette(),
  },
  {
    id: 'close',
    labelKey: 'studio:actions.close',
    icon: FolderIcon,
    toolbar: true,
    perform: ({ commands }) => commands.close(),
  },
];

/** The shortcut of a view: its own, else Alt and its place among the tabs (Alt+1 for the first… Alt+9). */
export function viewShortcut(view: StudioViewEntry, views: readonly StudioViewEntry[] = STUDIO_VIEWS): string | undefined {
  if (view.shortcut) return view.shortcut;
  const position = views.filter((each) => each.placement === 'main').indexOf(view) + 1;
  return position >= 1 && position <= 9 ? `alt+digit${position}` : undefined;
}

/** Every view is also an action ("Show the YAML view"), so the palette and the shortcuts reach it. */
export function viewActions(views: readonly StudioViewEntry[] = STUDIO_VIEWS): StudioActionEntry[] {
  return views.map((view) => {
    const shortcut = viewShortcut(view, views);
    return {
      id: `view:${view.id}`,
      labelKey: view.labelKey,
      icon: view.icon,
      shortcuts: shortcut ? [shortcut] : undefined,
      toolbar: false,
      group: 'views' as const,
      perform: ({ workspace, commands }) => (view.placement === 'panel' ? commands.focusPanel(view.id) : workspace.showView(view.id)),
    };
  });
}

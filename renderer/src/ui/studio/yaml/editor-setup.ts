// Runtime: renderer. The CodeMirror 6 editor of the YAML view: its extensions (YAML, completion and
// hover docs from the pack format's JSON Schema, search, folding) and light and dark themes in the
// app's colours.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { fromDocument } from './sync';

/** Colours from the app's theme, so the editor matches the rest of the screen in both schemes. */
function editorTheme(dark: boolean): Extension {
  return EditorView.theme(
    {
      '&': {
        fontSize: '14px',
        height: '100%',
        backgroundColor: 'var(--mantine-color-body)',
        color: 'var(--mantine-color-text)',
      },
      '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: '1.55' },
      '.cm-content': { caretColor: dark ? '#f8f9fa' : '#1a1b1e' },
      '&.cm-focused .cm-cursor': { borderLeftColor: dark ? '#f8f9fa' : '#1a1b1e', borderLeftWidth: '2px' },
      // Line numbers at 4.5:1 or better on the gutter, not the usual faint grey.
      '.cm-gutters': {
        backgroundColor: dark ? 'var(--mantine-color-dark-6)' : 'var(--mantine-color-gray-0)',
        color: dark ? 'var(--mantine-color-dark-1)' : 'var(--mantine-color-gray-7)',
        borderRight: '1px solid var(--mantine-color-default-border)',
      },
      '.cm-activeLineGutter': {
        backgroundColor: dark ? 'var(--mantine-color-dark-5)' : 'var(--mantine-color-gray-2)',
        color: dark ? 'var(--mantine-color-white)' : 'var(--mantine-color-black)',
      },
      '.cm-activeLine': { backgroundColor: dark ? 'rgba(255, 255, 255, 0.04)' : 'rgba(34, 139, 230, 0.05)' },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: dark ? 'rgba(77, 171, 247, 0.35) !important' : 'rgba(34, 139, 230, 0.25) !important',
      },
      '&.cm-focused': { outline: '2px solid var(--mantine-primary-color-filled)', outlineOffset: '-2px' },
      '.cm-tooltip': {
        backgroundColor: dark ? 'var(--mantine-color-dark-6)' : 'var(--mantine-color-white)',
        color: 'var(--mantine-color-text)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: '6px',
        maxWidth: '520px',
      },
      '.cm-tooltip-hover, .cm-tooltip-lint': { padding: '6px 8px', fontFamily: 'var(--mantine-font-family)', fontSize: '13px' },
      '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
        backgroundColor: 'var(--mantine-primary-color-filled)',
        color: 'var(--mantine-color-white)',
      },
      '.cm-panels': { backgroundColor: dark ? 'var(--mantine-color-dark-6)' : 'var(--mantine-color-gray-0)', color: 'var(--mantine-color-text)' },
      '.cm-searchMatch': { backgroundColor: dark ? 'rgba(250, 176, 5, 0.3)' : 'rgba(250, 176, 5, 0.35)' },
    },
    { dark },
  );
}

// Each colour keeps 4.5:1 on its scheme's background (white; Mantine's dark-7).
const lightHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: '#1c5a96', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: '#2b6a1f' },
  { tag: tags.content, color: '#1a1b1e' },
  { tag: [tags.lineComment, tags.comment], color: '#5c636a', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword], color: '#8a3fb4' },
  { tag: [tags.labelName, tags.typeName], color: '#a33d00' },
  { tag: tags.separator, color: '#495057' },
]);
const darkHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: '#74c0fc', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: '#a9e34b' },
  { tag: tags.content, color: '#e9ecef' },
  { tag: [tags.lineComment, tags.comment], color: '#adb5bd', fontStyle: 'italic' },
  { tag: [tags.meta, tags.keyword], color: '#e599f7' },
  { tag: [tags.labelName, tags.typeName], color: '#ffa94d' },
  { tag: tags.separator, color: '#ced4da' },
]);

export function themeExtension(dark: boolean): Extension {
  return [editorTheme(dark), syntaxHighlighting(dark ? darkHighlight : lightHighlight)];
}

export interface EditorCompartments {
  theme: Compartment;
  language: Compartment;
}

export function createCompartments(): EditorCompartments {
  return { theme: new Compartment(), language: new Compartment() };
}

/** What the schema support (schema-support.ts, loaded after the editor shows) adds for a file. */
export type SchemaSupport = (file: string) => Extension;

/**
 * YAML, with completion and hover docs from the file's schema once `schemaSupport` has loaded: the
 * editor is usable at once, and gains them a moment later (their code is most of the editor's weight).
 */
export function languageExtension(file: string, schemaSupport: SchemaSupport | null): Extension {
  return schemaSupport ? schemaSupport(file) : yaml();
}

export interface EditorStateOptions {
  file: string;
  text: string;
  dark: boolean;
  compartments: EditorCompartments;
  /** The editor's own label for assistive technology ("YAML of pack.yaml"). */
  label: string;
  onText: (text: string) => void;
  schemaSupport: SchemaSupport | null;
}

/**
 * A fresh editor state for one file. No undo history of its own: Ctrl+Z goes to the studio's history,
 * which also undoes what the forms did. Tab indents (YAML wants spaces: two); Escape then Tab leaves.
 */
export function createEditorState({ file, text, dark, compartments, label, onText, schemaSupport }: EditorStateOptions): EditorState {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      foldGutter(),
      lintGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      indentUnit.of('  '),
      EditorState.tabSize.of(2),
      bracketMatching(),
      closeBrackets(),
      autocompletion({ activateOnTyping: true }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
      EditorView.lineWrapping,
      // tabindex: the text is the scroller's focusable content, also to checkers that overlook contenteditable.
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      compartments.language.of(languageExtension(file, schemaSupport)),
      compartments.theme.of(themeExtension(dark)),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        if (update.transactions.every((transaction) => transaction.annotation(fromDocument))) return;
        onText(update.state.doc.toString());
      }),
    ],
  });
}

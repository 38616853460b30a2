// Runtime: renderer. One CodeMirror editor for the YAML view, kept in step with the studio's document:
// typing sends the file's new text as an edit; a change from elsewhere (a form, undo) comes in as the
// smallest replacement, so the cursor stays where it was. Each file keeps its own cursor and scroll
// while another is shown.
import { useComputedColorScheme } from '@mantine/core';
import { setDiagnostics } from '@codemirror/lint';
import { EditorSelection, type EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { createCompartments, createEditorState, languageExtension, themeExtension, type SchemaSupport } from './editor-setup';
import { fromDocument, lintDiagnostics, minimalChange, offsetOf, type PlacedProblem } from './sync';

export interface YamlEditorProps {
  file: string;
  text: string;
  onText: (file: string, text: string) => void;
  problems: readonly PlacedProblem[];
  /** A place to show; each new object moves the cursor there once. */
  place: { line: number; column?: number } | null;
  label: string;
}

export function YamlEditor({ file, text, onText, problems, place, label }: YamlEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [compartments] = useState(createCompartments);
  const states = useRef(new Map<string, EditorState>());
  const fileRef = useRef(file);
  const onTextRef = useRef(onText);
  const dark = useComputedColorScheme('light') === 'dark';
  const darkRef = useRef(dark);
  const labelRef = useRef(label);
  const [schemaSupport, setSchemaSupport] = useState<SchemaSupport | null>(null);
  const schemaSupportRef = useRef<SchemaSupport | null>(null);

  useEffect(() => {
    onTextRef.current = onText;
    labelRef.current = label;
  }, [onText, label]);

  const stateFor = (forFile: string, forText: string): EditorState =>
    createEditorState({
      file: forFile,
      text: forText,
      dark: darkRef.current,
      compartments,
      label: labelRef.current,
      onText: (next) => onTextRef.current(forFile, next),
      schemaSupport: schemaSupportRef.current,
    });

  // The view lives as long as the component; files swap states in and out of it.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({ state: stateFor(fileRef.current, text), parent: host });
    viewRef.current = view;
    // The editor shrinks when the problems panel below it grows: the line being typed stays in sight.
    const resized = new ResizeObserver(() => {
      if (view.hasFocus) view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest' }) });
    });
    resized.observe(host);
    return () => {
      resized.disconnect();
      view.destroy();
      viewRef.current = null;
    };
    // Made once; later files and texts arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another file: keep this one's state (cursor, scroll, folds) and show the other's, brought up to date.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || fileRef.current === file) return;
    states.current.set(fileRef.current, view.state);
    fileRef.current = file;
    const kept = states.current.get(file);
    if (kept) {
      view.setState(kept);
      view.dispatch({ effects: compartments.theme.reconfigure(themeExtension(darkRef.current)) });
    } else {
      view.setState(stateFor(file, text));
    }
    // Only a change of file swaps states; the text follows in the next effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  // The document changed elsewhere (or this file was just shown): apply the difference only.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const change = minimalChange(view.state.doc.toString(), text);
    if (change) view.dispatch({ changes: change, annotations: fromDocument.of(true) });
  }, [text, file]);

  // Completion and hover docs arrive a moment after the editor; without them (their code failed to
  // load) the editor still edits.
  useEffect(() => {
    let current = true;
    import('./schema-support').then(
      (module) => {
        if (current) setSchemaSupport(() => module.schemaSupport);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    schemaSupportRef.current = schemaSupport;
    const view = viewRef.current;
    if (!view || !schemaSupport) return;
    view.dispatch({ effects: compartments.language.reconfigure(languageExtension(file, schemaSupport)) });
  }, [schemaSupport, file, compartments]);

  useEffect(() => {
    darkRef.current = dark;
    viewRef.current?.dispatch({ effects: compartments.theme.reconfigure(themeExtension(dark)) });
  }, [dark, compartments]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch(setDiagnostics(view.state, lintDiagnostics(view.state.doc, problems)));
  }, [problems, file, text]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || !place) return;
    const at = offsetOf(view.state.doc, place.line, place.column);
    view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    view.focus();
  }, [place]);

  return <div ref={hostRef} style={{ height: '100%', minHeight: 0 }} data-testid="studio-yaml-editor" />;
}

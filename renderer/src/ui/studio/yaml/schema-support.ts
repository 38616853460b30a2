// Runtime: renderer. Completion and hover docs from the pack format's JSON Schema for the YAML editor
// (codemirror-json-schema): most of the editor's code, so it is loaded after the editor shows.
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import type { Extension } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import { stateExtensions } from 'codemirror-json-schema';
import { yamlCompletion, yamlSchemaHover } from 'codemirror-json-schema/yaml';
import { schemaForFile } from './schemas';

/** YAML with completion and hover docs from the file's schema; plain YAML for a file the format does not describe. */
export function schemaSupport(file: string): Extension {
  const schema = schemaForFile(file);
  if (!schema) return yaml();
  return [yaml(), yamlLanguage.data.of({ autocomplete: yamlCompletion() }), hoverTooltip(yamlSchemaHover()), stateExtensions(schema)];
}

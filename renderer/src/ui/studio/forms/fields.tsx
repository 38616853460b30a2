// Runtime: renderer. One renderer for every field the forms describe (spec.ts): each input reads its
// value from the file and writes it back as an edit of the document, so the YAML view, the timeline
// and undo all see it at once. Trainee-visible texts show one input per language, side by side.
import {
  Accordion,
  Badge,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueAt } from '../../../core/studio/yaml-text';
import { capitalized, languageName } from '../../format';
import { usePlatformName } from '../../platform-name';
import { pathKey, startsWith, useForm } from './form-context';
import type { FieldPath, FieldSpec, ListSpec, SummaryWords } from './spec';
import { keyPath, labelOf } from './spec';

// As the format's offsets (core/pack/schema.ts OFFSET_PATTERN): "H:MM", seconds optional.
const OFFSET = /^\d{1,2}:[0-5]\d(?::[0-5]\d)?$/;

type Plain = Record<string, unknown>;
const isObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function useLabels(field: FieldSpec) {
  const { t } = useTranslation('studioForms');
  const name = labelOf(field);
  return {
    label: t(`fields.${name}` as never),
    description: field.described ? t(`descriptions.${name}` as never) : undefined,
  };
}

function useLanguageName() {
  const { i18n } = useTranslation();
  return (code: string) => capitalized(languageName(code, i18n.language), i18n.language);
}

/** Every id written anywhere in a file's value, so a new item gets one no other item has. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, into);
  else if (isObject(value)) {
    if (typeof value.id === 'string') into.add(value.id);
    for (const item of Object.values(value)) idsIn(item, into);
  }
  return into;
}

/** Every field of `fields`, for the item (or file top) at `base`. */
export function Fields({ fields, base }: { fields: readonly FieldSpec[]; base: FieldPath }) {
  return (
    <Stack gap="sm">
      {fields.map((field) => (
        <Field key={pathKey(keyPath(field.key))} field={field} base={base} />
      ))}
    </Stack>
  );
}

export function Field({ field, base }: { field: FieldSpec; base: FieldPath }) {
  const form = useForm();
  const path = [...base, ...keyPath(field.key)];
  if (field.shownFor) {
    const chooser = valueAt(form.root, [...base, field.shownFor.key]);
    const applies = typeof chooser === 'string' && field.shownFor.values.includes(chooser);
    if (!applies && valueAt(form.root, path) === undefined) return null;
  }
  switch (field.kind) {
    case 'id':
      return <IdField field={field} path={path} />;
    case 'text':
    case 'offset':
      return <TextField field={field} path={path} />;
    case 'number':
      return <NumberField field={field} path={path} />;
    case 'boolean':
      return <BooleanField field={field} path={path} />;
    case 'localized':
      return <LocalizedField field={field} path={path} />;
    case 'enum':
    case 'ref':
    case 'language':
      return <ChoiceField field={field} path={path} />;
    case 'enums':
    case 'refs':
    case 'languages':
      return <ChoicesField field={field} path={path} />;
    case 'tags':
      return <TagsField field={field} path={path} />;
    case 'wordList':
      return <WordListField field={field} path={path} />;
    case 'factValue':
      return <FactValueField field={field} path={path} />;
    case 'group':
      return <GroupField field={field} path={path} />;
    case 'list':
      return <ListField field={field} list={field.list} path={path} />;
    case 'optionalGroup':
      return <OptionalGroupField field={field} path={path} />;
    case 'conditions':
      return <ConditionsField field={field} path={path} />;
  }
}

function TextField({ field, path }: { field: Extract<FieldSpec, { kind: 'text' | 'offset' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const { label, description } = useLabels(field);
  const raw = valueAt(form.root, path);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const onChange = (next: string) => form.set(path, next === '' && field.optional ? undefined : next);
  const error = field.kind === 'offset' && value !== '' && !OFFSET.test(value) ? t('offsetFormat') : form.problemAt(path);
  const common = { label, description, value, error, withAsterisk: !field.optional, 'data-path': pathKey(path) };
  if (field.kind === 'text' && field.multiline)
    return <Textarea {...common} autosize minRows={2} maxRows={12} onChange={(event) => onChange(event.currentTarget.value)} />;
  return (
    <TextInput
      {...common}
      placeholder={field.kind === 'offset' ? (field.seconds ? 'H:MM:SS' : 'H:MM') : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function NumberField({ field, path }: { field: Extract<FieldSpec, { kind: 'number' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  const raw = valueAt(form.root, path);
  return (
    <NumberInput
      label={label}
      description={description}
      value={typeof raw === 'number' ? raw : ''}
      error={form.problemAt(path)}
      min={field.min}
      max={field.max}
      allowDecimal={false}
      withAsterisk={!field.optional}
      data-path={pathKey(path)}
      onChange={(next) => form.set(path, typeof next === 'number' ? next : next === '' ? undefined : Number(next))}
    />
  );
}

function BooleanField({ field, path }: { field: Extract<FieldSpec, { kind: 'boolean' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  return (
    <Switch
      label={label}
      description={description}
      checked={valueAt(form.root, path) === true}
      error={form.problemAt(path)}
      data-path={pathKey(path)}
      onChange={(event) => form.set(path, event.currentTarget.checked ? true : undefined)}
    />
  );
}

/** The languages a localized text at `path` must cover: a model answer only its account's, when fixed. */
function useColumns(field: Extract<FieldSpec, { kind: 'localized' | 'wordList' | 'factValue' }>, path: FieldPath): readonly string[] {
  const form = useForm();
  if (field.kind === 'localized' && field.perAccount) {
    const account = valueAt(form.root, [...path.slice(0, -1), 'account']);
    const fixed = typeof account === 'string' ? form.accountLanguage(account) : undefined;
    if (fixed !== undefined) return [fixed];
  }
  return form.languages;
}

function LocalizedField({ field, path }: { field: Extract<FieldSpec, { kind: 'localized' }> | Extract<FieldSpec, { kind: 'factValue' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const { label, description } = useLabels(field);
  const languageName = useLanguageName();
  const columns = useColumns(field, path);
  const raw = valueAt(form.root, path);
  const values = isObject(raw) ? raw : {};
  const missing = form.missing.get(pathKey(path)) ?? [];
  const multiline = field.kind === 'factValue' || field.multiline;
  // Languages written beside the expected ones stay visible (and editable) rather than hidden.
  const shown = [...columns, ...Object.keys(values).filter((language) => !columns.includes(language) && /^[a-z]{2}$/.test(language))];
  const onChange = (language: string, next: string) => {
    if (next === '' && field.optional && shown.every((other) => other === language || !String(values[other] ?? '').trim())) form.set(path, undefined);
    else form.set([...path, language], next);
  };
  return (
    <Fieldset
      legend={
        <Group gap="xs" component="span">
          <Text component="span" fw={600} size="sm">
            {label}
          </Text>
          {missing.length > 0 && (
            <Badge color="orange" variant="light" size="sm" component="span">
              {t('missingCount', { count: missing.length })}
            </Badge>
          )}
        </Group>
      }
      variant="unstyled"
    >
      {description && (
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: Math.min(shown.length, 3) }} spacing="sm">
        {shown.map((language) => {
          const text = typeof values[language] === 'string' ? (values[language] as string) : '';
          const isMissing = missing.includes(language);
          const common = {
            label: languageName(language),
            'aria-label': t('localizedLabel', { field: label, language: languageName(language) }),
            value: text,
            lang: language,
            error: isMissing ? t('translationMissing') : !columns.includes(language) ? t('languageNotPlayed') : undefined,
            withAsterisk: !field.optional && columns.includes(language),
            'data-path': pathKey([...path, language]),
            onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(language, event.currentTarget.value),
          };
          return multiline ? <Textarea key={language} {...common} autosize minRows={2} maxRows={14} /> : <TextInput key={language} {...common} />;
        })}
      </SimpleGrid>
    </Fieldset>
  );
}

function FactValueField({ field, path }: { field: Extract<FieldSpec, { kind: 'factValue' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const type = valueAt(form.root, [...path.slice(0, -1), 'type']);
  if (type === 'name' || type === 'text') return <LocalizedField field={field} path={path} />;
  if (type === 'number') return <NumberField field={{ kind: 'number', key: field.key, label: 'value' }} path={path} />;
  const placeholder =
    type === 'phone' ? '+99 123 456 789' : type === 'date' ? 'YYYY-MM-DD' : type === 'time' ? 'HH:MM' : type === 'url' ? 'https://' : undefined;
  const raw = valueAt(form.root, path);
  return (
    <TextInput
      label={t('fields.value')}
      withAsterisk
      placeholder={placeholder}
      value={typeof raw === 'string' || typeof raw === 'number' ? String(raw) : ''}
      data-path={pathKey(path)}
      onChange={(event) => form.set(path, event.currentTarget.value)}
    />
  );
}

function useChoiceData(field: Extract<FieldSpec, { kind: 'enum' | 'ref' | 'enums' | 'refs' | 'languages' | 'language' }>, current: readonly string[]) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const platformName = usePlatformName();
  const languageName = useLanguageName();
  return useMemo(() => {
    let options: { value: string; label: string }[];
    if (field.kind === 'enum' || field.kind === 'enums') {
      options = field.options.map((value) => ({
        value,
        label: field.enumName === 'platform' ? platformName(value) : t(`enum.${field.enumName}.${value}` as never, { defaultValue: value }),
      }));
    } else if (field.kind === 'language') {
      options = form.languages.map((value) => ({ value, label: `${languageName(value)} (${value})` }));
    } else if (field.kind === 'languages') {
      options = form.packLanguages.map((value) => ({ value, label: `${languageName(value)} (${value})` }));
    } else {
      options = form.refs[field.refs].map((value) => ({ value, label: value }));
    }
    // A value the lists do not hold stays visible, marked, instead of vanishing from the field.
    for (const value of current) {
      if (!options.some((option) => option.value === value)) options.push({ value, label: t('unknownChoice', { value }) });
    }
    return options;
  }, [field, current, form.languages, form.packLanguages, form.refs, languageName, platformName, t]);
}

function ChoiceField({ field, path }: { field: Extract<FieldSpec, { kind: 'enum' | 'ref' | 'language' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  const raw = valueAt(form.root, path);
  const value = typeof raw === 'string' ? raw : null;
  const data = useChoiceData(field, value === null ? [] : [value]);
  return (
    <Select
      label={label}
      description={description}
      data={data}
      value={value}
      error={form.problemAt(path)}
      clearable={field.optional}
      searchable={data.length > 8}
      withAsterisk={!field.optional}
      allowDeselect={false}
      data-path={pathKey(path)}
      onChange={(next) => {
        if (field.kind === 'enum' && field.enumName === 'factType' && next) {
          // A fact's value changes shape with its type: a text per language, a number, one text.
          const valuePath = [...path.slice(0, -1), 'value'];
          form.setMany([
            { path, value: next },
            { path: valuePath, value: factValueAs(next, valueAt(form.root, valuePath), form.languages) },
          ]);
        } else form.set(path, next ?? undefined);
      }}
    />
  );
}

/** A fact's value kept as far as it can be when its type changes. */
function factValueAs(type: string, value: unknown, languages: readonly string[]): unknown {
  const firstText = isObject(value) ? Object.values(value).find((text): text is string => typeof text === 'string' && text.trim() !== '') : undefined;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : (firstText ?? '');
  if (type === 'name' || type === 'text')
    return isObject(value) ? value : Object.fromEntries(languages.map((language, index) => [language, index === 0 ? text : '']));
  if (type === 'number') return Number.isFinite(Number(text)) && text.trim() !== '' ? Number(text) : 0;
  return text;
}

function ChoicesField({ field, path }: { field: Extract<FieldSpec, { kind: 'enums' | 'refs' | 'languages' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  const value = stringList(valueAt(form.root, path));
  const data = useChoiceData(field, value);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      error={form.problemAt(path)}
      searchable
      clearable
      data-path={pathKey(path)}
      onChange={(next) => form.set(path, next.length === 0 && field.optional ? undefined : next)}
    />
  );
}

function TagsField({ field, path }: { field: Extract<FieldSpec, { kind: 'tags' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  return (
    <TagsInput
      label={label}
      description={description}
      value={stringList(valueAt(form.root, path))}
      data-path={pathKey(path)}
      onChange={(next) => form.set(path, next.length === 0 && field.optional ? undefined : next)}
    />
  );
}

function WordListField({ field, path }: { field: Extract<FieldSpec, { kind: 'wordList' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const { label, description } = useLabels(field);
  const languageName = useLanguageName();
  const raw = valueAt(form.root, path);
  const values = isObject(raw) ? raw : {};
  const shown = [...form.languages, ...Object.keys(values).filter((language) => !form.languages.includes(language))];
  const onChange = (language: string, next: string[]) => {
    if (next.length > 0) form.set([...path, language], next);
    else if (Object.keys(values).every((other) => other === language) && field.optional) form.set(path, undefined);
    else form.remove([...path, language]);
  };
  return (
    <Fieldset
      legend={
        <Text component="span" fw={600} size="sm">
          {label}
        </Text>
      }
      variant="unstyled"
    >
      {description && (
        <Text size="xs" c="dimmed" mb={4}>
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: Math.min(shown.length, 3) }} spacing="sm">
        {shown.map((language) => (
          <TagsInput
            key={language}
            label={languageName(language)}
            aria-label={t('localizedLabel', { field: label, language: languageName(language) })}
            value={stringList(values[language])}
            data-path={pathKey([...path, language])}
            onChange={(next) => onChange(language, next)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

function GroupField({ field, path }: { field: Extract<FieldSpec, { kind: 'group' }>; path: FieldPath }) {
  const { label, description } = useLabels(field);
  return (
    <Fieldset legend={label}>
      {description && (
        <Text size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: field.fields.length <= 3 && field.fields.every((inner) => inner.kind !== 'refs') ? field.fields.length : 1 }}>
        {field.fields.map((inner) => (
          <Field key={pathKey(keyPath(inner.key))} field={inner} base={path} />
        ))}
      </SimpleGrid>
    </Fieldset>
  );
}

function OptionalGroupField({ field, path }: { field: Extract<FieldSpec, { kind: 'optionalGroup' }>; path: FieldPath }) {
  const form = useForm();
  const { label, description } = useLabels(field);
  const present = valueAt(form.root, path) !== undefined;
  return (
    <Stack gap="xs">
      <Switch
        label={label}
        description={description}
        checked={present}
        data-path={pathKey(path)}
        onChange={(event) =>
          form.set(
            path,
            event.currentTarget.checked
              ? field.template({ languages: form.languages, freshId: (base) => base, firstRef: (refs) => form.refs[refs][0] })
              : undefined,
          )
        }
      />
      {present && (
        <Fieldset legend={label}>
          <Fields fields={field.fields} base={path} />
        </Fieldset>
      )}
    </Stack>
  );
}

/** A branch's conditions: whether all or any must hold (the list's key), and the list itself. */
function ConditionsField({ field, path }: { field: Extract<FieldSpec, { kind: 'conditions' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const { label, description } = useLabels(field);
  const join = Array.isArray(valueAt(form.root, [...path, 'all'])) ? 'all' : 'any';
  const other = join === 'all' ? 'any' : 'all';
  const conditions = valueAt(form.root, [...path, join]);
  return (
    <Fieldset legend={label}>
      <Stack gap="xs">
        {description && (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        )}
        <Select
          label={t('fields.join')}
          data={(['any', 'all'] as const).map((value) => ({ value, label: t(`enum.join.${value}`) }))}
          value={join}
          allowDeselect={false}
          data-path={pathKey([...path, join])}
          onChange={(next) => {
            if (next !== other) return;
            // The conditions move to the other key, as one step.
            form.setMany([
              { path: [...path, join], value: undefined },
              { path: [...path, other], value: Array.isArray(conditions) ? conditions : [] },
            ]);
          }}
        />
        <ListField field={{ ...field, kind: 'list', label: 'conditionList', described: false }} list={field.list} path={[...path, join]} />
      </Stack>
    </Fieldset>
  );
}

function IdField({ field, path }: { field: Extract<FieldSpec, { kind: 'id' }>; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const { label } = useLabels(field);
  const raw = valueAt(form.root, path);
  const current = typeof raw === 'string' ? raw : '';
  const [draft, setDraft] = useState(current);
  const [problem, setProblem] = useState<string | null>(null);
  // Renamed (here, by undo, or in the YAML view): the field shows the id as it now is.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setDraft(current);
    setProblem(null);
  }
  const task = field.idKind === 'calibration' ? valueAt(form.root, [...path.slice(0, -3), 'id']) : undefined;
  const submit = () => {
    if (draft === current) return;
    const target = {
      kind: field.idKind,
      id: current,
      file: field.idKind === 'persona' && form.kind === 'personas' ? undefined : form.file,
      task: typeof task === 'string' ? task : undefined,
    };
    setProblem(form.rename(target, draft.trim()));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={label}
          description={t('idDescription')}
          value={draft}
          error={problem}
          withAsterisk
          data-path={pathKey(path)}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setProblem(null);
          }}
        />
        <Button type="submit" variant="light" disabled={draft === current} mb={problem ? 22 : 0}>
          {t('rename')}
        </Button>
      </Group>
    </form>
  );
}

function ListField({ field, list, path }: { field: FieldSpec; list: ListSpec; path: FieldPath }) {
  const form = useForm();
  const { t } = useTranslation('studioForms');
  const platformName = usePlatformName();
  const { label, description } = useLabels(field);
  // The summary names a choice as its select does (a value the format does not know, as written).
  const summaryWords: SummaryWords = {
    choice: (enumName, value) =>
      typeof value !== 'string' || !value
        ? null
        : enumName === 'platform'
          ? platformName(value)
          : t(`enum.${enumName}.${value}` as never, { defaultValue: value }),
  };
  const raw = valueAt(form.root, path);
  const items = Array.isArray(raw) ? raw : [];
  // A request to show a place opens the item on its way while rendering, so that its field exists
  // when the view moves focus there; the author may close it again.
  const itemOf = (request: typeof form.opened) =>
    request && startsWith(request.path, path) && typeof request.path[path.length] === 'number' ? String(request.path[path.length]) : null;
  const [open, setOpen] = useState<string | null>(() => itemOf(form.opened));
  const [seen, setSeen] = useState(form.opened);
  if (form.opened !== seen) {
    setSeen(form.opened);
    const requested = itemOf(form.opened);
    if (requested !== null) setOpen(requested);
  }
  const itemName = t(`items.${list.item}` as never);
  const add = () => {
    const ids = idsIn(form.root);
    const freshId = (base: string) => {
      for (let n = 1; ; n += 1) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (!ids.has(candidate)) return candidate;
      }
    };
    form.insert(path, list.template({ languages: form.languages, freshId, firstRef: (refs) => form.refs[refs][0] }));
    setOpen(String(items.length));
  };
  return (
    <Stack gap="xs" data-path={pathKey(path)}>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{label}</Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Button variant="light" size="xs" onClick={add}>
          {t('addItem', { item: itemName })}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('emptyList', { item: itemName })}
        </Text>
      ) : (
        <Accordion variant="separated" value={open} onChange={setOpen} transitionDuration={0} chevronPosition="left">
          {items.map((item, index) => {
            const itemPath = [...path, index];
            const record = isObject(item) ? item : {};
            const id = typeof record.id === 'string' && record.id ? record.id : t('itemNumber', { item: itemName, number: index + 1 });
            const summary = list.summary?.(record, summaryWords);
            const missing = form.missingUnder(itemPath);
            return (
              <Accordion.Item key={index} value={String(index)}>
                <Accordion.Control>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={500} ff="monospace" size="sm">
                      {id}
                    </Text>
                    {summary && (
                      <Text size="xs" c="dimmed" truncate>
                        {summary}
                      </Text>
                    )}
                    {missing > 0 && (
                      <Badge color="orange" variant="light" size="sm">
                        {t('missingCount', { count: missing })}
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  {open === String(index) && (
                    <Stack gap="sm">
                      <Fields fields={list.fields} base={itemPath} />
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={() => {
                            form.remove(itemPath);
                            setOpen(null);
                          }}
                        >
                          {t('removeItem', { item: itemName, id })}
                        </Button>
                      </Group>
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}

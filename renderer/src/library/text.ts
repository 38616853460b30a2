// Runtime: any (pure). Pack text as people read it. Authors wrap long lines in YAML for their editor;
// those breaks are layout, not content. Blank lines part paragraphs, and a line that starts a list
// item (•, -, *, "1." or "1)") or follows a line ending in a colon keeps its break.
const LIST_ITEM = /^\s*(?:[•*-]|\d{1,2}[.)])\s/;

export function unwrapPackText(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => line.trim());
      let joined = lines[0] ?? '';
      for (let index = 1; index < lines.length; index += 1) {
        const line = lines[index]!;
        const keepBreak = LIST_ITEM.test(line) || /:$/.test(lines[index - 1] ?? '');
        joined += keepBreak ? `\n${line}` : ` ${line}`;
      }
      return joined.trim();
    })
    .filter((paragraph) => paragraph.length > 0)
    .join('\n\n');
}

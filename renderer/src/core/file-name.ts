// Runtime: any (pure core). What a file name may not hold on Windows, macOS or Linux: names made from a
// trainee's name or a course's title (exports, transcripts, badges) are cleaned by this one rule.

// Reserved punctuation and control characters; the ranges are exactly what is refused.
// eslint-disable-next-line no-control-regex
const NOT_IN_FILE_NAMES = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;

/** `text` with every run of characters no file system takes replaced by `replacement`. */
export function replaceUnsafeFileNameCharacters(text: string, replacement: string): string {
  return text.replace(NOT_IN_FILE_NAMES, replacement);
}

// Runtime: any (test fixture). Moodle's grade import as its code reads a file, step by step, so that the
// tests can hand it what the exporter writes and see what Moodle would do. Followed from moodle/moodle:
// lib/csvlib.class.php (csv_import_reader::load_csv_content: BOM trimmed, line ends normalised,
// content trimmed, fgetcsv with '"' as enclosure and PHP's default '\' escape, every row as long as
// the header), grade/import/csv/classes/load_data.php (prepare_import_grade_data: mapping collisions
// refused, rows of one cell skipped, each value trimmed, user looked up by the mapped field unless
// the cell is PHP-empty ('' or '0') — then the previous row's user stays —, an unknown user aborts,
// '' or '-' is no grade, a non-numeric grade aborts, a grade over gradepointmax (100) aborts, the
// "Last downloaded from this course" column checked against the grades' dates), and
// grade/import/xml/lib.php (import_xml_grades: results/result required, assignment = one grade
// item's ID number, student = a user's ID number, score numeric or '-' or absent, feedback).
import { XMLParser } from 'fast-xml-parser';

export interface MoodleUser {
  id: number;
  idnumber: string;
  email: string;
  username: string;
}

export interface MoodleGradeItem {
  id: number;
  idnumber: string;
  itemname: string;
}

export interface MoodleSite {
  users: MoodleUser[];
  gradeItems: MoodleGradeItem[];
  /** $CFG->gradepointmax when unlimited grades are allowed; 100 otherwise. */
  gradePointMax?: number;
}

/** What the teacher picks on the mapping form: the identity column and field, and each column's target. */
export interface CsvMappingForm {
  mapfrom: number;
  mapto: 'userid' | 'useridnumber' | 'useremail' | 'username';
  /** Column index → '0' (ignore), 'new', a grade item id, or 'feedback_<grade item id>'. */
  columns: Record<number, string>;
}

export interface ImportedGrade {
  userId: number;
  itemId: number;
  finalgrade: number | null;
}

export interface ImportedFeedback {
  userId: number;
  itemId: number;
  feedback: string;
}

export type ImportResult = { ok: true; grades: ImportedGrade[]; feedback: ImportedFeedback[] } | { ok: false; error: string };

/** The header Moodle's own CSV export adds (get_string('timeexported', 'gradeexport_txt')). */
export const TIME_EXPORTED_HEADER = 'Last downloaded from this course';

/** PHP's fgetcsv over a whole text: '"' encloses, '\' escapes inside an enclosure (kept, with the next character). */
export function phpFgetcsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let index = 0;
  while (index < text.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      // PHP skips blanks before an enclosure.
      let look = index;
      while (look < text.length && (text[look] === ' ' || text[look] === '\t') && text[look] !== delimiter) look += 1;
      if (text[look] === '"') {
        index = look + 1;
        for (;;) {
          if (index >= text.length) break;
          const character = text[index]!;
          if (character === '\\' && index + 1 < text.length) {
            field += character + text[index + 1]!;
            index += 2;
          } else if (character === '"') {
            if (text[index + 1] === '"') {
              field += '"';
              index += 2;
            } else {
              index += 1;
              break;
            }
          } else {
            field += character;
            index += 1;
          }
        }
        // What follows the closing enclosure up to the delimiter is kept too.
        while (index < text.length && text[index] !== delimiter && text[index] !== '\n') field += text[index++];
      } else {
        while (index < text.length && text[index] !== delimiter && text[index] !== '\n') field += text[index++];
      }
      row.push(field);
      if (index < text.length && text[index] === delimiter) {
        index += 1;
        continue;
      }
      index += 1; // the newline, or past the end
      break;
    }
    rows.push(row);
  }
  return rows;
}

/** PHP's is_numeric for what a grade cell can hold. */
export function phpIsNumeric(value: string): boolean {
  return /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(value);
}

const phpEmpty = (value: string) => value === '' || value === '0';

const USER_FIELD: Record<CsvMappingForm['mapto'], keyof MoodleUser> = { userid: 'id', useridnumber: 'idnumber', useremail: 'email', username: 'username' };

/** Moodle's CSV grade import of `text` into a course holding `site`'s grade items, as mapped by the teacher. */
export function importMoodleCsv(text: string, site: MoodleSite, form: CsvMappingForm): ImportResult {
  const content = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  if (content === '') return { ok: false, error: 'csvemptyfile' };
  const rows = phpFgetcsv(content).filter((row) => !(row.length === 1 && row[0] === ''));
  const header = rows[0]!.map((cell) => cell.trim());
  if (rows.some((row) => row.length !== header.length)) return { ok: false, error: 'csvweirdcolumns' };

  const map: Record<number, string> = { ...form.columns, [form.mapfrom]: form.mapto };
  const targets = new Set<string>();
  for (const target of Object.values(map)) {
    if (target === '0') continue;
    if (targets.has(target)) return { ok: false, error: `cannotmapfield ${target}` };
    targets.add(target);
  }
  if (header.includes(TIME_EXPORTED_HEADER)) return { ok: false, error: 'timeexported column present' };

  const gradePointMax = site.gradePointMax ?? 100;
  const grades: ImportedGrade[] = [];
  const feedback: ImportedFeedback[] = [];
  let studentId: number | null = null;
  for (const line of rows.slice(1)) {
    if (line.length <= 1) continue;
    const lineGrades: Omit<ImportedGrade, 'userId'>[] = [];
    const lineFeedback: Omit<ImportedFeedback, 'userId'>[] = [];
    for (const [key, raw] of line.entries()) {
      const value = raw.trim();
      const target = map[key] ?? '0';
      const [base, feedbackItem] = target.split('_');
      if (base === 'userid' || base === 'useridnumber' || base === 'useremail' || base === 'username') {
        if (phpEmpty(value)) continue;
        const field = USER_FIELD[base];
        const user = site.users.filter((candidate) => String(candidate[field]) === value);
        if (user.length !== 1) return { ok: false, error: `usermappingerror: ${field} "${value}"` };
        studentId = user[0]!.id;
      } else if (base === 'feedback') {
        if (!site.gradeItems.some((item) => item.id === Number(feedbackItem))) return { ok: false, error: 'importfailed' };
        lineFeedback.push({ itemId: Number(feedbackItem), feedback: value });
      } else if (base !== '0' && base !== 'new' && target !== '') {
        const item = site.gradeItems.find((candidate) => candidate.id === Number(target));
        if (!item) return { ok: false, error: 'importfailed' };
        let finalgrade: number | null;
        if (value === '' || value === '-') finalgrade = null;
        else if (!phpIsNumeric(value)) return { ok: false, error: `badgrade "${value}"` };
        else finalgrade = Number(value);
        if (finalgrade !== null && finalgrade > gradePointMax) return { ok: false, error: `gradevaluetoobig ${gradePointMax}` };
        lineGrades.push({ itemId: item.id, finalgrade });
      }
    }
    if (studentId === null) return { ok: false, error: 'usermappingerrorusernotfound' };
    for (const grade of lineGrades) grades.push({ ...grade, userId: studentId });
    for (const entry of lineFeedback) feedback.push({ ...entry, userId: studentId });
  }
  return { ok: true, grades, feedback };
}

/** Moodle's XML grade import of `text` into a course holding `site`'s grade items. */
export function importMoodleXml(text: string, site: MoodleSite): ImportResult {
  const parser = new XMLParser({
    isArray: (name) => ['result', 'assignment', 'student', 'score', 'feedback'].includes(name),
    parseTagValue: false,
    trimValues: false,
  });
  const content = parser.parse(text) as { results?: { result?: Record<string, string[] | undefined>[] } };
  const results = content.results?.result;
  if (!results || results.length === 0) return { ok: false, error: 'errbadxmlformat' };
  const grades: ImportedGrade[] = [];
  const feedback: ImportedFeedback[] = [];
  for (const result of results) {
    const itemIdNumber = result.assignment?.[0] ?? '';
    const items = site.gradeItems.filter((item) => item.idnumber === itemIdNumber);
    if (items.length === 0) return { ok: false, error: `errincorrectgradeidnumber "${itemIdNumber}"` };
    if (items.length > 1) return { ok: false, error: `errduplicategradeidnumber "${itemIdNumber}"` };
    const userIdNumber = result.student?.[0] ?? '';
    const user = site.users.filter((candidate) => candidate.idnumber === userIdNumber);
    if (user.length !== 1) return { ok: false, error: `errincorrectuseridnumber "${userIdNumber}"` };
    const score = result.score?.[0];
    let finalgrade: number | null = null;
    if (score !== undefined && score !== '-') {
      if (!phpIsNumeric(score)) return { ok: false, error: 'badgrade' };
      finalgrade = Number(score);
    }
    grades.push({ userId: user[0]!.id, itemId: items[0]!.id, finalgrade });
    const text = result.feedback?.[0];
    if (text !== undefined) feedback.push({ userId: user[0]!.id, itemId: items[0]!.id, feedback: text });
  }
  return { ok: true, grades, feedback };
}

// Runtime: Node (scripts). A Grade for people reading a terminal: the draft with the spans that
// cost points marked beneath, the findings, and the scores.
import type { Finding, Grade, Message } from '../../renderer/src/core/grading/types';
import { AXES } from '../../renderer/src/core/pack/schema';
import { platformName } from './messages';

export interface ReportOptions {
  color: boolean;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** The draft, line by line, with ^^^ under each span and the finding's number at its end. */
export function markSpans(text: string, findings: readonly Finding[]): string {
  const out: string[] = [];
  let offset = 0;
  const numbered = findings.map((finding, index) => ({ finding, number: index + 1 })).filter(({ finding }) => finding.span);
  for (const line of text.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    out.push(`  │ ${line}`);
    const marks = numbered.filter(({ finding }) => finding.span!.start < end + 1 && finding.span!.end > start && finding.span!.start <= end);
    if (marks.length) {
      const under = Array.from({ length: line.length + 1 }, () => ' ');
      const labels: string[] = [];
      for (const { finding, number } of marks) {
        const from = Math.max(finding.span!.start, start) - start;
        const to = Math.max(from + 1, Math.min(finding.span!.end, end) - start);
        for (let i = from; i < to && i < under.length; i += 1) under[i] = '^';
        labels.push(`[${number}]`);
      }
      out.push(`  │ ${under.join('').trimEnd()} ${labels.join(' ')}`);
    }
    offset = end + 1;
  }
  return out.join('\n');
}

export function formatReport(text: string, grade: Grade, render: (message: Message) => string, { color }: ReportOptions): string {
  const lines: string[] = [];
  const { metrics } = grade;
  lines.push(
    `Draft — ${platformName(metrics.platform)}, ${metrics.length}/${metrics.limit} (${metrics.counting}), language ${grade.language.detected ?? '?'} (audience: ${grade.language.expected})`,
  );
  lines.push(markSpans(text, grade.findings));
  lines.push('');
  if (!grade.findings.length) lines.push('No findings.');
  grade.findings.forEach((finding, index) => {
    const severity =
      finding.severity === 'error'
        ? paint(color, '31', 'error')
        : finding.severity === 'warning'
          ? paint(color, '33', 'warning')
          : paint(color, '36', 'suggestion');
    const where = finding.span ? ` "${text.slice(finding.span.start, finding.span.end).slice(0, 40)}"` : '';
    lines.push(`[${index + 1}] ${finding.axis.padEnd(8)} ${severity.padEnd(color ? 19 : 10)} −${String(finding.loss).padEnd(3)} ${finding.ruleId}${where}`);
    lines.push(`    ${render(finding.message)}`);
    if (finding.suggestion?.replacement) lines.push(`    → ${finding.suggestion.replacement}`);
    if (finding.suggestion?.message) lines.push(`    → ${render(finding.suggestion.message)}`);
  });
  lines.push('');
  const scores = AXES.map((axis) => {
    const result = grade.axes[axis];
    const verdict = result.passed ? paint(color, '32', 'pass') : paint(color, '31', 'FAIL');
    return `${axis} ${result.score}/${result.passMark} ${verdict}`;
  });
  lines.push(`Scores: ${scores.join(' · ')}  →  ${grade.passed ? paint(color, '32', 'passed') : paint(color, '31', 'not passed')}`);
  return lines.join('\n');
}

// Runtime: renderer (browser). The transcripts as the web version prints them: the same data and words
// as the desktop app's PDF, placed straight under <body> so that the print stylesheet can leave
// everything else off the paper. Invisible on screen.
import { createPortal } from 'react-dom';
import { transcriptFormatters, type TranscriptData, type TranscriptLabels } from '../../core/records/transcript';
import classes from './transcript.module.css';

function Verdict({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return <span className={ok ? classes.passed : classes.failed}>{ok ? yes : no}</span>;
}

function Sheet({ data, labels, format }: { data: TranscriptData; labels: TranscriptLabels; format: ReturnType<typeof transcriptFormatters> }) {
  const score = (value: number | null) => (value === null ? labels.none : format.score(value));
  return (
    <section className={classes.sheet} data-testid="transcript-sheet">
      <h1>{labels.title}</h1>
      {data.academy.name && <p className={classes.academy}>{data.academy.name}</p>}
      <dl className={classes.who}>
        <dt>{labels.trainee}</dt>
        <dd>{data.trainee.name}</dd>
        <dt>{labels.academyId}</dt>
        <dd>{data.trainee.academyId ?? labels.none}</dd>
        <dt>{labels.email}</dt>
        <dd>{data.trainee.email ?? labels.none}</dd>
      </dl>
      <h2>{labels.courses}</h2>
      {data.courses.length === 0 ? (
        <p>{labels.noCourses}</p>
      ) : (
        <table className={classes.table}>
          <thead>
            <tr>
              <th>{labels.course}</th>
              <th>{labels.status}</th>
              <th>{labels.completedOn}</th>
              <th className={classes.number}>{labels.scenariosPassed}</th>
              <th className={classes.number}>{labels.meanScore}</th>
            </tr>
          </thead>
          <tbody>
            {data.courses.map((course) => (
              <tr key={`${course.packId}/${course.courseId}`}>
                <td>
                  {course.title}
                  <span className={classes.pack}>{course.packTitle}</span>
                </td>
                <td>
                  <Verdict ok={course.completed} yes={labels.completed} no={labels.notCompleted} />
                </td>
                <td>{course.completedAt === null ? labels.none : format.date(course.completedAt)}</td>
                <td className={classes.number}>{labels.passedOf(course.passedScenarios, course.totalScenarios)}</td>
                <td className={classes.number}>{score(course.averageScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{labels.scenarios}</h2>
      {data.scenarios.length === 0 ? (
        <p>{labels.noScenarios}</p>
      ) : (
        <table className={classes.table}>
          <thead>
            <tr>
              <th>{labels.scenario}</th>
              <th>{labels.date}</th>
              <th className={classes.number}>{labels.bestScore}</th>
              <th>{labels.result}</th>
              <th className={classes.number}>{labels.attempts}</th>
            </tr>
          </thead>
          <tbody>
            {data.scenarios.map((scenario) => (
              <tr key={`${scenario.packId}/${scenario.scenarioId}`}>
                <td>
                  {scenario.title}
                  <span className={classes.pack}>{scenario.packTitle}</span>
                </td>
                <td>{format.date(scenario.best.finishedAt)}</td>
                <td className={classes.number}>{score(scenario.best.score)}</td>
                <td>
                  <Verdict ok={scenario.best.passed} yes={labels.passed} no={labels.failed} />
                </td>
                <td className={classes.number}>{scenario.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={classes.footer}>
        {labels.generated}: {format.date(data.generatedAt)}
      </p>
    </section>
  );
}

export function TranscriptPrint({ transcripts, labels, language }: { transcripts: readonly TranscriptData[]; labels: TranscriptLabels; language: string }) {
  const format = transcriptFormatters({ language });
  return createPortal(
    <div className={classes.printRoot} lang={language} data-testid="transcript-print">
      {transcripts.map((data) => (
        <Sheet key={data.trainee.uid} data={data} labels={labels} format={format} />
      ))}
    </div>,
    document.body,
  );
}

// Runtime: any (pure core). twitter-text, fed only what it can read in bounded time. Its URL
// pattern backtracks: on one long unbroken run of dots, hyphens, "www." or "a.b." its work grows
// with the square of the run's length (seconds for a pasted 100,000-character run). No entity it
// finds (link, hashtag, mention, cashtag) contains white space, and its patterns read white space
// as they read the edge of the text, so the text is cut around every unbroken run longer than
// MAX_PARSED_RUN and only the rest is handed over: what it finds there is exactly what it finds
// in the whole text. A run that long is no link, hashtag or mention a reader would follow; it is
// counted as plain characters. Drafts without such a run go to twitter-text whole, as before.
import twitterText from 'twitter-text';
import type { Span } from './types';

/**
 * The longest unbroken run of non-space characters twitter-text is given. No link, hashtag or
 * mention in the libraries comes near it (the longest is under 80); twitter-text's work on a run
 * this long stays under a millisecond.
 */
export const MAX_PARSED_RUN = 256;

const UNBROKEN_RUN = /\S+/g;

/** The spans of `text` longer than `maxRun` with no white space in them: left out of parsing. */
export function overlongRuns(text: string, maxRun = MAX_PARSED_RUN): Span[] {
  const runs: Span[] = [];
  for (const match of text.matchAll(UNBROKEN_RUN)) {
    if (match[0].length > maxRun) runs.push({ start: match.index, end: match.index + match[0].length });
  }
  return runs;
}

/** The spans between the overlong runs: what is handed to twitter-text, in order. */
export function parsedSpans(text: string, maxRun = MAX_PARSED_RUN): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const run of overlongRuns(text, maxRun)) {
    if (run.start > start) spans.push({ start, end: run.start });
    start = run.end;
  }
  if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
  return spans;
}

export type TwitterEntity = ReturnType<typeof twitterText.extractEntitiesWithIndices>[number];

/** twitter-text's entities (links, hashtags, mentions, cashtags) with UTF-16 indices into `text`. */
export function extractEntitiesBounded(text: string, maxRun = MAX_PARSED_RUN): TwitterEntity[] {
  const spans = parsedSpans(text, maxRun);
  if (spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === text.length) return twitterText.extractEntitiesWithIndices(text);
  return spans.flatMap(({ start, end }) =>
    twitterText
      .extractEntitiesWithIndices(text.slice(start, end))
      .map((entity) => ({ ...entity, indices: [entity.indices[0] + start, entity.indices[1] + start] as [number, number] })),
  );
}

/**
 * X's weighted length of `text` as twitter-text's parseTweet counts it. An overlong run is counted
 * with its dots read as commas (the same weight): with no dot in it, twitter-text looks for no link
 * there and counts its characters in one pass.
 */
export function weightedLengthBounded(text: string, maxRun = MAX_PARSED_RUN): number {
  const runs = overlongRuns(text, maxRun);
  if (!runs.length) return twitterText.parseTweet(text).weightedLength;
  let total = 0;
  for (const span of parsedSpans(text, maxRun)) total += twitterText.parseTweet(text.slice(span.start, span.end)).weightedLength;
  for (const run of runs) total += twitterText.parseTweet(text.slice(run.start, run.end).replaceAll('.', ',')).weightedLength;
  return total;
}

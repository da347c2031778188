/** What the board shows about a nomination's scores. */
export interface ReviewSummary {
  /** Reviews with a score (reviewers with a conflict of interest do not score). */
  count: number;
  average: number | null;
  /** Highest minus lowest score: a wide spread means the reviewers should talk. */
  spread: number | null;
  conflicts: number;
}

export function summariseReviews(reviews: { score: number | null; conflictOfInterest: boolean }[]): ReviewSummary {
  const scores = reviews.filter((r) => !r.conflictOfInterest && r.score !== null).map((r) => r.score!);
  const conflicts = reviews.filter((r) => r.conflictOfInterest).length;
  if (!scores.length) return { count: 0, average: null, spread: null, conflicts };
  const average = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  return { count: scores.length, average, spread: Math.max(...scores) - Math.min(...scores), conflicts };
}

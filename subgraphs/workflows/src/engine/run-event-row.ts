/** A stream event as the GraphQL layer sees it; `sequence` is per run, or the feed id for feeds. */
export interface RunEventRow {
  sequence: number;
  type: string;
  status: string;
  stepKey: string | null;
  at: Date;
  runId: string;
}

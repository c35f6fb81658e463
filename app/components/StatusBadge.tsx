import { RESPONSE_PROGRESS_LABEL, SECTION_STATUS_LABEL, type ResponseProgress, type SectionStatus } from "../questionnaire/progress.ts";

/** A status in words with a shape and colour beside it; the word alone carries the meaning. */
export function StatusBadge({ status }: { status: SectionStatus | ResponseProgress }) {
  const label = status in SECTION_STATUS_LABEL ? SECTION_STATUS_LABEL[status as SectionStatus] : RESPONSE_PROGRESS_LABEL[status as ResponseProgress];
  return <strong className={`status status--${status}`}>{label}</strong>;
}

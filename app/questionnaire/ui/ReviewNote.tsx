import { formatDate } from "../../domain/format.ts";

/** A gemeente's remark about one question, where the team reads or answers it (beside the answer or the field). */
export function ReviewNote({ review, comment, as: Tag = "dd" }: { review: { type: string; at: string }; comment: string; as?: "dd" | "p" }) {
  return (
    <Tag className="review-note">
      <strong>
        Opmerking van de gemeente ({review.type === "returned" ? "teruggestuurd" : "geaccepteerd"} op {formatDate(review.at)}):
      </strong>{" "}
      {comment}
    </Tag>
  );
}

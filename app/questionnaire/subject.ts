/** How a response's subject is named on its pages: the team, or "Gemeente X" for the municipal part. */
export function subjectLabel(response: { team_name: string | null; municipality_name: string | null; region_name: string | null }): string {
  if (response.team_name) return response.team_name;
  if (response.municipality_name) return `Gemeente ${response.municipality_name}`;
  return `Regio ${response.region_name ?? ""}`.trim();
}

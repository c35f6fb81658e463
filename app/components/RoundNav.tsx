import { Link } from "@remix-run/react";

/** Links to each round a results page can show (`?ronde=`), the shown one marked; nothing with one round. */
export function RoundNav({ rounds, current }: { rounds: { id: number; name: string }[]; current: number }) {
  if (rounds.length < 2) return null;
  return (
    <nav aria-label="Ronde kiezen" className="form-actions">
      {rounds.map((r) =>
        r.id === current ? (
          <span key={r.id} aria-current="page">
            <strong>{r.name}</strong>
          </span>
        ) : (
          <Link key={r.id} className="utrecht-link" to={`?ronde=${r.id}`}>
            {r.name}
          </Link>
        ),
      )}
    </nav>
  );
}

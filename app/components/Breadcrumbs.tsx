import { Link } from "@remix-run/react";

export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  return (
    <nav aria-label="Kruimelpad" className="breadcrumbs">
      <ol>
        {items.map((item, i) =>
          item.to ? (
            <li key={i}>
              <Link className="utrecht-link" to={item.to}>
                {item.label}
              </Link>
            </li>
          ) : (
            <li key={i} aria-current="page">
              {item.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

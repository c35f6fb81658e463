import { Form, useNavigation } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";
import { PHASES, phaseIndex, phaseLabel, type Condition, type PhaseKey } from "../domain/phases.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { DataTable } from "./DataTable.tsx";

export interface LogEntry {
  from_phase: string | null;
  to_phase: string;
  kind: string;
  at: string;
  reason: string | null;
  actor_name: string;
}

interface Props {
  phase: PhaseKey;
  since: string | null;
  conditions: Condition[];
  canAdvance: boolean;
  canStartCycle: boolean;
  /** The newer open round a new cycle would start on (programma may start one before the last phase, with a reason). */
  newCycleRound: string | null;
  isProgramma: boolean;
  log: LogEntry[];
  errors: string[];
  reason: string;
  actionKey: unknown;
}

const KIND_LABEL: Record<string, string> = { advance: "Door naar volgende fase", back: "Terug", override: "Ingesteld door programma", cycle: "Nieuwe cyclus" };

/** The routekaart as a stepper, the conditions for the next phase, the ways to move, and the history. */
export function PhasePanel(props: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const current = phaseIndex(props.phase);
  const next = PHASES[current + 1];
  const previous = PHASES[current - 1];
  return (
    <section aria-labelledby="fase" className="page-section">
      <h2 id="fase" className="utrecht-heading-2">
        Fase van de routekaart
      </h2>
      <PhaseStepper phase={props.phase} since={props.since} />
      <ErrorSummary title="De fase is niet gewijzigd" items={props.errors.map((message) => ({ target: "fase-acties", message }))} focusKey={props.actionKey} />

      <div id="fase-acties" tabIndex={-1}>
        {next ? (
          <>
            <h3 className="utrecht-heading-3">Voorwaarden voor de volgende fase: {next.label}</h3>
            <ul className="conditions">
              {props.conditions.map((c) => (
                <li key={c.text} className={c.met ? "conditions__met" : "conditions__unmet"}>
                  <strong>{c.met ? "Voldaan:" : "Nog niet voldaan:"}</strong> {c.text}
                </li>
              ))}
            </ul>
            {props.canAdvance ? (
              <Form method="post">
                <input type="hidden" name="intent" value="advance" />
                <input type="hidden" name="expected" value={props.phase} />
                <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                  Door naar fase {current + 2}: {next.label}
                </button>
              </Form>
            ) : (
              <p className="muted">Zodra alle voorwaarden zijn voldaan, kunt u hier door naar de volgende fase.</p>
            )}
          </>
        ) : (
          <p className="utrecht-paragraph">
            Dit is de laatste fase: de verbeterplannen worden uitgevoerd en gevolgd.{" "}
            {props.canStartCycle
              ? `Er is een nieuwe zelfscanronde open (${props.newCycleRound ?? ""}); de regio kan een nieuwe cyclus starten.`
              : "Een nieuwe cyclus kan starten zodra er een nieuwe zelfscanronde open is."}
          </p>
        )}
        {props.canStartCycle ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cycle" />
            <input type="hidden" name="expected" value={props.phase} />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              Nieuwe cyclus starten (terug naar de zelfscan)
            </button>
          </Form>
        ) : null}

        {props.isProgramma && props.newCycleRound && !props.canStartCycle ? (
          <details className="phase-form">
            <summary>Nieuwe cyclus starten op {props.newCycleRound} (programma)</summary>
            <p className="utrecht-paragraph">
              De regio gaat terug naar de zelfscan en werkt voortaan op {props.newCycleRound}. Wat in de huidige ronde is ingevuld, blijft bewaard en te lezen.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="cycle" />
              <input type="hidden" name="expected" value={props.phase} />
              <label className="utrecht-form-label" htmlFor="reden-cyclus">
                Reden (verplicht)
              </label>
              <textarea id="reden-cyclus" name="reason" className="utrecht-textarea" rows={3} required maxLength={2000} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Nieuwe cyclus starten
              </button>
            </Form>
          </details>
        ) : null}

        {previous ? (
          <details className="phase-form" open={props.errors.length > 0 && props.reason !== "" ? true : undefined}>
            <summary>Terug naar de vorige fase ({previous.label})</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="back" />
              <input type="hidden" name="expected" value={props.phase} />
              <label className="utrecht-form-label" htmlFor="reden-terug">
                Reden (verplicht)
              </label>
              <textarea id="reden-terug" name="reason" className="utrecht-textarea" rows={3} required maxLength={2000} defaultValue={props.reason} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Terug naar {previous.label}
              </button>
            </Form>
          </details>
        ) : null}

        {props.isProgramma ? (
          <details className="phase-form">
            <summary>Fase direct instellen (programma)</summary>
            <Form method="post">
              <input type="hidden" name="intent" value="override" />
              <input type="hidden" name="expected" value={props.phase} />
              <label className="utrecht-form-label" htmlFor="nieuwe-fase">
                Nieuwe fase
              </label>
              <select id="nieuwe-fase" name="to" className="utrecht-select" defaultValue={props.phase}>
                {PHASES.map((p, i) => (
                  <option key={p.key} value={p.key}>
                    {i + 1}. {p.label}
                  </option>
                ))}
              </select>
              <label className="utrecht-form-label" htmlFor="reden-correctie">
                Reden van de correctie (verplicht)
              </label>
              <textarea id="reden-correctie" name="reason" className="utrecht-textarea" rows={3} required maxLength={2000} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Fase instellen
              </button>
            </Form>
          </details>
        ) : null}
      </div>

      <PhaseHistory log={props.log} />
    </section>
  );
}

/** The five phases as a stepper (read-only), with the current phase and since when. */
export function PhaseStepper({ phase, since }: { phase: PhaseKey; since: string | null }) {
  const current = phaseIndex(phase);
  return (
    <>
      <ol className="stepper">
        {PHASES.map((p, i) => (
          <li
            key={p.key}
            className={`stepper__step stepper__step--${i < current ? "done" : i === current ? "current" : "todo"}`}
            aria-current={i === current ? "step" : undefined}
          >
            <span className="stepper__number" aria-hidden="true">
              {i + 1}
            </span>
            <span>
              {/* A zero-width space after a slash lets "Uitvoering/monitoring" wrap there in a narrow box. */}
              {p.label.replaceAll("/", "/\u200B")}
              <span className="visually-hidden">{i < current ? " (afgerond)" : i === current ? " (huidige fase)" : ""}</span>
            </span>
          </li>
        ))}
      </ol>
      <p className="utrecht-paragraph">
        Huidige fase: <strong>{phaseLabel(phase)}</strong>
        {since ? `, sinds ${formatDateTime(since)}` : ", nog niet gewijzigd"}.
      </p>
    </>
  );
}

/** Every phase change of the region, oldest first: when, from, to, who, kind and reason. */
export function PhaseHistory({ log }: { log: LogEntry[] }) {
  return (
    <>
      <h3 className="utrecht-heading-3">Geschiedenis van de fasen</h3>
      {log.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen wijzigingen: de regio is in de eerste fase.</p>
      ) : (
        <DataTable caption="Alle faseovergangen van de regio, oudste eerst">
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Van</th>
              <th scope="col">Naar</th>
              <th scope="col">Door</th>
              <th scope="col">Soort en reden</th>
            </tr>
          </thead>
          <tbody>
            {log.map((entry, i) => (
              <tr key={i}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.from_phase ? phaseLabel(entry.from_phase as PhaseKey) : "–"}</td>
                <td>{phaseLabel(entry.to_phase as PhaseKey)}</td>
                <td>{entry.actor_name}</td>
                <td>
                  {KIND_LABEL[entry.kind] ?? entry.kind}
                  {entry.reason ? `: ${entry.reason}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

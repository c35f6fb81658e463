import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { formatDateTime, formatTime } from "../../domain/format.ts";
import { answerLookup, conditionText, isVisible, type AnswerMap, type FormValues } from "../answers.ts";
import { commentField, questionNumber, type QuestionnaireDefinition, type QuestionnaireSection } from "../definition.ts";
import { sectionSchema } from "../schema.ts";
import type { FieldErrors } from "../../forms/field-errors.ts";
import { ErrorSummary, type ErrorSummaryItem } from "../../components/ErrorSummary.tsx";
import { fieldId, QuestionField } from "./QuestionField.tsx";

const FORM_ERROR = "_form";
const AUTOSAVE_DELAY_MS = 1500;

interface Conflict {
  key: string;
  text: string;
  saved: string | null;
}

interface Props {
  definition: QuestionnaireDefinition;
  section: QuestionnaireSection;
  values: FormValues;
  /** Answers of the other sections, for conditions that look back at them. */
  context: AnswerMap;
  revision: number;
  serverErrors: FieldErrors;
  conflicts: Conflict[];
  /** Opened from "what is left": required questions are checked as well. */
  checkMode: boolean;
  restoredAt: string | null;
  savedNotice: boolean;
  actionKey: unknown;
  hasNext: boolean;
  /** Why the last save was refused, for the summary's title: another save came first, or it was submitted. */
  refused?: "invalid" | "stale" | "locked";
}

const REFUSED_TITLE = {
  invalid: undefined,
  stale: "Iemand anders heeft dit onderdeel intussen opgeslagen",
  locked: "Deze vragenlijst is intussen ingediend",
} as const;

type AutosaveResult = { kind: string; revision: number; savedAt: string | null; errors: FieldErrors };

/**
 * A section of a questionnaire as a form. It is a plain Remix <Form> that works without JavaScript;
 * with JavaScript, react-hook-form validates with the same derived zod schema as the server while the
 * user works, hides questions whose condition is not met, and saves a draft shortly after each change.
 */
export function SectionForm(props: Props) {
  const { definition, section } = props;
  // The schema is derived when the form first validates, in the browser: the server's render never
  // validates, and deriving it there cost a few percent of every section page.
  const resolver = useMemo<Resolver<FormValues>>(() => {
    let validate: Resolver<FormValues> | undefined;
    return (values, context, options) =>
      (validate ??= zodResolver(sectionSchema(definition, section, props.checkMode ? "complete" : "draft", props.context)) as Resolver<FormValues>)(
        values,
        context,
        options,
      );
  }, [definition, section, props.checkMode, props.context]);
  const form = useForm<FormValues>({ resolver, mode: "onChange", defaultValues: props.values });
  const submit = useSubmit();
  const navigation = useNavigation();
  const fetcher = useFetcher<AutosaveResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [revision, setRevision] = useState(props.revision);
  const revisionRef = useRef(props.revision);
  const [autosave, setAutosave] = useState<{ state: "idle" | "saved" | "invalid" | "conflict"; at?: string }>({ state: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const stopped = useRef(false);

  useEffect(() => setHydrated(true), []);

  const updateRevision = (next: number) => {
    revisionRef.current = Math.max(revisionRef.current, next);
    setRevision(revisionRef.current);
  };
  useEffect(() => updateRevision(props.revision), [props.revision]);

  useEffect(() => {
    const result = fetcher.data;
    if (!result) return;
    if (result.kind === "saved" && result.savedAt) {
      updateRevision(result.revision);
      setAutosave({ state: "saved", at: result.savedAt });
    } else if (result.kind === "stale" || result.kind === "locked") {
      stopped.current = true;
      setAutosave({ state: "conflict" });
    } else {
      setAutosave({ state: "invalid" });
    }
  }, [fetcher.data]);

  // A save the user asked for while an autosave was under way waits for it, then goes with the new
  // revision; otherwise the user's own autosave would make their save look stale.
  const pendingSubmit = useRef<FormData | null>(null);
  useEffect(() => {
    if (fetcher.state !== "idle" || !pendingSubmit.current) return;
    const data = pendingSubmit.current;
    pendingSubmit.current = null;
    data.set("revision", String(revisionRef.current));
    submit(data, { method: "post" });
  }, [fetcher.state, fetcher.data, submit]);

  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  useEffect(() => {
    const run = async () => {
      if (stopped.current || !formRef.current) return;
      if (fetcherRef.current.state !== "idle") {
        timer.current = setTimeout(run, AUTOSAVE_DELAY_MS);
        return;
      }
      // Only a draft that passes the same checks as the server is saved; errors show at the fields.
      const valid = await form.trigger();
      if (!valid || !formRef.current) return setAutosave({ state: "invalid" });
      const data = new FormData(formRef.current);
      data.set("intent", "autosave");
      data.set("revision", String(revisionRef.current));
      fetcherRef.current.submit(data, { method: "post" });
    };
    const subscription = form.watch((_values, { name }) => {
      if (!name) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(run, AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form]);

  const watched = form.watch();
  const lookup = answerLookup(props.context, hydrated ? watched : props.values);
  const clientErrors = form.formState.errors;
  const errorFor = (name: string): string | undefined => {
    const client = clientErrors[name]?.message;
    if (client) return String(client);
    if (hydrated && form.getFieldState(name).isDirty) return undefined;
    return props.serverErrors[name];
  };

  const summary: ErrorSummaryItem[] = [];
  if (props.serverErrors[FORM_ERROR]) summary.push({ target: "sectie-formulier", message: props.serverErrors[FORM_ERROR] });
  for (const item of section.items) {
    const message = errorFor(item.key);
    const name = questionNumber(item.key) ?? item.text;
    if (message) summary.push({ target: fieldId(item.key), message: `${name}: ${message}` });
    const commentMessage = errorFor(commentField(item.key));
    if (commentMessage) summary.push({ target: commentField(item.key), message: `Toelichting bij ${name}: ${commentMessage}` });
  }
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";

  return (
    <>
      {props.restoredAt ? (
        <div className="notice notice--warn" role="status">
          <p>
            <strong>Teruggezet:</strong> uw sessie verliep op {formatDateTime(props.restoredAt)} terwijl u dit onderdeel invulde. Wat u toen had ingevuld staat
            hieronder, maar is nog niet opgeslagen. Controleer het en klik op Opslaan.
          </p>
        </div>
      ) : null}
      {props.savedNotice ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Opgeslagen.</strong> Uw antwoorden zijn bewaard als concept. U kunt later verder.
          </p>
        </div>
      ) : null}
      <ErrorSummary
        title={props.refused ? REFUSED_TITLE[props.refused] : props.checkMode && !props.actionKey ? "Nog te beantwoorden voordat u kunt indienen" : undefined}
        items={summary}
        focusKey={props.actionKey}
      />
      {props.conflicts.length ? (
        <div className="notice notice--warn">
          <p>
            <strong>Let op: verschillen met de opgeslagen versie.</strong> Dit staat nu opgeslagen:
          </p>
          <ul className="utrecht-unordered-list">
            {props.conflicts.map((c) => (
              <li key={c.key}>
                <a className="utrecht-link" href={`#${fieldId(c.key)}`}>
                  {questionNumber(c.key) ?? c.text}
                </a>
                : {c.saved ?? "niet beantwoord"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form
        method="post"
        id="sectie-formulier"
        ref={formRef}
        noValidate
        tabIndex={-1}
        onSubmit={(event) => {
          const target = event.currentTarget;
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          clearTimeout(timer.current);
          void form.handleSubmit(() => {
            const data = new FormData(target, submitter);
            if (fetcherRef.current.state !== "idle") {
              pendingSubmit.current = data;
              return;
            }
            data.set("revision", String(revisionRef.current));
            submit(data, { method: "post" });
          })(event);
        }}
      >
        <input type="hidden" name="revision" value={revision} />
        {section.items.map((item) => {
          const visible = isVisible(definition, item, lookup);
          return (
            <QuestionField
              key={item.key}
              definition={definition}
              item={item}
              register={form.register}
              value={props.values[item.key]}
              comment={typeof props.values[commentField(item.key)] === "string" ? (props.values[commentField(item.key)] as string) : undefined}
              error={errorFor(item.key)}
              commentError={errorFor(commentField(item.key))}
              conditionText={hydrated ? undefined : conditionText(definition, item)}
              hidden={hydrated && !visible}
            />
          );
        })}
        <div className="form-actions">
          <button type="submit" name="intent" value="next" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {props.hasNext ? "Opslaan en verder" : "Opslaan en naar het overzicht"}
          </button>
          <button type="submit" name="intent" value="save" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            Opslaan als concept
          </button>
        </div>
        <p className="autosave-status" aria-live="polite">
          {autosave.state === "saved" && autosave.at ? `Automatisch opgeslagen om ${formatTime(autosave.at)}.` : null}
          {autosave.state === "invalid" ? "Niet automatisch opgeslagen: verbeter eerst de gemarkeerde vragen." : null}
          {autosave.state === "conflict"
            ? "Niet automatisch opgeslagen: deze vragenlijst is intussen ergens anders gewijzigd. Klik op Opslaan om te zien wat er verschilt."
            : null}
        </p>
      </Form>
    </>
  );
}

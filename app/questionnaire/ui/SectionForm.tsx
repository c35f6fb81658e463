import { Form, useFetcher, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { formatDateTime, formatTime } from "../../domain/format.ts";
import { answerLookup, conditionText, isVisible, type AnswerMap, type FormValues } from "../answers.ts";
import { commentField, FORM_ERROR, questionNumber, type QuestionnaireDefinition, type QuestionnaireSection } from "../definition.ts";
import type { FieldErrors } from "../../forms/field-errors.ts";
import { ErrorSummary, type ErrorSummaryItem } from "../../components/ErrorSummary.tsx";
import { draftCopy, useLeaveGuard } from "./draft-guard.ts";
import { fieldId, QuestionField } from "./QuestionField.tsx";
import { ReviewNote } from "./ReviewNote.tsx";
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
  hasPrevious: boolean;
  /** The gemeente's remarks per question when it returned the scan. */
  review?: { type: string; at: string; notes: Record<string, string> } | null;
  /** Why the last save was refused or partial, for the summary's title: another save came first, it was submitted, a field failed. */
  refused?: "invalid" | "stale" | "locked" | "partial";
}

const REFUSED_TITLE = {
  invalid: undefined,
  partial: "Uw andere antwoorden zijn opgeslagen, deze nog niet",
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
  // validates (deriving it there cost a few percent of every section page), and zod itself is loaded then,
  // so a page that is only read does not load it (decision 93).
  const resolver = useMemo<Resolver<FormValues>>(() => {
    let validate: Promise<Resolver<FormValues> | null> | undefined;
    return async (values, context, options) => {
      validate ??= import("../section-validation.ts")
        .then((m) => m.sectionResolver(definition, section, props.checkMode ? "complete" : "draft", props.context ?? {}))
        .catch(() => {
          validate = undefined; // try again at the next change
          return null;
        });
      const check = await validate;
      // Without its check (the script could not be loaded: offline, or a new release replaced it while the page
      // was open) the form still saves: the server checks every save, and its answer is the one that counts.
      return check ? check(values, context, options) : { values, errors: {} };
    };
  }, [definition, section, props.checkMode, props.context]);
  const form = useForm<FormValues>({ resolver, mode: "onChange", defaultValues: props.values });
  const submit = useSubmit();
  const navigation = useNavigation();
  const fetcher = useFetcher<AutosaveResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [revision, setRevision] = useState(props.revision);
  const revisionRef = useRef(props.revision);
  const [autosave, setAutosave] = useState<{ state: "idle" | "saved" | "partial" | "invalid" | "conflict"; at?: string }>({ state: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const stopped = useRef(false);
  const path = useLocation().pathname;

  // Unsaved input: changes since the last save that stored all of them. A save posts the form as it was
  // at change number n; when it comes back fully stored and nothing changed since, nothing is unsaved.
  const changes = useRef(0);
  const sentAt = useRef(0);
  const [unsaved, setUnsaved] = useState(false);
  // After a save: all stored, or the copy of what is not follows the new revision (a reload then still puts it back).
  const afterSave = (revision: number, complete: boolean) => {
    if (complete && sentAt.current === changes.current) {
      setUnsaved(false);
      draftCopy.drop(path);
    } else {
      draftCopy.keep(path, { revision, values: form.getValues() });
    }
  };
  useLeaveGuard(
    unsaved,
    useCallback(() => draftCopy.drop(path), [path]),
  );
  const [restored, setRestored] = useState(false);

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
      afterSave(result.revision, true);
    } else if (result.kind === "partial" && result.savedAt) {
      updateRevision(result.revision);
      setAutosave({ state: "partial", at: result.savedAt });
      afterSave(result.revision, false);
    } else if (result.kind === "stale" || result.kind === "locked") {
      stopped.current = true;
      setAutosave({ state: "conflict" });
    } else {
      setAutosave({ state: "invalid" });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per answer from the server
  }, [fetcher.data]);

  // A save the user asked for while an autosave was under way waits for it, then goes with the new
  // revision; otherwise the user's own autosave would make their save look stale.
  const pendingSubmit = useRef<FormData | null>(null);
  // A save the user asked for that comes back without an answer from the action was stored and redirected.
  const submitting = useRef(false);
  useEffect(() => {
    if (navigation.state !== "idle" || !submitting.current || pendingSubmit.current) return;
    submitting.current = false;
    if (!props.actionKey) afterSave(props.revision, true);
    else if (props.refused === "partial") afterSave(props.revision, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when a navigation ends
  }, [navigation.state]);
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
      // The server stores every valid answer; a failing one shows its message at the field.
      await form.trigger();
      if (!formRef.current) return;
      const data = new FormData(formRef.current);
      sentAt.current = changes.current;
      data.set("intent", "autosave");
      data.set("revision", String(revisionRef.current));
      fetcherRef.current.submit(data, { method: "post" });
    };
    const subscription = form.watch((values, { name }) => {
      if (!name) return;
      changes.current += 1;
      setUnsaved(true);
      draftCopy.keep(path, { revision: revisionRef.current, values: values as FormValues });
      clearTimeout(timer.current);
      timer.current = setTimeout(run, AUTOSAVE_DELAY_MS);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, path]);

  // What was typed but not saved before a reload (or a crash) comes back, and is then saved as usual.
  useEffect(() => {
    const copy = draftCopy.take(path, props.revision);
    if (!copy) return;
    let changed = false;
    for (const [name, value] of Object.entries(copy)) {
      if (JSON.stringify(value) === JSON.stringify(props.values[name] ?? "")) continue;
      form.setValue(name, value, { shouldDirty: true });
      changed = true;
    }
    if (changed) setRestored(true);
    else draftCopy.drop(path);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the page opens
  }, []);

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
      {restored ? (
        <div className="notice notice--warn" role="status">
          <p>
            <strong>Teruggezet:</strong> wat u hier had ingevuld maar nog niet was opgeslagen, staat weer in het formulier. Het wordt zo vanzelf opgeslagen.
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
          event.preventDefault();
          clearTimeout(timer.current);
          // The client's messages show at once; the server stores every valid answer either way.
          void form.trigger();
          const data = new FormData(target, submitter);
          sentAt.current = changes.current;
          submitting.current = true;
          if (fetcherRef.current.state !== "idle") {
            pendingSubmit.current = data;
            return;
          }
          data.set("revision", String(revisionRef.current));
          submit(data, { method: "post" });
        }}
      >
        <input type="hidden" name="revision" value={revision} />
        {section.items.map((item) => {
          const visible = isVisible(definition, item, lookup);
          const skipped = hydrated && !visible;
          return (
            <Fragment key={item.key}>
              {/* A hidden question keeps its place in the numbering (H4, H5, H6) and says when it applies. */}
              {skipped ? (
                <p className="question__skipped">
                  {questionNumber(item.key) ? <span className="question__key">{item.key}</span> : null} {conditionText(definition, item)}
                </p>
              ) : null}
              <QuestionField
                definition={definition}
                item={item}
                register={form.register}
                value={props.values[item.key]}
                comment={typeof props.values[commentField(item.key)] === "string" ? (props.values[commentField(item.key)] as string) : undefined}
                error={errorFor(item.key)}
                commentError={errorFor(commentField(item.key))}
                conditionText={hydrated ? undefined : conditionText(definition, item)}
                hidden={hydrated && !visible}
                reviewNote={props.review?.notes[item.key] ? <ReviewNote review={props.review} comment={props.review.notes[item.key]!} as="p" /> : undefined}
              />
            </Fragment>
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
          {autosave.state === "partial" && autosave.at
            ? `Automatisch opgeslagen om ${formatTime(autosave.at)}, behalve de gemarkeerde vragen: verbeter die, dan worden ze ook opgeslagen.`
            : null}
          {autosave.state === "invalid" ? "Niet automatisch opgeslagen: verbeter eerst de gemarkeerde vragen." : null}
          {autosave.state === "conflict"
            ? "Niet automatisch opgeslagen: deze vragenlijst is intussen ergens anders gewijzigd. Kies Opslaan als concept om te zien wat er verschilt."
            : null}
        </p>
        {/* Every way to another section or the overview that this page offers saves first, also without JavaScript. */}
        <nav aria-label="Onderdelen" className="form-actions">
          {props.hasPrevious ? (
            <button type="submit" name="intent" value="previous" className="utrecht-button utrecht-button--subtle" disabled={busy}>
              Opslaan en naar het vorige onderdeel
            </button>
          ) : null}
          {props.hasNext ? (
            <button type="submit" name="intent" value="overview" className="utrecht-button utrecht-button--subtle" disabled={busy}>
              Opslaan en naar het overzicht
            </button>
          ) : null}
        </nav>
      </Form>
    </>
  );
}

import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as dutch from "@zxcvbn-ts/language-nl-be";

// New passwords: at least 12 characters, and not guessable: zxcvbn-ts with its common, English and
// Dutch dictionaries (common passwords, names, words) must rate them 3 of 4 or better.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let checker: ZxcvbnFactory | undefined;
function zxcvbn() {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary },
    graphs: common.adjacencyGraphs,
    translations: dutch.translations,
  });
  return checker;
}

/** A Dutch reason why this password is refused, or null when it is good enough. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van ten minste ${MIN_PASSWORD_LENGTH} tekens.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
  const result = zxcvbn().check(password, personal.filter(Boolean));
  if (result.score >= 3) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `Dit wachtwoord is te makkelijk te raden${hint ? ` (${hint.replace(/\.$/, "").toLowerCase()})` : ""}. Kies bijvoorbeeld een zin van vier of meer woorden.`;
}

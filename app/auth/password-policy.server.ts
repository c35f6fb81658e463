import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// New passwords: at least 12 characters, and not guessable: zxcvbn-ts with its common, English and
// Dutch dictionaries (common passwords, names, words) must rate them 3 of 4 or better.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// The dictionaries take some 40 MB once unpacked; they load on the first password that is checked,
// not at start-up, since most processes never see one.
let checker: Promise<ZxcvbnFactory> | undefined;
function zxcvbn() {
  checker ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
    import("@zxcvbn-ts/language-nl-be"),
  ]).then(
    ([core, common, english, dutch]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary, ...dutch.dictionary },
        graphs: common.adjacencyGraphs,
        translations: dutch.translations,
      }),
  );
  return checker;
}

/** A Dutch reason why this password is refused, or null when it is good enough. */
export async function passwordProblem(password: string, personal: string[] = []): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van ten minste ${MIN_PASSWORD_LENGTH} tekens.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`;
  const result = (await zxcvbn()).check(password, personal.filter(Boolean));
  if (result.score >= 3) return null;
  const hint = result.feedback.warning ?? result.feedback.suggestions[0];
  return `Dit wachtwoord is te makkelijk te raden${hint ? ` (${hint.replace(/\.$/, "").toLowerCase()})` : ""}. Kies bijvoorbeeld een zin van vier of meer woorden.`;
}

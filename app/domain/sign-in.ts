/** The domain of an e-mail address, lower case: what decides whether an organisation's provider signs it in. */
export const domainOf = (email: string) => email.trim().toLowerCase().split("@").pop() ?? "";

/** Why a sign-in through an organisation's provider signed nobody in (decision 91), as the login page says it. */
export const ORGANISATION_REFUSAL_TEXT = {
  cancelled: "Inloggen bij uw organisatie is afgebroken. U bent niet ingelogd; probeer het opnieuw.",
  state: "Deze inlogpoging is verlopen, al gebruikt of in een ander venster begonnen. U bent niet ingelogd; log opnieuw in.",
  unreachable: "De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.",
  token: "Het antwoord van de inlogdienst van uw organisatie klopte niet. U bent niet ingelogd; probeer het opnieuw.",
  unverified: "Uw organisatie heeft uw e-mailadres niet bevestigd. U bent niet ingelogd; vraag uw ICT-afdeling om hulp.",
  unknown: "Er is geen account met het e-mailadres van uw organisatieaccount. Accounts worden op uitnodiging gemaakt: vraag wie u uitnodigde.",
  disabled: "Uw account is uitgeschakeld. Neem contact op met wie de accounts van uw organisatie beheert.",
  outside: "Uw organisatieaccount hoort niet bij deze inlogdienst. U bent niet ingelogd.",
} as const;

export type OrganisationRefusal = keyof typeof ORGANISATION_REFUSAL_TEXT;

export const isOrganisationRefusal = (value: string | null): value is OrganisationRefusal => value !== null && value in ORGANISATION_REFUSAL_TEXT;

// The questionnaire pages' URLs, in one place for routes, components and server modules.
export const responsePath = (id: number) => `/vragenlijsten/${id}`;
export const sectionPath = (id: number, key: string) => `/vragenlijsten/${id}/onderdelen/${encodeURIComponent(key)}`;
export const submitPath = (id: number) => `/vragenlijsten/${id}/indienen`;

/** More fields than any of the product's forms has (a zelfscan section has a few dozen). */
const MAX_FIELDS = 2000;

/**
 * Reads a posted form. A body that is not a form (JSON, XML, nothing) is refused with 415, a form with
 * a file where the form has no file field, or with absurdly many fields, with 400: each with a Dutch
 * message instead of surfacing as a 500 or, worse, as an emptied answer.
 */
export async function readFormData(request: Request, options: { fileFields?: string[] } = {}): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new Response("Verstuur dit formulier vanaf de pagina zelf (verwacht: een formulier).", { status: 415 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Het formulier kon niet worden gelezen.", { status: 400 });
  }
  let count = 0;
  for (const [name, value] of form) {
    if (++count > MAX_FIELDS) throw new Response("Het formulier bevat te veel velden. Er is niets gewijzigd.", { status: 400 });
    if (typeof value !== "string" && !options.fileFields?.includes(name)) {
      throw new Response("Dit formulier neemt geen bestanden aan. Er is niets gewijzigd; verstuur het formulier vanaf de pagina zelf.", { status: 400 });
    }
  }
  return form;
}

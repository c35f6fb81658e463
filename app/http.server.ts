/**
 * Reads a posted form. A body that is not a form (JSON, XML, nothing) is refused with 415 and a
 * Dutch message instead of surfacing as a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new Response("Verstuur dit formulier vanaf de pagina zelf (verwacht: een formulier).", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("Het formulier kon niet worden gelezen.", { status: 400 });
  }
}

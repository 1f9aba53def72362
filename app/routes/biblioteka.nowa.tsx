import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { isStaff } from "~/lib/server-modules.server";
import { LibraryItemForm } from "~/components/library-item-form";
import { t } from "../../domain/i18n";
import { readForm, type FormFailure } from "~/lib/forms.server";
import { permissionResponse, requirePermission } from "~/lib/guards.server";
import { libraryFormOptions, submitLibraryForm } from "~/lib/library-editor.server";

export const meta: MetaFunction = () => [{ title: `${t.library.editor.newTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "library:propose");
  return json({ options: await libraryFormOptions(context, actor), staff: isStaff(actor) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "library:propose");
  const form = await readForm(request, context);
  return submitLibraryForm(context, form, async (data) => {
    try {
      const { slug } = await context.services.library.create(actor, data);
      return redirect(`/biblioteka/${slug}/edycja?zapisano=1`);
    } catch (error) {
      return permissionResponse(error, request);
    }
  });
}

export default function NewLibraryItem() {
  const { options, staff } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as FormFailure | undefined;
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">{staff ? t.library.editor.newTitle : t.library.editor.proposeTitle}</h1>
      <LibraryItemForm values={failed?.values ?? {}} errors={failed?.fieldErrors} formError={failed?.formError} options={options} submitLabel={t.library.editor.create} />
    </section>
  );
}

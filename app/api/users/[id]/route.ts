// Admins only: change a user's role, monthly budget, password, or disable the account.
import { updateUserRequestSchema } from "@/lib/auth/auth-schemas";
import { requireAdmin } from "@/lib/auth/current-user";
import { updateUser } from "@/lib/auth/users";
import { stopEverywhere } from "@/lib/calls/stop-everywhere";
import { AppError, errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { usdToPico } from "@/lib/ledger/usd";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  try {
    const admin = await requireAdmin(request);
    const { monthlyBudgetUsd, ...rest } = await parseJsonBody(request, updateUserRequestSchema);
    const budget = monthlyBudgetUsd === undefined ? undefined : monthlyBudgetUsd === null ? null : usdToPico(monthlyBudgetUsd);
    const user = await updateUser(admin.id, (await params).id, { ...rest, monthlyBudgetPico: budget });
    if (!user) throw new AppError(404, "User not found");
    // Disabling ends the sessions and keys (updateUser) and whatever the user has in flight.
    if (rest.disabled === true) await stopEverywhere({ userId: user.id }, "disabled");
    return Response.json({ user });
  } catch (error) {
    return errorResponse(error);
  }
}

// Admins only. GET: every account. POST: a new member (or admin) with a first password.
import { createUserRequestSchema } from "@/lib/auth/auth-schemas";
import { requireAdmin } from "@/lib/auth/current-user";
import { createUser, listUsers } from "@/lib/auth/users";
import { errorResponse } from "@/lib/errors";
import { parseJsonBody } from "@/lib/http/parse-body";
import { usdToPico } from "@/lib/ledger/usd";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    return Response.json({ users: await listUsers() });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    await requireAdmin(request);
    const body = await parseJsonBody(request, createUserRequestSchema);
    const budget = body.monthlyBudgetUsd ? usdToPico(body.monthlyBudgetUsd) : null;
    const user = await createUser({ email: body.email, name: body.name, password: body.password, role: body.role, monthlyBudgetPico: budget });
    return Response.json({ user }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

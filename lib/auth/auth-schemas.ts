// Request bodies of the account routes.
import { z } from "zod";
import { passwordSchema } from "./password";

const email = z.string().trim().max(254).email("Enter a valid email address");
const name = z.string().trim().min(1, "Enter a name").max(100);
/** Dollars as typed in a form ("25", "2.50"); null clears the budget. */
const budgetUsd = z
  .union([z.string().trim().regex(/^\d{1,9}(\.\d{1,6})?$/, "Enter a budget in dollars, like 25 or 2.50"), z.null()])
  .optional();

export const setupRequestSchema = z.object({ email, name, password: passwordSchema }).strict();
export const loginRequestSchema = z.object({ email: z.string().trim().max(254), password: z.string().max(256) }).strict();
export const changePasswordRequestSchema = z.object({ currentPassword: z.string().max(256), newPassword: passwordSchema }).strict();

export const createUserRequestSchema = z
  .object({ email, name, password: passwordSchema, role: z.enum(["admin", "member"]).default("member"), monthlyBudgetUsd: budgetUsd })
  .strict();

export const updateUserRequestSchema = z
  .object({
    name: name.optional(),
    role: z.enum(["admin", "member"]).optional(),
    monthlyBudgetUsd: budgetUsd,
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change");

// Signs the admin in once through the sign-in form; the other specs start from its cookies.
import { test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE, signIn } from "./accounts";

setup("sign in as the admin", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.context().storageState({ path: ADMIN_STATE });
});

// Changing course: regenerate keeps versions, edit and resend starts a branch (both survive a
// reload), swap / add a model mid-conversation, save and reopen a model set, fuse a turn,
// continue with one answer — each as a reader does it, by role and name.
import { expect, test, type Page } from "@playwright/test";
import { column, createComparison } from "./comparison";
import { pickModels } from "./pick-models";
import { screenshots } from "./screenshots";

const TWO = ["sandbox/swift-mini", "sandbox/atlas-large"];
const SHORT = "[[sandbox:tokens=12]]";

const versions = (page: Page, subject: string) => page.getByRole("group", { name: new RegExp(`^Versions: ${subject}`) });

test("regenerate keeps both versions, and the one shown survives a reload", async ({ page }) => {
  const id = await createComparison(page, TWO, [`Name a prime ${SHORT}`]);
  await page.goto(`/c/${id}`);
  const swift = column(page, "Swift Mini");
  await swift.getByRole("button", { name: /^Regenerate Swift Mini/ }).click();
  const switcher = versions(page, "version of Swift Mini");
  await expect(switcher).toContainText("2/2");
  await switcher.getByRole("button", { name: /^Previous version of Swift Mini/ }).click();
  await expect(switcher).toContainText("1/2");
  await page.reload();
  await expect(versions(page, "version of Swift Mini")).toContainText("1/2");
  await versions(page, "version of Swift Mini").getByRole("button", { name: /^Next version/ }).click();
  await expect(versions(page, "version of Swift Mini")).toContainText("2/2");
});

test("edit and resend starts a branch; both branches survive a reload", async ({ page }) => {
  const id = await createComparison(page, TWO, [`First question ${SHORT}`, `Second question ${SHORT}`]);
  await page.goto(`/c/${id}`);
  await page.getByRole("button", { name: "Edit the prompt of turn 2" }).click();
  await page.getByRole("textbox", { name: "Edit the prompt of turn 2" }).fill(`Second question, rephrased ${SHORT}`);
  await page.getByRole("button", { name: "Send as a new branch" }).click();
  const turn2 = page.getByRole("group", { name: "Asked in turn 2" });
  await expect(turn2).toContainText("rephrased");
  await expect(versions(page, "branch of turn 2")).toContainText("2/2");
  await expect(column(page, "Swift Mini").getByRole("button", { name: /^Regenerate Swift Mini/ })).toBeVisible();

  await page.reload();
  await expect(turn2).toContainText("rephrased");
  await versions(page, "branch of turn 2").getByRole("button", { name: "Previous branch of turn 2" }).click();
  await expect(turn2).toContainText("Second question");
  await expect(turn2).not.toContainText("rephrased");
  await page.reload();
  await expect(turn2).not.toContainText("rephrased");
  await expect(versions(page, "branch of turn 2")).toContainText("1/2");
});

test("swap a model and add one mid-conversation; the new column answers the next turn", async ({ page }) => {
  const id = await createComparison(page, TWO, [`Hello ${SHORT}`]);
  await page.goto(`/c/${id}`);
  await page.getByRole("button", { name: /^Change the model of Swift Mini/ }).click();
  const dialog = page.getByRole("dialog", { name: /^Change the model of Swift Mini/ });
  await dialog.getByRole("combobox").selectOption("sandbox/echo-free");
  await dialog.getByRole("button", { name: "Swap model" }).click();
  await expect(column(page, "Echo Free")).toBeVisible();
  await expect(column(page, "Swift Mini")).toHaveCount(0);

  await page.getByRole("button", { name: "Add a model column" }).click();
  const add = page.getByRole("dialog", { name: "Add a model column" });
  await add.getByRole("combobox").selectOption("sandbox/nimbus-tools");
  await add.getByRole("button", { name: "Add column" }).click();
  const nimbus = column(page, "Nimbus Tools");
  await expect(nimbus).toBeVisible();
  await expect(nimbus.getByText("No answer for this turn.")).toBeVisible();

  await page.getByPlaceholder("Ask every model at once…").fill(`And now? ${SHORT}`);
  await page.getByPlaceholder("Ask every model at once…").press("Enter");
  await expect(page.getByRole("group", { name: "Asked in turn 2" })).toBeVisible();
  await expect(nimbus.getByRole("button", { name: /^Regenerate Nimbus Tools/ })).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(column(page, "Echo Free")).toBeVisible();
  await expect(column(page, "Nimbus Tools")).toBeVisible();
});

test("save the columns as a model set and reopen it", async ({ page }) => {
  await page.goto("/");
  await pickModels(page, ["Swift Mini", "Atlas Large"]);
  await page.getByRole("button", { name: "Model sets" }).click();
  const menu = page.getByRole("dialog", { name: "Model sets" });
  await menu.getByRole("textbox", { name: /^Save these 2 columns/ }).fill("Reading pair");
  await menu.getByRole("button", { name: "Save set" }).click();
  await expect(menu.getByRole("status")).toHaveText('Saved "Reading pair"');

  await page.goto("/");
  await page.getByRole("button", { name: "Model sets" }).click();
  await page.getByRole("dialog", { name: "Model sets" }).getByRole("button", { name: "Open Reading pair" }).click();
  await expect(page.getByRole("button", { name: /^Remove Swift Mini/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remove Atlas Large/ })).toBeVisible();

  await page.goto("/?set=reading-pair");
  await expect(page.getByRole("button", { name: /^Remove Atlas Large/ })).toBeVisible();
  await page.getByRole("button", { name: "Model sets" }).click();
  await expect(page.getByRole("dialog", { name: "Model sets" })).toContainText("last used");
});

test("fuse a turn's answers, then continue from the fused answer", async ({ page }) => {
  const id = await createComparison(page, TWO, [`Explain caching ${SHORT}`]);
  await page.goto(`/c/${id}`);
  await page.getByRole("combobox", { name: "Fuse with" }).selectOption({ label: "Atlas Large" });
  await page.getByRole("button", { name: "Fuse the answers of turn 1" }).click();
  const fused = page.getByRole("article", { name: "Fused answer of turn 1" });
  await expect(fused).toContainText("by Atlas Large");
  await fused.getByRole("button", { name: "Continue with the fused answer of turn 1" }).click();
  await expect(page.getByRole("status", { name: "History after turn 1" })).toContainText("Every column continues from the fused answer");
  await page.reload();
  await expect(page.getByRole("article", { name: "Fused answer of turn 1" })).toBeVisible();
  await expect(page.getByRole("status", { name: "History after turn 1" })).toContainText("the fused answer");
});

test("continue with one answer for every column, or each its own; the screen says which", async ({ page }) => {
  const id = await createComparison(page, TWO, [`Pick a colour ${SHORT}`]);
  await page.goto(`/c/${id}`);
  const history = page.getByRole("status", { name: "History after turn 1" });
  await expect(history).toHaveText("Each column continues with its own answers.");
  await column(page, "Swift Mini").getByRole("button", { name: /^Continue with Swift Mini/ }).click();
  await expect(history).toContainText(/Every column continues from Swift Mini.*'s answer/);
  await expect(column(page, "Swift Mini").getByRole("button", { name: /^Continue with Swift Mini/ })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(history).toContainText("Every column continues from Swift Mini");
  await page.getByRole("button", { name: "Keep each column's own history" }).click();
  await expect(history).toHaveText("Each column continues with its own answers.");
});

test("four long answers: versions, a branch, a fused row and the history line read well at every width", async ({ page }) => {
  const FOUR = ["sandbox/swift-mini", "sandbox/atlas-large", "sandbox/nimbus-tools", "sandbox/echo-free"];
  const id = await createComparison(page, FOUR, [
    "Compare quicksort, mergesort and heapsort: a table of complexity and stability, then code for one [[sandbox:tokens=260]]",
    "Which would you pick for linked lists, and why? Show code. [[sandbox:tokens=200]]",
  ]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/c/${id}`);
  await column(page, "Atlas Large").getByRole("button", { name: /^Regenerate Atlas Large/ }).click();
  await expect(versions(page, "version of Atlas Large")).toContainText("2/2");
  await page.getByRole("combobox", { name: "Fuse with" }).last().selectOption({ label: "Swift Mini" });
  await page.getByRole("button", { name: "Fuse the answers of turn 2" }).click();
  const fused = page.getByRole("article", { name: "Fused answer of turn 2" });
  await expect(fused.getByRole("button", { name: "Continue with the fused answer of turn 2" })).toBeVisible({ timeout: 30_000 });
  await fused.getByRole("button", { name: "Continue with the fused answer of turn 2" }).click();
  await expect(page.getByRole("status", { name: "History after turn 2" })).toContainText("the fused answer");
  await screenshots(page, "course-fused", fused);
  await screenshots(page, "course-turn2", page.getByRole("group", { name: "Asked in turn 2" }));
  await page.getByRole("button", { name: /^Settings for Swift Mini/ }).click();
  await expect(page.getByRole("dialog", { name: /^Settings for Swift Mini/ }).getByLabel(/^Top P/)).toBeVisible();
  await screenshots(page, "course-settings", page.getByRole("dialog", { name: /^Settings for Swift Mini/ }));
});

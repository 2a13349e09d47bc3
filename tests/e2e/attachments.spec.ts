// Attachments as a person uses them: attach a picture and a text file, send them to a vision
// model and a text-only model side by side; the vision model describes the picture, the
// text-only column says it was not sent the image; the prompt row keeps a thumbnail that
// opens full size, also after a reload, and on a share link made with "Attachments" ticked.
import { expect, test } from "@playwright/test";
import { encode as encodePng } from "fast-png";
import { pickModels } from "./pick-models";
import { screenshots } from "./screenshots";

/** A 320 × 200 "sunset": an orange sky over a dark blue sea (orange covers most of it). */
function sunsetPng(): Buffer {
  const [width, height] = [320, 200];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sea = y > height * 0.7;
      const glow = Math.round(20 * Math.sin((x / width) * Math.PI));
      data.set(sea ? [20, 40, 90 + (glow >> 1)] : [240, 130 + glow - Math.round(y / 10), 30], (y * width + x) * 3);
    }
  }
  return Buffer.from(encodePng({ width, height, data, channels: 3, depth: 8 }));
}

test("an image goes to the vision model, and the text-only model's column says it was left out", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await page.goto("/");
  await pickModels(page, ["Iris Vision", "Swift Mini"]);

  await page.getByLabel("Choose files to attach").setInputFiles([
    { name: "sunset.png", mimeType: "image/png", buffer: sunsetPng() },
    { name: "trip-notes.md", mimeType: "text/markdown", buffer: Buffer.from("# Trip notes\n\n- Day 3: the harbour at dusk\n- Camera: 35 mm, f/8\n") },
  ]);
  const tray = page.getByRole("list", { name: "Files to send" });
  await expect(tray.getByText("320 × 200")).toBeVisible();
  await expect(tray.getByText("Text file")).toBeVisible();
  await expect(page.getByText(/Swift Mini takes text only: images will be left out of its column/)).toBeVisible();
  await page.getByRole("textbox", { name: "Prompt" }).fill("What is in this photo, and does it match my notes?");
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
  await screenshots(page, "attachments-composer");
  await page.getByRole("textbox", { name: "Prompt" }).press("Enter");
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await expect(tray).toHaveCount(0);

  const vision = page.getByRole("region", { name: /^Iris Vision.* answers$/ });
  const textOnly = page.getByRole("region", { name: /^Swift Mini.* answers$/ });
  await expect(vision).toHaveAttribute("aria-busy", "false");
  await expect(textOnly).toHaveAttribute("aria-busy", "false");
  await expect(vision.getByText(/PNG, 320 × 200 pixels, mostly orange/)).toBeVisible();
  await expect(page.getByText("1 image not sent: this model takes text only")).toBeVisible();

  const prompt = page.getByRole("group", { name: "Asked in turn 1" });
  await expect(prompt.getByRole("link", { name: /trip-notes\.md/ })).toBeVisible();
  await screenshots(page, "attachments-turn");

  await page.reload();
  const thumb = page.getByRole("group", { name: "Asked in turn 1" }).getByRole("button", { name: "View image sunset.png" });
  await expect(thumb).toBeVisible();
  await expect(thumb.getByRole("img", { name: "sunset.png" })).toHaveJSProperty("naturalWidth", 320);
  await thumb.click();
  const lightbox = page.getByRole("dialog", { name: "sunset.png" });
  await expect(lightbox.getByText("320 × 200 · PNG")).toBeVisible();
  await expect(lightbox.getByRole("img", { name: "sunset.png" })).toBeVisible();
  await lightbox.getByRole("button", { name: "Close image" }).click();
  await expect(lightbox).toBeHidden();
  await expect(page.getByText("1 image not sent: this model takes text only")).toBeVisible();

  // Shared with "Attachments" ticked: a visitor with no session sees the picture too.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this comparison" });
  const include = dialog.getByRole("checkbox", { name: /Attachments/ });
  await expect(include).not.toBeChecked();
  await include.check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByRole("textbox", { name: "Share link" }).inputValue();
  await dialog.getByRole("button", { name: "Close share dialog" }).click();
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guestPage = await guest.newPage();
  await guestPage.goto(url);
  const shared = guestPage.getByRole("group", { name: "Asked in turn 1" }).getByRole("button", { name: "View image sunset.png" });
  await expect(shared.getByRole("img", { name: "sunset.png" })).toHaveJSProperty("naturalWidth", 320);
  await screenshots(guestPage, "attachments-shared");
  await guest.close();

  if (process.env.SCREENSHOT_DIR) {
    // Last: at phone width the page lays the turn out anew, which closes the lightbox.
    await thumb.click();
    await expect(lightbox).toBeVisible();
    await screenshots(page, "attachments-lightbox");
  }
});

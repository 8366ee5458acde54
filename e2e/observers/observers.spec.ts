import { expect, test, type Download, type Page } from "@playwright/test";
import { pdfPages, readQrCode } from "../../test/pdf-reading";
import { newOpenElection, portraitJpeg } from "../accreditation/factories";
import { openForReview } from "../badges/helpers";
import { errorSummary, expectNoAxeViolations, signInAs } from "../fixtures";
import { waitForEmail } from "../mail-sink";
import { draftWithNominees, invite, joinFromEmail, nameOf, nominees } from "./helpers";

async function bytesOf(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

test("the coordinator nominates three observers; two complete their own records in Russian and Turkmen, one never opens the link; after the decision each accredited observer sees it and downloads a badge that verifies", async ({ browser }) => {
  test.setTimeout(300_000);
  // Observed from yesterday on, so the badge is valid today.
  const election = await newOpenElection(browser, "Observers by-election", { observationStartsInDays: -1 });
  const [russian, turkmen, silent] = nominees(election, 3, "OS");
  const { page: coordinator, path, missionId } = await draftWithNominees(browser, election, [russian!, turkmen!, silent!], [silent!]);

  await invite(coordinator, path, russian!, "Русский");
  await expectNoAxeViolations(coordinator);
  await invite(coordinator, path, turkmen!, "Türkmençe");
  await invite(coordinator, path, silent!, "English");
  await expect(coordinator.getByText("Status: invited")).toBeVisible();

  // In Russian: the email, a password, "My accreditation" with what is missing, then the passport and photo.
  const invitationEmail = await waitForEmail(russian!.email);
  expect(invitationEmail.subject).toContain("Завершите аккредитацию наблюдателя");
  const { page: olga } = await joinFromEmail(browser, russian!, "ru");
  await expect(olga.getByRole("heading", { level: 1 })).toHaveText("Моя аккредитация");
  await expect(olga.getByRole("heading", { level: 2 })).toContainText(election.code);
  await expect(olga.getByRole("listitem").filter({ hasText: "Вашей фотографии" })).toBeVisible();
  await expectNoAxeViolations(olga);
  await olga.getByRole("link", { name: "Открыть мои данные" }).click();
  await olga.getByLabel("Полное имя кириллицей (необязательно)").fill("Новак Пётр");
  await olga.getByLabel("Номер паспорта").fill("OSRU12345");
  await olga.getByLabel("Фотография", { exact: true }).setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg("#7a9c6b") });
  await olga.getByRole("button", { name: "Сохранить мои данные" }).click();
  await expect(olga.getByRole("status")).toHaveText("Ваши данные сохранены.");
  await expect(olga.getByText("Ещё не хватает")).toHaveCount(0);
  await expectNoAxeViolations(olga);

  // In Turkmen: a mistyped name and dates that break the election's rules are all shown after one
  // submission, at their fields and in the summary, in the browser and by the server alone;
  // nothing typed is lost; then saved.
  const { page: aman } = await joinFromEmail(browser, turkmen!, "tk");
  await aman.getByRole("link", { name: "Maglumatlarymy aç" }).click();
  await expect(aman).toHaveURL(/\/tk\/me\/records\//);
  const ownDetailsUrl = aman.url();
  const fillMistakes = async (page: Page) => {
    await page.getByLabel("Familiýasy", { exact: true }).fill("Мюллер");
    await page.getByLabel("Kiril harplarynda doly ady (hökmany däl)").fill("Мюллер Анна Мария");
    await page.getByLabel("Doglan senesi").fill(`${Number(election.electionDay.slice(0, 4)) - 16}-01-01`);
    await page.getByLabel("Pasportyň möhletiniň gutarýan senesi").fill(election.electionDay);
    await page.getByRole("button", { name: "Maglumatlarymy ýatda sakla" }).click();
  };
  const expectedMessages = [
    "Familiýasy: Pasportdaky ýaly latyn harplaryny ulanyň (üsti-aşagy belgili harplar hem bolýar), sözleriň arasynda boşluk, defis ýa-da apostrof goýuň.",
    "Doglan senesi: Saýlaw güni synçynyň 18 ýaşy dolan bolmaly.",
    "Pasportyň möhletiniň gutarýan senesi: Pasportyň möhleti gidýän senesinden öň gutarýar.",
  ];
  await fillMistakes(aman);
  await expect(errorSummary(aman).getByRole("link")).toHaveText(expectedMessages);
  await expect(aman.getByLabel("Doglan senesi")).toHaveAttribute("aria-invalid", "true");
  await expect(aman.getByLabel("Pasportyň möhletiniň gutarýan senesi")).toHaveAttribute("aria-invalid", "true");
  await expect(aman.getByLabel("Kiril harplarynda doly ady (hökmany däl)")).toHaveValue("Мюллер Анна Мария");
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await aman.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto(ownDetailsUrl);
  // The server also names a passport already on the mission (the silent nominee's) in the same round.
  await plain.getByLabel("Raýatlygy").selectOption(silent!.nationality);
  await plain.getByLabel("Pasport belgisi").fill(silent!.passportNumber);
  await fillMistakes(plain);
  const passportTaken = "Pasport belgisi: Bu pasport (belgisi we raýatlygy) eýýäm bu missiýanyň başga bir synçysynda görkezilen.";
  await expect(errorSummary(plain).getByRole("link")).toHaveText([...expectedMessages.slice(0, 2), passportTaken, expectedMessages[2]!]);
  await expect(plain.getByLabel("Kiril harplarynda doly ady (hökmany däl)")).toHaveValue("Мюллер Анна Мария");
  await noScript.close();
  await aman.getByLabel("Familiýasy", { exact: true }).fill(turkmen!.surname);
  await aman.getByLabel("Doglan senesi").fill(turkmen!.dateOfBirth);
  await aman.getByLabel("Pasportyň möhletiniň gutarýan senesi").fill(turkmen!.passportExpiresOn);
  await aman.getByLabel("Surat", { exact: true }).setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: await portraitJpeg("#9c6b7a") });
  await aman.getByRole("button", { name: "Maglumatlarymy ýatda sakla" }).click();
  await expect(aman.getByRole("status")).toHaveText("Maglumatlaryňyz ýatda saklandy.");

  // The coordinator sees who did what, and submits.
  await coordinator.goto(`/en${path}/observers`);
  const row = (nominee: typeof russian) => coordinator.getByRole("row").filter({ has: coordinator.getByRole("link", { name: nameOf(nominee!) }) });
  await expect(row(russian)).toContainText("completed");
  await expect(row(turkmen)).toContainText("completed");
  await expect(row(silent)).toContainText("invited");
  await coordinator.goto(`/en${path}/check`);
  await coordinator.getByRole("button", { name: "Submit the application" }).click();
  await expect(coordinator.getByRole("status")).toHaveText("Your application has been submitted. A receipt is on its way to your email.");

  // After submission the observer's record is read-only, with the way to a correction.
  await olga.reload();
  await expect(olga.getByText("Координатор подал заявку")).toBeVisible();
  await expect(olga.getByRole("button", { name: "Сохранить мои данные" })).toHaveCount(0);

  // The reviewer accredits the two who completed their records.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, "reviewer");
  await openForReview(reviewer, election.title);
  await reviewer.getByLabel(`Select ${nameOf(russian!)}`).check();
  await reviewer.getByLabel(`Select ${nameOf(turkmen!)}`).check();
  await reviewer.getByRole("button", { name: "Accredit the selected" }).click();
  await expect(reviewer.getByRole("status")).toHaveText("2 observers were accredited.");

  // Each hears of it in their language and sees it; the silent one is still pending for the coordinator.
  expect((await waitForEmail(russian!.email, { subjectIncludes: "Вы аккредитованы" })).text).toContain(`${election.code}-000`);
  await waitForEmail(turkmen!.email, { subjectIncludes: "akkreditasiýa edildiňiz" });
  await aman.goto("/tk/me");
  await expect(aman.getByText("Akkreditasiýa edildi")).toBeVisible();
  await olga.goto("/ru/me");
  await expect(olga.getByText("Аккредитация выдана", { exact: true })).toBeVisible();
  await expect(olga.getByText(new RegExp(`${election.code}-000[12]`))).toBeVisible();
  await coordinator.goto(`/en${path}/observers`);
  await expect(row(silent)).toContainText("Pending");

  // The accredited observer's own badge: its QR code opens the verification page, which says valid.
  const [download] = await Promise.all([olga.waitForEvent("download"), olga.getByRole("link", { name: "Скачать мой бейдж (PDF)" }).click()]);
  const badge = await bytesOf(download);
  const [front] = await pdfPages(badge);
  expect(front!.text).toContain(russian!.surname);
  const scanned = new URL((await readQrCode(badge))!);
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(scanned.pathname + scanned.search);
  await expect(phone.locator("#verdict-word")).toHaveText("GÜÝJÜNDE");
  expect(missionId).toMatch(/^[0-9a-f-]{36}$/);
});

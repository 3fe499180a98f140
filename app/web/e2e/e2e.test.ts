// The depositor's whole path in real Chromium (Debian's, headless, driven by playwright-core) against a real
// solana-test-validator (`tranche localnet`: the program's SBF build and a vault built on the embedded chain,
// preloaded at genesis; its epoch has ended by then, so the claim runs here too, after the page closes the epoch).
// A Wallet Standard test wallet backed by the localnet's funded keypair is injected into the page; the app finds
// it as it finds any installed wallet. Each step is checked in the page and on the chain (through the SDK), and
// leaves a screenshot in target/e2e/.
//
//   cd app/web && npm run e2e          (make test runs it; needs `make sbf`, the validator, the `tranche` binary)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";
import { IDL, TrancheVaultClient, explainError, type VaultView } from "../../sdk/src/index.js";
import { startLocalnet, type Localnet } from "../scripts/localnet.js";
import { E2E_OUT, ROOT, WEB } from "../scripts/paths.js";
import { buildTestWallet } from "./build-test-wallet.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell";
const USDC = 1_000_000n;
const started = Date.now();

let net: Localnet;
let server: PreviewServer;
let browser: Browser;
let page: Page;
let client: TrancheVaultClient;
let vault: PublicKey;
let holder: PublicKey;
let shot = 0;

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (s: string) => console.log(`# [e2e ${elapsed()}] ${s}`);

async function screenshot(name: string) {
  const file = path.join(E2E_OUT, `${String(++shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${path.relative(ROOT, file)}`);
}

/** The chain's view of the vault and the holder, through the SDK. */
const chain = (): Promise<VaultView> => client.view(vault, holder);

/** Native units shown in a cell ("1,234.5" with 6 decimals) back to a bigint. */
function cell(text: string): bigint {
  const [w, f = ""] = text.replace(/,/g, "").trim().split(".");
  return BigInt(w) * USDC + BigInt(f.padEnd(6, "0"));
}

/** Reviews an action in the page: picks it, the tranche and the amount, and waits for the simulation. */
async function review(tab: string, tranche: string | null, amount: string | null) {
  await page.getByRole("tab", { name: tab }).click();
  if (tranche) await page.getByTestId("tranche-select").selectOption({ label: tranche });
  if (amount !== null) await page.getByTestId("amount").fill(amount);
  await page.getByTestId("review").click();
  await page.getByTestId("review-panel").waitFor();
}

/** Signs the reviewed transaction with the test wallet and waits for its confirmation in the page. */
async function signAndConfirm(): Promise<string> {
  await page.getByTestId("simulation").waitFor();
  await page.getByTestId("sign").click();
  const done = page.getByTestId("confirmed").or(page.getByTestId("failed"));
  await done.waitFor({ timeout: 60_000 });
  const text = await done.innerText();
  assert.ok(await page.getByTestId("confirmed").isVisible(), `the transaction failed in the page: ${text}`);
  return text;
}

/** The holder's balance in `tranche` as the positions table shows it, once it equals `want`. */
async function pageBalance(tranche: string, want: bigint): Promise<bigint> {
  const balance = page.getByTestId(`position-${tranche}`).getByTestId("balance");
  await page.waitForFunction(
    ([sel, w]) => {
      const el = document.querySelector(sel as string);
      return el && (el.textContent ?? "").replace(/,/g, "") === w;
    },
    [`[data-testid="position-${tranche}"] [data-testid="balance"]`, fmt(want)] as const,
    { timeout: 30_000 },
  ).catch(() => undefined);
  return cell(await balance.innerText());
}

/** As the page formats tranche tokens (6 decimals, trailing zeros trimmed, no separators). */
function fmt(native: bigint): string {
  const w = native / USDC;
  const f = (native % USDC).toString().padStart(6, "0").replace(/0+$/, "");
  return f ? `${w}.${f}` : `${w}`;
}

before(async () => {
  await mkdir(E2E_OUT, { recursive: true });
  // This run's screenshots only.
  for (const f of await readdir(E2E_OUT)) if (f.endsWith(".png")) await rm(path.join(E2E_OUT, f));
  log("building the app and the test wallet");
  await build({ root: WEB, logLevel: "warn" });
  const walletScript = await buildTestWallet(path.join(E2E_OUT, "wallet"));
  log("starting tranche localnet (validator, vault, funded test wallet)");
  net = await startLocalnet(["--dir", path.join(E2E_OUT, "localnet"), "--rpc-port", "0"], path.join(E2E_OUT, "localnet.log"));
  log(`localnet ${net.info.rpc}, vault ${net.info.vault}`);
  vault = new PublicKey(net.info.vault);
  const secret = JSON.parse(readFileSync(net.info.wallet, "utf8")) as number[];
  holder = Keypair.fromSecretKey(Uint8Array.from(secret)).publicKey;
  assert.equal(holder.toBase58(), net.info.wallet_pubkey);
  client = new TrancheVaultClient({ connection: new Connection(net.info.rpc, "confirmed") });
  server = await preview({ root: WEB, logLevel: "warn", preview: { port: 0, host: "127.0.0.1" } });
  const port = (server.httpServer.address() as AddressInfo).port;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The wallet exists in this page only: its key, then the Wallet Standard registration.
  await context.addInitScript({ content: `window.__TRANCHE_TEST_WALLET__ = ${JSON.stringify(secret)};` });
  await context.addInitScript({ path: walletScript });
  page = await context.newPage();
  page.on("pageerror", (e) => console.log(`# page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") console.log(`# page console: ${m.text()}`); });
  const q = new URLSearchParams({ vault: net.info.vault, rpc: net.info.rpc });
  await page.goto(`http://127.0.0.1:${port}/?${q}`);
  log("page open");
});

after(async () => {
  await browser?.close();
  await server?.close();
  await net?.stop();
  log("done");
});

test("the page shows the three tranches and finds the test wallet", async () => {
  for (const t of ["senior", "mezzanine", "junior"]) await page.getByTestId(`tranche-${t}`).waitFor();
  const view = await chain();
  // NAV as the chain states it (after the week's accrual the localnet ran).
  for (const t of view.tranches) {
    const nav = await page.getByTestId(`tranche-${t.name}`).getByTestId("nav").innerText();
    assert.equal(nav.replace(" USDC", ""), formatAmount(t.nav), `${t.name} NAV`);
    const price = await page.getByTestId(`tranche-${t.name}`).getByTestId("price").innerText();
    assert.equal(price, t.pricePerToken.toFixed(6), `${t.name} price`);
    // The tranche token's own symbol, from its Token-2022 metadata.
    assert.ok(t.token.symbol.length > 0);
    assert.equal(await page.getByTestId(`tranche-${t.name}`).getByTestId("symbol").innerText(), t.token.symbol);
  }
  await page.getByRole("button", { name: /Connect Test Wallet/ }).click();
  await page.getByTestId("wallet-address").waitFor();
  assert.equal(await page.getByTestId("wallet-address").getAttribute("title"), holder.toBase58());
  await page.getByTestId("positions").waitFor();
  assert.equal(await page.getByTestId("quote-balance").innerText(), "100,000");
  await screenshot("connected");
});

test("deposit into junior: previewed, signed, and the page and the chain show the new balance", async () => {
  const before = await chain();
  const amount = 1_000n * USDC;
  const predicted = TrancheVaultClient.sharesFor(before.tranches[2], amount);
  await review("Deposit", "Junior", "1000");
  const panel = await page.getByTestId("review-panel").innerText();
  assert.match(panel, /Pay 1,000 USDC from your wallet into Junior/);
  assert.match(panel, /Simulated on the chain: accepted/);
  await signAndConfirm();
  const after = await chain();
  const minted = after.holder![2].balance - before.holder![2].balance;
  // Interest accrues first, which only raises the price: at most what the SDK predicted, within the slippage.
  assert.ok(minted > 0n && minted <= predicted && minted >= (predicted * 9_950n) / 10_000n, `minted ${minted}, predicted ${predicted}`);
  assert.equal(await pageBalance("junior", after.holder![2].balance), after.holder![2].balance, "the page shows the chain's balance");
  assert.equal(after.tranches[2].nav - before.tranches[2].nav >= amount - 1n, true, "junior NAV grew by the deposit");
  await screenshot("deposit-junior");
});

test("deposit into senior", async () => {
  const before = await chain();
  await review("Deposit", "Senior", "2500");
  await signAndConfirm();
  const after = await chain();
  assert.ok(after.holder![0].balance > before.holder![0].balance);
  assert.equal(await pageBalance("senior", after.holder![0].balance), after.holder![0].balance);
  await screenshot("deposit-senior");
});

test("a deposit over the cap is refused with the program's error, and nothing is signed", async () => {
  const signed = await page.evaluate(() => window.__TRANCHE_TEST_WALLET_SIGNED__ ?? 0);
  const before = await chain();
  const room = before.tranches[2].depositCap - before.tranches[2].nav;
  await review("Deposit", "Junior", (room / USDC + 1n).toString());
  const refusal = page.getByTestId("refusal");
  await refusal.waitFor();
  const text = await refusal.innerText();
  const err = IDL.errors.find((e) => e.name === "DepositCapExceeded")!;
  assert.ok(text.includes(err.msg) && text.includes("DepositCapExceeded") && text.includes(String(err.code)), text);
  // The same sentence the SDK gives for that code.
  assert.ok(text.includes(explainError({ logs: [`Program ${IDL.address} failed: custom program error: 0x${err.code.toString(16)}`] })!));
  assert.ok(await page.getByTestId("sign").isDisabled());
  assert.equal(await page.evaluate(() => window.__TRANCHE_TEST_WALLET_SIGNED__ ?? 0), signed, "the wallet signed nothing");
  assert.equal((await chain()).tranches[2].nav, before.tranches[2].nav);
  await screenshot("refused-over-cap");
});

/** Waits until the positions table shows `want` queued tokens of junior. */
async function pageQueued(want: string) {
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="position-junior"] [data-testid="queued"]')?.textContent === w,
    want,
    { timeout: 30_000 },
  );
}

test("request a redemption, cancel it: the tokens go into the queue and come back", async () => {
  const before = await chain();
  await review("Request redemption", "Junior", "500");
  assert.match(await page.getByTestId("review-panel").innerText(), /Queue 500 Junior tokens for redemption/);
  await signAndConfirm();
  let after = await chain();
  assert.equal(after.holder![2].requestedShares, 500n * USDC);
  assert.equal(after.tranches[2].queuedShares - before.tranches[2].queuedShares, 500n * USDC);
  assert.equal(await pageBalance("junior", after.holder![2].balance), before.holder![2].balance - 500n * USDC);
  await pageQueued("500");
  await review("Cancel request", "Junior", null);
  const done = await signAndConfirm();
  assert.match(done, /Junior: 500 unfilled tokens back to you/);
  after = await chain();
  assert.equal(after.holder![2].requestedShares, 0n);
  assert.equal(await pageBalance("junior", after.holder![2].balance), before.holder![2].balance);
  await pageQueued("0");
});

test("request a redemption for the epoch close", async () => {
  const before = await chain();
  await review("Request redemption", "Junior", "400");
  await signAndConfirm();
  const after = await chain();
  assert.equal(after.holder![2].requestedShares, 400n * USDC);
  assert.equal(await pageBalance("junior", after.holder![2].balance), before.holder![2].balance - 400n * USDC);
  await pageQueued("400");
  await screenshot("requested");
});

test("the epoch has ended: the page closes it, then the holder claims the fill", async () => {
  const before = await chain();
  assert.ok(before.nextEpochCloseTs < Date.now() / 1000, "the preloaded vault's epoch has ended");
  await review("Close epoch", null, null);
  const closed = await signAndConfirm();
  assert.match(closed, /Epoch \d+ closed/);
  // The page brings the request up to date with the close (the SDK settles it as the program does).
  const settled = (await chain()).holder![2];
  assert.equal(settled.queuedShares, 0n, "the whole request filled");
  assert.ok(settled.claimable > 0n);
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid="position-junior"] [data-testid="claimable"]')?.textContent === w,
    formatAmount(settled.claimable),
    { timeout: 30_000 },
  );
  const quoteBefore = await quote();
  await review("Claim", "Junior", null);
  const sim = await page.getByTestId("simulation").innerText();
  const simulated = /Junior: ([\d,.]+) USDC paid to you/.exec(sim);
  assert.ok(simulated, sim);
  await signAndConfirm();
  const paid = (await quote()) - quoteBefore;
  assert.equal(paid, cell(simulated[1]), "paid what the simulation said");
  assert.equal(paid, settled.claimable, "and what the view said was claimable");
  // 400 tokens at about the junior price (rounded down by the program).
  const price = before.tranches[2].pricePerToken;
  assert.ok(Number(paid) <= 400 * price * 1e6 * 1.0001 && Number(paid) >= 400 * price * 1e6 * 0.9999, `paid ${paid} at ${price}`);
  assert.equal((await chain()).holder![2].requestedShares, 0n, "the request is closed");
  await pageQueued("0");
  await screenshot("claimed");
});

test("the history, the price chart and the pool", async () => {
  const rows = page.getByTestId("history-row");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length >= 6, null, { timeout: 30_000 });
  const texts = await rows.allInnerTexts();
  const kinds = texts.map((r) => r.split("\t")[1]);
  assert.deepEqual(kinds, ["Claimed", "Redemption requested", "Request cancelled", "Redemption requested", "Deposit", "Deposit"], texts.join("\n"));
  for (const i of [0, 1, 2]) assert.ok(await page.getByTestId(`series-${i}`).count(), `series ${i} drawn`);
  // The three loans on 10 SOL at $100 (conf $0.05), at the chain's debt (scaled × the vault's borrow index):
  // health computed here independently, as the bot's validator test does.
  await page.getByText(/\d+ positions/).click();
  const healths = (await page.getByTestId("health").allInnerTexts()).map(Number).sort();
  const v = await client.program.account.vault.fetch(vault);
  const sf = (limbs: { toString(): string }[]) => Number(BigInt(limbs[0].toString()) + (BigInt(limbs[1].toString()) << 64n)) / 2 ** 60;
  const index = sf(v.borrowIndexSf.limbs);
  const debts: number[] = [];
  for (const k of net.info.positions) {
    const p = await client.program.account.position.fetch(new PublicKey(k));
    debts.push((Number(BigInt(p.scaledDebtSf.toString())) / 2 ** 60) * index / 1e6);
  }
  const h = (debt: number) => Math.floor(((10 * 99.95 * 0.8) / (debt * 1.0005)) * 10_000) / 10_000;
  assert.deepEqual(healths, debts.map(h).sort());
  assert.ok(debts[0] > 690 && debts[0] < 691, `the 690 USDC loan with some days of interest: ${debts[0]}`);
  const total = debts.reduce((a, b) => a + b, 0);
  assert.equal(await page.getByTestId("pool-debt").innerText(), `${total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} USDC`);
  await screenshot("history-chart-pool");
});

test("on a phone-sized screen the tranches stack and nothing overflows", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const boxes = await Promise.all(["senior", "mezzanine", "junior"].map((t) => page.getByTestId(`tranche-${t}`).boundingBox()));
  assert.ok(boxes.every((b) => b && b.width <= 390), "each card fits the width");
  assert.ok(boxes[0]!.y < boxes[1]!.y && boxes[1]!.y < boxes[2]!.y, "stacked");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot("phone");
});

async function quote(): Promise<bigint> {
  const b = await client.provider.connection.getTokenAccountBalance(new PublicKey(net.info.wallet_quote_account), "confirmed");
  return BigInt(b.value.amount);
}

function formatAmount(native: bigint): string {
  const w = (native / USDC).toLocaleString("en-US");
  const f = (native % USDC).toString().padStart(6, "0").slice(0, 2).replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
}

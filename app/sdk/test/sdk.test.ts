// The SDK against the program's SBF build in an in-process litesvm (`npm test`; `make test` runs it): a vault is
// created, two depositors deposit, request, cancel and claim through the SDK's builders, across an epoch close with
// the clock warped; the depositor's view is checked against the chain and against independent arithmetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { EventParser, Wallet } from "@anchor-lang/core";
import BN from "bn.js";
import {
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";
import {
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
  createAssociatedTokenAccountIdempotentInstruction,
  createInitializeMint2Instruction,
  createMintToInstruction,
  TOKEN_2022_PROGRAM_ID,
  getAccount,
  getAssociatedTokenAddressSync,
  getTokenMetadata,
} from "@solana/spl-token";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import {
  DEAD_SHARES,
  PROGRAM_ID,
  TRANCHE_TOKEN_PROGRAM,
  TrancheVaultClient,
  errorCode,
  explainError,
  pdas,
  seed,
} from "../src/index.js";
import { LiteSVMProvider } from "./litesvm-provider.js";

const SO = process.env.TRANCHE_SO ?? path.resolve("../../target/deploy/tranche_vault.so");
const USDC = 1_000_000n;
const START = 1_750_000_000n;
const PYTH_RECEIVER = new PublicKey("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");
const PYTH_PUSH_ORACLE = new PublicKey("pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT");
const TRANCHE_TOKENS = [
  { name: "Senior · USDC vault 0", symbol: "tvSR-0", uri: "https://example.com/tranche-vault/0/SR.json" },
  { name: "Mezzanine · USDC vault 0", symbol: "tvMZ-0", uri: "https://example.com/tranche-vault/0/MZ.json" },
  { name: "Junior · USDC vault 0", symbol: "tvJR-0", uri: "https://example.com/tranche-vault/0/JR.json" },
];

async function world() {
  const svm = new LiteSVM();
  svm.addProgramFromFile(address(PROGRAM_ID.toBase58()), SO);
  const clock = svm.getClock();
  clock.unixTimestamp = START;
  svm.setClock(clock);
  const payer = Keypair.generate();
  svm.airdrop(address(payer.publicKey.toBase58()), lamports(BigInt(100 * LAMPORTS_PER_SOL)));
  const provider = new LiteSVMProvider(svm, new Wallet(payer));
  const client = new TrancheVaultClient(provider);
  const send = (ixs: TransactionInstruction[], signers: Keypair[] = []) =>
    provider.sendAndConfirm(new Transaction().add(...ixs), signers);

  const mint = Keypair.generate();
  await send(
    [
      SystemProgram.createAccount({
        fromPubkey: payer.publicKey,
        newAccountPubkey: mint.publicKey,
        space: MINT_SIZE,
        programId: TOKEN_PROGRAM_ID,
        lamports: await provider.connection.getMinimumBalanceForRentExemption(MINT_SIZE),
      }),
      createInitializeMint2Instruction(mint.publicKey, 6, payer.publicKey, null, TOKEN_PROGRAM_ID),
    ],
    [mint],
  );
  const quoteMint = mint.publicKey;
  const feed = new Uint8Array(32).fill(0x51);
  const shard = Buffer.alloc(2);
  // The three tranches, then the vault, in one transaction; every PDA resolved by Anchor from the IDL's seeds.
  const tranches = await Promise.all(
    TRANCHE_TOKENS.map((metadata, tranche) =>
      client.program.methods
        .initializeTranche({ vaultId: new BN(0), tranche, metadata })
        .accounts({ payer: payer.publicKey, authority: payer.publicKey, quoteMint })
        .instruction(),
    ),
  );
  await client.program.methods
    .initializeVault({
      vaultId: new BN(0),
      guardian: null,
      params: {
        seniorTargetAprBps: 600,
        mezzanineTargetAprBps: 1_000,
        depositCaps: [new BN("10000000000000"), new BN("5000000000000"), new BN("2000000000000")],
        minJuniorBps: 1_000,
        minSubordinationBps: 2_500,
        protocolFeeBps: 1_000,
        maxUtilizationBps: 9_000,
        rateCurve: { baseRateBps: 100, slope1Bps: 900, slope2Bps: 15_000, optimalUtilizationBps: 8_000 },
        epochDurationSecs: 86_400,
        timelockDelaySecs: 172_800,
      },
      quoteOracle: {
        program: PYTH_RECEIVER,
        feedId: Array.from(feed),
        account: PublicKey.findProgramAddressSync([shard, feed], PYTH_PUSH_ORACLE)[0],
        maxAgeSecs: 60,
        maxConfBps: 100,
        kind: 0,
        pad: 0,
      },
    })
    .accounts({ payer: payer.publicKey, authority: payer.publicKey, quoteMint, tokenProgram: TOKEN_PROGRAM_ID })
    .preInstructions(tranches)
    .rpc();
  const vault = pdas.vault(payer.publicKey, quoteMint, 0);

  /** A depositor holding `amount` of quote in their associated account. */
  const depositor = async (amount: bigint) => {
    const k = Keypair.generate();
    svm.airdrop(address(k.publicKey.toBase58()), lamports(BigInt(LAMPORTS_PER_SOL)));
    const ata = getAssociatedTokenAddressSync(quoteMint, k.publicKey);
    await send([
      createAssociatedTokenAccountIdempotentInstruction(payer.publicKey, ata, k.publicKey, quoteMint),
      createMintToInstruction(quoteMint, ata, payer.publicKey, amount),
    ]);
    return { key: k, quote: ata };
  };
  const balance = async (account: PublicKey) => (await getAccount(provider.connection, account)).amount;
  return { svm, payer, provider, client, send, vault, quoteMint, depositor, balance };
}

test("the SDK's PDAs and view match the chain", async () => {
  const { client, vault, quoteMint, payer } = await world();
  const v = await client.program.account.vault.fetch(vault);
  assert.ok(v.quoteMint.equals(quoteMint), "the vault PDA derived from the IDL's SEED_VAULT is the vault");
  assert.ok(v.liquidity.equals(pdas.liquidity(vault)));
  for (const t of [0, 1, 2] as const) {
    assert.ok(v.tranches[t].mint.equals(pdas.trancheMint(vault, t)), `tranche ${t} mint`);
    assert.ok(v.tranches[t].escrow.equals(pdas.escrow(vault, t)), `tranche ${t} escrow`);
  }
  assert.deepEqual(seed("SEED_VAULT"), new TextEncoder().encode("vault"));
  const view = await client.view(vault, payer.publicKey);
  assert.deepEqual(
    view.tranches.map((t) => [t.name, t.nav, t.supply, t.pricePerToken, t.queuedShares]),
    [
      ["senior", 0n, 0n, 1, 0n],
      ["mezzanine", 0n, 0n, 1, 0n],
      ["junior", 0n, 0n, 1, 0n],
    ],
  );
  assert.equal(view.nextEpochCloseTs, Number(START) + 86_400);
  assert.equal(view.nowTs, Number(START), "the view reads the chain's clock");
  assert.deepEqual(view.tranches.map((t) => t.realizedAprBps), [0, 0, 0]);

  // Each tranche token is named on its mint: a wallet reads it with getTokenMetadata (Token-2022), and so does
  // the view.
  assert.ok(TRANCHE_TOKEN_PROGRAM.equals(TOKEN_2022_PROGRAM_ID));
  for (const t of view.tranches) {
    const wallet = await getTokenMetadata(client.provider.connection as never, t.mint, "confirmed", TOKEN_2022_PROGRAM_ID);
    assert.ok(wallet, `tranche ${t.name} has token metadata`);
    assert.deepEqual([wallet.name, wallet.symbol, wallet.uri], Object.values(TRANCHE_TOKENS[t.index]));
    assert.ok(wallet.mint.equals(t.mint));
    assert.ok(wallet.updateAuthority?.equals(vault), "the vault may rename it");
    assert.deepEqual(t.token, TRANCHE_TOKENS[t.index]);
  }
  assert.deepEqual(view.subordination, { juniorBps: 0, minJuniorBps: 1_000, juniorMezzanineBps: 0, minSubordinationBps: 2_500 });
});

test("deposit, request, cancel and claim through the SDK, across an epoch close", async () => {
  const { svm, payer, provider, client, send, vault, depositor, balance } = await world();
  const alice = await depositor(200_000n * USDC);
  const bob = await depositor(100_000n * USDC);

  // A first deposit below MIN_FIRST_DEPOSIT is refused, in a sentence.
  await assert.rejects(
    send(await client.depositInstructions(vault, alice.key.publicKey, 2, 9_999n), [alice.key]),
    (e: unknown) => {
      const s = explainError(e) ?? "";
      return s.includes("first deposit must be at least MIN_FIRST_DEPOSIT") && s.includes("FirstDepositTooSmall");
    },
  );
  // More than she holds: the token program's error, not the vault's.
  await assert.rejects(
    send(await client.depositInstructions(vault, alice.key.publicKey, 2, 300_000n * USDC), [alice.key]),
    (e: unknown) => errorCode(e) === undefined && explainError(e) === null,
  );
  await assert.rejects(client.depositInstructions(vault, alice.key.publicKey, 2, USDC, 10_001), RangeError);
  // Alice's first deposit: all but the dead shares; the DepositEvent says so.
  await send(await client.depositInstructions(vault, alice.key.publicKey, 2, 100_000n * USDC), [alice.key]);
  const events = [...new EventParser(client.program.programId, client.program.coder).parseLogs(provider.last.logs)];
  assert.equal(events[0]?.name, "depositEvent");
  let view = await client.view(vault, alice.key.publicKey);
  const aliceShares = 100_000n * USDC - DEAD_SHARES;
  assert.equal(view.holder![2].balance, aliceShares);
  assert.equal(view.tranches[2].nav, 100_000n * USDC);
  assert.equal(view.tranches[2].effectiveSupply, 100_000n * USDC);
  assert.equal(view.subordination.juniorBps, 10_000);

  // Bob's deposit mints exactly what the SDK predicts (⌊amount · supply / ⌈NAV⌉⌋), with min_shares 0.5 % below.
  const predicted = TrancheVaultClient.sharesFor(view.tranches[2], 30_000n * USDC);
  assert.equal(predicted, 30_000n * USDC);
  await send(await client.depositInstructions(vault, bob.key.publicKey, 2, 30_000n * USDC), [bob.key]);
  view = await client.view(vault, bob.key.publicKey);
  assert.equal(view.holder![2].balance, predicted);

  // Alice queues 10,000 shares; Bob queues 5,000 and takes them back.
  await send([await client.requestInstruction(vault, alice.key.publicKey, 2, 10_000n * USDC)], [alice.key]);
  await send([await client.requestInstruction(vault, bob.key.publicKey, 2, 5_000n * USDC)], [bob.key]);
  view = await client.view(vault, alice.key.publicKey);
  assert.equal(view.tranches[2].queuedShares, 15_000n * USDC);
  assert.equal(view.holder![2].requestedShares, 10_000n * USDC);
  assert.equal(view.holder![2].balance, aliceShares - 10_000n * USDC);
  await send(await client.cancelInstructions(vault, bob.key.publicKey, 2), [bob.key]);
  assert.equal((await client.view(vault, bob.key.publicKey)).holder![2].balance, predicted);

  // The epoch cannot close early; with the clock past its end, anyone closes it and Alice's request fills.
  await assert.rejects(
    send([await client.closeEpochInstruction(vault, payer.publicKey)]),
    (e: unknown) => (explainError(e) ?? "").includes("EpochNotEnded"),
  );
  const clock = svm.getClock();
  clock.unixTimestamp = BigInt(view.nextEpochCloseTs);
  svm.setClock(clock);
  await send([await client.closeEpochInstruction(vault, payer.publicKey)]);
  view = await client.view(vault, alice.key.publicKey);
  assert.equal(view.tranches[2].queuedShares, 0n);
  assert.equal(view.nextEpochCloseTs, Number(clock.unixTimestamp) + 86_400);
  // The view settles her request as the program will: all 10,000 shares filled, 10,000 USDC to claim.
  assert.deepEqual(
    [view.holder![2].requestedShares, view.holder![2].queuedShares, view.holder![2].filledShares, view.holder![2].claimable],
    [10_000n * USDC, 0n, 10_000n * USDC, 10_000n * USDC],
  );
  // No income yet: the price is still 1, so nothing realized, a day after creation.
  assert.equal(view.tranches[2].realizedAprBps, 0);

  // The claim pays the fill at the tranche's price (1 per share, no income yet), rounded down.
  const before = await balance(alice.quote);
  await send(await client.claimInstructions(vault, alice.key.publicKey, 2), [alice.key]);
  assert.equal((await balance(alice.quote)) - before, 10_000n * USDC);
  view = await client.view(vault, alice.key.publicKey);
  assert.equal(view.tranches[2].nav, 120_000n * USDC);
  assert.equal(view.holder![2].requestedShares, 0n, "the claimed request is closed");
});

test("the README's TypeScript snippet runs as written", async () => {
  const { provider, payer, vault, quoteMint, send } = await world();
  const readme = await readFile(path.resolve("../../README.md"), "utf8");
  const snippet = readme.split("## TypeScript")[1]?.match(/```ts\n([\s\S]*?)```/)?.[1];
  assert.ok(snippet, "the README's TypeScript section has a ts block");
  const [imports, ...body] = snippet.split("\n");
  const names = imports.match(/^import \{ (.*) \} from "@tranche-vault\/sdk";$/)?.[1].split(", ");
  assert.ok(names, `the snippet imports from @tranche-vault/sdk: ${imports}`);
  const sdk = (await import("../src/index.js")) as Record<string, unknown>;
  // The snippet's wallet is the provider's: fund it with 2,000 USDC of quote.
  const ata = getAssociatedTokenAddressSync(quoteMint, payer.publicKey);
  await send([
    createAssociatedTokenAccountIdempotentInstruction(payer.publicKey, ata, payer.publicKey, quoteMint),
    createMintToInstruction(quoteMint, ata, payer.publicKey, 2_000n * USDC),
  ]);
  const logged: unknown[][] = [];
  const errors: unknown[][] = [];
  const console = { log: (...a: unknown[]) => logged.push(a), error: (...a: unknown[]) => errors.push(a) };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  const run = new AsyncFunction(...names, "provider", "creator", "usdcMint", "wallet", "Transaction", "console", body.join("\n"));
  await run(...names.map((n) => sdk[n]), provider, payer.publicKey, quoteMint, provider.wallet, Transaction, console);
  assert.deepEqual(errors, [], "the deposit went through");
  assert.deepEqual(logged[0]?.[0], ["tvSR-0 1", "tvMZ-0 1", "tvJR-0 1"]);
  const shares = getAssociatedTokenAddressSync(pdas.trancheMint(vault, 2), payer.publicKey, true, TOKEN_2022_PROGRAM_ID);
  const account = await getAccount(provider.connection as never, shares, "confirmed", TOKEN_2022_PROGRAM_ID);
  assert.equal(account.amount, 1_000n * USDC - DEAD_SHARES, "junior tokens in the wallet");
});

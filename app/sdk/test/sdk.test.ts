// The SDK against the program's SBF build in an in-process litesvm (`npm test`; `make test` runs it): a vault is
// created, two depositors deposit, request, cancel and claim through the SDK's builders, across an epoch close with
// the clock warped; the depositor's view is checked against the chain and against independent arithmetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
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
  getAccount,
  getAssociatedTokenAddressSync,
} from "@solana/spl-token";
import { address, lamports } from "@solana/kit";
import { LiteSVM } from "litesvm";
import { DEAD_SHARES, PROGRAM_ID, TrancheVaultClient, errorCode, explainError, pdas, seed } from "../src/index.js";
import { LiteSVMProvider } from "./litesvm-provider.js";

const SO = process.env.TRANCHE_SO ?? path.resolve("../../target/deploy/tranche_vault.so");
const USDC = 1_000_000n;
const START = 1_750_000_000n;
const PYTH_RECEIVER = new PublicKey("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");
const PYTH_PUSH_ORACLE = new PublicKey("pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT");

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
  await send([await client.cancelInstruction(vault, bob.key.publicKey, 2)], [bob.key]);
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

  // The claim pays the fill at the tranche's price (1 per share, no income yet), rounded down.
  const before = await balance(alice.quote);
  await send([await client.claimInstruction(vault, alice.key.publicKey, 2)], [alice.key]);
  assert.equal((await balance(alice.quote)) - before, 10_000n * USDC);
  view = await client.view(vault, alice.key.publicKey);
  assert.equal(view.tranches[2].nav, 120_000n * USDC);
  assert.equal(view.holder![2].requestedShares, 0n, "the claimed request is closed");
});

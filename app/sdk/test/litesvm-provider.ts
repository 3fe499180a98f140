// An @anchor-lang/core Provider that sends through an in-process litesvm (1.x, kit-based): the SDK's tests run the
// program's SBF build in it. No package does this for Anchor 1.x (`anchor-litesvm` is built on @coral-xyz/anchor
// 0.31, `anchor-bankrun` on 0.30).
import { utils, type Provider, type Wallet } from "@anchor-lang/core";
import {
  AccountInfo,
  Commitment,
  ConfirmOptions,
  Connection,
  PublicKey,
  SendTransactionError,
  Signer,
  Transaction,
  TransactionSignature,
  VersionedTransaction,
} from "@solana/web3.js";
import { address, getTransactionDecoder } from "@solana/kit";
import { FailedTransactionMetadata, LiteSVM, TransactionMetadata } from "litesvm";

const txDecoder = getTransactionDecoder();
const bs58 = utils.bytes.bs58;

/** The result of the last transaction, for logs and compute units. */
export interface SentTx {
  signature: string;
  logs: string[];
  computeUnits: bigint;
  error?: string;
}

/** The part of web3.js `Connection` that @anchor-lang/core and @solana/spl-token's readers call. */
export class LiteSVMConnection {
  readonly commitment: Commitment = "confirmed";
  constructor(readonly svm: LiteSVM) {}

  private info(pk: PublicKey): AccountInfo<Buffer> | null {
    const a = this.svm.getAccount(address(pk.toBase58()));
    if (!a.exists) return null;
    return {
      data: Buffer.from(a.data),
      executable: a.executable,
      lamports: Number(a.lamports),
      owner: new PublicKey(a.programAddress),
      rentEpoch: 0,
    };
  }
  private ctx() {
    return { slot: Number(this.svm.getClock().slot) };
  }
  async getAccountInfo(pk: PublicKey, _c?: unknown) {
    return this.info(pk);
  }
  async getAccountInfoAndContext(pk: PublicKey, _c?: unknown) {
    return { context: this.ctx(), value: this.info(pk) };
  }
  async getMultipleAccountsInfo(pks: PublicKey[], _c?: unknown) {
    return pks.map((pk) => this.info(pk));
  }
  async getMultipleAccountsInfoAndContext(pks: PublicKey[], _c?: unknown) {
    return { context: this.ctx(), value: pks.map((pk) => this.info(pk)) };
  }
  async getBalance(pk: PublicKey) {
    return Number(this.svm.getBalance(address(pk.toBase58())) ?? 0n);
  }
  async getLatestBlockhash(_c?: unknown) {
    return { blockhash: this.svm.latestBlockhash() as string, lastValidBlockHeight: Number.MAX_SAFE_INTEGER };
  }
  async getMinimumBalanceForRentExemption(len: number) {
    return Number(this.svm.minimumBalanceForRentExemption(BigInt(len)));
  }
  async getSlot() {
    return Number(this.svm.getClock().slot);
  }
}

export class LiteSVMProvider implements Provider {
  readonly connection: Connection;
  readonly publicKey: PublicKey;
  /** Every transaction sent, most recent last (logs and compute units). */
  readonly history: SentTx[] = [];

  constructor(readonly svm: LiteSVM, readonly wallet: Wallet) {
    // Duck-typed: only the methods above are ever called by Program / the account namespace / spl-token readers.
    this.connection = new LiteSVMConnection(svm) as unknown as Connection;
    this.publicKey = wallet.publicKey;
  }

  get last(): SentTx {
    return this.history[this.history.length - 1];
  }

  private async prepare(tx: Transaction | VersionedTransaction, signers: Signer[] = []) {
    if (tx instanceof VersionedTransaction) {
      if (signers.length) tx.sign(signers);
    } else {
      tx.feePayer = tx.feePayer ?? this.wallet.publicKey;
      tx.recentBlockhash = this.svm.latestBlockhash();
      for (const s of signers) tx.partialSign(s);
    }
    return this.wallet.signTransaction(tx);
  }

  async sendAndConfirm(
    tx: Transaction | VersionedTransaction,
    signers?: Signer[],
    _opts?: ConfirmOptions,
  ): Promise<TransactionSignature> {
    const signed = await this.prepare(tx, signers);
    const raw = signed.serialize();
    const res = this.svm.sendTransaction(txDecoder.decode(raw));
    // A new blockhash after every transaction, so that an identical later transaction is not "already processed".
    this.svm.expireBlockhash();
    const meta: TransactionMetadata = res instanceof FailedTransactionMetadata ? res.meta() : res;
    const signature = bs58.encode(meta.signature());
    const sent: SentTx = { signature, logs: meta.logs(), computeUnits: meta.computeUnitsConsumed() };
    if (res instanceof FailedTransactionMetadata) {
      sent.error = res.err().toString();
      this.history.push(sent);
      // `.rpc()` hands this to translateError, which parses the Anchor error out of `logs`.
      throw new SendTransactionError({
        action: "send",
        signature,
        transactionMessage: sent.error,
        logs: sent.logs,
      });
    }
    this.history.push(sent);
    return signature;
  }

  async send(tx: Transaction | VersionedTransaction, signers?: Signer[], opts?: ConfirmOptions) {
    return this.sendAndConfirm(tx, signers, opts);
  }

  async sendAll<T extends Transaction | VersionedTransaction>(
    txs: { tx: T; signers?: Signer[] }[],
    opts?: ConfirmOptions,
  ): Promise<TransactionSignature[]> {
    const out: TransactionSignature[] = [];
    for (const { tx, signers } of txs) out.push(await this.sendAndConfirm(tx, signers, opts));
    return out;
  }

  async simulate(tx: Transaction | VersionedTransaction, signers?: Signer[]) {
    const signed = await this.prepare(tx, signers);
    const res = this.svm.simulateTransaction(txDecoder.decode(signed.serialize()));
    if (res instanceof FailedTransactionMetadata) {
      throw new SendTransactionError({
        action: "simulate",
        signature: "",
        transactionMessage: res.err().toString(),
        logs: res.meta().logs(),
      });
    }
    const meta = res.meta();
    const rd = meta.returnData();
    return {
      logs: meta.logs(),
      unitsConsumed: Number(meta.computeUnitsConsumed()),
      accounts: null,
      returnData: rd.data().length
        ? { programId: new PublicKey(rd.programId()).toBase58(), data: [Buffer.from(rd.data()).toString("base64"), "base64"] as [string, "base64"] }
        : null,
    };
  }
}

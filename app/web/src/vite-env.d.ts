/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TRANCHE_RPC?: string;
  readonly VITE_TRANCHE_VAULT?: string;
}

// Generated from idl/tranche_vault.json by app/sdk/tools/gen-idl.mjs (`npm run idl`); do not edit.
// `make test` fails when it is stale.

/** The program's IDL, as `new Program(IDL, provider)` takes it. */
export const IDL = {
  "address": "2NxJT25oJMyKEffDVmfqcq66JevUshgtav3MXj5fyTBr",
  "metadata": {
    "name": "tranche_vault",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Tranched lending vaults: senior / mezzanine / junior tranches over an over-collateralized, Pyth-priced loan book"
  },
  "instructions": [
    {
      "name": "accept_authority",
      "docs": [
        "Second step: the pending authority accepts."
      ],
      "discriminator": [
        107,
        86,
        198,
        91,
        33,
        12,
        107,
        160
      ],
      "accounts": [
        {
          "name": "new_authority",
          "docs": [
            "The pending authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "accrue",
      "docs": [
        "Permissionless refresh: accrue interest and split it through the income waterfall."
      ],
      "discriminator": [
        23,
        76,
        128,
        149,
        229,
        247,
        72,
        228
      ],
      "accounts": [
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "add_collateral_asset",
      "docs": [
        "List a collateral mint with its oracle and risk parameters, disabled with cap 0 (authority); the timelock",
        "enables it."
      ],
      "discriminator": [
        234,
        244,
        84,
        94,
        7,
        49,
        94,
        14
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the asset and its custody."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's governance authority (may be a multisig PDA signing by CPI)."
          ],
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault"
        },
        {
          "name": "mint"
        },
        {
          "name": "asset",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  108,
                  108,
                  97,
                  116,
                  101,
                  114,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "custody",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  117,
                  115,
                  116,
                  111,
                  100,
                  121
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "token_program"
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "CollateralParams"
            }
          }
        }
      ]
    },
    {
      "name": "borrow",
      "docs": [
        "Borrow quote against a position's collateral, within max LTV and the utilization cap."
      ],
      "discriminator": [
        228,
        253,
        131,
        202,
        207,
        116,
        89,
        18
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quote_mint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "owner_quote",
          "docs": [
            "Receives the loan; any account of the quote mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "quote_oracle"
        },
        {
          "name": "token_program"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "cancel_config",
      "docs": [
        "Withdraw a pending proposal (authority)."
      ],
      "discriminator": [
        91,
        124,
        207,
        75,
        179,
        108,
        227,
        13
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "writable": true
        },
        {
          "name": "rent_payer",
          "writable": true,
          "relations": [
            "proposal"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "cancel_redeem",
      "docs": [
        "Take back the unfilled shares of a redemption request."
      ],
      "discriminator": [
        111,
        76,
        232,
        50,
        39,
        175,
        48,
        242
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "The request's owner; receives the request's rent if it closes."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "tranche_mint"
        },
        {
          "name": "escrow",
          "writable": true
        },
        {
          "name": "owner_shares",
          "docs": [
            "Receives the unfilled shares; any account of the tranche mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "request",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "tranche_token_program",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "CancelRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "claim_redeem",
      "docs": [
        "Receive the quote for the filled part of a redemption request."
      ],
      "discriminator": [
        125,
        14,
        137,
        237,
        160,
        63,
        225,
        226
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "The request's owner; receives the request's rent if it closes."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "quote_mint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "owner_quote",
          "docs": [
            "Receives the payout; any account of the quote mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "request",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "generation_record",
          "docs": [
            "Needed only when the request's generation has ended: that generation's record."
          ],
          "optional": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  103,
                  101,
                  110,
                  101,
                  114,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              },
              {
                "kind": "account",
                "path": "request.generation",
                "account": "RedemptionRequest"
              }
            ]
          }
        },
        {
          "name": "token_program"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "ClaimRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "close_epoch",
      "docs": [
        "Permissionless after the epoch ends: fill queued redemptions senior first, pro rata, in O(1)."
      ],
      "discriminator": [
        13,
        87,
        7,
        133,
        109,
        14,
        83,
        25
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Anyone; pays the rent of a generation record when a fill ends a generation."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "senior_mint",
          "writable": true
        },
        {
          "name": "mezzanine_mint",
          "writable": true
        },
        {
          "name": "junior_mint",
          "writable": true
        },
        {
          "name": "senior_escrow",
          "writable": true
        },
        {
          "name": "mezzanine_escrow",
          "writable": true
        },
        {
          "name": "junior_escrow",
          "writable": true
        },
        {
          "name": "senior_generation",
          "docs": [
            "(`pda::generation(vault, Senior, generation)`); created and checked only if this close ends it."
          ],
          "writable": true
        },
        {
          "name": "mezzanine_generation",
          "writable": true
        },
        {
          "name": "junior_generation",
          "writable": true
        },
        {
          "name": "tranche_token_program",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "deposit",
      "docs": [
        "Buy tranche tokens: accrue, check caps, pause, subordination and the first-deposit rules, mint shares."
      ],
      "discriminator": [
        242,
        35,
        198,
        137,
        82,
        225,
        242,
        182
      ],
      "accounts": [
        {
          "name": "depositor",
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "tranche_mint",
          "writable": true
        },
        {
          "name": "quote_mint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "depositor_quote",
          "docs": [
            "The depositor's quote account (the depositor is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "depositor_shares",
          "docs": [
            "Receives the tranche tokens; any account of the tranche mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "token_program",
          "docs": [
            "The quote mint's token program."
          ]
        },
        {
          "name": "tranche_token_program",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "DepositArgs"
            }
          }
        }
      ]
    },
    {
      "name": "deposit_collateral",
      "docs": [
        "Add collateral to a position."
      ],
      "discriminator": [
        156,
        131,
        142,
        116,
        146,
        247,
        162,
        120
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "custody",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "owner_tokens",
          "docs": [
            "The owner's tokens (the owner is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "token_program",
          "relations": [
            "asset"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "execute_config",
      "docs": [
        "Apply a proposal once its ETA has passed (anyone)."
      ],
      "discriminator": [
        189,
        36,
        99,
        231,
        117,
        10,
        8,
        134
      ],
      "accounts": [
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "writable": true
        },
        {
          "name": "rent_payer",
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset a collateral change is about (omit otherwise)."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "initialize_tranche",
      "docs": [
        "Before its vault: create one tranche's mint (Token-2022, named) and redemption escrow."
      ],
      "discriminator": [
        129,
        162,
        50,
        217,
        235,
        134,
        123,
        252
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the mint and the escrow."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's creator (in its seeds), so nobody else can create the tranches of a vault of theirs."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "docs": [
            "its seeds, as the new mint's authority."
          ],
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              },
              {
                "kind": "account",
                "path": "quote_mint"
              },
              {
                "kind": "arg",
                "path": "args.vault_id"
              }
            ]
          }
        },
        {
          "name": "quote_mint",
          "docs": [
            "The vault's quote mint (in its seeds): the tranche mint takes its decimals. `initialize_vault` checks it",
            "against its token program and its extensions."
          ]
        },
        {
          "name": "tranche_mint",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "escrow",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "tranche_token_program",
          "docs": [
            "Token-2022: the tranche mints' and escrows' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "InitializeTrancheArgs"
            }
          }
        }
      ]
    },
    {
      "name": "initialize_vault",
      "docs": [
        "Create a vault, once its three tranches exist: its state PDA and the quote-asset liquidity account."
      ],
      "discriminator": [
        48,
        191,
        163,
        44,
        71,
        129,
        63,
        164
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the vault and its liquidity account."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "First governance authority, and the creator in the vault seeds. May be a multisig PDA signing by CPI."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              },
              {
                "kind": "account",
                "path": "quote_mint"
              },
              {
                "kind": "arg",
                "path": "args.vault_id"
              }
            ]
          }
        },
        {
          "name": "quote_mint"
        },
        {
          "name": "liquidity",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  108,
                  105,
                  113,
                  117,
                  105,
                  100,
                  105,
                  116,
                  121
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              }
            ]
          }
        },
        {
          "name": "senior_mint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  0
                ]
              }
            ]
          }
        },
        {
          "name": "mezzanine_mint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  1
                ]
              }
            ]
          }
        },
        {
          "name": "junior_mint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  2
                ]
              }
            ]
          }
        },
        {
          "name": "senior_escrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  0
                ]
              }
            ]
          }
        },
        {
          "name": "mezzanine_escrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  1
                ]
              }
            ]
          }
        },
        {
          "name": "junior_escrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  2
                ]
              }
            ]
          }
        },
        {
          "name": "token_program",
          "docs": [
            "The quote mint's token program (SPL Token or Token-2022); it owns the liquidity account."
          ]
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "InitializeVaultArgs"
            }
          }
        }
      ]
    },
    {
      "name": "liquidate",
      "docs": [
        "Permissionless below health 1: repay debt for collateral at a bonus; bad debt goes through the waterfall."
      ],
      "discriminator": [
        223,
        179,
        226,
        125,
        48,
        46,
        39,
        74
      ],
      "accounts": [
        {
          "name": "liquidator",
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position",
            "seize_asset"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quote_mint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidator_quote",
          "docs": [
            "Pays the repayment (the liquidator is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "seize_asset",
          "docs": [
            "The collateral asset to seize; one of the position's entries."
          ],
          "writable": true
        },
        {
          "name": "seize_custody",
          "writable": true
        },
        {
          "name": "seize_mint"
        },
        {
          "name": "liquidator_collateral",
          "docs": [
            "Receives the seized collateral; any account of its mint that the vault does not own (not the custody)."
          ],
          "writable": true
        },
        {
          "name": "quote_oracle"
        },
        {
          "name": "quote_token_program"
        },
        {
          "name": "collateral_token_program"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "LiquidateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "lower_cap",
      "docs": [
        "Lower a deposit cap at once (guardian or authority)."
      ],
      "discriminator": [
        50,
        19,
        61,
        24,
        3,
        55,
        10,
        39
      ],
      "accounts": [
        {
          "name": "signer",
          "docs": [
            "The guardian or the authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset, for `CapTarget::Collateral`."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": [
        {
          "name": "target",
          "type": {
            "defined": {
              "name": "CapTarget"
            }
          }
        },
        {
          "name": "cap",
          "type": "u64"
        }
      ]
    },
    {
      "name": "open_position",
      "docs": [
        "Open an empty borrower position."
      ],
      "discriminator": [
        135,
        128,
        47,
        77,
        15,
        152,
        240,
        49
      ],
      "accounts": [
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "owner",
          "signer": true
        },
        {
          "name": "vault"
        },
        {
          "name": "position",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  115,
                  105,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "position_id"
              }
            ]
          }
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "position_id",
          "type": "u64"
        }
      ]
    },
    {
      "name": "propose_authority",
      "docs": [
        "First step of an authority transfer (authority)."
      ],
      "discriminator": [
        20,
        148,
        236,
        198,
        76,
        119,
        99,
        142
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "new_authority",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "propose_config",
      "docs": [
        "Propose a timelocked parameter change (authority)."
      ],
      "discriminator": [
        163,
        247,
        238,
        160,
        236,
        129,
        153,
        160
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays the proposal's rent, refunded when it closes."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's authority (typically a multisig PDA signing by CPI)."
          ],
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "proposal",
          "docs": [
            "`proposal_id` must be the vault's `next_proposal_id`: an argument, so that clients derive the address from",
            "the IDL's seeds."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  112,
                  111,
                  115,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "proposal_id"
              }
            ]
          }
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset a collateral change is about (omit otherwise)."
          ],
          "optional": true
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "proposal_id",
          "type": "u64"
        },
        {
          "name": "change",
          "type": {
            "defined": {
              "name": "ConfigChange"
            }
          }
        }
      ]
    },
    {
      "name": "repay",
      "docs": [
        "Repay a position's debt; never blocked."
      ],
      "discriminator": [
        234,
        103,
        67,
        82,
        208,
        234,
        219,
        166
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays the quote (the position's owner or anyone else)."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quote_mint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "payer_quote",
          "writable": true
        },
        {
          "name": "token_program"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "request_redeem",
      "docs": [
        "Escrow tranche tokens into the epoch redemption queue."
      ],
      "discriminator": [
        105,
        49,
        44,
        38,
        207,
        241,
        33,
        173
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Holder of the shares; pays the request account's rent (returned when it closes)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "tranche_mint"
        },
        {
          "name": "escrow",
          "writable": true
        },
        {
          "name": "owner_shares",
          "docs": [
            "The owner's tranche tokens (the owner is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "request",
          "docs": [
            "(`cpi::create_program_account`, which a pre-funded address cannot block)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "tranche_token_program",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "RequestRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "set_pause",
      "docs": [
        "Set the pause flags: guardian or authority may pause, only the authority unpauses."
      ],
      "discriminator": [
        63,
        32,
        154,
        2,
        56,
        103,
        79,
        45
      ],
      "accounts": [
        {
          "name": "signer",
          "docs": [
            "The guardian or the authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "flags",
          "type": "u32"
        }
      ]
    },
    {
      "name": "update_tranche_metadata",
      "docs": [
        "Rename a tranche token: its name, symbol and URI on the mint (authority; not timelocked)."
      ],
      "discriminator": [
        89,
        114,
        32,
        94,
        96,
        60,
        54,
        48
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "payer",
          "docs": [
            "Pays the rent of a longer metadata."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault"
        },
        {
          "name": "tranche_mint",
          "writable": true
        },
        {
          "name": "tranche_token_program",
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "system_program",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "UpdateTrancheMetadataArgs"
            }
          }
        }
      ]
    },
    {
      "name": "withdraw_collateral",
      "docs": [
        "Take collateral out of a position; with debt, it must stay within max LTV."
      ],
      "discriminator": [
        115,
        135,
        168,
        106,
        139,
        214,
        138,
        150
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position",
            "asset"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "custody",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "owner_tokens",
          "docs": [
            "Receives the collateral; any account of the mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "quote_oracle"
        },
        {
          "name": "token_program",
          "relations": [
            "asset"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "CollateralAsset",
      "discriminator": [
        254,
        180,
        112,
        90,
        72,
        6,
        245,
        149
      ]
    },
    {
      "name": "GenerationRecord",
      "discriminator": [
        219,
        170,
        229,
        184,
        183,
        16,
        42,
        127
      ]
    },
    {
      "name": "Position",
      "discriminator": [
        170,
        188,
        143,
        228,
        122,
        64,
        247,
        208
      ]
    },
    {
      "name": "Proposal",
      "discriminator": [
        26,
        94,
        189,
        187,
        116,
        136,
        53,
        33
      ]
    },
    {
      "name": "RedemptionRequest",
      "discriminator": [
        117,
        157,
        214,
        214,
        64,
        160,
        31,
        58
      ]
    },
    {
      "name": "Vault",
      "discriminator": [
        211,
        8,
        232,
        43,
        2,
        152,
        117,
        119
      ]
    }
  ],
  "events": [
    {
      "name": "AuthorityAcceptedEvent",
      "discriminator": [
        170,
        231,
        141,
        243,
        134,
        202,
        206,
        124
      ]
    },
    {
      "name": "AuthorityProposedEvent",
      "discriminator": [
        221,
        27,
        73,
        198,
        252,
        169,
        231,
        224
      ]
    },
    {
      "name": "BorrowedEvent",
      "discriminator": [
        46,
        5,
        1,
        138,
        156,
        135,
        208,
        158
      ]
    },
    {
      "name": "CapLoweredEvent",
      "discriminator": [
        250,
        192,
        232,
        133,
        121,
        20,
        117,
        168
      ]
    },
    {
      "name": "CollateralAssetAddedEvent",
      "discriminator": [
        31,
        62,
        46,
        187,
        190,
        83,
        235,
        201
      ]
    },
    {
      "name": "CollateralDepositedEvent",
      "discriminator": [
        76,
        214,
        14,
        34,
        152,
        143,
        196,
        5
      ]
    },
    {
      "name": "CollateralWithdrawnEvent",
      "discriminator": [
        213,
        133,
        147,
        44,
        32,
        59,
        29,
        112
      ]
    },
    {
      "name": "ConfigCancelledEvent",
      "discriminator": [
        131,
        189,
        218,
        146,
        59,
        31,
        223,
        211
      ]
    },
    {
      "name": "ConfigExecutedEvent",
      "discriminator": [
        130,
        191,
        86,
        95,
        27,
        117,
        84,
        170
      ]
    },
    {
      "name": "ConfigProposedEvent",
      "discriminator": [
        171,
        127,
        34,
        7,
        117,
        143,
        13,
        55
      ]
    },
    {
      "name": "DepositEvent",
      "discriminator": [
        120,
        248,
        61,
        83,
        31,
        142,
        107,
        144
      ]
    },
    {
      "name": "EpochClosedEvent",
      "discriminator": [
        251,
        137,
        115,
        56,
        29,
        45,
        19,
        87
      ]
    },
    {
      "name": "InterestAccruedEvent",
      "discriminator": [
        120,
        237,
        172,
        213,
        236,
        141,
        136,
        123
      ]
    },
    {
      "name": "PauseChangedEvent",
      "discriminator": [
        128,
        117,
        138,
        46,
        101,
        209,
        137,
        171
      ]
    },
    {
      "name": "PositionLiquidatedEvent",
      "discriminator": [
        70,
        153,
        226,
        254,
        176,
        139,
        225,
        72
      ]
    },
    {
      "name": "PositionOpenedEvent",
      "discriminator": [
        163,
        1,
        92,
        149,
        138,
        188,
        177,
        23
      ]
    },
    {
      "name": "RedemptionCancelledEvent",
      "discriminator": [
        90,
        44,
        227,
        138,
        227,
        113,
        115,
        128
      ]
    },
    {
      "name": "RedemptionClaimedEvent",
      "discriminator": [
        46,
        51,
        0,
        47,
        64,
        143,
        52,
        166
      ]
    },
    {
      "name": "RedemptionRequestedEvent",
      "discriminator": [
        202,
        47,
        51,
        231,
        221,
        144,
        164,
        57
      ]
    },
    {
      "name": "RepaidEvent",
      "discriminator": [
        145,
        120,
        77,
        46,
        93,
        201,
        30,
        67
      ]
    },
    {
      "name": "TrancheInitializedEvent",
      "discriminator": [
        179,
        143,
        249,
        170,
        65,
        65,
        82,
        236
      ]
    },
    {
      "name": "TrancheMetadataUpdatedEvent",
      "discriminator": [
        90,
        212,
        160,
        169,
        155,
        174,
        152,
        2
      ]
    },
    {
      "name": "VaultInitializedEvent",
      "discriminator": [
        203,
        214,
        91,
        5,
        185,
        248,
        192,
        149
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "TargetAprTooHigh",
      "msg": "Senior or mezzanine target APR is above MAX_TARGET_APR_BPS"
    },
    {
      "code": 6001,
      "name": "InvalidSubordination",
      "msg": "min_junior_bps must not exceed min_subordination_bps, which must be below 10,000 bps"
    },
    {
      "code": 6002,
      "name": "ProtocolFeeTooHigh",
      "msg": "Protocol fee is above MAX_PROTOCOL_FEE_BPS"
    },
    {
      "code": 6003,
      "name": "InvalidOptimalUtilization",
      "msg": "Optimal utilization must be between 1 and 9,999 bps"
    },
    {
      "code": 6004,
      "name": "BorrowRateTooHigh",
      "msg": "Borrow rate at full utilization (base + slope1 + slope2) is above MAX_BORROW_RATE_BPS"
    },
    {
      "code": 6005,
      "name": "InvalidMaxUtilization",
      "msg": "Max utilization must be between 1 and 10,000 bps"
    },
    {
      "code": 6006,
      "name": "InvalidEpochDuration",
      "msg": "Epoch duration is outside [MIN_EPOCH_SECS, MAX_EPOCH_SECS]"
    },
    {
      "code": 6007,
      "name": "TimelockTooLong",
      "msg": "Timelock delay is above MAX_TIMELOCK_SECS"
    },
    {
      "code": 6008,
      "name": "QuoteDecimalsTooLarge",
      "msg": "Quote mint decimals are above MAX_QUOTE_DECIMALS"
    },
    {
      "code": 6009,
      "name": "UnsupportedMintExtension",
      "msg": "Quote mint carries a Token-2022 extension the vault does not support (transfer fee, hook, delegate, ...)"
    },
    {
      "code": 6010,
      "name": "WrongQuoteMintProgram",
      "msg": "Quote mint is not owned by the given token program"
    },
    {
      "code": 6011,
      "name": "GuardianIsAuthority",
      "msg": "Guardian must differ from the authority"
    },
    {
      "code": 6012,
      "name": "WrongVaultVersion",
      "msg": "Vault account layout version is not the one this program reads"
    },
    {
      "code": 6013,
      "name": "InvariantViolated",
      "msg": "Vault state breaks an invariant"
    },
    {
      "code": 6014,
      "name": "VaultAlreadyInitialized",
      "msg": "A vault already exists at this address"
    },
    {
      "code": 6015,
      "name": "VaultAccountTooSmall",
      "msg": "Vault account data is smaller than the vault layout, or misaligned"
    },
    {
      "code": 6016,
      "name": "MathOverflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6017,
      "name": "DivisionByZero",
      "msg": "Division by zero"
    },
    {
      "code": 6018,
      "name": "LossExceedsClaims",
      "msg": "A loss is larger than every tranche's NAV and the accrued fees together"
    },
    {
      "code": 6019,
      "name": "JuniorSubordinationBreached",
      "msg": "After this, junior NAV would be below min_junior_bps of total NAV"
    },
    {
      "code": 6020,
      "name": "SubordinationBreached",
      "msg": "After this, junior + mezzanine NAV would be below min_subordination_bps of total NAV"
    },
    {
      "code": 6021,
      "name": "TrancheWipedOut",
      "msg": "The tranche was wiped out (NAV 0 with holders): it takes no deposits until it recovers"
    },
    {
      "code": 6022,
      "name": "InvalidQueueFill",
      "msg": "Queue fill is outside 1..=queued shares, or a request snapshot is inconsistent"
    },
    {
      "code": 6023,
      "name": "GenerationRecordRequired",
      "msg": "The request is from an ended generation: pass that generation's record"
    },
    {
      "code": 6024,
      "name": "ZeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6025,
      "name": "DepositsPaused",
      "msg": "Deposits are paused"
    },
    {
      "code": 6026,
      "name": "RedemptionRequestsPaused",
      "msg": "Redemption requests are paused"
    },
    {
      "code": 6027,
      "name": "DepositCapExceeded",
      "msg": "Deposit would take the tranche's NAV above its deposit cap"
    },
    {
      "code": 6028,
      "name": "FirstDepositTooSmall",
      "msg": "A tranche's first deposit must be at least MIN_FIRST_DEPOSIT native units"
    },
    {
      "code": 6029,
      "name": "DepositTooSmall",
      "msg": "Deposit is too small to mint a single share"
    },
    {
      "code": 6030,
      "name": "SlippageExceeded",
      "msg": "Fewer shares than min_shares would be minted"
    },
    {
      "code": 6031,
      "name": "WrongTrancheMint",
      "msg": "Account is not this vault's tranche mint for the given tranche"
    },
    {
      "code": 6032,
      "name": "WrongEscrow",
      "msg": "Account is not this vault's redemption escrow for the given tranche"
    },
    {
      "code": 6033,
      "name": "WrongLiquidity",
      "msg": "Account is not this vault's liquidity account"
    },
    {
      "code": 6034,
      "name": "WrongQuoteMint",
      "msg": "Account is not this vault's quote mint"
    },
    {
      "code": 6035,
      "name": "WrongTokenProgram",
      "msg": "Token program is not the vault's quote token program"
    },
    {
      "code": 6036,
      "name": "WrongTokenMint",
      "msg": "Token account has the wrong mint"
    },
    {
      "code": 6037,
      "name": "WrongRedemptionRequest",
      "msg": "Redemption request belongs to another vault, owner or tranche"
    },
    {
      "code": 6038,
      "name": "WrongGenerationRecord",
      "msg": "Generation record belongs to another vault, tranche or generation"
    },
    {
      "code": 6039,
      "name": "NothingToCancel",
      "msg": "The request has no queued shares to cancel"
    },
    {
      "code": 6040,
      "name": "NothingToClaim",
      "msg": "The request has no filled payout to claim"
    },
    {
      "code": 6041,
      "name": "EpochNotEnded",
      "msg": "The current epoch has not ended yet"
    },
    {
      "code": 6042,
      "name": "RedemptionNotSettled",
      "msg": "The request must be settled with claim_redeem (its generation ended) before it changes"
    },
    {
      "code": 6043,
      "name": "BalanceMismatch",
      "msg": "Token balance after the transfer does not match the vault's books"
    },
    {
      "code": 6044,
      "name": "InsufficientLiquidity",
      "msg": "Amount exceeds free liquidity (liquidity less reserved payouts, and for a borrow less what the redemption queue is owed)"
    },
    {
      "code": 6045,
      "name": "AmountExceedsDebt",
      "msg": "Amount exceeds the vault's outstanding debt"
    },
    {
      "code": 6046,
      "name": "OracleKindUnknown",
      "msg": "Oracle kind is not one this program reads"
    },
    {
      "code": 6047,
      "name": "OracleWrongOwner",
      "msg": "Oracle account is not owned by the configured oracle program"
    },
    {
      "code": 6048,
      "name": "OracleWrongAccount",
      "msg": "Oracle account is not the configured price account"
    },
    {
      "code": 6049,
      "name": "OracleWrongAccountSize",
      "msg": "Oracle account has the wrong size for its kind"
    },
    {
      "code": 6050,
      "name": "OracleInvalidAccountData",
      "msg": "Oracle account data is not a price of the configured kind (discriminator, magic, version or type)"
    },
    {
      "code": 6051,
      "name": "OracleFeedIdMismatch",
      "msg": "Price update is for another feed than the one pinned in the asset's config"
    },
    {
      "code": 6052,
      "name": "OracleNotFullyVerified",
      "msg": "Price update is not fully verified (verification level Partial)"
    },
    {
      "code": 6053,
      "name": "OracleNotTrading",
      "msg": "Legacy price account status is not Trading"
    },
    {
      "code": 6054,
      "name": "OracleStale",
      "msg": "Price is older than the asset's max age"
    },
    {
      "code": 6055,
      "name": "OracleNonPositivePrice",
      "msg": "Price is zero or negative"
    },
    {
      "code": 6056,
      "name": "OracleConfidenceTooWide",
      "msg": "Price confidence interval is wider than the asset's max_conf_bps"
    },
    {
      "code": 6057,
      "name": "OracleExponentOutOfRange",
      "msg": "Price exponent is outside -18..=12"
    },
    {
      "code": 6058,
      "name": "InvalidOracleMaxAge",
      "msg": "Oracle max age must be between 1 and MAX_ORACLE_AGE_SECS"
    },
    {
      "code": 6059,
      "name": "InvalidOracleMaxConf",
      "msg": "Oracle max confidence must be between 1 and MAX_ORACLE_CONF_BPS"
    },
    {
      "code": 6060,
      "name": "InvalidMaxLtv",
      "msg": "Collateral max LTV must be above 0 and below the liquidation threshold"
    },
    {
      "code": 6061,
      "name": "InvalidLiquidationThreshold",
      "msg": "Liquidation threshold must be below 10,000 bps and leave room for the bonus"
    },
    {
      "code": 6062,
      "name": "LiquidationBonusTooHigh",
      "msg": "Liquidation bonus is above MAX_LIQUIDATION_BONUS_BPS"
    },
    {
      "code": 6063,
      "name": "CollateralDecimalsTooLarge",
      "msg": "Collateral mint decimals are above MAX_COLLATERAL_DECIMALS"
    },
    {
      "code": 6064,
      "name": "NotAuthority",
      "msg": "Signer is not the vault's authority"
    },
    {
      "code": 6065,
      "name": "CollateralFromAnotherVault",
      "msg": "Collateral asset belongs to another vault"
    },
    {
      "code": 6066,
      "name": "CollateralDisabled",
      "msg": "Collateral asset is disabled for deposits"
    },
    {
      "code": 6067,
      "name": "CollateralCapExceeded",
      "msg": "Deposit would take the asset above its deposit cap"
    },
    {
      "code": 6068,
      "name": "PositionFull",
      "msg": "The position already holds MAX_COLLATERAL_ENTRIES different assets"
    },
    {
      "code": 6069,
      "name": "InsufficientCollateral",
      "msg": "The position holds less of this asset than asked"
    },
    {
      "code": 6070,
      "name": "WrongCollateralAccounts",
      "msg": "Remaining accounts must be (collateral asset, oracle) for each of the position's entries, in order"
    },
    {
      "code": 6071,
      "name": "LtvExceeded",
      "msg": "After this, the position's debt would exceed its borrowing power (max LTV)"
    },
    {
      "code": 6072,
      "name": "BorrowsPaused",
      "msg": "Borrowing is paused"
    },
    {
      "code": 6073,
      "name": "UtilizationCapExceeded",
      "msg": "After this borrow, utilization would exceed max_utilization_bps"
    },
    {
      "code": 6074,
      "name": "RepayExceedsDebt",
      "msg": "Repay amount exceeds the position's debt"
    },
    {
      "code": 6075,
      "name": "PositionHealthy",
      "msg": "The position is healthy (health >= 1): it cannot be liquidated"
    },
    {
      "code": 6076,
      "name": "SeizeAssetNotInPosition",
      "msg": "The asset to seize is not among the position's collateral"
    },
    {
      "code": 6077,
      "name": "WrongPosition",
      "msg": "Position belongs to another vault or owner"
    },
    {
      "code": 6078,
      "name": "WrongCustody",
      "msg": "Custody account is not the asset's custody"
    },
    {
      "code": 6079,
      "name": "NotGuardianOrAuthority",
      "msg": "Signer is neither the vault's guardian nor its authority"
    },
    {
      "code": 6080,
      "name": "UnpauseNeedsAuthority",
      "msg": "Only the authority may unpause"
    },
    {
      "code": 6081,
      "name": "InvalidPauseFlags",
      "msg": "Pause flags contain unknown bits"
    },
    {
      "code": 6082,
      "name": "CapNotLowered",
      "msg": "The new cap is not lower than the current one: raising a cap goes through the timelock"
    },
    {
      "code": 6083,
      "name": "NotPendingAuthority",
      "msg": "Signer is not the pending authority"
    },
    {
      "code": 6084,
      "name": "NoPendingAuthority",
      "msg": "There is no pending authority transfer"
    },
    {
      "code": 6085,
      "name": "TimelockNotElapsed",
      "msg": "The proposal's ETA has not passed yet"
    },
    {
      "code": 6086,
      "name": "ChangeNeedsAsset",
      "msg": "This change needs its collateral asset account, of this vault"
    },
    {
      "code": 6087,
      "name": "JuniorHasNoTarget",
      "msg": "A target APR applies to senior and mezzanine only"
    },
    {
      "code": 6088,
      "name": "WrongProposal",
      "msg": "Proposal belongs to another vault, or the rent receiver is not its payer"
    },
    {
      "code": 6089,
      "name": "OracleProgramNotAllowed",
      "msg": "Oracle setting names an owner program that is not a known Pyth program (ALLOWED_ORACLE_PROGRAMS)"
    },
    {
      "code": 6090,
      "name": "OracleAccountNotPinned",
      "msg": "Oracle setting pins no price account (account is the default key)"
    },
    {
      "code": 6091,
      "name": "NewAssetNotDisabled",
      "msg": "A new collateral asset is listed disabled with deposit cap 0: enabling it goes through the timelock"
    },
    {
      "code": 6092,
      "name": "TimelockShorterThanEpoch",
      "msg": "Timelock delay is shorter than the epoch: a request filed when a proposal appears could not be filled before it executes"
    },
    {
      "code": 6093,
      "name": "RedemptionsPausedSinceProposal",
      "msg": "This change loosens risk: it cannot execute while redemption requests are paused, or after they were paused since it was proposed"
    },
    {
      "code": 6094,
      "name": "NoEpochClosedSinceProposal",
      "msg": "This change loosens risk: it waits for an epoch close at least one epoch after it was proposed (filling the requests filed meanwhile)"
    },
    {
      "code": 6095,
      "name": "ProposalExpired",
      "msg": "The proposal's execution window (PROPOSAL_EXECUTION_WINDOW_SECS after its ETA) has passed"
    },
    {
      "code": 6096,
      "name": "ProposalVoided",
      "msg": "The proposal was made before the authority changed: it is void"
    },
    {
      "code": 6097,
      "name": "VaultOwnedTokenAccount",
      "msg": "A token account of the caller's is owned by the vault (its liquidity, a custody or an escrow)"
    },
    {
      "code": 6098,
      "name": "DebtCeilingReached",
      "msg": "After this borrow, the vault's total debt would exceed MAX_BORROW_DEBT_NATIVE"
    },
    {
      "code": 6099,
      "name": "AccountAlreadyExists",
      "msg": "The account already exists: a position id, a proposal id or a collateral asset is created once"
    },
    {
      "code": 6100,
      "name": "InvalidTranche",
      "msg": "A tranche index must be 0 (senior), 1 (mezzanine) or 2 (junior)"
    },
    {
      "code": 6101,
      "name": "WrongProposalId",
      "msg": "The proposal id is not the vault's next proposal id (another proposal was made first)"
    },
    {
      "code": 6102,
      "name": "WrongTrancheTokenProgram",
      "msg": "The tranche token program must be Token-2022 (TRANCHE_TOKEN_PROGRAM)"
    },
    {
      "code": 6103,
      "name": "TokenNameInvalid",
      "msg": "A tranche token name must be 1 to MAX_TOKEN_NAME_LEN (32) bytes with no control, invisible or bidirectional-control characters"
    },
    {
      "code": 6104,
      "name": "TokenSymbolInvalid",
      "msg": "A tranche token symbol must be 1 to MAX_TOKEN_SYMBOL_LEN (10) printable ASCII characters, no spaces"
    },
    {
      "code": 6105,
      "name": "TokenUriInvalid",
      "msg": "A tranche token URI must be at most MAX_TOKEN_URI_LEN (200) printable ASCII characters, no spaces"
    },
    {
      "code": 6106,
      "name": "TrancheNotInitialized",
      "msg": "A tranche's mint or escrow does not exist yet: initialize_tranche creates each of the three before initialize_vault"
    },
    {
      "code": 6107,
      "name": "TrancheAlreadyInitialized",
      "msg": "This tranche's mint or escrow already exists: initialize_tranche creates each tranche once"
    }
  ],
  "types": [
    {
      "name": "AuthorityAcceptedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "old_authority",
            "type": "pubkey"
          },
          {
            "name": "new_authority",
            "type": "pubkey"
          },
          {
            "name": "first_valid_proposal_id",
            "docs": [
              "Every pending proposal with a smaller id is now void."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "AuthorityProposedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "pending_authority",
            "docs": [
              "`Pubkey::default()` when a pending transfer is withdrawn."
            ],
            "type": "pubkey"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "BorrowedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote lent, native units."
            ],
            "type": "u64"
          },
          {
            "name": "debt_after",
            "docs": [
              "The position's debt afterwards, native quote units, rounded up."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "CancelRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "CapLoweredEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "by",
            "type": "pubkey"
          },
          {
            "name": "target",
            "type": {
              "defined": {
                "name": "CapTarget"
              }
            }
          },
          {
            "name": "asset",
            "docs": [
              "The collateral asset for a collateral cap, `Pubkey::default()` otherwise."
            ],
            "type": "pubkey"
          },
          {
            "name": "old_cap",
            "docs": [
              "Caps before and after: native quote units of NAV (tranche) or native units of the mint (collateral)."
            ],
            "type": "u64"
          },
          {
            "name": "new_cap",
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "CapTarget",
      "docs": [
        "Which cap."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "Tranche",
            "fields": [
              {
                "defined": {
                  "name": "Tranche"
                }
              }
            ]
          },
          {
            "name": "Collateral"
          }
        ]
      }
    },
    {
      "name": "ClaimRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "CollateralAsset",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "token_program",
            "docs": [
              "SPL Token or Token-2022: owner of the mint and the custody."
            ],
            "type": "pubkey"
          },
          {
            "name": "custody",
            "docs": [
              "Token account (PDA `[SEED_CUSTODY, vault, mint]`, authority = vault) that holds the deposits."
            ],
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "custody_bump",
            "type": "u8"
          },
          {
            "name": "oracle",
            "type": {
              "defined": {
                "name": "OracleSetting"
              }
            }
          },
          {
            "name": "max_ltv_bps",
            "type": "u16"
          },
          {
            "name": "liquidation_threshold_bps",
            "type": "u16"
          },
          {
            "name": "liquidation_bonus_bps",
            "type": "u16"
          },
          {
            "name": "deposit_cap",
            "type": "u64"
          },
          {
            "name": "enabled",
            "type": "bool"
          },
          {
            "name": "total_deposits",
            "docs": [
              "Native units held across all positions (what the custody holds on the books)."
            ],
            "type": "u64"
          },
          {
            "name": "_reserved",
            "type": {
              "array": [
                "u64",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "CollateralAssetAddedEvent",
      "docs": [
        "A collateral asset whitelisted by the authority."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "custody",
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "params",
            "docs": [
              "Oracle and risk parameters (bps; deposit cap in native units of the mint)."
            ],
            "type": {
              "defined": {
                "name": "CollateralParams"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "CollateralDepositedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "position_amount",
            "docs": [
              "The position's holding of the asset afterwards, native units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "CollateralEntry",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "asset",
            "docs": [
              "The `CollateralAsset` account; `Pubkey::default()` for an empty slot."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "CollateralParams",
      "docs": [
        "The risk parameters of a collateral asset, as `add_collateral_asset` takes them and governance will change",
        "them. [`CollateralParams::validate`] is their one bounds check."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "oracle",
            "type": {
              "defined": {
                "name": "OracleSetting"
              }
            }
          },
          {
            "name": "max_ltv_bps",
            "docs": [
              "Borrowing power per unit of value, bps."
            ],
            "type": "u16"
          },
          {
            "name": "liquidation_threshold_bps",
            "docs": [
              "Liquidation power per unit of value, bps; above max LTV."
            ],
            "type": "u16"
          },
          {
            "name": "liquidation_bonus_bps",
            "docs": [
              "Extra collateral a liquidator receives, bps of the repaid value."
            ],
            "type": "u16"
          },
          {
            "name": "deposit_cap",
            "docs": [
              "Most native units the vault holds of this asset across positions."
            ],
            "type": "u64"
          },
          {
            "name": "enabled",
            "docs": [
              "Deposits allowed (withdrawals, repayments and liquidations never depend on it)."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "CollateralWithdrawnEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "position_amount",
            "docs": [
              "The position's holding of the asset afterwards, native units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "ConfigCancelledEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposal_id",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "ConfigChange"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "ConfigChange",
      "docs": [
        "One parameter change. Every change goes through `propose_config` → (delay) → `execute_config`; the",
        "risk-reducing ones (pause, lower caps) also have immediate instructions for the guardian."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "TargetApr",
            "fields": [
              {
                "name": "tranche",
                "type": {
                  "defined": {
                    "name": "Tranche"
                  }
                }
              },
              {
                "name": "target_apr_bps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "DepositCap",
            "fields": [
              {
                "name": "tranche",
                "type": {
                  "defined": {
                    "name": "Tranche"
                  }
                }
              },
              {
                "name": "cap",
                "type": "u64"
              }
            ]
          },
          {
            "name": "Subordination",
            "fields": [
              {
                "name": "min_junior_bps",
                "type": "u16"
              },
              {
                "name": "min_subordination_bps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "RateCurve",
            "fields": [
              {
                "name": "curve",
                "type": {
                  "defined": {
                    "name": "RateCurve"
                  }
                }
              }
            ]
          },
          {
            "name": "ProtocolFee",
            "fields": [
              {
                "name": "protocol_fee_bps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "EpochDuration",
            "fields": [
              {
                "name": "epoch_duration_secs",
                "type": "u32"
              }
            ]
          },
          {
            "name": "MaxUtilization",
            "fields": [
              {
                "name": "max_utilization_bps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "TimelockDelay",
            "fields": [
              {
                "name": "timelock_delay_secs",
                "type": "u32"
              }
            ]
          },
          {
            "name": "Guardian",
            "fields": [
              {
                "name": "guardian",
                "type": {
                  "option": "pubkey"
                }
              }
            ]
          },
          {
            "name": "Collateral",
            "fields": [
              {
                "name": "asset",
                "type": "pubkey"
              },
              {
                "name": "params",
                "type": {
                  "defined": {
                    "name": "CollateralParams"
                  }
                }
              }
            ]
          },
          {
            "name": "QuoteOracle",
            "fields": [
              {
                "name": "oracle",
                "type": {
                  "defined": {
                    "name": "OracleSetting"
                  }
                }
              }
            ]
          }
        ]
      }
    },
    {
      "name": "ConfigChangeSpace",
      "docs": [
        "[`ConfigChange`] with its size for `InitSpace` (the largest variant: a collateral change)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "defined": {
              "name": "ConfigChange"
            }
          }
        ]
      }
    },
    {
      "name": "ConfigExecutedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposal_id",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "ConfigChange"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "ConfigProposedEvent",
      "docs": [
        "A timelocked change proposed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposal_id",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "ConfigChange"
              }
            }
          },
          {
            "name": "eta",
            "docs": [
              "Unix seconds from which `execute_config` may apply it."
            ],
            "type": "i64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "DepositArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "type": {
              "defined": {
                "name": "Tranche"
              }
            }
          },
          {
            "name": "amount",
            "docs": [
              "Quote to pay in, native units."
            ],
            "type": "u64"
          },
          {
            "name": "min_shares",
            "docs": [
              "Refuse the deposit if fewer tranche tokens would be minted (slippage guard), native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "DepositEvent",
      "docs": [
        "A deposit into a tranche."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "depositor",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote paid in, native units."
            ],
            "type": "u64"
          },
          {
            "name": "shares",
            "docs": [
              "Tranche tokens minted, native units."
            ],
            "type": "u64"
          },
          {
            "name": "dead_shares",
            "docs": [
              "Dead shares locked by this deposit (first deposit only), native units."
            ],
            "type": "u64"
          },
          {
            "name": "nav_after_sf",
            "docs": [
              "Tranche NAV after the deposit (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "supply_after",
            "docs": [
              "Tranche token supply after the deposit, native units (dead shares excluded)."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "EpochClosedEvent",
      "docs": [
        "An epoch closed: queued redemptions filled senior first, pro rata within each tranche."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "epoch_index",
            "docs": [
              "The epoch that closed; the next one is `epoch_index + 1`."
            ],
            "type": "u64"
          },
          {
            "name": "fills",
            "docs": [
              "Senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "TrancheFill"
                  }
                },
                3
              ]
            }
          },
          {
            "name": "free_liquidity_before",
            "docs": [
              "Free liquidity before the fills, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "reserved_payout_after_sf",
            "docs": [
              "Total payouts reserved after the fills (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds; also the start of the next epoch."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "GenerationRecord",
      "docs": [
        "The final queue accumulators of one tranche's ended generation: PDA",
        "`[SEED_GENERATION, vault, [tranche], generation u64 LE]`, written once by `close_epoch`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "generation",
            "type": "u64"
          },
          {
            "name": "epoch_index",
            "docs": [
              "Epoch whose close ended the generation."
            ],
            "type": "u64"
          },
          {
            "name": "p_end_sf",
            "docs": [
              "Final `p` (0 when the last fill emptied the queue) and `s`, fixed point raw bits."
            ],
            "type": "u128"
          },
          {
            "name": "s_end_sf",
            "type": "u128"
          }
        ]
      }
    },
    {
      "name": "InitializeTrancheArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault_id",
            "docs": [
              "The id the vault will be created with (`InitializeVaultArgs::vault_id`, in its PDA seeds)."
            ],
            "type": "u64"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "docs": [
              "The tranche token's name, symbol and URI (`TokenMetadataArgs` bounds; the authority may change them later",
              "with `update_tranche_metadata`)."
            ],
            "type": {
              "defined": {
                "name": "TokenMetadataArgs"
              }
            }
          }
        ]
      }
    },
    {
      "name": "InitializeVaultArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault_id",
            "docs": [
              "Creator-chosen id, so one creator can run several vaults on the same quote mint."
            ],
            "type": "u64"
          },
          {
            "name": "guardian",
            "docs": [
              "Optional guardian: may only pause and tighten."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "VaultParams"
              }
            }
          },
          {
            "name": "quote_oracle",
            "docs": [
              "The quote asset's oracle (debt is valued at its high side)."
            ],
            "type": {
              "defined": {
                "name": "OracleSetting"
              }
            }
          }
        ]
      }
    },
    {
      "name": "InterestAccruedEvent",
      "docs": [
        "Interest accrued and split through the income waterfall. Amounts are native quote units as fixed point",
        "(`_sf`: raw bits of a U68F60, divide by 2^60); tranche arrays are senior, mezzanine, junior."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "dt_secs",
            "docs": [
              "Seconds since the previous accrual."
            ],
            "type": "u64"
          },
          {
            "name": "utilization_sf",
            "docs": [
              "Utilization before the accrual, a fraction (fixed point)."
            ],
            "type": "u128"
          },
          {
            "name": "borrow_rate_sf",
            "docs": [
              "Annual borrow rate applied, a fraction per year (fixed point)."
            ],
            "type": "u128"
          },
          {
            "name": "borrow_index_sf",
            "docs": [
              "Borrow index after the accrual (fixed point, 1.0 at creation)."
            ],
            "type": "u128"
          },
          {
            "name": "income_sf",
            "docs": [
              "Interest income: growth of the debt (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "fee_sf",
            "docs": [
              "Protocol fee taken off the top (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "to_tranche_sf",
            "docs": [
              "NAV added to each tranche, recoveries included (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "recovered_sf",
            "docs": [
              "Part of `to_tranche_sf` that restored a write-down (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "nav_after_sf",
            "docs": [
              "Tranche NAVs after the accrual (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "LiquidateArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "max_repay",
            "docs": [
              "Most quote the liquidator will repay, native units (clamped to the close factor)."
            ],
            "type": "u64"
          },
          {
            "name": "min_seize",
            "docs": [
              "Refuse if less collateral than this would be received (the bot's slippage guard), native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "OracleSetting",
      "docs": [
        "An oracle as accounts store it and instructions take it: `kind` is 0 for a Pyth pull `PriceUpdateV2` and 1",
        "for a legacy Pyth v2 account. Both pin the price account's address; a pull setting also pins the feed id."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "program",
            "docs": [
              "The program that must own the price account, one of [`ALLOWED_ORACLE_PROGRAMS`]: the Pyth Receiver, or a",
              "legacy oracle program."
            ],
            "type": "pubkey"
          },
          {
            "name": "feed_id",
            "docs": [
              "Pull: the feed id every update must carry. Legacy: unused (zero)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "account",
            "docs": [
              "The only account the price is read from. Pull: by default Pyth's sponsored feed account of the feed",
              "([`pyth_push_feed_account`], shard 0)."
            ],
            "type": "pubkey"
          },
          {
            "name": "max_age_secs",
            "docs": [
              "Oldest accepted publish time, seconds (1..=MAX_ORACLE_AGE_SECS)."
            ],
            "type": "u32"
          },
          {
            "name": "max_conf_bps",
            "docs": [
              "Widest accepted confidence, bps of the price (1..=MAX_ORACLE_CONF_BPS)."
            ],
            "type": "u16"
          },
          {
            "name": "kind",
            "type": "u8"
          },
          {
            "name": "_pad",
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "PauseChangedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "by",
            "docs": [
              "The guardian or the authority."
            ],
            "type": "pubkey"
          },
          {
            "name": "old_flags",
            "docs": [
              "Pause flags before and after (bits: 1 deposits, 2 borrows, 4 redemption requests)."
            ],
            "type": "u32"
          },
          {
            "name": "new_flags",
            "type": "u32"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "PodSf",
      "docs": [
        "An [`Sf`] stored in a zero-copy account: two little-endian u64 limbs, 8-byte aligned on every target",
        "(a `u128` field is 16-aligned on x86-64 but 8-aligned on SBF, so it would change the layout)."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "limbs",
            "type": {
              "array": [
                "u64",
                2
              ]
            }
          }
        ]
      }
    },
    {
      "name": "Position",
      "docs": [
        "PDA `[SEED_POSITION, vault, owner, position_id u64 LE]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "position_id",
            "type": "u64"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "entries",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "CollateralEntry"
                  }
                },
                8
              ]
            }
          },
          {
            "name": "scaled_debt_sf",
            "docs": [
              "Debt divided by the borrow index (fixed point raw bits): debt = scaled · index, rounded up."
            ],
            "type": "u128"
          },
          {
            "name": "_reserved",
            "type": {
              "array": [
                "u64",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "PositionLiquidatedEvent",
      "docs": [
        "A liquidation, with any bad debt it wrote off through the loss waterfall."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "liquidator",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "docs": [
              "The collateral asset seized."
            ],
            "type": "pubkey"
          },
          {
            "name": "health_bps_before",
            "docs": [
              "Health before, bps of 1.0 (liquidation power / debt value)."
            ],
            "type": "u64"
          },
          {
            "name": "repaid",
            "docs": [
              "Quote repaid by the liquidator, native units."
            ],
            "type": "u64"
          },
          {
            "name": "seized",
            "docs": [
              "Collateral received by the liquidator, native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "bad_debt_sf",
            "docs": [
              "Debt written off because no collateral was left (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "written_down_sf",
            "docs": [
              "Written down from each tranche, senior, mezzanine, junior (fixed point, native quote units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "fees_written_down_sf",
            "docs": [
              "Written down from accrued protocol fees (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "nav_after_sf",
            "docs": [
              "Tranche NAVs afterwards (fixed point, native quote units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "PositionOpenedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "position_id",
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "Proposal",
      "docs": [
        "A pending change: PDA `[SEED_PROPOSAL, vault, proposal_id u64 LE]`, closed (rent to `rent_payer`) when it is",
        "executed or cancelled."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal_id",
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The authority that proposed it."
            ],
            "type": "pubkey"
          },
          {
            "name": "rent_payer",
            "docs": [
              "Paid the rent; receives it back when the proposal closes."
            ],
            "type": "pubkey"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "ConfigChangeSpace"
              }
            }
          },
          {
            "name": "eta",
            "docs": [
              "Unix seconds: proposal time + the timelock delay at proposal time."
            ],
            "type": "i64"
          },
          {
            "name": "created_ts",
            "type": "i64"
          },
          {
            "name": "bump",
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "RateCurve",
      "docs": [
        "Kinked borrow-rate curve, in bps per year: `base` at 0 % utilization, `base + slope1` at the optimal",
        "utilization, `base + slope1 + slope2` at 100 %."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "base_rate_bps",
            "type": "u32"
          },
          {
            "name": "slope1_bps",
            "type": "u32"
          },
          {
            "name": "slope2_bps",
            "type": "u32"
          },
          {
            "name": "optimal_utilization_bps",
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "RedemptionCancelledEvent",
      "docs": [
        "Unfilled shares returned from the queue."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares returned to the owner, native units."
            ],
            "type": "u64"
          },
          {
            "name": "tranche_queued_shares",
            "docs": [
              "The tranche's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "claimable",
            "docs": [
              "Filled payout still claimable by the owner, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "RedemptionClaimedEvent",
      "docs": [
        "A filled payout paid to the request owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote paid, native units."
            ],
            "type": "u64"
          },
          {
            "name": "remaining_shares",
            "docs": [
              "Shares still queued for the owner, native units."
            ],
            "type": "u64"
          },
          {
            "name": "closed",
            "docs": [
              "Whether the request account was closed (nothing queued, nothing left to claim)."
            ],
            "type": "bool"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "RedemptionRequest",
      "docs": [
        "One holder's redemption request in one tranche: PDA `[SEED_REDEMPTION, vault, owner, [tranche]]`. Adding to",
        "it first settles what was filled, so a holder has one request per tranche. Closed (rent back to the owner)",
        "once it has nothing queued and nothing to claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "Tranche index: 0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "shares",
            "docs": [
              "Shares queued as of the snapshot below (tranche token native units)."
            ],
            "type": "u64"
          },
          {
            "name": "p_sf",
            "docs": [
              "Queue accumulators `p` and `s` when the request last changed (fixed point, 2^-60, raw bits)."
            ],
            "type": "u128"
          },
          {
            "name": "s_sf",
            "type": "u128"
          },
          {
            "name": "generation",
            "docs": [
              "Queue generation of the snapshot."
            ],
            "type": "u64"
          },
          {
            "name": "claimable_native",
            "docs": [
              "Payout settled and not yet paid, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "updated_ts",
            "docs": [
              "Unix seconds of the last change."
            ],
            "type": "i64"
          },
          {
            "name": "_reserved",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          }
        ]
      }
    },
    {
      "name": "RedemptionRequestedEvent",
      "docs": [
        "Shares escrowed into the redemption queue."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares added to the queue by this request, native units."
            ],
            "type": "u64"
          },
          {
            "name": "request_shares",
            "docs": [
              "The owner's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "tranche_queued_shares",
            "docs": [
              "The tranche's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "epoch_index",
            "docs": [
              "Epoch the shares will first be considered in."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "RepaidEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote repaid, native units."
            ],
            "type": "u64"
          },
          {
            "name": "debt_after",
            "docs": [
              "The position's debt afterwards, native quote units, rounded up."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "RequestRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          },
          {
            "name": "shares",
            "docs": [
              "Tranche tokens to queue, native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "TokenMetadataArgs",
      "docs": [
        "What a wallet shows of a tranche token: the Token-2022 token-metadata fields of its mint."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "name",
            "docs": [
              "At most `MAX_TOKEN_NAME_LEN` bytes of UTF-8, no control, invisible or bidirectional-control characters; for",
              "example \"Senior · USDC vault 1\"."
            ],
            "type": "string"
          },
          {
            "name": "symbol",
            "docs": [
              "At most `MAX_TOKEN_SYMBOL_LEN` printable ASCII characters, no spaces; for example \"tvSR-1\"."
            ],
            "type": "string"
          },
          {
            "name": "uri",
            "docs": [
              "At most `MAX_TOKEN_URI_LEN` printable ASCII characters, no spaces (may be empty): the token's JSON",
              "(name, symbol, image), as wallets read it. One transaction of the three `initialize_tranche` and",
              "`initialize_vault` holds about 260 bytes of the three tranches' fields together; the largest take a",
              "transaction each (`initialize_vault::a_creation_fits_one_transaction_and_the_largest_fields_one_each`)."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "Tranche",
      "docs": [
        "The three tranches, by their index in [`Vault::tranches`] and in the tranche-mint PDA seeds."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "Senior"
          },
          {
            "name": "Mezzanine"
          },
          {
            "name": "Junior"
          }
        ]
      }
    },
    {
      "name": "TrancheFill",
      "docs": [
        "One tranche's fill in an epoch close."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued_before",
            "docs": [
              "Shares queued before the fill, native units."
            ],
            "type": "u64"
          },
          {
            "name": "filled",
            "docs": [
              "Shares filled (and burned), native units."
            ],
            "type": "u64"
          },
          {
            "name": "payout_sf",
            "docs": [
              "Payout reserved for the filled shares (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "subordination_cap_sf",
            "docs": [
              "Most NAV the subordination limits let this tranche's redemptions take (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "nav_after_sf",
            "docs": [
              "Tranche NAV after the fill (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "generation_after",
            "docs": [
              "Queue generation after the fill (it advances when the fill empties the queue)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "TrancheInitializedEvent",
      "docs": [
        "`initialize_tranche`: a tranche mint and its redemption escrow, created before their vault."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "docs": [
              "The vault's address (not created yet: `initialize_vault` follows)."
            ],
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "escrow",
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "docs": [
              "The quote mint's, copied."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "docs": [
              "The mint's name, symbol and URI (its token metadata)."
            ],
            "type": {
              "defined": {
                "name": "TokenMetadataArgs"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "TrancheMetadataUpdatedEvent",
      "docs": [
        "`update_tranche_metadata`: a tranche mint's name, symbol and URI, as they now are."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "metadata",
            "type": {
              "defined": {
                "name": "TokenMetadataArgs"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "TrancheState",
      "docs": [
        "Per-tranche state inside the vault."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "escrow",
            "docs": [
              "Token account (PDA, owned by the vault) that holds this tranche's queued redemption shares."
            ],
            "type": "pubkey"
          },
          {
            "name": "deposit_cap",
            "docs": [
              "Deposit cap, in native quote units of NAV."
            ],
            "type": "u64"
          },
          {
            "name": "target_apr_bps",
            "docs": [
              "Target APR, in bps (unused for junior, which takes the residual)."
            ],
            "type": "u16"
          },
          {
            "name": "mint_bump",
            "type": "u8"
          },
          {
            "name": "escrow_bump",
            "type": "u8"
          },
          {
            "name": "_pad",
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "nav_sf",
            "docs": [
              "Net asset value, native quote units (fixed point, 2^-60)."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "written_down_sf",
            "docs": [
              "Losses written down and not yet restored, native quote units (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "dead_shares",
            "docs": [
              "Shares locked by the first deposit ([`DEAD_SHARES`], or 0 before it). Effective supply = mint supply",
              "+ dead shares."
            ],
            "type": "u64"
          },
          {
            "name": "queued_shares",
            "docs": [
              "Shares escrowed in the redemption queue and not yet filled (tranche token native units)."
            ],
            "type": "u64"
          },
          {
            "name": "supply",
            "docs": [
              "Tranche tokens outstanding as of the vault's last mint or burn (`deposit`, `close_epoch`, which set it from",
              "the mint), so that `borrow` can value the queue without the mint. A holder burning their own tokens makes",
              "it an overestimate until the next deposit or close (which only makes the queue look smaller)."
            ],
            "type": "u64"
          },
          {
            "name": "queue_p_sf",
            "docs": [
              "Queue accumulators of the current generation (see `math::queue`): Π unfilled fraction, and Σ p · payout",
              "per queued share (native quote units per share), both fixed point."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "queue_s_sf",
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "queue_generation",
            "type": "u64"
          },
          {
            "name": "_reserved",
            "type": {
              "array": [
                "u64",
                7
              ]
            }
          }
        ]
      }
    },
    {
      "name": "UpdateTrancheMetadataArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "type": {
              "defined": {
                "name": "TokenMetadataArgs"
              }
            }
          }
        ]
      }
    },
    {
      "name": "Vault",
      "docs": [
        "The vault. Zero-copy: instructions read and write it in place, without (de)serializing ~1.5 KB."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version, [`VAULT_VERSION`]."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of the vault PDA."
            ],
            "type": "u8"
          },
          {
            "name": "liquidity_bump",
            "docs": [
              "Bump of the liquidity token account PDA."
            ],
            "type": "u8"
          },
          {
            "name": "quote_decimals",
            "type": "u8"
          },
          {
            "name": "pause_flags",
            "docs": [
              "Pause flags (bit set); none are defined yet."
            ],
            "type": "u32"
          },
          {
            "name": "vault_id",
            "docs": [
              "Creator-chosen id, part of the PDA seeds."
            ],
            "type": "u64"
          },
          {
            "name": "creator",
            "docs": [
              "Signer of `initialize_vault`, part of the PDA seeds; never changes."
            ],
            "type": "pubkey"
          },
          {
            "name": "authority",
            "docs": [
              "Governance authority (typically a multisig PDA)."
            ],
            "type": "pubkey"
          },
          {
            "name": "pending_authority",
            "docs": [
              "Proposed authority of a two-step transfer; `Pubkey::default()` when none."
            ],
            "type": "pubkey"
          },
          {
            "name": "guardian",
            "docs": [
              "May only pause and tighten; `Pubkey::default()` when none."
            ],
            "type": "pubkey"
          },
          {
            "name": "quote_mint",
            "type": "pubkey"
          },
          {
            "name": "quote_token_program",
            "docs": [
              "SPL Token or Token-2022: owner of the quote mint, the liquidity account and the tranche mints."
            ],
            "type": "pubkey"
          },
          {
            "name": "liquidity",
            "docs": [
              "Quote-asset liquidity token account (PDA, owned by the vault)."
            ],
            "type": "pubkey"
          },
          {
            "name": "tranches",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "TrancheState"
                  }
                },
                3
              ]
            }
          },
          {
            "name": "rate_curve",
            "type": {
              "defined": {
                "name": "RateCurve"
              }
            }
          },
          {
            "name": "min_junior_bps",
            "type": "u16"
          },
          {
            "name": "min_subordination_bps",
            "type": "u16"
          },
          {
            "name": "protocol_fee_bps",
            "type": "u16"
          },
          {
            "name": "max_utilization_bps",
            "type": "u16"
          },
          {
            "name": "epoch_duration_secs",
            "type": "u32"
          },
          {
            "name": "timelock_delay_secs",
            "type": "u32"
          },
          {
            "name": "created_ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          },
          {
            "name": "last_accrual_ts",
            "docs": [
              "Unix seconds of the last interest accrual."
            ],
            "type": "i64"
          },
          {
            "name": "liquidity_native",
            "docs": [
              "Quote tokens the vault's books hold in the liquidity account, native units. Tokens sent to the account",
              "without going through the program are not counted (a donation cannot move a price)."
            ],
            "type": "u64"
          },
          {
            "name": "epoch_index",
            "docs": [
              "Index of the current redemption epoch (0 for the first)."
            ],
            "type": "u64"
          },
          {
            "name": "epoch_start_ts",
            "docs": [
              "Unix seconds when the current epoch started; `close_epoch` is allowed from start + epoch_duration_secs."
            ],
            "type": "i64"
          },
          {
            "name": "reserved_payout_sf",
            "docs": [
              "Payouts of filled redemptions, reserved in the liquidity and not yet claimed, native quote units",
              "(fixed point)."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "fees_sf",
            "docs": [
              "Protocol fees accrued and not withdrawn, native quote units (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "scaled_debt_sf",
            "docs": [
              "Total debt divided by the borrow index at the time of each borrow (fixed point). Debt =",
              "scaled debt · borrow index."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "borrow_index_sf",
            "docs": [
              "Borrow index: 1.0 at creation, grows with the borrow rate (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "PodSf"
              }
            }
          },
          {
            "name": "quote_oracle",
            "docs": [
              "The quote asset's price (debt is valued at its high side)."
            ],
            "type": {
              "defined": {
                "name": "OracleSetting"
              }
            }
          },
          {
            "name": "next_proposal_id",
            "docs": [
              "Id of the next timelocked proposal."
            ],
            "type": "u64"
          },
          {
            "name": "first_valid_proposal_id",
            "docs": [
              "Proposals with a smaller id are void: `accept_authority` sets it to `next_proposal_id`, so a new",
              "authority never inherits its predecessor's pending changes."
            ],
            "type": "u64"
          },
          {
            "name": "redemptions_unpaused_ts",
            "docs": [
              "Unix seconds when redemption requests were last unpaused (0 if never). A risk-loosening change proposed",
              "before it cannot execute: depositors may not have been able to leave during its delay."
            ],
            "type": "i64"
          },
          {
            "name": "_reserved",
            "docs": [
              "Reserved for later layouts."
            ],
            "type": {
              "array": [
                "u64",
                24
              ]
            }
          }
        ]
      }
    },
    {
      "name": "VaultInitializedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "docs": [
              "Signer that created the vault (part of the vault PDA seeds)."
            ],
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "guardian",
            "docs": [
              "`Pubkey::default()` when there is no guardian."
            ],
            "type": "pubkey"
          },
          {
            "name": "vault_id",
            "type": "u64"
          },
          {
            "name": "quote_mint",
            "type": "pubkey"
          },
          {
            "name": "quote_token_program",
            "type": "pubkey"
          },
          {
            "name": "quote_decimals",
            "docs": [
              "Decimals of the quote mint, copied by the tranche mints."
            ],
            "type": "u8"
          },
          {
            "name": "liquidity",
            "type": "pubkey"
          },
          {
            "name": "tranche_mints",
            "docs": [
              "Senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                "pubkey",
                3
              ]
            }
          },
          {
            "name": "escrows",
            "docs": [
              "Redemption escrows (tranche token accounts owned by the vault): senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                "pubkey",
                3
              ]
            }
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "VaultParams"
              }
            }
          },
          {
            "name": "quote_oracle",
            "type": {
              "defined": {
                "name": "OracleSetting"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "VaultParams",
      "docs": [
        "The risk parameters of a vault, as `initialize_vault` takes them and governance will change them.",
        "[`VaultParams::validate`] is the single bounds check for all of them."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "senior_target_apr_bps",
            "docs": [
              "Target APR of the senior and mezzanine tranches, in bps; junior takes the residual income."
            ],
            "type": "u16"
          },
          {
            "name": "mezzanine_target_apr_bps",
            "type": "u16"
          },
          {
            "name": "deposit_caps",
            "docs": [
              "Deposit cap per tranche (senior, mezzanine, junior), in native quote units of NAV."
            ],
            "type": {
              "array": [
                "u64",
                3
              ]
            }
          },
          {
            "name": "min_junior_bps",
            "docs": [
              "Junior NAV must stay at or above this share of total NAV, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "min_subordination_bps",
            "docs": [
              "Junior + mezzanine NAV must stay at or above this share of total NAV, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "protocol_fee_bps",
            "docs": [
              "Share of interest income kept as protocol fee, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "max_utilization_bps",
            "docs": [
              "Borrowing is refused above this utilization, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "rate_curve",
            "type": {
              "defined": {
                "name": "RateCurve"
              }
            }
          },
          {
            "name": "epoch_duration_secs",
            "docs": [
              "Length of a redemption epoch, in seconds."
            ],
            "type": "u32"
          },
          {
            "name": "timelock_delay_secs",
            "docs": [
              "Delay between proposing and executing a risk-loosening change, in seconds."
            ],
            "type": "u32"
          }
        ]
      }
    }
  ],
  "constants": [
    {
      "name": "BPS",
      "docs": [
        "One in basis points. // expo = -4"
      ],
      "type": "u64",
      "value": "10000"
    },
    {
      "name": "CLOSE_FACTOR_BPS",
      "docs": [
        "Share of a position's debt one liquidation may repay, in bps, unless the position is deeply insolvent or its",
        "debt is dust."
      ],
      "type": "u64",
      "value": "5000"
    },
    {
      "name": "DEAD_SHARES",
      "docs": [
        "Shares locked for ever by a tranche's first deposit (native units of the tranche token). They are never",
        "minted to anyone, so the effective supply never returns to zero, and inflating the share price costs an",
        "attacker `DEAD_SHARES` times what it could take from a later depositor by rounding."
      ],
      "type": "u64",
      "value": "1000"
    },
    {
      "name": "FULL_LIQUIDATION_HEALTH_BPS",
      "docs": [
        "Below this health (bps of 1.0) a liquidation may repay all of the debt."
      ],
      "type": "u64",
      "value": "9500"
    },
    {
      "name": "MAX_LIQUIDATION_BONUS_BPS",
      "docs": [
        "Ceiling of a collateral asset's liquidation bonus, in bps (20 %)."
      ],
      "type": "u16",
      "value": "2000"
    },
    {
      "name": "MAX_TOKEN_NAME_LEN",
      "docs": [
        "Bounds of a tranche token's metadata, in bytes (those of Metaplex, which wallets display in full)."
      ],
      "type": "u32",
      "value": "32"
    },
    {
      "name": "MAX_TOKEN_SYMBOL_LEN",
      "type": "u32",
      "value": "10"
    },
    {
      "name": "MAX_TOKEN_URI_LEN",
      "type": "u32",
      "value": "200"
    },
    {
      "name": "MIN_FIRST_DEPOSIT",
      "docs": [
        "Smallest first deposit into a tranche, native units; the depositor receives it less [`DEAD_SHARES`]."
      ],
      "type": "u64",
      "value": "10000"
    },
    {
      "name": "PAUSE_ALL",
      "docs": [
        "Every pause flag; `set_pause` refuses other bits."
      ],
      "type": "u32",
      "value": "7"
    },
    {
      "name": "PAUSE_BORROWS",
      "type": "u32",
      "value": "2"
    },
    {
      "name": "PAUSE_DEPOSITS",
      "docs": [
        "Pause flags (bits of `Vault::pause_flags`). Repay and liquidate have none: nothing may block them."
      ],
      "type": "u32",
      "value": "1"
    },
    {
      "name": "PAUSE_REDEMPTION_REQUESTS",
      "type": "u32",
      "value": "4"
    },
    {
      "name": "PROPOSAL_EXECUTION_WINDOW_SECS",
      "docs": [
        "How long after its ETA a proposal may be executed, seconds (14 days); after that it has expired."
      ],
      "type": "i64",
      "value": "1209600"
    },
    {
      "name": "SECONDS_PER_YEAR",
      "docs": [
        "Seconds in the 365-day year that APRs and borrow rates are quoted in."
      ],
      "type": "u64",
      "value": "31536000"
    },
    {
      "name": "SEED_COLLATERAL",
      "docs": [
        "Collateral asset PDA: `[SEED_COLLATERAL, vault, mint]`."
      ],
      "type": "bytes",
      "value": "[99, 111, 108, 108, 97, 116, 101, 114, 97, 108]"
    },
    {
      "name": "SEED_CUSTODY",
      "docs": [
        "Custody token account of a collateral asset, a PDA: `[SEED_CUSTODY, vault, mint]`; authority = vault."
      ],
      "type": "bytes",
      "value": "[99, 117, 115, 116, 111, 100, 121]"
    },
    {
      "name": "SEED_ESCROW",
      "docs": [
        "Escrow of queued redemptions, a tranche token account PDA: `[SEED_ESCROW, vault, [tranche index]]`, owned by",
        "the vault."
      ],
      "type": "bytes",
      "value": "[101, 115, 99, 114, 111, 119]"
    },
    {
      "name": "SEED_GENERATION",
      "docs": [
        "The final queue accumulators of an ended generation: `[SEED_GENERATION, vault, [tranche index], generation",
        "u64 LE]`."
      ],
      "type": "bytes",
      "value": "[103, 101, 110, 101, 114, 97, 116, 105, 111, 110]"
    },
    {
      "name": "SEED_LIQUIDITY",
      "docs": [
        "Quote-asset liquidity token account PDA: `[SEED_LIQUIDITY, vault]`. Its owner (token authority) is the vault."
      ],
      "type": "bytes",
      "value": "[108, 105, 113, 117, 105, 100, 105, 116, 121]"
    },
    {
      "name": "SEED_POSITION",
      "docs": [
        "Borrower position PDA: `[SEED_POSITION, vault, owner, position_id u64 LE]`."
      ],
      "type": "bytes",
      "value": "[112, 111, 115, 105, 116, 105, 111, 110]"
    },
    {
      "name": "SEED_PROPOSAL",
      "docs": [
        "A timelocked config proposal: `[SEED_PROPOSAL, vault, proposal_id u64 LE]`."
      ],
      "type": "bytes",
      "value": "[112, 114, 111, 112, 111, 115, 97, 108]"
    },
    {
      "name": "SEED_REDEMPTION",
      "docs": [
        "A holder's redemption request: `[SEED_REDEMPTION, vault, owner, [tranche index]]`."
      ],
      "type": "bytes",
      "value": "[114, 101, 100, 101, 109, 112, 116, 105, 111, 110]"
    },
    {
      "name": "SEED_TRANCHE_MINT",
      "docs": [
        "Tranche mint PDA: `[SEED_TRANCHE_MINT, vault, [tranche index]]`. Its mint authority is the vault."
      ],
      "type": "bytes",
      "value": "[116, 114, 97, 110, 99, 104, 101, 95, 109, 105, 110, 116]"
    },
    {
      "name": "SEED_VAULT",
      "docs": [
        "Vault PDA: `[SEED_VAULT, creator, quote_mint, vault_id.to_le_bytes()]`."
      ],
      "type": "bytes",
      "value": "[118, 97, 117, 108, 116]"
    },
    {
      "name": "TRANCHE_TOKEN_PROGRAM",
      "docs": [
        "The token program of every tranche mint and escrow: Token-2022, whose metadata-pointer and token-metadata",
        "extensions carry each tranche token's name, symbol and URI on the mint itself (what wallets show). The quote",
        "asset keeps its own program (`Vault::quote_token_program`)."
      ],
      "type": "pubkey",
      "value": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
    }
  ]
} as const;

/** The IDL's type in camelCase, for `Program<TrancheVault>`. */
export type TrancheVault = {
  "address": "2NxJT25oJMyKEffDVmfqcq66JevUshgtav3MXj5fyTBr",
  "metadata": {
    "name": "trancheVault",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Tranched lending vaults: senior / mezzanine / junior tranches over an over-collateralized, Pyth-priced loan book"
  },
  "instructions": [
    {
      "name": "acceptAuthority",
      "docs": [
        "Second step: the pending authority accepts."
      ],
      "discriminator": [
        107,
        86,
        198,
        91,
        33,
        12,
        107,
        160
      ],
      "accounts": [
        {
          "name": "newAuthority",
          "docs": [
            "The pending authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "accrue",
      "docs": [
        "Permissionless refresh: accrue interest and split it through the income waterfall."
      ],
      "discriminator": [
        23,
        76,
        128,
        149,
        229,
        247,
        72,
        228
      ],
      "accounts": [
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "addCollateralAsset",
      "docs": [
        "List a collateral mint with its oracle and risk parameters, disabled with cap 0 (authority); the timelock",
        "enables it."
      ],
      "discriminator": [
        234,
        244,
        84,
        94,
        7,
        49,
        94,
        14
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the asset and its custody."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's governance authority (may be a multisig PDA signing by CPI)."
          ],
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault"
        },
        {
          "name": "mint"
        },
        {
          "name": "asset",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  108,
                  108,
                  97,
                  116,
                  101,
                  114,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "custody",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  117,
                  115,
                  116,
                  111,
                  100,
                  121
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "collateralParams"
            }
          }
        }
      ]
    },
    {
      "name": "borrow",
      "docs": [
        "Borrow quote against a position's collateral, within max LTV and the utilization cap."
      ],
      "discriminator": [
        228,
        253,
        131,
        202,
        207,
        116,
        89,
        18
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quoteMint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "ownerQuote",
          "docs": [
            "Receives the loan; any account of the quote mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "quoteOracle"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "cancelConfig",
      "docs": [
        "Withdraw a pending proposal (authority)."
      ],
      "discriminator": [
        91,
        124,
        207,
        75,
        179,
        108,
        227,
        13
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "writable": true
        },
        {
          "name": "rentPayer",
          "writable": true,
          "relations": [
            "proposal"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "cancelRedeem",
      "docs": [
        "Take back the unfilled shares of a redemption request."
      ],
      "discriminator": [
        111,
        76,
        232,
        50,
        39,
        175,
        48,
        242
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "The request's owner; receives the request's rent if it closes."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "trancheMint"
        },
        {
          "name": "escrow",
          "writable": true
        },
        {
          "name": "ownerShares",
          "docs": [
            "Receives the unfilled shares; any account of the tranche mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "request",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "trancheTokenProgram",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "cancelRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "claimRedeem",
      "docs": [
        "Receive the quote for the filled part of a redemption request."
      ],
      "discriminator": [
        125,
        14,
        137,
        237,
        160,
        63,
        225,
        226
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "The request's owner; receives the request's rent if it closes."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "quoteMint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "ownerQuote",
          "docs": [
            "Receives the payout; any account of the quote mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "request",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "generationRecord",
          "docs": [
            "Needed only when the request's generation has ended: that generation's record."
          ],
          "optional": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  103,
                  101,
                  110,
                  101,
                  114,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              },
              {
                "kind": "account",
                "path": "request.generation",
                "account": "redemptionRequest"
              }
            ]
          }
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "claimRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "closeEpoch",
      "docs": [
        "Permissionless after the epoch ends: fill queued redemptions senior first, pro rata, in O(1)."
      ],
      "discriminator": [
        13,
        87,
        7,
        133,
        109,
        14,
        83,
        25
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Anyone; pays the rent of a generation record when a fill ends a generation."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "seniorMint",
          "writable": true
        },
        {
          "name": "mezzanineMint",
          "writable": true
        },
        {
          "name": "juniorMint",
          "writable": true
        },
        {
          "name": "seniorEscrow",
          "writable": true
        },
        {
          "name": "mezzanineEscrow",
          "writable": true
        },
        {
          "name": "juniorEscrow",
          "writable": true
        },
        {
          "name": "seniorGeneration",
          "docs": [
            "(`pda::generation(vault, Senior, generation)`); created and checked only if this close ends it."
          ],
          "writable": true
        },
        {
          "name": "mezzanineGeneration",
          "writable": true
        },
        {
          "name": "juniorGeneration",
          "writable": true
        },
        {
          "name": "trancheTokenProgram",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "deposit",
      "docs": [
        "Buy tranche tokens: accrue, check caps, pause, subordination and the first-deposit rules, mint shares."
      ],
      "discriminator": [
        242,
        35,
        198,
        137,
        82,
        225,
        242,
        182
      ],
      "accounts": [
        {
          "name": "depositor",
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "trancheMint",
          "writable": true
        },
        {
          "name": "quoteMint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "depositorQuote",
          "docs": [
            "The depositor's quote account (the depositor is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "depositorShares",
          "docs": [
            "Receives the tranche tokens; any account of the tranche mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The quote mint's token program."
          ]
        },
        {
          "name": "trancheTokenProgram",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "depositArgs"
            }
          }
        }
      ]
    },
    {
      "name": "depositCollateral",
      "docs": [
        "Add collateral to a position."
      ],
      "discriminator": [
        156,
        131,
        142,
        116,
        146,
        247,
        162,
        120
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "custody",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "ownerTokens",
          "docs": [
            "The owner's tokens (the owner is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "relations": [
            "asset"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "executeConfig",
      "docs": [
        "Apply a proposal once its ETA has passed (anyone)."
      ],
      "discriminator": [
        189,
        36,
        99,
        231,
        117,
        10,
        8,
        134
      ],
      "accounts": [
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "proposal",
          "writable": true
        },
        {
          "name": "rentPayer",
          "writable": true,
          "relations": [
            "proposal"
          ]
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset a collateral change is about (omit otherwise)."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "initializeTranche",
      "docs": [
        "Before its vault: create one tranche's mint (Token-2022, named) and redemption escrow."
      ],
      "discriminator": [
        129,
        162,
        50,
        217,
        235,
        134,
        123,
        252
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the mint and the escrow."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's creator (in its seeds), so nobody else can create the tranches of a vault of theirs."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "docs": [
            "its seeds, as the new mint's authority."
          ],
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              },
              {
                "kind": "account",
                "path": "quoteMint"
              },
              {
                "kind": "arg",
                "path": "args.vaultId"
              }
            ]
          }
        },
        {
          "name": "quoteMint",
          "docs": [
            "The vault's quote mint (in its seeds): the tranche mint takes its decimals. `initialize_vault` checks it",
            "against its token program and its extensions."
          ]
        },
        {
          "name": "trancheMint",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "escrow",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "trancheTokenProgram",
          "docs": [
            "Token-2022: the tranche mints' and escrows' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "initializeTrancheArgs"
            }
          }
        }
      ]
    },
    {
      "name": "initializeVault",
      "docs": [
        "Create a vault, once its three tranches exist: its state PDA and the quote-asset liquidity account."
      ],
      "discriminator": [
        48,
        191,
        163,
        44,
        71,
        129,
        63,
        164
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays rent for the vault and its liquidity account."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "First governance authority, and the creator in the vault seeds. May be a multisig PDA signing by CPI."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "authority"
              },
              {
                "kind": "account",
                "path": "quoteMint"
              },
              {
                "kind": "arg",
                "path": "args.vaultId"
              }
            ]
          }
        },
        {
          "name": "quoteMint"
        },
        {
          "name": "liquidity",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  108,
                  105,
                  113,
                  117,
                  105,
                  100,
                  105,
                  116,
                  121
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              }
            ]
          }
        },
        {
          "name": "seniorMint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  0
                ]
              }
            ]
          }
        },
        {
          "name": "mezzanineMint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  1
                ]
              }
            ]
          }
        },
        {
          "name": "juniorMint",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  116,
                  114,
                  97,
                  110,
                  99,
                  104,
                  101,
                  95,
                  109,
                  105,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  2
                ]
              }
            ]
          }
        },
        {
          "name": "seniorEscrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  0
                ]
              }
            ]
          }
        },
        {
          "name": "mezzanineEscrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  1
                ]
              }
            ]
          }
        },
        {
          "name": "juniorEscrow",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  101,
                  115,
                  99,
                  114,
                  111,
                  119
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "const",
                "value": [
                  2
                ]
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The quote mint's token program (SPL Token or Token-2022); it owns the liquidity account."
          ]
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "initializeVaultArgs"
            }
          }
        }
      ]
    },
    {
      "name": "liquidate",
      "docs": [
        "Permissionless below health 1: repay debt for collateral at a bonus; bad debt goes through the waterfall."
      ],
      "discriminator": [
        223,
        179,
        226,
        125,
        48,
        46,
        39,
        74
      ],
      "accounts": [
        {
          "name": "liquidator",
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position",
            "seizeAsset"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quoteMint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidatorQuote",
          "docs": [
            "Pays the repayment (the liquidator is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "seizeAsset",
          "docs": [
            "The collateral asset to seize; one of the position's entries."
          ],
          "writable": true
        },
        {
          "name": "seizeCustody",
          "writable": true
        },
        {
          "name": "seizeMint"
        },
        {
          "name": "liquidatorCollateral",
          "docs": [
            "Receives the seized collateral; any account of its mint that the vault does not own (not the custody)."
          ],
          "writable": true
        },
        {
          "name": "quoteOracle"
        },
        {
          "name": "quoteTokenProgram"
        },
        {
          "name": "collateralTokenProgram"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "liquidateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "lowerCap",
      "docs": [
        "Lower a deposit cap at once (guardian or authority)."
      ],
      "discriminator": [
        50,
        19,
        61,
        24,
        3,
        55,
        10,
        39
      ],
      "accounts": [
        {
          "name": "signer",
          "docs": [
            "The guardian or the authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset, for `CapTarget::Collateral`."
          ],
          "writable": true,
          "optional": true
        }
      ],
      "args": [
        {
          "name": "target",
          "type": {
            "defined": {
              "name": "capTarget"
            }
          }
        },
        {
          "name": "cap",
          "type": "u64"
        }
      ]
    },
    {
      "name": "openPosition",
      "docs": [
        "Open an empty borrower position."
      ],
      "discriminator": [
        135,
        128,
        47,
        77,
        15,
        152,
        240,
        49
      ],
      "accounts": [
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "owner",
          "signer": true
        },
        {
          "name": "vault"
        },
        {
          "name": "position",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  111,
                  115,
                  105,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "positionId"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "positionId",
          "type": "u64"
        }
      ]
    },
    {
      "name": "proposeAuthority",
      "docs": [
        "First step of an authority transfer (authority)."
      ],
      "discriminator": [
        20,
        148,
        236,
        198,
        76,
        119,
        99,
        142
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "newAuthority",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "proposeConfig",
      "docs": [
        "Propose a timelocked parameter change (authority)."
      ],
      "discriminator": [
        163,
        247,
        238,
        160,
        236,
        129,
        153,
        160
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays the proposal's rent, refunded when it closes."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "authority",
          "docs": [
            "The vault's authority (typically a multisig PDA signing by CPI)."
          ],
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "proposal",
          "docs": [
            "`proposal_id` must be the vault's `next_proposal_id`: an argument, so that clients derive the address from",
            "the IDL's seeds."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  112,
                  114,
                  111,
                  112,
                  111,
                  115,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "arg",
                "path": "proposalId"
              }
            ]
          }
        },
        {
          "name": "asset",
          "docs": [
            "The collateral asset a collateral change is about (omit otherwise)."
          ],
          "optional": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "proposalId",
          "type": "u64"
        },
        {
          "name": "change",
          "type": {
            "defined": {
              "name": "configChange"
            }
          }
        }
      ]
    },
    {
      "name": "repay",
      "docs": [
        "Repay a position's debt; never blocked."
      ],
      "discriminator": [
        234,
        103,
        67,
        82,
        208,
        234,
        219,
        166
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Pays the quote (the position's owner or anyone else)."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "quoteMint",
          "relations": [
            "vault"
          ]
        },
        {
          "name": "liquidity",
          "writable": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "payerQuote",
          "writable": true
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "requestRedeem",
      "docs": [
        "Escrow tranche tokens into the epoch redemption queue."
      ],
      "discriminator": [
        105,
        49,
        44,
        38,
        207,
        241,
        33,
        173
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Holder of the shares; pays the request account's rent (returned when it closes)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        },
        {
          "name": "trancheMint"
        },
        {
          "name": "escrow",
          "writable": true
        },
        {
          "name": "ownerShares",
          "docs": [
            "The owner's tranche tokens (the owner is its owner or delegate)."
          ],
          "writable": true
        },
        {
          "name": "request",
          "docs": [
            "(`cpi::create_program_account`, which a pre-funded address cannot block)."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  100,
                  101,
                  109,
                  112,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "vault"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "args.tranche"
              }
            ]
          }
        },
        {
          "name": "trancheTokenProgram",
          "docs": [
            "Token-2022: the tranche mints' program."
          ],
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "requestRedeemArgs"
            }
          }
        }
      ]
    },
    {
      "name": "setPause",
      "docs": [
        "Set the pause flags: guardian or authority may pause, only the authority unpauses."
      ],
      "discriminator": [
        63,
        32,
        154,
        2,
        56,
        103,
        79,
        45
      ],
      "accounts": [
        {
          "name": "signer",
          "docs": [
            "The guardian or the authority."
          ],
          "signer": true
        },
        {
          "name": "vault",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "flags",
          "type": "u32"
        }
      ]
    },
    {
      "name": "updateTrancheMetadata",
      "docs": [
        "Rename a tranche token: its name, symbol and URI on the mint (authority; not timelocked)."
      ],
      "discriminator": [
        89,
        114,
        32,
        94,
        96,
        60,
        54,
        48
      ],
      "accounts": [
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "vault"
          ]
        },
        {
          "name": "payer",
          "docs": [
            "Pays the rent of a longer metadata."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "vault"
        },
        {
          "name": "trancheMint",
          "writable": true
        },
        {
          "name": "trancheTokenProgram",
          "address": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "updateTrancheMetadataArgs"
            }
          }
        }
      ]
    },
    {
      "name": "withdrawCollateral",
      "docs": [
        "Take collateral out of a position; with debt, it must stay within max LTV."
      ],
      "discriminator": [
        115,
        135,
        168,
        106,
        139,
        214,
        138,
        150
      ],
      "accounts": [
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "position"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "position",
            "asset"
          ]
        },
        {
          "name": "position",
          "writable": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "custody",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "mint",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "ownerTokens",
          "docs": [
            "Receives the collateral; any account of the mint that the vault does not own."
          ],
          "writable": true
        },
        {
          "name": "quoteOracle"
        },
        {
          "name": "tokenProgram",
          "relations": [
            "asset"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "collateralAsset",
      "discriminator": [
        254,
        180,
        112,
        90,
        72,
        6,
        245,
        149
      ]
    },
    {
      "name": "generationRecord",
      "discriminator": [
        219,
        170,
        229,
        184,
        183,
        16,
        42,
        127
      ]
    },
    {
      "name": "position",
      "discriminator": [
        170,
        188,
        143,
        228,
        122,
        64,
        247,
        208
      ]
    },
    {
      "name": "proposal",
      "discriminator": [
        26,
        94,
        189,
        187,
        116,
        136,
        53,
        33
      ]
    },
    {
      "name": "redemptionRequest",
      "discriminator": [
        117,
        157,
        214,
        214,
        64,
        160,
        31,
        58
      ]
    },
    {
      "name": "vault",
      "discriminator": [
        211,
        8,
        232,
        43,
        2,
        152,
        117,
        119
      ]
    }
  ],
  "events": [
    {
      "name": "authorityAcceptedEvent",
      "discriminator": [
        170,
        231,
        141,
        243,
        134,
        202,
        206,
        124
      ]
    },
    {
      "name": "authorityProposedEvent",
      "discriminator": [
        221,
        27,
        73,
        198,
        252,
        169,
        231,
        224
      ]
    },
    {
      "name": "borrowedEvent",
      "discriminator": [
        46,
        5,
        1,
        138,
        156,
        135,
        208,
        158
      ]
    },
    {
      "name": "capLoweredEvent",
      "discriminator": [
        250,
        192,
        232,
        133,
        121,
        20,
        117,
        168
      ]
    },
    {
      "name": "collateralAssetAddedEvent",
      "discriminator": [
        31,
        62,
        46,
        187,
        190,
        83,
        235,
        201
      ]
    },
    {
      "name": "collateralDepositedEvent",
      "discriminator": [
        76,
        214,
        14,
        34,
        152,
        143,
        196,
        5
      ]
    },
    {
      "name": "collateralWithdrawnEvent",
      "discriminator": [
        213,
        133,
        147,
        44,
        32,
        59,
        29,
        112
      ]
    },
    {
      "name": "configCancelledEvent",
      "discriminator": [
        131,
        189,
        218,
        146,
        59,
        31,
        223,
        211
      ]
    },
    {
      "name": "configExecutedEvent",
      "discriminator": [
        130,
        191,
        86,
        95,
        27,
        117,
        84,
        170
      ]
    },
    {
      "name": "configProposedEvent",
      "discriminator": [
        171,
        127,
        34,
        7,
        117,
        143,
        13,
        55
      ]
    },
    {
      "name": "depositEvent",
      "discriminator": [
        120,
        248,
        61,
        83,
        31,
        142,
        107,
        144
      ]
    },
    {
      "name": "epochClosedEvent",
      "discriminator": [
        251,
        137,
        115,
        56,
        29,
        45,
        19,
        87
      ]
    },
    {
      "name": "interestAccruedEvent",
      "discriminator": [
        120,
        237,
        172,
        213,
        236,
        141,
        136,
        123
      ]
    },
    {
      "name": "pauseChangedEvent",
      "discriminator": [
        128,
        117,
        138,
        46,
        101,
        209,
        137,
        171
      ]
    },
    {
      "name": "positionLiquidatedEvent",
      "discriminator": [
        70,
        153,
        226,
        254,
        176,
        139,
        225,
        72
      ]
    },
    {
      "name": "positionOpenedEvent",
      "discriminator": [
        163,
        1,
        92,
        149,
        138,
        188,
        177,
        23
      ]
    },
    {
      "name": "redemptionCancelledEvent",
      "discriminator": [
        90,
        44,
        227,
        138,
        227,
        113,
        115,
        128
      ]
    },
    {
      "name": "redemptionClaimedEvent",
      "discriminator": [
        46,
        51,
        0,
        47,
        64,
        143,
        52,
        166
      ]
    },
    {
      "name": "redemptionRequestedEvent",
      "discriminator": [
        202,
        47,
        51,
        231,
        221,
        144,
        164,
        57
      ]
    },
    {
      "name": "repaidEvent",
      "discriminator": [
        145,
        120,
        77,
        46,
        93,
        201,
        30,
        67
      ]
    },
    {
      "name": "trancheInitializedEvent",
      "discriminator": [
        179,
        143,
        249,
        170,
        65,
        65,
        82,
        236
      ]
    },
    {
      "name": "trancheMetadataUpdatedEvent",
      "discriminator": [
        90,
        212,
        160,
        169,
        155,
        174,
        152,
        2
      ]
    },
    {
      "name": "vaultInitializedEvent",
      "discriminator": [
        203,
        214,
        91,
        5,
        185,
        248,
        192,
        149
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "targetAprTooHigh",
      "msg": "Senior or mezzanine target APR is above MAX_TARGET_APR_BPS"
    },
    {
      "code": 6001,
      "name": "invalidSubordination",
      "msg": "min_junior_bps must not exceed min_subordination_bps, which must be below 10,000 bps"
    },
    {
      "code": 6002,
      "name": "protocolFeeTooHigh",
      "msg": "Protocol fee is above MAX_PROTOCOL_FEE_BPS"
    },
    {
      "code": 6003,
      "name": "invalidOptimalUtilization",
      "msg": "Optimal utilization must be between 1 and 9,999 bps"
    },
    {
      "code": 6004,
      "name": "borrowRateTooHigh",
      "msg": "Borrow rate at full utilization (base + slope1 + slope2) is above MAX_BORROW_RATE_BPS"
    },
    {
      "code": 6005,
      "name": "invalidMaxUtilization",
      "msg": "Max utilization must be between 1 and 10,000 bps"
    },
    {
      "code": 6006,
      "name": "invalidEpochDuration",
      "msg": "Epoch duration is outside [MIN_EPOCH_SECS, MAX_EPOCH_SECS]"
    },
    {
      "code": 6007,
      "name": "timelockTooLong",
      "msg": "Timelock delay is above MAX_TIMELOCK_SECS"
    },
    {
      "code": 6008,
      "name": "quoteDecimalsTooLarge",
      "msg": "Quote mint decimals are above MAX_QUOTE_DECIMALS"
    },
    {
      "code": 6009,
      "name": "unsupportedMintExtension",
      "msg": "Quote mint carries a Token-2022 extension the vault does not support (transfer fee, hook, delegate, ...)"
    },
    {
      "code": 6010,
      "name": "wrongQuoteMintProgram",
      "msg": "Quote mint is not owned by the given token program"
    },
    {
      "code": 6011,
      "name": "guardianIsAuthority",
      "msg": "Guardian must differ from the authority"
    },
    {
      "code": 6012,
      "name": "wrongVaultVersion",
      "msg": "Vault account layout version is not the one this program reads"
    },
    {
      "code": 6013,
      "name": "invariantViolated",
      "msg": "Vault state breaks an invariant"
    },
    {
      "code": 6014,
      "name": "vaultAlreadyInitialized",
      "msg": "A vault already exists at this address"
    },
    {
      "code": 6015,
      "name": "vaultAccountTooSmall",
      "msg": "Vault account data is smaller than the vault layout, or misaligned"
    },
    {
      "code": 6016,
      "name": "mathOverflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6017,
      "name": "divisionByZero",
      "msg": "Division by zero"
    },
    {
      "code": 6018,
      "name": "lossExceedsClaims",
      "msg": "A loss is larger than every tranche's NAV and the accrued fees together"
    },
    {
      "code": 6019,
      "name": "juniorSubordinationBreached",
      "msg": "After this, junior NAV would be below min_junior_bps of total NAV"
    },
    {
      "code": 6020,
      "name": "subordinationBreached",
      "msg": "After this, junior + mezzanine NAV would be below min_subordination_bps of total NAV"
    },
    {
      "code": 6021,
      "name": "trancheWipedOut",
      "msg": "The tranche was wiped out (NAV 0 with holders): it takes no deposits until it recovers"
    },
    {
      "code": 6022,
      "name": "invalidQueueFill",
      "msg": "Queue fill is outside 1..=queued shares, or a request snapshot is inconsistent"
    },
    {
      "code": 6023,
      "name": "generationRecordRequired",
      "msg": "The request is from an ended generation: pass that generation's record"
    },
    {
      "code": 6024,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6025,
      "name": "depositsPaused",
      "msg": "Deposits are paused"
    },
    {
      "code": 6026,
      "name": "redemptionRequestsPaused",
      "msg": "Redemption requests are paused"
    },
    {
      "code": 6027,
      "name": "depositCapExceeded",
      "msg": "Deposit would take the tranche's NAV above its deposit cap"
    },
    {
      "code": 6028,
      "name": "firstDepositTooSmall",
      "msg": "A tranche's first deposit must be at least MIN_FIRST_DEPOSIT native units"
    },
    {
      "code": 6029,
      "name": "depositTooSmall",
      "msg": "Deposit is too small to mint a single share"
    },
    {
      "code": 6030,
      "name": "slippageExceeded",
      "msg": "Fewer shares than min_shares would be minted"
    },
    {
      "code": 6031,
      "name": "wrongTrancheMint",
      "msg": "Account is not this vault's tranche mint for the given tranche"
    },
    {
      "code": 6032,
      "name": "wrongEscrow",
      "msg": "Account is not this vault's redemption escrow for the given tranche"
    },
    {
      "code": 6033,
      "name": "wrongLiquidity",
      "msg": "Account is not this vault's liquidity account"
    },
    {
      "code": 6034,
      "name": "wrongQuoteMint",
      "msg": "Account is not this vault's quote mint"
    },
    {
      "code": 6035,
      "name": "wrongTokenProgram",
      "msg": "Token program is not the vault's quote token program"
    },
    {
      "code": 6036,
      "name": "wrongTokenMint",
      "msg": "Token account has the wrong mint"
    },
    {
      "code": 6037,
      "name": "wrongRedemptionRequest",
      "msg": "Redemption request belongs to another vault, owner or tranche"
    },
    {
      "code": 6038,
      "name": "wrongGenerationRecord",
      "msg": "Generation record belongs to another vault, tranche or generation"
    },
    {
      "code": 6039,
      "name": "nothingToCancel",
      "msg": "The request has no queued shares to cancel"
    },
    {
      "code": 6040,
      "name": "nothingToClaim",
      "msg": "The request has no filled payout to claim"
    },
    {
      "code": 6041,
      "name": "epochNotEnded",
      "msg": "The current epoch has not ended yet"
    },
    {
      "code": 6042,
      "name": "redemptionNotSettled",
      "msg": "The request must be settled with claim_redeem (its generation ended) before it changes"
    },
    {
      "code": 6043,
      "name": "balanceMismatch",
      "msg": "Token balance after the transfer does not match the vault's books"
    },
    {
      "code": 6044,
      "name": "insufficientLiquidity",
      "msg": "Amount exceeds free liquidity (liquidity less reserved payouts, and for a borrow less what the redemption queue is owed)"
    },
    {
      "code": 6045,
      "name": "amountExceedsDebt",
      "msg": "Amount exceeds the vault's outstanding debt"
    },
    {
      "code": 6046,
      "name": "oracleKindUnknown",
      "msg": "Oracle kind is not one this program reads"
    },
    {
      "code": 6047,
      "name": "oracleWrongOwner",
      "msg": "Oracle account is not owned by the configured oracle program"
    },
    {
      "code": 6048,
      "name": "oracleWrongAccount",
      "msg": "Oracle account is not the configured price account"
    },
    {
      "code": 6049,
      "name": "oracleWrongAccountSize",
      "msg": "Oracle account has the wrong size for its kind"
    },
    {
      "code": 6050,
      "name": "oracleInvalidAccountData",
      "msg": "Oracle account data is not a price of the configured kind (discriminator, magic, version or type)"
    },
    {
      "code": 6051,
      "name": "oracleFeedIdMismatch",
      "msg": "Price update is for another feed than the one pinned in the asset's config"
    },
    {
      "code": 6052,
      "name": "oracleNotFullyVerified",
      "msg": "Price update is not fully verified (verification level Partial)"
    },
    {
      "code": 6053,
      "name": "oracleNotTrading",
      "msg": "Legacy price account status is not Trading"
    },
    {
      "code": 6054,
      "name": "oracleStale",
      "msg": "Price is older than the asset's max age"
    },
    {
      "code": 6055,
      "name": "oracleNonPositivePrice",
      "msg": "Price is zero or negative"
    },
    {
      "code": 6056,
      "name": "oracleConfidenceTooWide",
      "msg": "Price confidence interval is wider than the asset's max_conf_bps"
    },
    {
      "code": 6057,
      "name": "oracleExponentOutOfRange",
      "msg": "Price exponent is outside -18..=12"
    },
    {
      "code": 6058,
      "name": "invalidOracleMaxAge",
      "msg": "Oracle max age must be between 1 and MAX_ORACLE_AGE_SECS"
    },
    {
      "code": 6059,
      "name": "invalidOracleMaxConf",
      "msg": "Oracle max confidence must be between 1 and MAX_ORACLE_CONF_BPS"
    },
    {
      "code": 6060,
      "name": "invalidMaxLtv",
      "msg": "Collateral max LTV must be above 0 and below the liquidation threshold"
    },
    {
      "code": 6061,
      "name": "invalidLiquidationThreshold",
      "msg": "Liquidation threshold must be below 10,000 bps and leave room for the bonus"
    },
    {
      "code": 6062,
      "name": "liquidationBonusTooHigh",
      "msg": "Liquidation bonus is above MAX_LIQUIDATION_BONUS_BPS"
    },
    {
      "code": 6063,
      "name": "collateralDecimalsTooLarge",
      "msg": "Collateral mint decimals are above MAX_COLLATERAL_DECIMALS"
    },
    {
      "code": 6064,
      "name": "notAuthority",
      "msg": "Signer is not the vault's authority"
    },
    {
      "code": 6065,
      "name": "collateralFromAnotherVault",
      "msg": "Collateral asset belongs to another vault"
    },
    {
      "code": 6066,
      "name": "collateralDisabled",
      "msg": "Collateral asset is disabled for deposits"
    },
    {
      "code": 6067,
      "name": "collateralCapExceeded",
      "msg": "Deposit would take the asset above its deposit cap"
    },
    {
      "code": 6068,
      "name": "positionFull",
      "msg": "The position already holds MAX_COLLATERAL_ENTRIES different assets"
    },
    {
      "code": 6069,
      "name": "insufficientCollateral",
      "msg": "The position holds less of this asset than asked"
    },
    {
      "code": 6070,
      "name": "wrongCollateralAccounts",
      "msg": "Remaining accounts must be (collateral asset, oracle) for each of the position's entries, in order"
    },
    {
      "code": 6071,
      "name": "ltvExceeded",
      "msg": "After this, the position's debt would exceed its borrowing power (max LTV)"
    },
    {
      "code": 6072,
      "name": "borrowsPaused",
      "msg": "Borrowing is paused"
    },
    {
      "code": 6073,
      "name": "utilizationCapExceeded",
      "msg": "After this borrow, utilization would exceed max_utilization_bps"
    },
    {
      "code": 6074,
      "name": "repayExceedsDebt",
      "msg": "Repay amount exceeds the position's debt"
    },
    {
      "code": 6075,
      "name": "positionHealthy",
      "msg": "The position is healthy (health >= 1): it cannot be liquidated"
    },
    {
      "code": 6076,
      "name": "seizeAssetNotInPosition",
      "msg": "The asset to seize is not among the position's collateral"
    },
    {
      "code": 6077,
      "name": "wrongPosition",
      "msg": "Position belongs to another vault or owner"
    },
    {
      "code": 6078,
      "name": "wrongCustody",
      "msg": "Custody account is not the asset's custody"
    },
    {
      "code": 6079,
      "name": "notGuardianOrAuthority",
      "msg": "Signer is neither the vault's guardian nor its authority"
    },
    {
      "code": 6080,
      "name": "unpauseNeedsAuthority",
      "msg": "Only the authority may unpause"
    },
    {
      "code": 6081,
      "name": "invalidPauseFlags",
      "msg": "Pause flags contain unknown bits"
    },
    {
      "code": 6082,
      "name": "capNotLowered",
      "msg": "The new cap is not lower than the current one: raising a cap goes through the timelock"
    },
    {
      "code": 6083,
      "name": "notPendingAuthority",
      "msg": "Signer is not the pending authority"
    },
    {
      "code": 6084,
      "name": "noPendingAuthority",
      "msg": "There is no pending authority transfer"
    },
    {
      "code": 6085,
      "name": "timelockNotElapsed",
      "msg": "The proposal's ETA has not passed yet"
    },
    {
      "code": 6086,
      "name": "changeNeedsAsset",
      "msg": "This change needs its collateral asset account, of this vault"
    },
    {
      "code": 6087,
      "name": "juniorHasNoTarget",
      "msg": "A target APR applies to senior and mezzanine only"
    },
    {
      "code": 6088,
      "name": "wrongProposal",
      "msg": "Proposal belongs to another vault, or the rent receiver is not its payer"
    },
    {
      "code": 6089,
      "name": "oracleProgramNotAllowed",
      "msg": "Oracle setting names an owner program that is not a known Pyth program (ALLOWED_ORACLE_PROGRAMS)"
    },
    {
      "code": 6090,
      "name": "oracleAccountNotPinned",
      "msg": "Oracle setting pins no price account (account is the default key)"
    },
    {
      "code": 6091,
      "name": "newAssetNotDisabled",
      "msg": "A new collateral asset is listed disabled with deposit cap 0: enabling it goes through the timelock"
    },
    {
      "code": 6092,
      "name": "timelockShorterThanEpoch",
      "msg": "Timelock delay is shorter than the epoch: a request filed when a proposal appears could not be filled before it executes"
    },
    {
      "code": 6093,
      "name": "redemptionsPausedSinceProposal",
      "msg": "This change loosens risk: it cannot execute while redemption requests are paused, or after they were paused since it was proposed"
    },
    {
      "code": 6094,
      "name": "noEpochClosedSinceProposal",
      "msg": "This change loosens risk: it waits for an epoch close at least one epoch after it was proposed (filling the requests filed meanwhile)"
    },
    {
      "code": 6095,
      "name": "proposalExpired",
      "msg": "The proposal's execution window (PROPOSAL_EXECUTION_WINDOW_SECS after its ETA) has passed"
    },
    {
      "code": 6096,
      "name": "proposalVoided",
      "msg": "The proposal was made before the authority changed: it is void"
    },
    {
      "code": 6097,
      "name": "vaultOwnedTokenAccount",
      "msg": "A token account of the caller's is owned by the vault (its liquidity, a custody or an escrow)"
    },
    {
      "code": 6098,
      "name": "debtCeilingReached",
      "msg": "After this borrow, the vault's total debt would exceed MAX_BORROW_DEBT_NATIVE"
    },
    {
      "code": 6099,
      "name": "accountAlreadyExists",
      "msg": "The account already exists: a position id, a proposal id or a collateral asset is created once"
    },
    {
      "code": 6100,
      "name": "invalidTranche",
      "msg": "A tranche index must be 0 (senior), 1 (mezzanine) or 2 (junior)"
    },
    {
      "code": 6101,
      "name": "wrongProposalId",
      "msg": "The proposal id is not the vault's next proposal id (another proposal was made first)"
    },
    {
      "code": 6102,
      "name": "wrongTrancheTokenProgram",
      "msg": "The tranche token program must be Token-2022 (TRANCHE_TOKEN_PROGRAM)"
    },
    {
      "code": 6103,
      "name": "tokenNameInvalid",
      "msg": "A tranche token name must be 1 to MAX_TOKEN_NAME_LEN (32) bytes with no control, invisible or bidirectional-control characters"
    },
    {
      "code": 6104,
      "name": "tokenSymbolInvalid",
      "msg": "A tranche token symbol must be 1 to MAX_TOKEN_SYMBOL_LEN (10) printable ASCII characters, no spaces"
    },
    {
      "code": 6105,
      "name": "tokenUriInvalid",
      "msg": "A tranche token URI must be at most MAX_TOKEN_URI_LEN (200) printable ASCII characters, no spaces"
    },
    {
      "code": 6106,
      "name": "trancheNotInitialized",
      "msg": "A tranche's mint or escrow does not exist yet: initialize_tranche creates each of the three before initialize_vault"
    },
    {
      "code": 6107,
      "name": "trancheAlreadyInitialized",
      "msg": "This tranche's mint or escrow already exists: initialize_tranche creates each tranche once"
    }
  ],
  "types": [
    {
      "name": "authorityAcceptedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "oldAuthority",
            "type": "pubkey"
          },
          {
            "name": "newAuthority",
            "type": "pubkey"
          },
          {
            "name": "firstValidProposalId",
            "docs": [
              "Every pending proposal with a smaller id is now void."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "authorityProposedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "pendingAuthority",
            "docs": [
              "`Pubkey::default()` when a pending transfer is withdrawn."
            ],
            "type": "pubkey"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "borrowedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote lent, native units."
            ],
            "type": "u64"
          },
          {
            "name": "debtAfter",
            "docs": [
              "The position's debt afterwards, native quote units, rounded up."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "cancelRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "capLoweredEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "by",
            "type": "pubkey"
          },
          {
            "name": "target",
            "type": {
              "defined": {
                "name": "capTarget"
              }
            }
          },
          {
            "name": "asset",
            "docs": [
              "The collateral asset for a collateral cap, `Pubkey::default()` otherwise."
            ],
            "type": "pubkey"
          },
          {
            "name": "oldCap",
            "docs": [
              "Caps before and after: native quote units of NAV (tranche) or native units of the mint (collateral)."
            ],
            "type": "u64"
          },
          {
            "name": "newCap",
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "capTarget",
      "docs": [
        "Which cap."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "tranche",
            "fields": [
              {
                "defined": {
                  "name": "tranche"
                }
              }
            ]
          },
          {
            "name": "collateral"
          }
        ]
      }
    },
    {
      "name": "claimRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "collateralAsset",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "docs": [
              "SPL Token or Token-2022: owner of the mint and the custody."
            ],
            "type": "pubkey"
          },
          {
            "name": "custody",
            "docs": [
              "Token account (PDA `[SEED_CUSTODY, vault, mint]`, authority = vault) that holds the deposits."
            ],
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "custodyBump",
            "type": "u8"
          },
          {
            "name": "oracle",
            "type": {
              "defined": {
                "name": "oracleSetting"
              }
            }
          },
          {
            "name": "maxLtvBps",
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "type": "u16"
          },
          {
            "name": "liquidationBonusBps",
            "type": "u16"
          },
          {
            "name": "depositCap",
            "type": "u64"
          },
          {
            "name": "enabled",
            "type": "bool"
          },
          {
            "name": "totalDeposits",
            "docs": [
              "Native units held across all positions (what the custody holds on the books)."
            ],
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u64",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "collateralAssetAddedEvent",
      "docs": [
        "A collateral asset whitelisted by the authority."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "custody",
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "params",
            "docs": [
              "Oracle and risk parameters (bps; deposit cap in native units of the mint)."
            ],
            "type": {
              "defined": {
                "name": "collateralParams"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "collateralDepositedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "positionAmount",
            "docs": [
              "The position's holding of the asset afterwards, native units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "collateralEntry",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "asset",
            "docs": [
              "The `CollateralAsset` account; `Pubkey::default()` for an empty slot."
            ],
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "collateralParams",
      "docs": [
        "The risk parameters of a collateral asset, as `add_collateral_asset` takes them and governance will change",
        "them. [`CollateralParams::validate`] is their one bounds check."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "oracle",
            "type": {
              "defined": {
                "name": "oracleSetting"
              }
            }
          },
          {
            "name": "maxLtvBps",
            "docs": [
              "Borrowing power per unit of value, bps."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "Liquidation power per unit of value, bps; above max LTV."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationBonusBps",
            "docs": [
              "Extra collateral a liquidator receives, bps of the repaid value."
            ],
            "type": "u16"
          },
          {
            "name": "depositCap",
            "docs": [
              "Most native units the vault holds of this asset across positions."
            ],
            "type": "u64"
          },
          {
            "name": "enabled",
            "docs": [
              "Deposits allowed (withdrawals, repayments and liquidations never depend on it)."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "collateralWithdrawnEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "positionAmount",
            "docs": [
              "The position's holding of the asset afterwards, native units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "configCancelledEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposalId",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "configChange"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "configChange",
      "docs": [
        "One parameter change. Every change goes through `propose_config` → (delay) → `execute_config`; the",
        "risk-reducing ones (pause, lower caps) also have immediate instructions for the guardian."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "targetApr",
            "fields": [
              {
                "name": "tranche",
                "type": {
                  "defined": {
                    "name": "tranche"
                  }
                }
              },
              {
                "name": "targetAprBps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "depositCap",
            "fields": [
              {
                "name": "tranche",
                "type": {
                  "defined": {
                    "name": "tranche"
                  }
                }
              },
              {
                "name": "cap",
                "type": "u64"
              }
            ]
          },
          {
            "name": "subordination",
            "fields": [
              {
                "name": "minJuniorBps",
                "type": "u16"
              },
              {
                "name": "minSubordinationBps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "rateCurve",
            "fields": [
              {
                "name": "curve",
                "type": {
                  "defined": {
                    "name": "rateCurve"
                  }
                }
              }
            ]
          },
          {
            "name": "protocolFee",
            "fields": [
              {
                "name": "protocolFeeBps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "epochDuration",
            "fields": [
              {
                "name": "epochDurationSecs",
                "type": "u32"
              }
            ]
          },
          {
            "name": "maxUtilization",
            "fields": [
              {
                "name": "maxUtilizationBps",
                "type": "u16"
              }
            ]
          },
          {
            "name": "timelockDelay",
            "fields": [
              {
                "name": "timelockDelaySecs",
                "type": "u32"
              }
            ]
          },
          {
            "name": "guardian",
            "fields": [
              {
                "name": "guardian",
                "type": {
                  "option": "pubkey"
                }
              }
            ]
          },
          {
            "name": "collateral",
            "fields": [
              {
                "name": "asset",
                "type": "pubkey"
              },
              {
                "name": "params",
                "type": {
                  "defined": {
                    "name": "collateralParams"
                  }
                }
              }
            ]
          },
          {
            "name": "quoteOracle",
            "fields": [
              {
                "name": "oracle",
                "type": {
                  "defined": {
                    "name": "oracleSetting"
                  }
                }
              }
            ]
          }
        ]
      }
    },
    {
      "name": "configChangeSpace",
      "docs": [
        "[`ConfigChange`] with its size for `InitSpace` (the largest variant: a collateral change)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "defined": {
              "name": "configChange"
            }
          }
        ]
      }
    },
    {
      "name": "configExecutedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposalId",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "configChange"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "configProposedEvent",
      "docs": [
        "A timelocked change proposed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposal",
            "type": "pubkey"
          },
          {
            "name": "proposalId",
            "type": "u64"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "configChange"
              }
            }
          },
          {
            "name": "eta",
            "docs": [
              "Unix seconds from which `execute_config` may apply it."
            ],
            "type": "i64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "depositArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "type": {
              "defined": {
                "name": "tranche"
              }
            }
          },
          {
            "name": "amount",
            "docs": [
              "Quote to pay in, native units."
            ],
            "type": "u64"
          },
          {
            "name": "minShares",
            "docs": [
              "Refuse the deposit if fewer tranche tokens would be minted (slippage guard), native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "depositEvent",
      "docs": [
        "A deposit into a tranche."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "depositor",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote paid in, native units."
            ],
            "type": "u64"
          },
          {
            "name": "shares",
            "docs": [
              "Tranche tokens minted, native units."
            ],
            "type": "u64"
          },
          {
            "name": "deadShares",
            "docs": [
              "Dead shares locked by this deposit (first deposit only), native units."
            ],
            "type": "u64"
          },
          {
            "name": "navAfterSf",
            "docs": [
              "Tranche NAV after the deposit (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "supplyAfter",
            "docs": [
              "Tranche token supply after the deposit, native units (dead shares excluded)."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "epochClosedEvent",
      "docs": [
        "An epoch closed: queued redemptions filled senior first, pro rata within each tranche."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "epochIndex",
            "docs": [
              "The epoch that closed; the next one is `epoch_index + 1`."
            ],
            "type": "u64"
          },
          {
            "name": "fills",
            "docs": [
              "Senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "trancheFill"
                  }
                },
                3
              ]
            }
          },
          {
            "name": "freeLiquidityBefore",
            "docs": [
              "Free liquidity before the fills, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "reservedPayoutAfterSf",
            "docs": [
              "Total payouts reserved after the fills (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds; also the start of the next epoch."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "generationRecord",
      "docs": [
        "The final queue accumulators of one tranche's ended generation: PDA",
        "`[SEED_GENERATION, vault, [tranche], generation u64 LE]`, written once by `close_epoch`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "generation",
            "type": "u64"
          },
          {
            "name": "epochIndex",
            "docs": [
              "Epoch whose close ended the generation."
            ],
            "type": "u64"
          },
          {
            "name": "pEndSf",
            "docs": [
              "Final `p` (0 when the last fill emptied the queue) and `s`, fixed point raw bits."
            ],
            "type": "u128"
          },
          {
            "name": "sEndSf",
            "type": "u128"
          }
        ]
      }
    },
    {
      "name": "initializeTrancheArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vaultId",
            "docs": [
              "The id the vault will be created with (`InitializeVaultArgs::vault_id`, in its PDA seeds)."
            ],
            "type": "u64"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "docs": [
              "The tranche token's name, symbol and URI (`TokenMetadataArgs` bounds; the authority may change them later",
              "with `update_tranche_metadata`)."
            ],
            "type": {
              "defined": {
                "name": "tokenMetadataArgs"
              }
            }
          }
        ]
      }
    },
    {
      "name": "initializeVaultArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vaultId",
            "docs": [
              "Creator-chosen id, so one creator can run several vaults on the same quote mint."
            ],
            "type": "u64"
          },
          {
            "name": "guardian",
            "docs": [
              "Optional guardian: may only pause and tighten."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "vaultParams"
              }
            }
          },
          {
            "name": "quoteOracle",
            "docs": [
              "The quote asset's oracle (debt is valued at its high side)."
            ],
            "type": {
              "defined": {
                "name": "oracleSetting"
              }
            }
          }
        ]
      }
    },
    {
      "name": "interestAccruedEvent",
      "docs": [
        "Interest accrued and split through the income waterfall. Amounts are native quote units as fixed point",
        "(`_sf`: raw bits of a U68F60, divide by 2^60); tranche arrays are senior, mezzanine, junior."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "dtSecs",
            "docs": [
              "Seconds since the previous accrual."
            ],
            "type": "u64"
          },
          {
            "name": "utilizationSf",
            "docs": [
              "Utilization before the accrual, a fraction (fixed point)."
            ],
            "type": "u128"
          },
          {
            "name": "borrowRateSf",
            "docs": [
              "Annual borrow rate applied, a fraction per year (fixed point)."
            ],
            "type": "u128"
          },
          {
            "name": "borrowIndexSf",
            "docs": [
              "Borrow index after the accrual (fixed point, 1.0 at creation)."
            ],
            "type": "u128"
          },
          {
            "name": "incomeSf",
            "docs": [
              "Interest income: growth of the debt (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "feeSf",
            "docs": [
              "Protocol fee taken off the top (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "toTrancheSf",
            "docs": [
              "NAV added to each tranche, recoveries included (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "recoveredSf",
            "docs": [
              "Part of `to_tranche_sf` that restored a write-down (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "navAfterSf",
            "docs": [
              "Tranche NAVs after the accrual (fixed point, native units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "liquidateArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxRepay",
            "docs": [
              "Most quote the liquidator will repay, native units (clamped to the close factor)."
            ],
            "type": "u64"
          },
          {
            "name": "minSeize",
            "docs": [
              "Refuse if less collateral than this would be received (the bot's slippage guard), native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "oracleSetting",
      "docs": [
        "An oracle as accounts store it and instructions take it: `kind` is 0 for a Pyth pull `PriceUpdateV2` and 1",
        "for a legacy Pyth v2 account. Both pin the price account's address; a pull setting also pins the feed id."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "program",
            "docs": [
              "The program that must own the price account, one of [`ALLOWED_ORACLE_PROGRAMS`]: the Pyth Receiver, or a",
              "legacy oracle program."
            ],
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "docs": [
              "Pull: the feed id every update must carry. Legacy: unused (zero)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "account",
            "docs": [
              "The only account the price is read from. Pull: by default Pyth's sponsored feed account of the feed",
              "([`pyth_push_feed_account`], shard 0)."
            ],
            "type": "pubkey"
          },
          {
            "name": "maxAgeSecs",
            "docs": [
              "Oldest accepted publish time, seconds (1..=MAX_ORACLE_AGE_SECS)."
            ],
            "type": "u32"
          },
          {
            "name": "maxConfBps",
            "docs": [
              "Widest accepted confidence, bps of the price (1..=MAX_ORACLE_CONF_BPS)."
            ],
            "type": "u16"
          },
          {
            "name": "kind",
            "type": "u8"
          },
          {
            "name": "pad",
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "pauseChangedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "by",
            "docs": [
              "The guardian or the authority."
            ],
            "type": "pubkey"
          },
          {
            "name": "oldFlags",
            "docs": [
              "Pause flags before and after (bits: 1 deposits, 2 borrows, 4 redemption requests)."
            ],
            "type": "u32"
          },
          {
            "name": "newFlags",
            "type": "u32"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "podSf",
      "docs": [
        "An [`Sf`] stored in a zero-copy account: two little-endian u64 limbs, 8-byte aligned on every target",
        "(a `u128` field is 16-aligned on x86-64 but 8-aligned on SBF, so it would change the layout)."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "limbs",
            "type": {
              "array": [
                "u64",
                2
              ]
            }
          }
        ]
      }
    },
    {
      "name": "position",
      "docs": [
        "PDA `[SEED_POSITION, vault, owner, position_id u64 LE]`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "positionId",
            "type": "u64"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "entries",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "collateralEntry"
                  }
                },
                8
              ]
            }
          },
          {
            "name": "scaledDebtSf",
            "docs": [
              "Debt divided by the borrow index (fixed point raw bits): debt = scaled · index, rounded up."
            ],
            "type": "u128"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u64",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "positionLiquidatedEvent",
      "docs": [
        "A liquidation, with any bad debt it wrote off through the loss waterfall."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "liquidator",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "docs": [
              "The collateral asset seized."
            ],
            "type": "pubkey"
          },
          {
            "name": "healthBpsBefore",
            "docs": [
              "Health before, bps of 1.0 (liquidation power / debt value)."
            ],
            "type": "u64"
          },
          {
            "name": "repaid",
            "docs": [
              "Quote repaid by the liquidator, native units."
            ],
            "type": "u64"
          },
          {
            "name": "seized",
            "docs": [
              "Collateral received by the liquidator, native units of the asset's mint."
            ],
            "type": "u64"
          },
          {
            "name": "badDebtSf",
            "docs": [
              "Debt written off because no collateral was left (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "writtenDownSf",
            "docs": [
              "Written down from each tranche, senior, mezzanine, junior (fixed point, native quote units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "feesWrittenDownSf",
            "docs": [
              "Written down from accrued protocol fees (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "navAfterSf",
            "docs": [
              "Tranche NAVs afterwards (fixed point, native quote units)."
            ],
            "type": {
              "array": [
                "u128",
                3
              ]
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "positionOpenedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "positionId",
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "proposal",
      "docs": [
        "A pending change: PDA `[SEED_PROPOSAL, vault, proposal_id u64 LE]`, closed (rent to `rent_payer`) when it is",
        "executed or cancelled."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "proposalId",
            "type": "u64"
          },
          {
            "name": "proposer",
            "docs": [
              "The authority that proposed it."
            ],
            "type": "pubkey"
          },
          {
            "name": "rentPayer",
            "docs": [
              "Paid the rent; receives it back when the proposal closes."
            ],
            "type": "pubkey"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "configChangeSpace"
              }
            }
          },
          {
            "name": "eta",
            "docs": [
              "Unix seconds: proposal time + the timelock delay at proposal time."
            ],
            "type": "i64"
          },
          {
            "name": "createdTs",
            "type": "i64"
          },
          {
            "name": "bump",
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "rateCurve",
      "docs": [
        "Kinked borrow-rate curve, in bps per year: `base` at 0 % utilization, `base + slope1` at the optimal",
        "utilization, `base + slope1 + slope2` at 100 %."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "baseRateBps",
            "type": "u32"
          },
          {
            "name": "slope1Bps",
            "type": "u32"
          },
          {
            "name": "slope2Bps",
            "type": "u32"
          },
          {
            "name": "optimalUtilizationBps",
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "redemptionCancelledEvent",
      "docs": [
        "Unfilled shares returned from the queue."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares returned to the owner, native units."
            ],
            "type": "u64"
          },
          {
            "name": "trancheQueuedShares",
            "docs": [
              "The tranche's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "claimable",
            "docs": [
              "Filled payout still claimable by the owner, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "redemptionClaimedEvent",
      "docs": [
        "A filled payout paid to the request owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote paid, native units."
            ],
            "type": "u64"
          },
          {
            "name": "remainingShares",
            "docs": [
              "Shares still queued for the owner, native units."
            ],
            "type": "u64"
          },
          {
            "name": "closed",
            "docs": [
              "Whether the request account was closed (nothing queued, nothing left to claim)."
            ],
            "type": "bool"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "redemptionRequest",
      "docs": [
        "One holder's redemption request in one tranche: PDA `[SEED_REDEMPTION, vault, owner, [tranche]]`. Adding to",
        "it first settles what was filled, so a holder has one request per tranche. Closed (rent back to the owner)",
        "once it has nothing queued and nothing to claim."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "Tranche index: 0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "shares",
            "docs": [
              "Shares queued as of the snapshot below (tranche token native units)."
            ],
            "type": "u64"
          },
          {
            "name": "pSf",
            "docs": [
              "Queue accumulators `p` and `s` when the request last changed (fixed point, 2^-60, raw bits)."
            ],
            "type": "u128"
          },
          {
            "name": "sSf",
            "type": "u128"
          },
          {
            "name": "generation",
            "docs": [
              "Queue generation of the snapshot."
            ],
            "type": "u64"
          },
          {
            "name": "claimableNative",
            "docs": [
              "Payout settled and not yet paid, native quote units."
            ],
            "type": "u64"
          },
          {
            "name": "updatedTs",
            "docs": [
              "Unix seconds of the last change."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          }
        ]
      }
    },
    {
      "name": "redemptionRequestedEvent",
      "docs": [
        "Shares escrowed into the redemption queue."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "type": "u8"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares added to the queue by this request, native units."
            ],
            "type": "u64"
          },
          {
            "name": "requestShares",
            "docs": [
              "The owner's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "trancheQueuedShares",
            "docs": [
              "The tranche's queued shares after it, native units."
            ],
            "type": "u64"
          },
          {
            "name": "epochIndex",
            "docs": [
              "Epoch the shares will first be considered in."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "repaidEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "position",
            "type": "pubkey"
          },
          {
            "name": "payer",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "docs": [
              "Quote repaid, native units."
            ],
            "type": "u64"
          },
          {
            "name": "debtAfter",
            "docs": [
              "The position's debt afterwards, native quote units, rounded up."
            ],
            "type": "u64"
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "requestRedeemArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior (a `u8`, so that clients can encode it in the PDA seeds)."
            ],
            "type": "u8"
          },
          {
            "name": "shares",
            "docs": [
              "Tranche tokens to queue, native units."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "tokenMetadataArgs",
      "docs": [
        "What a wallet shows of a tranche token: the Token-2022 token-metadata fields of its mint."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "name",
            "docs": [
              "At most `MAX_TOKEN_NAME_LEN` bytes of UTF-8, no control, invisible or bidirectional-control characters; for",
              "example \"Senior · USDC vault 1\"."
            ],
            "type": "string"
          },
          {
            "name": "symbol",
            "docs": [
              "At most `MAX_TOKEN_SYMBOL_LEN` printable ASCII characters, no spaces; for example \"tvSR-1\"."
            ],
            "type": "string"
          },
          {
            "name": "uri",
            "docs": [
              "At most `MAX_TOKEN_URI_LEN` printable ASCII characters, no spaces (may be empty): the token's JSON",
              "(name, symbol, image), as wallets read it. One transaction of the three `initialize_tranche` and",
              "`initialize_vault` holds about 260 bytes of the three tranches' fields together; the largest take a",
              "transaction each (`initialize_vault::a_creation_fits_one_transaction_and_the_largest_fields_one_each`)."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "tranche",
      "docs": [
        "The three tranches, by their index in [`Vault::tranches`] and in the tranche-mint PDA seeds."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "senior"
          },
          {
            "name": "mezzanine"
          },
          {
            "name": "junior"
          }
        ]
      }
    },
    {
      "name": "trancheFill",
      "docs": [
        "One tranche's fill in an epoch close."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queuedBefore",
            "docs": [
              "Shares queued before the fill, native units."
            ],
            "type": "u64"
          },
          {
            "name": "filled",
            "docs": [
              "Shares filled (and burned), native units."
            ],
            "type": "u64"
          },
          {
            "name": "payoutSf",
            "docs": [
              "Payout reserved for the filled shares (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "subordinationCapSf",
            "docs": [
              "Most NAV the subordination limits let this tranche's redemptions take (fixed point, native units)."
            ],
            "type": "u128"
          },
          {
            "name": "navAfterSf",
            "docs": [
              "Tranche NAV after the fill (fixed point, native quote units)."
            ],
            "type": "u128"
          },
          {
            "name": "generationAfter",
            "docs": [
              "Queue generation after the fill (it advances when the fill empties the queue)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "trancheInitializedEvent",
      "docs": [
        "`initialize_tranche`: a tranche mint and its redemption escrow, created before their vault."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "docs": [
              "The vault's address (not created yet: `initialize_vault` follows)."
            ],
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "escrow",
            "type": "pubkey"
          },
          {
            "name": "decimals",
            "docs": [
              "The quote mint's, copied."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "docs": [
              "The mint's name, symbol and URI (its token metadata)."
            ],
            "type": {
              "defined": {
                "name": "tokenMetadataArgs"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "trancheMetadataUpdatedEvent",
      "docs": [
        "`update_tranche_metadata`: a tranche mint's name, symbol and URI, as they now are."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "metadata",
            "type": {
              "defined": {
                "name": "tokenMetadataArgs"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "trancheState",
      "docs": [
        "Per-tranche state inside the vault."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "escrow",
            "docs": [
              "Token account (PDA, owned by the vault) that holds this tranche's queued redemption shares."
            ],
            "type": "pubkey"
          },
          {
            "name": "depositCap",
            "docs": [
              "Deposit cap, in native quote units of NAV."
            ],
            "type": "u64"
          },
          {
            "name": "targetAprBps",
            "docs": [
              "Target APR, in bps (unused for junior, which takes the residual)."
            ],
            "type": "u16"
          },
          {
            "name": "mintBump",
            "type": "u8"
          },
          {
            "name": "escrowBump",
            "type": "u8"
          },
          {
            "name": "pad",
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "navSf",
            "docs": [
              "Net asset value, native quote units (fixed point, 2^-60)."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "writtenDownSf",
            "docs": [
              "Losses written down and not yet restored, native quote units (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "deadShares",
            "docs": [
              "Shares locked by the first deposit ([`DEAD_SHARES`], or 0 before it). Effective supply = mint supply",
              "+ dead shares."
            ],
            "type": "u64"
          },
          {
            "name": "queuedShares",
            "docs": [
              "Shares escrowed in the redemption queue and not yet filled (tranche token native units)."
            ],
            "type": "u64"
          },
          {
            "name": "supply",
            "docs": [
              "Tranche tokens outstanding as of the vault's last mint or burn (`deposit`, `close_epoch`, which set it from",
              "the mint), so that `borrow` can value the queue without the mint. A holder burning their own tokens makes",
              "it an overestimate until the next deposit or close (which only makes the queue look smaller)."
            ],
            "type": "u64"
          },
          {
            "name": "queuePSf",
            "docs": [
              "Queue accumulators of the current generation (see `math::queue`): Π unfilled fraction, and Σ p · payout",
              "per queued share (native quote units per share), both fixed point."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "queueSSf",
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "queueGeneration",
            "type": "u64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u64",
                7
              ]
            }
          }
        ]
      }
    },
    {
      "name": "updateTrancheMetadataArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tranche",
            "docs": [
              "0 senior, 1 mezzanine, 2 junior."
            ],
            "type": "u8"
          },
          {
            "name": "metadata",
            "type": {
              "defined": {
                "name": "tokenMetadataArgs"
              }
            }
          }
        ]
      }
    },
    {
      "name": "vault",
      "docs": [
        "The vault. Zero-copy: instructions read and write it in place, without (de)serializing ~1.5 KB."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version, [`VAULT_VERSION`]."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Bump of the vault PDA."
            ],
            "type": "u8"
          },
          {
            "name": "liquidityBump",
            "docs": [
              "Bump of the liquidity token account PDA."
            ],
            "type": "u8"
          },
          {
            "name": "quoteDecimals",
            "type": "u8"
          },
          {
            "name": "pauseFlags",
            "docs": [
              "Pause flags (bit set); none are defined yet."
            ],
            "type": "u32"
          },
          {
            "name": "vaultId",
            "docs": [
              "Creator-chosen id, part of the PDA seeds."
            ],
            "type": "u64"
          },
          {
            "name": "creator",
            "docs": [
              "Signer of `initialize_vault`, part of the PDA seeds; never changes."
            ],
            "type": "pubkey"
          },
          {
            "name": "authority",
            "docs": [
              "Governance authority (typically a multisig PDA)."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingAuthority",
            "docs": [
              "Proposed authority of a two-step transfer; `Pubkey::default()` when none."
            ],
            "type": "pubkey"
          },
          {
            "name": "guardian",
            "docs": [
              "May only pause and tighten; `Pubkey::default()` when none."
            ],
            "type": "pubkey"
          },
          {
            "name": "quoteMint",
            "type": "pubkey"
          },
          {
            "name": "quoteTokenProgram",
            "docs": [
              "SPL Token or Token-2022: owner of the quote mint, the liquidity account and the tranche mints."
            ],
            "type": "pubkey"
          },
          {
            "name": "liquidity",
            "docs": [
              "Quote-asset liquidity token account (PDA, owned by the vault)."
            ],
            "type": "pubkey"
          },
          {
            "name": "tranches",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "trancheState"
                  }
                },
                3
              ]
            }
          },
          {
            "name": "rateCurve",
            "type": {
              "defined": {
                "name": "rateCurve"
              }
            }
          },
          {
            "name": "minJuniorBps",
            "type": "u16"
          },
          {
            "name": "minSubordinationBps",
            "type": "u16"
          },
          {
            "name": "protocolFeeBps",
            "type": "u16"
          },
          {
            "name": "maxUtilizationBps",
            "type": "u16"
          },
          {
            "name": "epochDurationSecs",
            "type": "u32"
          },
          {
            "name": "timelockDelaySecs",
            "type": "u32"
          },
          {
            "name": "createdTs",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          },
          {
            "name": "lastAccrualTs",
            "docs": [
              "Unix seconds of the last interest accrual."
            ],
            "type": "i64"
          },
          {
            "name": "liquidityNative",
            "docs": [
              "Quote tokens the vault's books hold in the liquidity account, native units. Tokens sent to the account",
              "without going through the program are not counted (a donation cannot move a price)."
            ],
            "type": "u64"
          },
          {
            "name": "epochIndex",
            "docs": [
              "Index of the current redemption epoch (0 for the first)."
            ],
            "type": "u64"
          },
          {
            "name": "epochStartTs",
            "docs": [
              "Unix seconds when the current epoch started; `close_epoch` is allowed from start + epoch_duration_secs."
            ],
            "type": "i64"
          },
          {
            "name": "reservedPayoutSf",
            "docs": [
              "Payouts of filled redemptions, reserved in the liquidity and not yet claimed, native quote units",
              "(fixed point)."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "feesSf",
            "docs": [
              "Protocol fees accrued and not withdrawn, native quote units (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "scaledDebtSf",
            "docs": [
              "Total debt divided by the borrow index at the time of each borrow (fixed point). Debt =",
              "scaled debt · borrow index."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "borrowIndexSf",
            "docs": [
              "Borrow index: 1.0 at creation, grows with the borrow rate (fixed point)."
            ],
            "type": {
              "defined": {
                "name": "podSf"
              }
            }
          },
          {
            "name": "quoteOracle",
            "docs": [
              "The quote asset's price (debt is valued at its high side)."
            ],
            "type": {
              "defined": {
                "name": "oracleSetting"
              }
            }
          },
          {
            "name": "nextProposalId",
            "docs": [
              "Id of the next timelocked proposal."
            ],
            "type": "u64"
          },
          {
            "name": "firstValidProposalId",
            "docs": [
              "Proposals with a smaller id are void: `accept_authority` sets it to `next_proposal_id`, so a new",
              "authority never inherits its predecessor's pending changes."
            ],
            "type": "u64"
          },
          {
            "name": "redemptionsUnpausedTs",
            "docs": [
              "Unix seconds when redemption requests were last unpaused (0 if never). A risk-loosening change proposed",
              "before it cannot execute: depositors may not have been able to leave during its delay."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "docs": [
              "Reserved for later layouts."
            ],
            "type": {
              "array": [
                "u64",
                24
              ]
            }
          }
        ]
      }
    },
    {
      "name": "vaultInitializedEvent",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "docs": [
              "Signer that created the vault (part of the vault PDA seeds)."
            ],
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "guardian",
            "docs": [
              "`Pubkey::default()` when there is no guardian."
            ],
            "type": "pubkey"
          },
          {
            "name": "vaultId",
            "type": "u64"
          },
          {
            "name": "quoteMint",
            "type": "pubkey"
          },
          {
            "name": "quoteTokenProgram",
            "type": "pubkey"
          },
          {
            "name": "quoteDecimals",
            "docs": [
              "Decimals of the quote mint, copied by the tranche mints."
            ],
            "type": "u8"
          },
          {
            "name": "liquidity",
            "type": "pubkey"
          },
          {
            "name": "trancheMints",
            "docs": [
              "Senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                "pubkey",
                3
              ]
            }
          },
          {
            "name": "escrows",
            "docs": [
              "Redemption escrows (tranche token accounts owned by the vault): senior, mezzanine, junior."
            ],
            "type": {
              "array": [
                "pubkey",
                3
              ]
            }
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "vaultParams"
              }
            }
          },
          {
            "name": "quoteOracle",
            "type": {
              "defined": {
                "name": "oracleSetting"
              }
            }
          },
          {
            "name": "ts",
            "docs": [
              "Unix seconds."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "vaultParams",
      "docs": [
        "The risk parameters of a vault, as `initialize_vault` takes them and governance will change them.",
        "[`VaultParams::validate`] is the single bounds check for all of them."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "seniorTargetAprBps",
            "docs": [
              "Target APR of the senior and mezzanine tranches, in bps; junior takes the residual income."
            ],
            "type": "u16"
          },
          {
            "name": "mezzanineTargetAprBps",
            "type": "u16"
          },
          {
            "name": "depositCaps",
            "docs": [
              "Deposit cap per tranche (senior, mezzanine, junior), in native quote units of NAV."
            ],
            "type": {
              "array": [
                "u64",
                3
              ]
            }
          },
          {
            "name": "minJuniorBps",
            "docs": [
              "Junior NAV must stay at or above this share of total NAV, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "minSubordinationBps",
            "docs": [
              "Junior + mezzanine NAV must stay at or above this share of total NAV, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "protocolFeeBps",
            "docs": [
              "Share of interest income kept as protocol fee, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "maxUtilizationBps",
            "docs": [
              "Borrowing is refused above this utilization, in bps."
            ],
            "type": "u16"
          },
          {
            "name": "rateCurve",
            "type": {
              "defined": {
                "name": "rateCurve"
              }
            }
          },
          {
            "name": "epochDurationSecs",
            "docs": [
              "Length of a redemption epoch, in seconds."
            ],
            "type": "u32"
          },
          {
            "name": "timelockDelaySecs",
            "docs": [
              "Delay between proposing and executing a risk-loosening change, in seconds."
            ],
            "type": "u32"
          }
        ]
      }
    }
  ],
  "constants": [
    {
      "name": "bps",
      "docs": [
        "One in basis points. // expo = -4"
      ],
      "type": "u64",
      "value": "10000"
    },
    {
      "name": "closeFactorBps",
      "docs": [
        "Share of a position's debt one liquidation may repay, in bps, unless the position is deeply insolvent or its",
        "debt is dust."
      ],
      "type": "u64",
      "value": "5000"
    },
    {
      "name": "deadShares",
      "docs": [
        "Shares locked for ever by a tranche's first deposit (native units of the tranche token). They are never",
        "minted to anyone, so the effective supply never returns to zero, and inflating the share price costs an",
        "attacker `DEAD_SHARES` times what it could take from a later depositor by rounding."
      ],
      "type": "u64",
      "value": "1000"
    },
    {
      "name": "fullLiquidationHealthBps",
      "docs": [
        "Below this health (bps of 1.0) a liquidation may repay all of the debt."
      ],
      "type": "u64",
      "value": "9500"
    },
    {
      "name": "maxLiquidationBonusBps",
      "docs": [
        "Ceiling of a collateral asset's liquidation bonus, in bps (20 %)."
      ],
      "type": "u16",
      "value": "2000"
    },
    {
      "name": "maxTokenNameLen",
      "docs": [
        "Bounds of a tranche token's metadata, in bytes (those of Metaplex, which wallets display in full)."
      ],
      "type": "u32",
      "value": "32"
    },
    {
      "name": "maxTokenSymbolLen",
      "type": "u32",
      "value": "10"
    },
    {
      "name": "maxTokenUriLen",
      "type": "u32",
      "value": "200"
    },
    {
      "name": "minFirstDeposit",
      "docs": [
        "Smallest first deposit into a tranche, native units; the depositor receives it less [`DEAD_SHARES`]."
      ],
      "type": "u64",
      "value": "10000"
    },
    {
      "name": "pauseAll",
      "docs": [
        "Every pause flag; `set_pause` refuses other bits."
      ],
      "type": "u32",
      "value": "7"
    },
    {
      "name": "pauseBorrows",
      "type": "u32",
      "value": "2"
    },
    {
      "name": "pauseDeposits",
      "docs": [
        "Pause flags (bits of `Vault::pause_flags`). Repay and liquidate have none: nothing may block them."
      ],
      "type": "u32",
      "value": "1"
    },
    {
      "name": "pauseRedemptionRequests",
      "type": "u32",
      "value": "4"
    },
    {
      "name": "proposalExecutionWindowSecs",
      "docs": [
        "How long after its ETA a proposal may be executed, seconds (14 days); after that it has expired."
      ],
      "type": "i64",
      "value": "1209600"
    },
    {
      "name": "secondsPerYear",
      "docs": [
        "Seconds in the 365-day year that APRs and borrow rates are quoted in."
      ],
      "type": "u64",
      "value": "31536000"
    },
    {
      "name": "seedCollateral",
      "docs": [
        "Collateral asset PDA: `[SEED_COLLATERAL, vault, mint]`."
      ],
      "type": "bytes",
      "value": "[99, 111, 108, 108, 97, 116, 101, 114, 97, 108]"
    },
    {
      "name": "seedCustody",
      "docs": [
        "Custody token account of a collateral asset, a PDA: `[SEED_CUSTODY, vault, mint]`; authority = vault."
      ],
      "type": "bytes",
      "value": "[99, 117, 115, 116, 111, 100, 121]"
    },
    {
      "name": "seedEscrow",
      "docs": [
        "Escrow of queued redemptions, a tranche token account PDA: `[SEED_ESCROW, vault, [tranche index]]`, owned by",
        "the vault."
      ],
      "type": "bytes",
      "value": "[101, 115, 99, 114, 111, 119]"
    },
    {
      "name": "seedGeneration",
      "docs": [
        "The final queue accumulators of an ended generation: `[SEED_GENERATION, vault, [tranche index], generation",
        "u64 LE]`."
      ],
      "type": "bytes",
      "value": "[103, 101, 110, 101, 114, 97, 116, 105, 111, 110]"
    },
    {
      "name": "seedLiquidity",
      "docs": [
        "Quote-asset liquidity token account PDA: `[SEED_LIQUIDITY, vault]`. Its owner (token authority) is the vault."
      ],
      "type": "bytes",
      "value": "[108, 105, 113, 117, 105, 100, 105, 116, 121]"
    },
    {
      "name": "seedPosition",
      "docs": [
        "Borrower position PDA: `[SEED_POSITION, vault, owner, position_id u64 LE]`."
      ],
      "type": "bytes",
      "value": "[112, 111, 115, 105, 116, 105, 111, 110]"
    },
    {
      "name": "seedProposal",
      "docs": [
        "A timelocked config proposal: `[SEED_PROPOSAL, vault, proposal_id u64 LE]`."
      ],
      "type": "bytes",
      "value": "[112, 114, 111, 112, 111, 115, 97, 108]"
    },
    {
      "name": "seedRedemption",
      "docs": [
        "A holder's redemption request: `[SEED_REDEMPTION, vault, owner, [tranche index]]`."
      ],
      "type": "bytes",
      "value": "[114, 101, 100, 101, 109, 112, 116, 105, 111, 110]"
    },
    {
      "name": "seedTrancheMint",
      "docs": [
        "Tranche mint PDA: `[SEED_TRANCHE_MINT, vault, [tranche index]]`. Its mint authority is the vault."
      ],
      "type": "bytes",
      "value": "[116, 114, 97, 110, 99, 104, 101, 95, 109, 105, 110, 116]"
    },
    {
      "name": "seedVault",
      "docs": [
        "Vault PDA: `[SEED_VAULT, creator, quote_mint, vault_id.to_le_bytes()]`."
      ],
      "type": "bytes",
      "value": "[118, 97, 117, 108, 116]"
    },
    {
      "name": "trancheTokenProgram",
      "docs": [
        "The token program of every tranche mint and escrow: Token-2022, whose metadata-pointer and token-metadata",
        "extensions carry each tranche token's name, symbol and URI on the mint itself (what wallets show). The quote",
        "asset keeps its own program (`Vault::quote_token_program`)."
      ],
      "type": "pubkey",
      "value": "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb"
    }
  ]
};

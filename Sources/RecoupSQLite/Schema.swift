import GRDB
import RecoupStore

/// The workspace schema: named, append-only migrations (never edit one that has shipped).
///
/// Dates are ISO `YYYY-MM-DD` text (they sort as dates and read well in the `sqlite3` shell),
/// amounts are integer minor units, rates and ratios the exact decimal text they were given in.
/// `initials` holds the pinyin initials of a customer's name, computed once on write, so that Tab
/// completion never transliterates at start-up.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1 receivables") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customer (
                      id TEXT NOT NULL PRIMARY KEY,
                      name TEXT NOT NULL,
                      initials TEXT NOT NULL DEFAULT '',
                      phone TEXT, email TEXT, tax_id TEXT, segment TEXT,
                      credit_limit INTEGER,
                      bureau_score INTEGER CHECK (bureau_score BETWEEN 0 AND 1000),
                      bureau_date TEXT, agent TEXT, opened_on TEXT);
                    CREATE TABLE contract (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      service TEXT NOT NULL,
                      signed_on TEXT NOT NULL, start_on TEXT, end_on TEXT,
                      value INTEGER,
                      payment_terms_days INTEGER,
                      late_fee_daily_rate TEXT, late_fee_grace_days INTEGER, late_fee_cap TEXT,
                      suspend_after_days INTEGER, prepay_ratio TEXT);
                    CREATE INDEX contract_customer ON contract(customer_id);
                    CREATE TABLE invoice (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      contract_id TEXT REFERENCES contract(id),
                      issued_on TEXT NOT NULL,
                      due_on TEXT NOT NULL CHECK (due_on >= issued_on),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      disputed INTEGER NOT NULL DEFAULT 0,
                      settled_on TEXT);
                    CREATE INDEX invoice_customer ON invoice(customer_id);
                    CREATE TABLE payment (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      received_on TEXT NOT NULL,
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      invoice_id TEXT REFERENCES invoice(id),
                      method TEXT, reference TEXT);
                    CREATE INDEX payment_customer ON payment(customer_id);
                    CREATE TABLE setting (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE journal (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      at TEXT NOT NULL,
                      operator TEXT NOT NULL,
                      command TEXT NOT NULL,
                      effect TEXT NOT NULL);
                    """)
        }
        m.registerMigration("v2 plans") { db in
            // A plan restructures overdue invoices: their open amount on the plan's day moves into the
            // plan (plan_invoice), and the plan's installments become the customer's obligations.
            // `seq` orders the rows (a prepayment row shares the period of the installment before it).
            try db.execute(
                sql: """
                    CREATE TABLE plan (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      created_on TEXT NOT NULL,
                      terms TEXT NOT NULL,
                      financed INTEGER NOT NULL CHECK (financed > 0));
                    CREATE INDEX plan_customer ON plan(customer_id);
                    CREATE TABLE plan_installment (
                      plan_id TEXT NOT NULL REFERENCES plan(id),
                      seq INTEGER NOT NULL,
                      period INTEGER NOT NULL,
                      due_on TEXT NOT NULL,
                      payment INTEGER NOT NULL CHECK (payment >= 0),
                      principal INTEGER NOT NULL, interest INTEGER NOT NULL, fee INTEGER NOT NULL,
                      balance INTEGER NOT NULL,
                      deferred_interest INTEGER NOT NULL DEFAULT 0,
                      prepayment INTEGER NOT NULL DEFAULT 0,
                      PRIMARY KEY (plan_id, seq));
                    CREATE TABLE plan_invoice (
                      plan_id TEXT NOT NULL REFERENCES plan(id),
                      invoice_id TEXT NOT NULL UNIQUE REFERENCES invoice(id),
                      amount INTEGER NOT NULL CHECK (amount > 0));
                    ALTER TABLE payment ADD COLUMN plan_id TEXT REFERENCES plan(id);
                    """)
        }
        m.registerMigration("v3 scenarios") { db in
            // A saved what-if scenario: the commands that make it, replayed when it is reopened.
            try db.execute(
                sql: """
                    CREATE TABLE scenario (
                      name TEXT NOT NULL PRIMARY KEY,
                      commands TEXT NOT NULL,
                      saved_at TEXT NOT NULL,
                      operator TEXT NOT NULL);
                    """)
        }
        m.registerMigration("v4 receivables engine") { db in
            // The collections policy and its history; late-fee charges and waivers; the overdue
            // states last seen (for transitions); dunning steps sent; payments held unmatched and
            // applied by hand.
            try db.execute(
                sql: """
                    CREATE TABLE policy (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE policy_history (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      at TEXT NOT NULL, operator TEXT NOT NULL,
                      key TEXT NOT NULL, old_value TEXT, new_value TEXT NOT NULL);
                    CREATE TABLE charge (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      invoice_id TEXT REFERENCES invoice(id),
                      kind TEXT NOT NULL CHECK (kind IN ('late_fee', 'waiver')),
                      as_of TEXT NOT NULL,
                      amount INTEGER NOT NULL,
                      reason TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE UNIQUE INDEX charge_fee_day ON charge(invoice_id, as_of) WHERE kind = 'late_fee';
                    CREATE INDEX charge_customer ON charge(customer_id);
                    CREATE TABLE overdue_state (
                      scope TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL,
                      state TEXT NOT NULL,
                      days INTEGER NOT NULL,
                      amount INTEGER NOT NULL,
                      as_of TEXT NOT NULL);
                    CREATE TABLE dunning_sent (
                      invoice_id TEXT NOT NULL REFERENCES invoice(id),
                      step TEXT NOT NULL,
                      sent_on TEXT NOT NULL,
                      action TEXT NOT NULL,
                      file TEXT,
                      PRIMARY KEY (invoice_id, step));
                    ALTER TABLE payment ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE payment_application (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      payment_id TEXT NOT NULL REFERENCES payment(id),
                      invoice_id TEXT NOT NULL REFERENCES invoice(id),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    """)
        }
        m.registerMigration("v5 credit scores") { db in
            // Every scoring run's result, for `credit history`.
            try db.execute(
                sql: """
                    CREATE TABLE credit_score (
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      as_of TEXT NOT NULL,
                      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000),
                      tier TEXT NOT NULL,
                      PRIMARY KEY (customer_id, as_of));
                    """)
        }
        m.registerMigration("v6 deposits") { db in
            // The deposit (预付款) ledger: every movement, never negative per customer.
            try db.execute(
                sql: """
                    CREATE TABLE deposit_movement (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      contract_id TEXT REFERENCES contract(id),
                      kind TEXT NOT NULL CHECK (kind IN ('receive', 'apply', 'refund')),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      on_day TEXT NOT NULL,
                      invoice_id TEXT REFERENCES invoice(id),
                      reason TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX deposit_customer ON deposit_movement(customer_id);
                    """)
        }
        m.registerMigration("v7 bureau reports") { db in
            // Third-party credit reports as imported (the customer row keeps the latest).
            try db.execute(
                sql: """
                    CREATE TABLE bureau_report (
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000),
                      on_day TEXT NOT NULL,
                      agency TEXT NOT NULL DEFAULT '',
                      PRIMARY KEY (customer_id, on_day, agency));
                    """)
        }
        m.registerMigration("v8 typed changes") { db in
            // The journal keeps each change's kind and canonical payload beside the line it shows;
            // a scenario keeps its typed changes (JSON) instead of command lines. Scenarios saved
            // before this keep their `commands` and are migrated when next opened.
            try db.execute(
                sql: """
                    ALTER TABLE journal ADD COLUMN kind TEXT;
                    ALTER TABLE journal ADD COLUMN payload TEXT;
                    ALTER TABLE scenario ADD COLUMN changes TEXT;
                    """)
        }
        m.registerMigration("v9 case timeline") { db in
            // What was said and done beside the money: contacts, promises to pay (and the decisions
            // `promise check` recorded), dated disputes, complaints, legal cases and their steps,
            // write-offs (one row per invoice a write-off takes). Lists of invoice ids are kept as
            // space-separated text. An invoice's `disputed` flag stands for the dispute `D-` + its
            // id, open from its issue date until `dispute resolve` writes that dispute's row.
            try db.execute(
                sql: """
                    CREATE TABLE contact (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      on_day TEXT NOT NULL, channel TEXT NOT NULL, direction TEXT NOT NULL,
                      person TEXT, outcome TEXT, note TEXT, invoices TEXT NOT NULL DEFAULT '',
                      demand INTEGER NOT NULL DEFAULT 0, delivered_on TEXT, proof TEXT,
                      acknowledged INTEGER NOT NULL DEFAULT 0, forced_reason TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX contact_customer ON contact(customer_id, on_day);
                    CREATE TABLE promise (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      made_on TEXT NOT NULL,
                      promised_on TEXT NOT NULL CHECK (promised_on >= made_on),
                      invoices TEXT NOT NULL DEFAULT '', grace_days INTEGER, threshold TEXT,
                      cancelled_on TEXT, cancel_reason TEXT,
                      decided TEXT, decided_on TEXT, decided_paid INTEGER,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX promise_customer ON promise(customer_id);
                    CREATE TABLE dispute (
                      id TEXT NOT NULL PRIMARY KEY,
                      invoice_id TEXT NOT NULL REFERENCES invoice(id),
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      amount INTEGER CHECK (amount > 0),
                      reason TEXT NOT NULL, opened_on TEXT NOT NULL, note TEXT,
                      resolved_on TEXT, outcome TEXT CHECK (outcome IN ('valid', 'invalid')),
                      credit INTEGER CHECK (credit > 0), resolution TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX dispute_invoice ON dispute(invoice_id);
                    CREATE INDEX dispute_customer ON dispute(customer_id);
                    CREATE TABLE complaint (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      tier TEXT NOT NULL CHECK (tier IN ('simple', 'complex')),
                      received_on TEXT NOT NULL, note TEXT NOT NULL, about TEXT,
                      extended_days INTEGER NOT NULL DEFAULT 0, extension_reason TEXT,
                      resolved_on TEXT, resolution TEXT, resolved_by TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE TABLE legal_case (
                      id TEXT NOT NULL PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      contract_id TEXT REFERENCES contract(id),
                      invoices TEXT NOT NULL DEFAULT '', opened_on TEXT NOT NULL,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE TABLE legal_step (
                      case_id TEXT NOT NULL REFERENCES legal_case(id),
                      seq INTEGER NOT NULL,
                      step TEXT NOT NULL, on_day TEXT NOT NULL, note TEXT, court TEXT, delivered_on TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL,
                      PRIMARY KEY (case_id, seq));
                    CREATE TABLE writeoff (
                      id TEXT NOT NULL,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      invoice_id TEXT NOT NULL REFERENCES invoice(id),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      on_day TEXT NOT NULL, due_on TEXT NOT NULL,
                      reason TEXT NOT NULL, evidence TEXT, revenue INTEGER,
                      at TEXT NOT NULL, operator TEXT NOT NULL,
                      PRIMARY KEY (id, invoice_id));
                    CREATE INDEX writeoff_customer ON writeoff(customer_id);
                    """)
        }
        m.registerMigration("v10 operators, approvals and the chained journal") { db in
            // Who may do what: operators (OS logins with a role; removed ones stay), customers'
            // assignments with their history, and approval requests (the typed change as JSON, never
            // deleted). The journal gains the customer each entry concerns and its link in the hash
            // chain (`JournalChain`), computed here for the entries written before; from now on the
            // table refuses UPDATE and DELETE, so only a deliberate edit of the file can change it,
            // and `journal verify` finds that edit.
            try db.execute(
                sql: """
                    CREATE TABLE operator (
                      login TEXT NOT NULL PRIMARY KEY,
                      name TEXT NOT NULL,
                      role TEXT NOT NULL CHECK (role IN ('auditor', 'collector', 'legal', 'lead', 'finance', 'admin')),
                      added_at TEXT NOT NULL, added_by TEXT NOT NULL,
                      removed_at TEXT, removed_by TEXT);
                    CREATE TABLE assignment (
                      seq INTEGER PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      agent TEXT NOT NULL, previous TEXT,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX assignment_customer ON assignment(customer_id);
                    CREATE TABLE approval (
                      id TEXT NOT NULL PRIMARY KEY,
                      kind TEXT NOT NULL, customer_id TEXT, amount INTEGER,
                      change TEXT NOT NULL, summary TEXT NOT NULL, why TEXT NOT NULL,
                      maker TEXT NOT NULL, made_at TEXT NOT NULL, approvers TEXT NOT NULL,
                      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'failed')),
                      checker TEXT, checked_at TEXT, note TEXT);
                    CREATE INDEX approval_status ON approval(status);
                    ALTER TABLE journal ADD COLUMN customer_id TEXT;
                    ALTER TABLE journal ADD COLUMN hash TEXT;
                    """)
            var prev = JournalChain.genesis
            let rows = try Row.fetchAll(
                db, sql: "SELECT seq, at, operator, command, effect, kind, payload FROM journal ORDER BY seq")
            for (k, r) in rows.enumerated() {
                // Renumbered 1, 2, 3, ... should an earlier version have left a gap.
                let e = JournalEntry(
                    sequence: k + 1, at: r["at"], operator: r["operator"], command: r["command"], effect: r["effect"],
                    kind: r["kind"] ?? "", payload: r["payload"])
                prev = JournalChain.hash(prev: prev, line: JournalChain.line(e))
                try db.execute(
                    sql: "UPDATE journal SET seq = ?, hash = ? WHERE seq = ?",
                    arguments: [k + 1, prev, r["seq"] as Int])
            }
            try db.execute(
                sql: """
                    CREATE INDEX journal_customer ON journal(customer_id);
                    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
                      BEGIN SELECT RAISE(ABORT, 'the journal is append-only: its entries cannot be changed'); END;
                    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
                      BEGIN SELECT RAISE(ABORT, 'the journal is append-only: its entries cannot be deleted'); END;
                    """)
        }
        m.registerMigration("v11 corrections") { db in
            // A mistaken entry is corrected by a reversal, never deleted: a voided payment and a reversed
            // write-off keep their rows, marked, and count in no balance on any day; every reversal
            // (a dispute reopened too, with the resolution it undid) is a row of `correction`.
            try db.execute(
                sql: """
                    ALTER TABLE payment ADD COLUMN voided_at TEXT;
                    ALTER TABLE writeoff ADD COLUMN reversed_at TEXT;
                    CREATE TABLE correction (
                      seq INTEGER PRIMARY KEY,
                      kind TEXT NOT NULL, target TEXT NOT NULL, customer_id TEXT NOT NULL,
                      on_day TEXT NOT NULL, reason TEXT NOT NULL, undone TEXT NOT NULL,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX correction_customer ON correction(customer_id);
                    """)
        }
        m.registerMigration("v12 plan cancellation") { db in
            // A plan made by mistake is cancelled, not deleted: it keeps its rows, marked, and counts in
            // nothing (its invoices are open again, payments made toward it pay them). An invoice may then
            // be restructured into another plan, so `plan_invoice.invoice_id` is no longer unique (the
            // one-live-plan rule is checked by the write, which skips cancelled plans).
            try db.execute(
                sql: """
                    ALTER TABLE plan ADD COLUMN cancelled_at TEXT;
                    CREATE TABLE plan_invoice_v12 (
                      plan_id TEXT NOT NULL REFERENCES plan(id),
                      invoice_id TEXT NOT NULL REFERENCES invoice(id),
                      amount INTEGER NOT NULL CHECK (amount > 0),
                      PRIMARY KEY (plan_id, invoice_id));
                    INSERT INTO plan_invoice_v12 SELECT plan_id, invoice_id, amount FROM plan_invoice;
                    DROP TABLE plan_invoice;
                    ALTER TABLE plan_invoice_v12 RENAME TO plan_invoice;
                    CREATE INDEX plan_invoice_invoice ON plan_invoice(invoice_id);
                    """)
        }
        m.registerMigration("v13 credit limits let through") { db in
            // A contract over the credit limit with limit.over block, approved (or, single-user, decided):
            // contract check shows it let through for that service up to that value for 30 days.
            try db.execute(
                sql: """
                    CREATE TABLE limit_approval (
                      seq INTEGER PRIMARY KEY,
                      customer_id TEXT NOT NULL REFERENCES customer(id),
                      service TEXT NOT NULL, value INTEGER NOT NULL, exposure INTEGER NOT NULL,
                      credit_limit INTEGER NOT NULL, reason TEXT NOT NULL,
                      at TEXT NOT NULL, operator TEXT NOT NULL);
                    CREATE INDEX limit_approval_customer ON limit_approval(customer_id);
                    """)
        }
        m.registerMigration("v14 queue claims") { db in
            // `queue --take N`: a customer claimed by a collector for a lease, so two collectors taking
            // calls from one queue never get the same customer. Claims are working state, not records:
            // an expired or released claim is deleted.
            try db.execute(
                sql: """
                    CREATE TABLE queue_claim (
                      customer_id TEXT NOT NULL PRIMARY KEY REFERENCES customer(id),
                      agent TEXT NOT NULL, claimed_at TEXT NOT NULL, expires_at TEXT NOT NULL);
                    """)
        }
        return m
    }
}

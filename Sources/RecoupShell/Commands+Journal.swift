import Foundation
import RecoupCore
import RecoupStore
import ShellKit

/// The journal: who changed what, when, filtered; its hash chain verified; signed checkpoints kept
/// apart from the workspace (`JournalChain`, `JournalCheckpoint`).
extension Catalog {
    static var journalCommands: [Command] { [journalCommand, journalVerifyCommand, journalCheckpointCommand] }

    static var journalCommand: Command {
        Command(
            spec: sharingPath(
                CommandSpec(
                    ["journal"], summary: "the workspace's journal, newest first: who changed what, when",
                    discussion:
                        "Every change is an entry, numbered without gaps and chained by SHA-256 to the one before ('journal verify'). CSV and JSON carry each entry's kind and typed change (payload) and its hash.",
                    options: [
                        .limit("entries (default 20)"),
                        OptionSpec(
                            "--operator", value: "LOGIN", help: "only this operator's", completion: .domain("operator")),
                        OptionSpec(
                            "--customer", value: "CUSTOMER", help: "only entries about this customer",
                            completion: .domain("customer")),
                        OptionSpec(
                            "--kind", value: "KIND",
                            help: "a kind (payment.recorded) or its first part (payment, approval)"),
                        OptionSpec("--from", value: "DATE", help: "entries made on or after this day (UTC)"),
                        OptionSpec("--to", value: "DATE", help: "entries made on or before this day (UTC)"),
                        .format,
                    ],
                    examples: [
                        "journal", "journal --limit 5 --format csv", "journal --customer C001 --kind latefee",
                        "journal --operator wang --from 2026-12-01",
                    ]))
        ) { inv in
            var filter = JournalFilter(limit: try inv.integer("--limit", default: 20))
            filter.operator = inv.parsed.value("--operator")
            if inv.parsed.value("--customer") != nil { filter.customer = try inv.resolveCustomer("--customer").id }
            filter.kind = inv.parsed.value("--kind")
            filter.from = try optionalDay(inv, "--from")
            filter.to = try optionalDay(inv, "--to")
            let entries = try inv.store { () throws(StoreError) in try inv.workspace.journal(filter) }
            // The moment is formatted here, once an entry, not for each time a table reads the cell.
            return .output(.table(journalSpec.table(entries.map { ($0, at: Invocation.time($0.at)) })))
        }
    }

    /// `journal`: one row per entry, newest first, with the moment it was made (formatted beforehand).
    static let journalSpec = TableSpec<(JournalEntry, at: Cell)>(
        "journal",
        [
            .init(Column("Seq", key: "seq"), "the entry's number: 1, 2, 3, ... without gaps") {
                .number(String($0.0.sequence))
            },
            .init(Column("At", key: "at"), "when it was made (UTC; a table shows your time zone)") { $0.at },
            .init(Column("Operator", key: "operator"), "who made it") { .text($0.0.operator) },
            .init(Column("Customer", key: "customer_id", detail: true), "the customer it concerns, if any") {
                Invocation.text($0.0.customer)
            },
            .init(Column("Command", key: "command"), "the command that made it") { .text($0.0.command) },
            .init(Column("Effect", key: "effect"), "what it changed, in words") { .text($0.0.effect) },
            .init(Column("Kind", key: "kind", detail: true), "the change's kind (payment.recorded, ...), if kept") {
                .text($0.0.kind)
            },
            .init(Column("Payload", key: "payload", detail: true), "the typed change as canonical JSON, if any") {
                Invocation.text($0.0.payload)
            },
            .init(Column("Hash", key: "hash", detail: true), "its SHA-256 link in the chain") {
                Invocation.text($0.0.hash)
            },
        ])

    static var journalVerifyCommand: Command {
        Command(
            spec: CommandSpec(
                ["journal", "verify"],
                summary: "recompute the journal's hash chain; with a checkpoint, find cut entries",
                discussion:
                    "Recomputes every entry's hash from the first: prints the count and the last hash, or fails naming the first entry that does not match (an edit, a gap). With --checkpoint FILE (written by 'journal checkpoint') it also checks the checkpoint's signature and that its entry is still there with the same hash: entries deleted from the end show only that way.",
                options: [
                    OptionSpec("--checkpoint", value: "FILE", help: "a checkpoint to check against", completion: .file)
                ],
                examples: ["journal verify", "journal verify --checkpoint /mnt/finance/recoup-2026-11.checkpoint"])
        ) { inv in
            let result = try inv.store { () throws(StoreError) in try inv.workspace.verifyJournal() }
            guard result.holds else {
                throw ShellError(
                    "journal entry \(result.brokenAt ?? 0) does not hold: \(result.problem ?? "")",
                    hint:
                        "\(result.count) entries before it hold; compare the workspace with a backup from before entry \(result.brokenAt ?? 0)"
                )
            }
            var text =
                "journal holds: \(result.count) entr\(result.count == 1 ? "y" : "ies") chained"
                + (result.lastHash.map { ", last entry \(result.lastSequence ?? 0) hash \($0)" } ?? "")
            if let path = inv.parsed.value("--checkpoint") {
                let column = inv.parsed.column(ofOption: "--checkpoint")
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ShellError("cannot read checkpoint '\(path)'", column: column)
                }
                guard let c = JournalCheckpoint(text: String(decoding: data, as: UTF8.self)) else {
                    throw ShellError(
                        "'\(path)' is not a journal checkpoint", hint: "journal checkpoint --out FILE writes one",
                        column: column)
                }
                guard c.signatureHolds else {
                    throw ShellError(
                        "the checkpoint's signature does not hold: '\(path)' was altered after it was signed")
                }
                let entry = try inv.store { () throws(StoreError) in
                    try inv.workspace.journalEntry(sequence: c.sequence)
                }
                guard let e = entry else {
                    throw ShellError(
                        "the checkpoint of \(c.at) names entry \(c.sequence), but the journal ends at entry \(result.lastSequence ?? 0): entries were deleted from the end",
                        hint: "restore the workspace from a backup taken after \(c.at)")
                }
                guard e.hash == c.hash else {
                    throw ShellError(
                        "journal entry \(c.sequence) differs from the checkpoint of \(c.at): the journal was rewritten up to it",
                        hint: "restore the workspace from a backup taken after \(c.at)")
                }
                text +=
                    "\nentry \(c.sequence) matches the checkpoint of \(c.at) signed by \(c.operator) (key \(fingerprint(c.publicKey)))"
                if let mine = try? checkpointKey(create: false), JournalCheckpoint.publicKey(of: mine) != c.publicKey {
                    text += "\nnote: it was signed with another key than yours (\(inv.session.login)'s)"
                }
            }
            return .output(.text(text + "\n"))
        }
    }

    static var journalCheckpointCommand: Command {
        Command(
            spec: CommandSpec(
                ["journal", "checkpoint"],
                summary: "write the newest entry's number and hash, signed, to keep elsewhere",
                discussion:
                    "Signed with Ed25519 by a key kept outside the workspace, in your state folder ($XDG_STATE_HOME/recoup/journal-checkpoint.key, mode 0600, made on first use). Keep the file apart from the workspace (mail it to finance, print it in the month-end report): 'journal verify --checkpoint FILE' then finds entries deleted from the end, which the chain alone cannot.",
                options: [
                    OptionSpec(
                        "--out", value: "FILE", help: "where to write the checkpoint (required)", completion: .file)
                ],
                examples: ["journal checkpoint --out recoup-2026-11.checkpoint"])
        ) { inv in
            guard let out = inv.parsed.value("--out") else {
                throw ShellError("--out FILE is required", hint: "journal checkpoint --out recoup-2026-11.checkpoint")
            }
            let result = try inv.store { () throws(StoreError) in try inv.workspace.verifyJournal() }
            guard result.holds else {
                throw ShellError(
                    "journal entry \(result.brokenAt ?? 0) does not hold: \(result.problem ?? ""); no checkpoint written",
                    hint: "a checkpoint vouches only for a journal that verifies")
            }
            guard let seq = result.lastSequence, let hash = result.lastHash else {
                throw ShellError("the journal is empty: nothing to checkpoint")
            }
            let key = try checkpointKey(create: true)!
            let at = ISO8601DateFormatter().string(from: Date())
            let c = try JournalCheckpoint.signed(
                sequence: seq, hash: hash, at: at, operator: inv.session.operatorName,
                workspace: URL(fileURLWithPath: inv.workspace.path).standardizedFileURL.path, key: key)
            guard FileManager.default.createFile(atPath: out, contents: Data(c.text.utf8)) else {
                throw ShellError("cannot write '\(out)'", column: inv.parsed.column(ofOption: "--out"))
            }
            return .output(
                .text(
                    "checkpoint of entry \(seq) (hash \(hash)) written to \(out), signed with key \(fingerprint(c.publicKey))\n"
                ))
        }
    }

    /// The first 16 characters of a base64 public key: enough to tell keys apart when read aloud.
    static func fingerprint(_ publicKey: String) -> String { String(publicKey.prefix(16)) }

    /// The operator's checkpoint key (raw Ed25519, base64 in the file), made with mode 0600 when asked.
    static func checkpointKey(create: Bool) throws -> Data? {
        let folder = Launcher.stateFolder() + "/recoup"
        let path = folder + "/journal-checkpoint.key"
        if let text = FileManager.default.contents(atPath: path) {
            guard
                let key = Data(
                    base64Encoded: String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                ),
                JournalCheckpoint.publicKey(of: key) != nil
            else { throw ShellError("'\(path)' is not a checkpoint key", hint: "move it away; a new one is made") }
            return key
        }
        guard create else { return nil }
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = JournalCheckpoint.newKey()
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data((key.base64EncodedString() + "\n").utf8),
                attributes: [.posixPermissions: 0o600])
        else { throw ShellError("cannot write the checkpoint key '\(path)'", hint: "check $XDG_STATE_HOME or $HOME") }
        return key
    }
}

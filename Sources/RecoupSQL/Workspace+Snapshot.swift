import Foundation
import RecoupCore
import RecoupStore

/// The whole-portfolio ledger kept beside a workspace file (`WORKSPACE.ledger`, a `LedgerSnapshot`),
/// so one-shot reports over the whole portfolio do not read a million rows each time.
///
/// The snapshot's key is what the books are: the journal's head (its number and hash: every change
/// Recoup makes to the books is journaled, in the same transaction) and the last row ids of the
/// invoice and payment tables (rows added outside Recoup move them). A report reads the key in one
/// read (microseconds) and uses the file only when its key, layout, byte order, checksum and counts
/// all hold; otherwise it reads the books as before and writes a new file (to a temporary name,
/// then renamed, so a reader never sees half a file; several processes may race, the last rename
/// wins and every file written is whole). The file is written only when the key read before the
/// load equals the key read after it, so a colleague's commit during the load never leaves a mixed
/// snapshot behind. A change made outside Recoup that rewrites rows in place without the journal is
/// not seen; such a change is outside the books' rules anyway (`journal verify` does not see it
/// either), and deleting the `.ledger` file forces a rebuild. Nothing is kept for PostgreSQL, whose
/// clients are on other machines (the engine gives no snapshot path), nor while a what-if scenario
/// is open in this shell (its writer sees the scenario).
extension Workspace {
    /// The key of the books as committed now.
    func snapshotKey() throws(StoreError) -> String {
        try readBase { db in
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
            let invoices = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM invoice") ?? 0
            let payments = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM payment") ?? 0
            return "\(head?["seq"] as Int64? ?? 0):\(head?["hash"] as String? ?? "-"):\(invoices):\(payments)"
        }
    }

    /// The snapshot's ledger when the file beside the workspace holds the books as they are now.
    func snapshotLedger(key: String) -> Ledger? {
        guard let path = engine.snapshotPath else { return nil }
        return LedgerSnapshot.decode(file: path, key: key)
    }

    /// Writes `ledger` as the snapshot of the books at `key`; a failure (a read-only folder, a full
    /// disk) only means the next report reads the books again.
    func keepSnapshot(_ ledger: Ledger, key: String) {
        guard let path = engine.snapshotPath else { return }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard LedgerSnapshot.write(ledger, key: key, to: temporary), rename(temporary, path) == 0 else {
            unlink(temporary)
            return
        }
    }
}

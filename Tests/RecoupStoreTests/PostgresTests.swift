import Foundation
import RecoupCore
import PostgresNIO
@testable import RecoupPostgres
import RecoupSQL
import RecoupStore
import Testing
import RecoupTestBackend

/// The PostgreSQL engine's own parts: the address, the password file, the SQL it sends; and, on a
/// server (`RECOUP_TEST_POSTGRES`), operators as database roles.
@Suite struct PostgresTests {
    @Test func addressesParse() throws {
        let a = try PostgresAddress(
            "postgres://zhang:s%40cret@db.example.com:6543/collections?sslmode=require", environment: [:])
        #expect(a.user == "zhang")
        #expect(a.password == "s@cret")
        #expect(a.host == "db.example.com")
        #expect(a.port == 6543)
        #expect(a.database == "collections")
        #expect(a.requireTLS)
        #expect(a.display == "postgres://zhang@db.example.com:6543/collections")  // never the password
        let b = try PostgresAddress("postgresql://li@127.0.0.1/books", environment: ["PGPASSWORD": "pw"])
        #expect(b.port == 5432 && b.password == "pw" && !b.requireTLS)
    }

    @Test(arguments: [
        ("postgres://db.example.com/collections", "no user named"),
        ("postgres://zhang@db.example.com", "no database named"),
        ("postgres://zhang@db.example.com:99999/c", "the port is not a number from 1 to 65535"),
        ("postgres://zhang@db.example.com/c?sslmode=maybe", "unknown option 'sslmode=maybe'"),
    ])
    func badAddressesSayWhy(_ url: String, _ why: String) {
        #expect {
            try PostgresAddress(url, environment: [:])
        } throws: { error in
            guard case .cannotOpen(_, let reason) = error as? StoreError else { return false }
            return reason.hasPrefix(why) && reason.contains("postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
    }

    /// libpq's password file: the first matching line wins, `*` matches anything, `\:` is a colon.
    @Test func passwordFileLines() {
        let file = """
            # the team's server
            db.example.com:5432:collections:zhang:first
            *:*:*:zhang:any\\:thing
            db.example.com:5432:*:li:second
            """
        #expect(
            PostgresAddress.match(file, host: "db.example.com", port: 5432, database: "collections", user: "zhang")
                == "first")
        #expect(PostgresAddress.match(file, host: "other", port: 5433, database: "x", user: "zhang") == "any:thing")
        #expect(
            PostgresAddress.match(file, host: "db.example.com", port: 5432, database: "books", user: "li") == "second")
        #expect(PostgresAddress.match(file, host: "db.example.com", port: 5432, database: "books", user: "wang") == nil)
    }

    @Test func placeholdersAreNumberedOutsideQuotes() throws {
        // The numbering is a pure function of the text; a connection is not needed to check it.
        let sql = "SELECT '?' || id FROM t WHERE a = ? AND b LIKE '%?%' AND c IN (?, ?)"
        #expect(
            PGConnection.numberedText(sql) == "SELECT '?' || id FROM t WHERE a = $1 AND b LIKE '%?%' AND c IN ($2, $3)")
    }

    @Test func scriptsSplitIntoStatements() {
        let script = """
            CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- a comment; with a semicolon
            CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no; never'; END $$ LANGUAGE plpgsql;
            INSERT INTO a VALUES ('it''s');
            """
        let statements = PGConnection.statements(script)
        #expect(statements.count == 3)
        #expect(statements[1].hasSuffix("LANGUAGE plpgsql"))
        #expect(statements[2] == "INSERT INTO a VALUES ('it''s')")
    }

    @Test func plainInsertsGoThroughCopyOthersDoNot() {
        #expect(PGStatement.plainInsert("INSERT INTO invoice(id, amount) VALUES (?, ?)")?.columns == ["id", "amount"])
        #expect(
            PGStatement.plainInsert("INSERT INTO dunning_sent(a, b) VALUES (?, ?) ON CONFLICT(a, b) DO NOTHING") == nil)
        #expect(PGStatement.plainInsert("INSERT INTO charge(a) VALUES (?) RETURNING id") == nil)
    }

    /// The bulk reads' tap (`DataRowTap`): a stream of messages cut into reads of every size from one
    /// byte up (headers split too) passes on exactly the bytes of every message but the DataRows,
    /// whose rows reach the sink whole and in order; unarmed, it passes on every byte.
    @Test func dataRowsAreTakenOffTheWireWhereverTheReadsCut() {
        func be32(_ n: Int) -> [UInt8] { withUnsafeBytes(of: Int32(n).bigEndian) { Array($0) } }
        func message(_ type: Character, _ body: [UInt8]) -> [UInt8] { [type.asciiValue!] + be32(body.count + 4) + body }
        func row(_ i: Int) -> [UInt8] {
            let name = Array("客户-\(String(repeating: "x", count: i % 9))".utf8)
            let amount =
                i % 3 == 0 ? be32(-1) : be32(8) + withUnsafeBytes(of: Int64(i * 1_000_003).bigEndian) { Array($0) }
            return [0, 3] + be32(4) + be32(i) + be32(name.count) + name + amount
        }
        let rows = (1...40).map(row)
        let others = [message("1", []), message("2", []), message("T", Array("description".utf8))]
        let tail = [message("C", Array("SELECT 40\0".utf8)), message("Z", [UInt8(ascii: "I")])]
        let stream = (others + rows.map { message("D", $0) } + tail).flatMap { $0 }
        let kept = (others + tail).flatMap { $0 }
        for size in [1, 2, 3, 4, 5, 6, 7, 11, 64, 4096] {
            for armed in [true, false] {
                var framing = MessageFraming()
                let builder = WireRows.Builder()
                var passed: [UInt8] = []
                for start in stride(from: 0, to: stream.count, by: size) {
                    let read = Array(stream[start..<min(stream.count, start + size)])
                    let whole = framing.split(ByteBuffer(bytes: read), diverting: armed ? builder : nil) {
                        passed += Array($0.readableBytesView)
                    }
                    if whole { passed += read }
                }
                #expect(passed == (armed ? kept : stream), "reads of \(size) bytes, armed: \(armed)")
                let got = WireRows(builder)
                var n = 0
                while got.next() {
                    n += 1
                    #expect(got.int(0) == Int64(n))
                    #expect(got.string(1) == "客户-\(String(repeating: "x", count: n % 9))")
                    #expect(got.isNull(2) == (n % 3 == 0))
                    if n % 3 != 0 { #expect(got.int(2) == Int64(n * 1_000_003)) }
                }
                #expect(n == (armed ? 40 : 0), "reads of \(size) bytes")
            }
        }
    }

    /// On a server: a bulk read of 50,000 rows (several of the tap's arenas) reads back every value;
    /// an error part way through the rows is the query's error, and the connection goes on serving.
    @Test(.enabled(if: TestBackend.server != nil)) func bulkReadsComeOffTheWire() throws {
        let ws = try TestBackend.open(try TestBackend.newWorkspacePath(file: ""), create: true)
        try ws.engine.read { db in
            let rows = try db.connection.rawRows(
                """
                SELECT g, repeat('账', g % 300), CASE WHEN g % 7 = 0 THEN NULL ELSE g::bigint * 1000000000 END
                FROM generate_series(1, 50000) g
                """)
            var n = 0
            while rows.next() {
                n += 1
                guard rows.int(0) == Int64(n), rows.text(1).count == 3 * (n % 300), rows.isNull(2) == (n % 7 == 0),
                    n % 7 == 0 || rows.int(2) == Int64(n) * 1_000_000_000
                else {
                    Issue.record("row \(n) read back wrong")
                    return
                }
            }
            #expect(n == 50000)
            #expect((rows as? WireRows)?.rowsDecodedByClient == 0)  // all came off the wire by the tap
        }
        #expect(throws: SQLError.self) {
            try ws.engine.read { db in
                _ = try db.connection.rawRows("SELECT 1 / (50000 - g) FROM generate_series(1, 60000) g")
            }
        }
        let after = try ws.engine.read { db in
            let rows = try db.connection.rawRows("SELECT 7, 'after'")
            return rows.next() ? (rows.int(0), rows.string(1)) : (0, "")
        }
        #expect(after == (7, "after"))
    }

    /// A collector's login may write the books but the database refuses it the journal's history and
    /// the policy, whatever client it uses; an auditor's login writes nothing; a collector's policy
    /// change is stored as a request for an admin (published rule: maker-checker, collections-workflow.md).
    @Test(.enabled(if: TestBackend.server != nil)) func operatorsAreDatabaseRoles() throws {
        let path = try TestBackend.newWorkspacePath(file: "")
        let owner = try TestBackend.open(path, create: true)
        let context = ChangeContext(operator: "tester", command: "operator add")
        let tag = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(8).lowercased()
        let collector = "coll_\(tag)", auditor = "aud_\(tag)"
        try owner.perform(.operatorAdded(Operator(login: "tester", name: "管理员", role: .admin)), context: context)
        try owner.perform(.operatorAdded(Operator(login: collector, name: "催收员", role: .collector)), context: context)
        try owner.perform(.operatorAdded(Operator(login: auditor, name: "审计", role: .auditor)), context: context)
        let csv = NSTemporaryDirectory() + "pg-roles-\(tag).csv"
        try "id,name\nC1,上海星辰科技有限公司\n".write(toFile: csv, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        _ = try owner.importCSV(.customers, path: csv, options: ImportOptions(), context: context)

        func login(_ who: String) throws -> Workspace {
            try TestBackend.open(path.replacingOccurrences(of: "://tester@", with: "://\(who)@"))
        }
        let c = try login(collector)
        #expect(c.databaseLogin == collector)
        let as_c = ChangeContext(operator: collector, command: "payment add")
        let pay = Payment(id: "P1", customerId: "C1", receivedOn: Day("2024-06-30")!, amount: Money(minorUnits: 1000))
        try c.perform(.paymentRecorded(pay), context: as_c)
        #expect(try owner.payments(customer: "C1").map(\.id) == ["P1"])
        for sql in [
            "UPDATE journal SET effect = 'x'", "DELETE FROM journal", "UPDATE policy SET value = '1'",
            "INSERT INTO operator(login, name, role, added_at, added_by) VALUES ('x', 'x', 'admin', 'now', 'x')",
        ] {
            #expect {
                try c.engine.writeWithoutTransaction(checkingReferences: true) { db in try db.execute(sql: sql) }
            } throws: { error in (error as? SQLError)?.kind == .permission }
        }
        let policyChange = BookChange.policySet([PolicyValue(key: "approval.waive_limit", value: "900")])
        #expect {
            try c.perform(policyChange, context: as_c.with(command: "policy set approval.waive_limit 900"))
        } throws: { error in
            if case .approvalRequested = error as? StoreError { return true }
            return false
        }
        #expect(try owner.policy()["approval.waive_limit"] != "900")
        let a = try login(auditor)
        #expect {
            try a.engine.writeWithoutTransaction(checkingReferences: true) { db in
                try db.execute(sql: "INSERT INTO contact(id) VALUES ('K1')")
            }
        } throws: { error in (error as? SQLError)?.kind == .permission }
    }

    /// An open shell hears of a colleague's commit (NOTIFY on a connection of its own), not of its own.
    @Test(.enabled(if: TestBackend.server != nil)) func colleaguesCommitsAreAnnounced() throws {
        let path = try TestBackend.newWorkspacePath(file: "")
        let mine = try TestBackend.open(path, create: true), colleague = try TestBackend.open(path)
        let heard = DispatchSemaphore(value: 0)
        #expect(mine.onColleagueCommit { heard.signal() })
        let context = ChangeContext(operator: "tester", command: "set")
        try mine.setSetting("note", "mine", context: context)
        #expect(heard.wait(timeout: .now() + 1) == .timedOut)  // its own commit is not announced to it
        let before = mine.booksVersion()
        try colleague.setSetting("note", "theirs", context: context)
        #expect(heard.wait(timeout: .now() + 10) == .success)
        #expect(mine.booksVersion() > before)
    }
}

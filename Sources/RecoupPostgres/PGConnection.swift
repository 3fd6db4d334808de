import Foundation
import PostgresNIO
import RecoupSQL
import RecoupStore

/// One PostgreSQL connection as the store's `SQLConnection`: SQLite-style `?` placeholders numbered
/// `$1...`, results decoded from the binary format straight off each cell's bytes, and rows a plain
/// `INSERT ... VALUES (?, ...)` makes in bulk (an import) sent with COPY, flushed before any other
/// statement runs.
final class PGConnection: SQLConnection, @unchecked Sendable {
    let conn: PostgresConnection
    /// The bulk reads' handler on this connection's channel (`DataRowTap`).
    let tap: DataRowTap?
    let channel: (any Channel)?
    let logger: Logger
    let isWriter: Bool
    var lockTimeout: Double = 10
    private var translated: [String: String] = [:]
    /// Rows waiting to be sent with COPY (one table and column list at a time).
    private var pending: (table: String, columns: [String], buffer: ByteBuffer, rows: Int)?
    private(set) var isUsable = true

    init(_ conn: PostgresConnection, channel: (any Channel)?, tap: DataRowTap?, logger: Logger, writer: Bool) {
        self.conn = conn
        self.channel = channel
        self.tap = tap
        self.logger = logger
        self.isWriter = writer
    }

    static func open(_ a: PostgresAddress, group: MultiThreadedEventLoopGroup, logger: Logger, writer: Bool) throws
        -> PGConnection
    {
        var tls = PostgresConnection.Configuration.TLS.disable
        if a.requireTLS {
            var config = TLSConfiguration.makeClientConfiguration()
            config.certificateVerification = .none  // libpq's sslmode=require: encrypted, not verified
            tls = .require(try NIOSSLContext(configuration: config))
        }
        // The channel is made here, not by postgres-nio, so that the bulk reads' tap can join its
        // pipeline once the connection is ready.
        let loop = group.next()
        let channel = try ClientBootstrap(group: loop)
            .connectTimeout(.seconds(10))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .connect(host: a.host, port: a.port).wait()
        var configuration = PostgresConnection.Configuration(
            establishedChannel: channel, tls: tls, username: a.user, password: a.password, database: a.database)
        if a.host.first?.isLetter == true { configuration.options.tlsServerName = a.host }  // SNI: names, not IPs
        let c: PostgresConnection
        do {
            c = try PostgresConnection.connect(
                on: loop, configuration: configuration, id: writer ? 1 : 2, logger: logger
            ).wait()
        } catch {
            channel.close(promise: nil)
            throw error
        }
        let tap = DataRowTap()
        try loop.submit {
            let pipeline = channel.pipeline.syncOperations
            if let tls = try? pipeline.handler(type: NIOSSLClientHandler.self) {
                try pipeline.addHandler(tap, position: .after(tls))
            } else {
                try pipeline.addHandler(tap, position: .first)
            }
        }.wait()
        return PGConnection(c, channel: channel, tap: tap, logger: logger, writer: writer)
    }

    func close() { try? conn.close().wait() }

    var constraintFailureAbortsTransaction: Bool { true }
    var joinsBulkReadsInMemory: Bool { true }
    func rebuildableIndexes(of table: String) throws -> [(name: String, create: String)] { [] }
    func bulkCache(_ on: Bool) throws {}

    /// A PostgreSQL error in the store's terms (SQLSTATE classes), with the server's message.
    static func sqlError(_ error: any Error) -> any Error {
        guard let e = error as? PSQLError else { return error }
        guard let info = e.serverInfo, let state = info[.sqlState] else {
            return SQLError(.other, describe(error))
        }
        let message = info[.message] ?? describe(error)
        switch state {
        case "23505": return SQLError(.unique(table: info[.tableName] ?? ""), message)
        case "23503": return SQLError(.foreignKey, message)
        case let s where s.hasPrefix("23"): return SQLError(.constraint, message)
        case "55P03", "40001", "40P01", "57014": return SQLError(.busy, message)
        case "25006": return SQLError(.readOnly, message)
        case "42501": return SQLError(.permission, message)
        default: return SQLError(.other, message)
        }
    }

    /// What went wrong connecting or querying, in words.
    static func describe(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let m = e.serverInfo?[.message] { return m }
            if let u = e.underlying { return "\(u)" }
            return "\(e.code)"
        }
        return "\(error)"
    }

    /// `RECOUP_PG_TRACE=1`: each query's time on standard error (for measuring, never in normal use).
    static let trace = ProcessInfo.processInfo.environment["RECOUP_PG_TRACE"] == "1"

    /// `?` placeholders outside quotes numbered `$1`, `$2`, ... (cached per statement text).
    func numbered(_ sql: String) -> String {
        if let t = translated[sql] { return t }
        let out = Self.numberedText(sql)
        translated[sql] = out
        return out
    }

    static func numberedText(_ sql: String) -> String {
        var out = "", n = 0
        var quote: Character?
        for ch in sql {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func bindings(_ values: [DatabaseValue]) -> PostgresBindings {
        var b = PostgresBindings(capacity: values.count)
        for v in values {
            switch v {
            case .null: b.appendNull()
            case .integer(let i): b.append(i)
            case .real(let d): b.append(d)
            case .text(let s): b.append(s)
            case .blob(let bytes): b.append(ByteBuffer(bytes: bytes))
            }
        }
        return b
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            guard conn.isClosed else { throw Self.sqlError(error) }
            isUsable = false
            throw SQLError(.other, "the connection to the server was lost: \(Self.describe(error))")
        }
    }

    func query(_ sql: String, _ arguments: [DatabaseValue]) throws -> PostgresQueryResult {
        try flush()
        let q = PostgresQuery(unsafeSQL: numbered(sql), binds: Self.bindings(arguments))
        return try guarded { try conn.query(q, logger: logger).wait() }
    }

    /// Runs SQL without parameters, one statement or several (sent one by one: the client speaks
    /// only the extended protocol, which takes one statement a message).
    func executeSimple(_ sql: String) throws {
        try flush()
        for statement in Self.statements(sql) {
            _ = try guarded { try conn.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait() }
        }
    }

    /// The statements of a script: split at `;` outside quotes, dollar-quoted bodies and comments.
    static func statements(_ sql: String) -> [String] {
        let b = Array(sql.utf8)
        var out: [String] = [], start = 0, i = 0
        func flushStatement(_ end: Int) {
            let text = String(decoding: b[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty
                && !text.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") })
            {
                out.append(text)
            }
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                i += 1
                while i < b.count && b[i] != c { i += 1 }
                i += 1
            } else if c == UInt8(ascii: "-") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "-") {
                while i < b.count && b[i] != 10 { i += 1 }
            } else if c == UInt8(ascii: "$") {
                var j = i + 1
                while j < b.count && (b[j] == UInt8(ascii: "_") || (b[j] | 0x20 >= 97 && b[j] | 0x20 <= 122)) { j += 1 }
                guard j < b.count && b[j] == UInt8(ascii: "$") else { i += 1; continue }
                let tag = Array(b[i...j])
                i = j + 1
                while i + tag.count <= b.count && Array(b[i..<(i + tag.count)]) != tag { i += 1 }
                i += tag.count
            } else if c == UInt8(ascii: ";") {
                flushStatement(i)
                i += 1
                start = i
            } else {
                i += 1
            }
        }
        if start < b.count { flushStatement(b.count) }
        return out
    }

    func execute(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int {
        if arguments.isEmpty && sql.trimmingCharacters(in: .whitespacesAndNewlines).dropLast().contains(";") {
            try executeSimple(sql)
            return 0
        }
        return try query(sql, arguments).metadata.rows ?? 0
    }

    /// Runs a query handing each row to `body` on the event loop's thread as it arrives. (The
    /// client's collect-all path copied its growing array of rows again and again: 27 s for a
    /// million invoices, measured; rows taken one by one and decoded at once: docs/BENCHMARKS.md.)
    @discardableResult
    func each(_ sql: String, _ arguments: [DatabaseValue], _ body: @escaping @Sendable (PostgresRow) -> Void) throws
        -> PostgresQueryMetadata
    {
        try flush()
        let q = PostgresQuery(unsafeSQL: numbered(sql), binds: Self.bindings(arguments))
        guard Self.trace else { return try guarded { try conn.query(q, logger: logger, body).wait() } }
        let t = Date()
        defer {
            FileHandle.standardError.write(
                Data(String(format: "pg %.1f ms  %@\n", -t.timeIntervalSinceNow * 1000, String(sql.prefix(90))).utf8))
        }
        return try guarded { try conn.query(q, logger: logger, body).wait() }
    }

    func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [Row] {
        let collected = Collected()
        try each(sql, arguments) { row in
            if collected.columns == nil { collected.columns = RowColumns(row.map(\.columnName)) }
            collected.rows.append(Row(columns: collected.columns!, values: row.map(Self.value)))
        }
        return collected.rows
    }

    func cursor(_ sql: String, _ arguments: [DatabaseValue]) throws -> RowCursor {
        var rows = try self.rows(sql, arguments)[...]
        return RowCursor { rows.popFirst() }
    }

    func prepare(_ sql: String, cached: Bool) throws -> any PreparedStatement { PGStatement(sql, connection: self) }

    /// The whole result for a bulk loader, its rows taken off the wire by the tap (`DataRowTap`) and
    /// read in place: no row-by-row decoding by postgres-nio (docs/BENCHMARKS.md).
    func rawRows(_ sql: String) throws -> any RawRows {
        let builder = WireRows.Builder()
        if let tap, let channel { try channel.eventLoop.submit { tap.serve(builder) }.wait() }
        defer { if let tap, let channel { try? channel.eventLoop.submit { tap.serve(nil) }.wait() } }
        // Rows reach the body only when the tap is not on the channel: kept in the same layout.
        try each(sql, []) { row in builder.append(row) }
        return WireRows(builder)
    }

    func begin(immediate: Bool) throws {
        try executeSimple("BEGIN")
        guard immediate else { return }
        do {
            try executeSimple("SET LOCAL lock_timeout = '\(max(1, Int(lockTimeout * 1000)))ms'")
            _ = try query("SELECT pg_advisory_xact_lock(\(PostgresEngine.writeLockKey))", [])
        } catch {
            try? executeSimple("ROLLBACK")
            throw error
        }
    }

    func commit() throws {
        if isWriter {
            try flush()
            _ = try query("UPDATE books_version SET n = n + 1", [])
            try executeSimple("NOTIFY recoup_books")
        }
        try executeSimple("COMMIT")
    }

    func rollback() throws {
        pending = nil
        try executeSimple("ROLLBACK")
    }

    // MARK: Results

    static func decode(_ rows: [PostgresRow]) -> [Row] {
        guard let first = rows.first else { return [] }
        let columns = RowColumns(first.map(\.columnName))
        return rows.map { r in Row(columns: columns, values: r.map(Self.value)) }
    }

    static func value(_ cell: PostgresCell) -> DatabaseValue {
        guard var b = cell.bytes else { return .null }
        if cell.format == .text { return .text(b.readString(length: b.readableBytes) ?? "") }
        switch cell.dataType {
        case .int8: return .integer(b.readInteger(as: Int64.self) ?? 0)
        case .int4: return .integer(Int64(b.readInteger(as: Int32.self) ?? 0))
        case .int2: return .integer(Int64(b.readInteger(as: Int16.self) ?? 0))
        case .bool: return .integer((b.readInteger(as: UInt8.self) ?? 0) != 0 ? 1 : 0)
        case .float8: return .real(Double(bitPattern: b.readInteger(as: UInt64.self) ?? 0))
        case .float4: return .real(Double(Float(bitPattern: b.readInteger(as: UInt32.self) ?? 0)))
        case .numeric:  // sum() of bigint columns: whole fen come back as integers
            guard let d = try? cell.decode(Decimal.self) else { return .null }
            let text = NSDecimalNumber(decimal: d).stringValue
            return Int64(text).map { .integer($0) } ?? .real(Double(text) ?? 0)
        case .bytea: return .blob(Array(b.readableBytesView))
        default: return .text(b.readString(length: b.readableBytes) ?? "")
        }
    }

    // MARK: COPY

    /// Queues one row for COPY into `table`; sends the queue when it is large.
    func queue(_ table: String, _ columns: [String], _ values: [DatabaseValue]) throws {
        if let p = pending, p.table != table || p.columns != columns { try flush() }
        if pending == nil { pending = (table, columns, ByteBuffer(), 0) }
        var line = [UInt8]()
        line.reserveCapacity(128)
        for (i, v) in values.enumerated() {
            if i > 0 { line.append(9) }
            switch v {
            case .null: line += [92, 78]  // \N
            case .integer(let n): line += Array(String(n).utf8)
            case .real(let d): line += Array(String(d).utf8)
            case .text(let s): Self.escape(s.utf8, into: &line)
            case .blob(let bytes): line += Array(("\\\\x" + bytes.map { String(format: "%02x", $0) }.joined()).utf8)
            }
        }
        line.append(10)
        pending!.buffer.writeBytes(line)
        pending!.rows += 1
        if pending!.buffer.readableBytes > 8 << 20 { try flush() }
    }

    /// COPY's text format: backslash, tab, newline and carriage return escaped.
    static func escape<S: Sequence<UInt8>>(_ bytes: S, into line: inout [UInt8]) {
        for c in bytes {
            switch c {
            case 92: line += [92, 92]
            case 9: line += [92, 116]
            case 10: line += [92, 110]
            case 13: line += [92, 114]
            default: line.append(c)
            }
        }
    }

    /// Sends the queued rows with `COPY table(columns) FROM STDIN`.
    func flush() throws {
        guard let p = pending else { return }
        pending = nil
        guard p.rows > 0 else { return }
        let box = Outcome()
        let conn = self.conn, logger = self.logger, buffer = p.buffer
        let table = p.table, columns = p.columns
        // On a thread of its own, not the shared cooperative pool: the caller blocks a thread while it
        // waits, and with every pool thread so blocked (parallel tests, two cores) the copy would never run.
        Task(executorPreference: CopyExecutor.shared) {
            do {
                try await conn.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await writer.write(buffer)
                }
            } catch { box.error = error }
            box.done.signal()
        }
        box.done.wait()
        if let e = box.error { throw Self.sqlError(e) }
    }
}

/// Runs the COPY tasks on a dispatch queue of their own.
final class CopyExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = CopyExecutor()
    let queue = DispatchQueue(label: "recoup.postgres.copy")
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// The outcome of an async call waited for on a plain thread.
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
    let done = DispatchSemaphore(value: 0)
}

/// A statement of the store on PostgreSQL. A plain `INSERT INTO t(columns) VALUES (?, ...)` made
/// with `makeStatement` queues its rows for COPY; every other statement runs when executed.
final class PGStatement: PreparedStatement {
    let sql: String
    unowned let connection: PGConnection
    /// Table and columns when the statement is a plain insert (rows go through COPY).
    let copy: (table: String, columns: [String])?
    private var bound: [DatabaseValue]

    init(_ sql: String, connection: PGConnection) {
        self.sql = sql
        self.connection = connection
        copy = Self.plainInsert(sql)
        bound = Array(repeating: .null, count: sql.filter { $0 == "?" }.count)
    }

    /// `INSERT INTO name(a, b) VALUES (?, ?)` and nothing more: its table and columns.
    static func plainInsert(_ sql: String) -> (table: String, columns: [String])? {
        let s = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        guard s.hasPrefix("INSERT INTO "), let open = s.firstIndex(of: "("), let close = s.firstIndex(of: ")") else {
            return nil
        }
        let table = s[s.index(s.startIndex, offsetBy: 12)..<open].trimmingCharacters(in: .whitespaces)
        let columns = s[s.index(after: open)..<close].split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let rest = s[s.index(after: close)...].replacingOccurrences(of: " ", with: "")
        let values = "VALUES(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        guard rest == values, table.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return (table, columns)
    }

    func execute(_ arguments: [DatabaseValue]) throws {
        if let copy {
            try connection.queue(copy.table, copy.columns, arguments)
        } else {
            _ = try connection.execute(sql, arguments)
        }
    }

    func rows(_ arguments: [DatabaseValue]) throws -> [Row] { try connection.rows(sql, arguments) }

    func bindInt(_ index: Int32, _ value: Int64) { bound[Int(index) - 1] = .integer(value) }
    func bindNull(_ index: Int32) { bound[Int(index) - 1] = .null }
    func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
        bound[Int(index) - 1] = .text(String(decoding: bytes, as: UTF8.self))
    }
    func reset() { for i in bound.indices { bound[i] = .null } }

    func step() throws -> Bool {
        defer { reset() }
        try execute(bound)
        return true
    }
}

/// Rows gathered on the event loop's thread, read once its future completed.
private final class Collected: @unchecked Sendable {
    var columns: RowColumns?
    var rows: [Row] = []
}

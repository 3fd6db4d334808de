import Foundation
import RecoupStore

/// Where a PostgreSQL workspace is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require]`
/// (also `postgresql://`). Without a password in the address, `PGPASSWORD` is used, else the
/// matching line of `~/.pgpass` (`PGPASSFILE` names another file), as libpq does.
public struct PostgresAddress: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var requireTLS: Bool

    /// True when `text` names a PostgreSQL workspace rather than a file.
    public static func isAddress(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(StoreError)
    {
        func bad(_ why: String) -> StoreError {
            .cannotOpen(
                path: url, reason: "\(why) (the address is postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)")
        }
        guard let schemeEnd = url.range(of: "://"), Self.isAddress(url) else { throw bad("not a postgres:// address") }
        var rest = String(url[schemeEnd.upperBound...])
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        guard let slash = rest.firstIndex(of: "/") else { throw bad("no database named") }
        let authority = String(rest[..<slash])
        database = Self.decoded(String(rest[rest.index(after: slash)...]))
        guard !database.isEmpty else { throw bad("no database named") }
        guard let at = authority.lastIndex(of: "@") else { throw bad("no user named") }
        let credentials = String(authority[..<at])
        var hostPort = String(authority[authority.index(after: at)...])
        if let colon = credentials.firstIndex(of: ":") {
            user = Self.decoded(String(credentials[..<colon]))
            password = Self.decoded(String(credentials[credentials.index(after: colon)...]))
        } else {
            user = Self.decoded(credentials)
            password = nil
        }
        guard !user.isEmpty else { throw bad("no user named") }
        port = 5432
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65535).contains(p) else {
                throw bad("the port is not a number from 1 to 65535")
            }
            port = p
            hostPort = String(hostPort[..<colon])
        }
        host = hostPort.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard !host.isEmpty else { throw bad("no host named") }
        requireTLS = false
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw bad("'\(pair)' is not KEY=VALUE") }
            switch (kv[0], kv[1]) {
            case ("sslmode", "require"), ("sslmode", "verify-ca"), ("sslmode", "verify-full"): requireTLS = true
            case ("sslmode", "disable"), ("sslmode", "allow"), ("sslmode", "prefer"): requireTLS = false
            default: throw bad("unknown option '\(pair)' (sslmode=require or sslmode=disable)")
            }
        }
        if password == nil {
            password =
                environment["PGPASSWORD"]
                ?? Self.passfile(environment: environment).flatMap { lines in
                    Self.match(lines, host: host, port: port, database: database, user: user)
                }
        }
    }

    /// The address as shown and journaled: without its password.
    public var display: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    static func decoded(_ s: String) -> String { s.removingPercentEncoding ?? s }

    static func passfile(environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? NSHomeDirectory() + "/.pgpass")
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The password of the first `host:port:database:user:password` line that matches (`*` matches
    /// anything; `\:` and `\\` are a colon and a backslash).
    static func match(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], field = "", escaped = false
            for ch in line {
                if escaped {
                    field.append(ch); escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == ":" && fields.count < 4 {
                    fields.append(field); field = ""
                } else {
                    field.append(ch)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}

import Foundation
import RecoupPostgres
import RecoupSQLite

/// The engine the tests run on (shared by the store, services and shell tests): SQLite files; or, with `RECOUP_TEST_POSTGRES=postgres://USER@HOST:PORT`
/// (scripts/test starts a throwaway server and sets it), a new database on that server for each
/// workspace a test makes: the same tests, the other engine.
public enum TestBackend {
    public static let server = ProcessInfo.processInfo.environment["RECOUP_TEST_POSTGRES"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Where a new test workspace goes: `file` on SQLite, else a new database's address.
    public static func newWorkspacePath(file: String) throws -> String {
        guard let server else { return file }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try PostgresEngine.createDatabase(server: server, name: name)
        return server + "/" + name
    }

    /// Opens the workspace at `path`, a file or a postgres:// address.
    public static func open(_ path: String, create: Bool = false, lockTimeout: Double? = nil) throws -> Workspace {
        PostgresAddress.isAddress(path)
            ? try Workspace.postgres(path, create: create, lockTimeout: lockTimeout)
            : try Workspace(path: path, create: create, lockTimeout: lockTimeout)
    }
}

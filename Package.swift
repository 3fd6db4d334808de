// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "recoup",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recoup", targets: ["recoup"]),
        .executable(name: "recoup-bench", targets: ["recoup-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The `recoup` command: parses argv with swift-argument-parser, then hands off to RecoupShell.
        .executableTarget(
            name: "recoup",
            dependencies: [
                "RecoupShell", "RecoupSQLite", "RecoupPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // In-process benchmark for scripts/bench: Tab completion percentiles and peak memory (docs/BENCHMARKS.md).
        .executableTarget(
            name: "recoup-bench", dependencies: ["RecoupShell", "RecoupSQLite", "RecoupStore", "RecoupCore"]),
        // The command table and handlers (parse -> one service call -> render), Session, REPL loop,
        // script runner and domain completions. No domain rules, no SQL.
        .target(
            name: "RecoupShell",
            dependencies: ["ShellKit", "LineEditing", "RecoupServices", "RecoupStore", "RecoupCore"]),  // dunning letters
        // Use cases (plans, late fees, scoring, the call queue, the overdue run, ...): each takes a
        // ServiceContext (books, policy, as-of day, who) and never a shell invocation.
        .target(
            name: "RecoupServices",
            dependencies: [
                "RecoupStore", "RecoupCore", "TextWidth",
                .product(name: "Mustache", package: "swift-mustache"),  // dunning letters
                .product(name: "TOMLKit", package: "TOMLKit"),  // the policy file
            ]),
        // Generic shell engine on the standard library only: tokenizer, CommandSpec, parser, completer,
        // help, diagnostics, table/csv/json renderers, shell completion scripts.
        .target(name: "ShellKit", dependencies: ["TextWidth"]),
        // How wide text is on a terminal (wide CJK characters count two): tables and plain-text letters.
        .target(name: "TextWidth"),
        // Line input behind the LineReader protocol: libedit on terminals, plain lines otherwise.
        .target(name: "LineEditing", dependencies: ["CEditLine"]),
        // C shim over libedit's variadic calls and stdio handles; links libedit (libedit-dev).
        .target(name: "CEditLine", linkerSettings: [.linkedLibrary("edit")]),
        // The store seam: protocols sized to use cases (reading the books, one writing transaction
        // given a ChangeContext, a scenario session), value records, typed StoreError, BookChange.
        // No database import.
        .target(
            name: "RecoupStore",
            dependencies: [
                "RecoupCore",
                .product(name: "Crypto", package: "swift-crypto"),  // the journal's SHA-256 chain, Ed25519 checkpoints
            ]),
        // The books in SQL, written once for every engine: the workspace's reads, its checked writes,
        // scenarios, approvals, the journal, imports and exports, over the small `SQLConnection` API.
        .target(name: "RecoupSQL", dependencies: ["RecoupStore", "RecoupCore"]),
        // The embedded default engine, and the only module that imports GRDB: the workspace file,
        // migrations, SQLite's C API under the bulk loaders and the import's fast path.
        .target(
            name: "RecoupSQLite",
            dependencies: [
                "RecoupSQL", "RecoupStore", "RecoupCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // binds import fields from bytes
            ]),
        // The team server engine, and the only module that imports postgres-nio: the workspace in a
        // PostgreSQL database, its migrations, operators as database roles, columns read as arrays.
        .target(
            name: "RecoupPostgres",
            dependencies: [
                "RecoupSQL", "RecoupStore", "RecoupCore", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        // Pure domain, no I/O: Money, Day, allocation, balances, the portfolio generator.
        .target(name: "RecoupCore"),
        .testTarget(name: "ShellKitTests", dependencies: ["ShellKit"]),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing"]),
        .testTarget(name: "RecoupCoreTests", dependencies: ["RecoupCore"]),
        // Which engine the tests' workspaces are on (SQLite files, or RECOUP_TEST_POSTGRES's server).
        .target(name: "RecoupTestBackend", dependencies: ["RecoupSQLite", "RecoupPostgres"], path: "Tests/RecoupTestBackend"),
        .testTarget(
            name: "RecoupStoreTests", dependencies: ["RecoupStore", "RecoupSQLite", "RecoupPostgres", "RecoupTestBackend"]),
        .testTarget(
            name: "RecoupServicesTests",
            dependencies: ["RecoupServices", "RecoupSQLite", "RecoupStore", "RecoupCore", "RecoupTestBackend"]),
        .testTarget(
            name: "RecoupShellTests", dependencies: ["RecoupShell", "RecoupSQLite", "RecoupTestBackend", "recoup"],
            exclude: ["Fixtures", "Snapshots"]),
    ]
)

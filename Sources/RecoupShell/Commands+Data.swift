import Foundation
import RecoupCore
import RecoupStore
import ShellKit

extension Catalog {
    static let kinds = RecordKind.allCases.map(\.rawValue)
    /// `import bureau FILE` is `bureau import FILE` (third-party credit reports).
    static let importKinds = kinds + ["bureau"]

    /// Moving records in and out of the workspace as CSV.
    static var dataCommands: [Command] {
        [
            Command(
                spec: CommandSpec(
                    ["import"], summary: "import customers, contracts, invoices or payments from a CSV file",
                    discussion: """
                        Reads the canonical CSV of shared/spec/workspace-csv.md, or a foreign export through --map.
                        The import is one transaction: when any record is wrong, every problem is listed as
                        FILE:LINE:COLUMN: error: ... and nothing is written. Payments are allocated to invoices by
                        the spec's rule whenever balances are computed.
                        """,
                    arguments: [
                        ArgumentSpec(
                            "kind",
                            help: "customers, contracts, invoices or payments (or bureau: third-party credit reports)",
                            completion: .values(importKinds)),
                        ArgumentSpec("file", help: "the CSV file", completion: .file),
                    ],
                    options: [
                        OptionSpec(
                            "--map", value: "MAPPING",
                            help: "canonical=Foreign column pairs, e.g. 'id=invoiceNumber,customer_id=customerID'"),
                        OptionSpec(
                            "--date-format", value: "FORMAT",
                            help: "layout of dates, e.g. M/d/yyyy (default yyyy-MM-dd)",
                            completion: .values(["yyyy-MM-dd", "M/d/yyyy", "d/M/yyyy", "dd.MM.yyyy", "yyyy/M/d"])),
                        OptionSpec(
                            "--ignore-extra-columns", help: "skip columns that are neither canonical nor mapped"),
                        OptionSpec("--create-customers", help: "create missing customers, named by their id"),
                        OptionSpec(
                            "--match",
                            help:
                                "payments naming no invoice: match by an invoice id in the reference, then by an exact open amount; hold the rest as unapplied cash"
                        ),
                    ],
                    examples: [
                        "import customers data/customers.csv",
                        "import invoices ar.csv --map 'id=invoiceNumber,customer_id=customerID,issued_on=InvoiceDate,due_on=DueDate,amount=InvoiceAmount,disputed=Disputed,settled_on=SettledDate' --date-format M/d/yyyy --ignore-extra-columns --create-customers",
                    ]), effect: { _ in .outsideScenario }
            ) { inv in try Catalog.importFile(inv) },
            Command(
                spec: CommandSpec(
                    ["export"], summary: "write customers, contracts, invoices or payments as canonical CSV",
                    arguments: [
                        ArgumentSpec(
                            "kind", help: "customers, contracts, invoices or payments", completion: .values(kinds)),
                        ArgumentSpec("file", help: "the CSV file to write (replaced)", completion: .file),
                    ],
                    examples: ["export invoices /tmp/invoices.csv"])
            ) { inv in
                let kind = RecordKind(rawValue: inv.argument("kind"))!
                let path = inv.argument("file")
                let n = try inv.store(column: inv.parsed.column(ofArgument: "file")) { () throws(StoreError) in
                    try inv.workspace.exportCSV(kind, path: path)
                }
                return .output(inv.session.interactive ? .text("exported \(n) \(kind.rawValue) to \(path)\n") : .empty)
            },
        ]
    }

    static func importFile(_ inv: Invocation) throws -> Outcome {
        if inv.argument("kind") == "bureau" { return try importBureau(inv) }
        let kind = RecordKind(rawValue: inv.argument("kind"))!
        let path = inv.argument("file")
        var options = ImportOptions()
        options.ignoreExtraColumns = inv.parsed.flag("--ignore-extra-columns")
        options.createCustomers = inv.parsed.flag("--create-customers")
        options.match = inv.parsed.flag("--match")
        if options.match && kind != .payments {
            throw ShellError(
                "--match is for payments", hint: "import payments FILE --match",
                column: inv.parsed.column(ofOption: "--match"))
        }
        if let map = inv.parsed.value("--map") {
            do { options.mapping = try ImportOptions.parseMapping(map, for: kind) } catch {
                throw ShellError(
                    "bad --map: \(error.reason)", hint: "write canonical=Foreign pairs separated by commas",
                    column: inv.parsed.column(ofOption: "--map"))
            }
        }
        if let f = inv.parsed.value("--date-format") {
            guard let format = DateFormat(f) else {
                throw ShellError(
                    "bad --date-format '\(f)'", hint: "use yyyy, M or MM, d or dd and separators, e.g. M/d/yyyy",
                    column: inv.parsed.column(ofOption: "--date-format"))
            }
            options.dateFormat = format
        }
        let session = inv.session
        let showProgress = session.showProgress
        var shown = -1
        let progress: (Double) -> Void = { f in
            guard showProgress else { return }
            let pct = Int(f * 100)
            if pct != shown { shown = pct; session.err.write("\rimporting \(kind.rawValue): \(pct)%") }
        }
        defer { if showProgress && shown >= 0 { session.err.write("\r\u{1B}[K") } }
        do {
            let summary = try inv.workspace.importCSV(
                kind, path: path, options: options, context: inv.change,
                progress: progress, shouldStop: session.shouldStop)
            var text = "imported \(summary.records) \(kind.rawValue) from \(path)"
            if summary.createdCustomers > 0 { text += " (created \(summary.createdCustomers) customers)" }
            if options.match {
                text +=
                    "; matched \(summary.matchedByReference) by reference, \(summary.matchedByAmount) by amount, held \(summary.held) as unapplied cash"
                return .output(.text(text + "\n"))  // what matching did is always worth a line, in scripts too
            }
            return .output(session.interactive ? .text(text + "\n") : .empty)
        } catch {
            throw importFailure(error, inv)
        }
    }

    /// An import's store error as the shell reports it: every located problem of a rejected file,
    /// then one summary at the command; a file that cannot be read with a hint about the folder.
    static func importFailure(_ error: StoreError, _ inv: Invocation) -> any Error {
        guard case .importRejected(let file, let problems, let truncated) = error else {
            let hint: String? =
                if case .file = error {
                    "paths are relative to the folder recoup was started in (\(FileManager.default.currentDirectoryPath))"
                } else { nil }
            return ShellError(error.message, hint: hint, column: inv.parsed.column(ofArgument: "file"))
        }
        let more = truncated ? " (only the first \(problems.count) shown)" : ""
        return ProblemsFailure(
            file: file, problems: problems, truncated: truncated,
            summary: ShellError(
                "import of '\(file)' rejected: \(problems.count) problem\(problems.count == 1 ? "" : "s")\(more); the workspace is unchanged",
                hint: "fix the file and import it again", column: inv.parsed.column(ofArgument: "file")))
    }
}

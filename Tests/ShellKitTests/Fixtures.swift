import ShellKit

/// A small command table shaped like Recoup's, shared by the parser, completer and help tests.
enum Fixtures {
    static let format = OptionSpec(
        "--format", short: "-f", value: "FORMAT", help: "output format", completion: .values(["table", "csv", "json"]))
    static let customer = ArgumentSpec("customer", help: "id or name", completion: .domain("customer"))

    static let specs: [CommandSpec] = [
        CommandSpec(
            ["customer", "show"], summary: "show one customer's file",
            discussion: "Shows the customer's contacts, open invoices and payments.",
            arguments: [customer],
            options: [format, OptionSpec("--as-of", value: "DATE", help: "report date")],
            examples: ["customer show C001", "customer show 上海星辰 --format json"]),
        CommandSpec(
            ["customer", "list"], summary: "list customers",
            options: [OptionSpec("--overdue", help: "only customers with overdue invoices"), format]),
        CommandSpec(
            ["customer", "find"], summary: "find customers by name",
            arguments: [ArgumentSpec("text", help: "part of a name")]),
        CommandSpec(
            ["invoice", "list"], summary: "list invoices",
            arguments: [ArgumentSpec("customer", help: "id or name", completion: .domain("customer"), optional: true)],
            options: [
                OptionSpec("--amount", value: "AMOUNT", help: "minimum amount"),
                OptionSpec("--tag", value: "TAG", help: "only invoices with this tag", repeatable: true),
                format,
            ]),
        CommandSpec(
            ["invoice", "add"], summary: "add an invoice",
            arguments: [
                customer, ArgumentSpec("amount", help: "amount in yuan"),
                ArgumentSpec("note", help: "free text", optional: true, variadic: true),
            ]),
        CommandSpec(
            ["import"], summary: "import invoices from a CSV file",
            arguments: [ArgumentSpec("file", help: "CSV file", completion: .file)],
            options: [OptionSpec("--dry-run", help: "check without saving")]),
        CommandSpec(
            ["cd"], summary: "change the working directory",
            arguments: [ArgumentSpec("directory", help: "new directory", completion: .directory)]),
        CommandSpec(
            ["help"], summary: "show help",
            arguments: [
                ArgumentSpec("command", help: "a command", completion: .domain("command"), optional: true, variadic: true)
            ]),
        CommandSpec(["exit"], aliases: [["quit"]], summary: "leave the shell"),
        CommandSpec(
            ["set"], summary: "set a variable",
            arguments: [ArgumentSpec("name", help: "variable name"), ArgumentSpec("value", help: "its value")]),
    ]

    static let table = CommandTable(specs)

    static func tokens(_ line: String) throws -> [Token] {
        try Tokenizer.tokenize(line) { $0 == "C" ? "C001" : nil }
    }

    static func parse(_ line: String) throws -> ParsedCommand {
        try table.parse(tokens(line))
    }
}

/// Customers matched by id prefix, part of the name, or pinyin initials, like Recoup's index.
struct FakeCustomers: CompletionProvider {
    let customers: [(id: String, name: String, initials: String)] = [
        ("C001", "上海星辰贸易有限公司", "shxcmyyxgs"),
        ("C002", "北京东方远景科技有限公司", "bjdfyjkjyxgs"),
        ("C003", "北京东方红商贸", "bjdfhsm"),
        ("C004", "Acme Trading Co", "atc"),
        ("C005", "O'Brien & Sons", "obs"),
    ]

    func candidates(domain: String, prefix: String) -> [Candidate] {
        guard domain == "customer" else { return [] }
        let typed = prefix.lowercased()
        return customers.filter {
            $0.id.lowercased().hasPrefix(typed) || $0.name.lowercased().hasPrefix(typed)
                || $0.initials.hasPrefix(typed)
        }.map { Candidate($0.name, description: $0.id) }
    }
}

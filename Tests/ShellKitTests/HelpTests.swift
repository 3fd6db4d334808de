import Testing
@testable import ShellKit

@Suite struct HelpTests {
    let table = Fixtures.table

    @Test(arguments: [
        ("customer show", "usage: customer show CUSTOMER [--format FORMAT] [--as-of DATE]"),
        ("invoice list", "usage: invoice list [CUSTOMER] [--amount AMOUNT] [--tag TAG]... [--format FORMAT]"),
        ("invoice add", "usage: invoice add CUSTOMER AMOUNT [NOTE...]"),
        ("help", "usage: help [COMMAND...]"),
        ("exit", "usage: exit"),
    ])
    func rendersUsage(command: String, usage: String) throws {
        let spec = try #require(table.spec(named: command))
        #expect(table.usage(for: spec) == usage)
    }

    @Test func rendersTheHelpOfOneCommand() throws {
        let spec = try #require(table.spec(named: "customer show"))
        #expect(table.help(for: spec) == """
            usage: customer show CUSTOMER [--format FORMAT] [--as-of DATE]

            show one customer's file

            Shows the customer's contacts, open invoices and payments.

            arguments:
              CUSTOMER             id or name

            options:
              -f, --format FORMAT  output format (one of: table, csv, json)
              --as-of DATE         report date

            examples:
              customer show C001
              customer show 上海星辰 --format json

            """)
    }

    @Test func mentionsAliasesAndRepeatableOptions() throws {
        #expect(table.help(for: try #require(table.spec(named: "exit"))).contains("aliases: quit\n"))
        #expect(table.help(for: try #require(table.spec(named: "invoice list"))).contains("only invoices with this tag (repeatable)"))
    }

    @Test func indexesEveryCommandGroupedAndAligned() {
        let index = table.helpIndex()
        let lines = index.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.filter(\.isEmpty).count == 2)
        let entries = lines.filter { !$0.isEmpty }
        #expect(entries.count == table.specs.count)
        #expect(entries.first == "  customer show  show one customer's file")
        #expect(entries.allSatisfy { $0.dropFirst(2).dropFirst(15).first != " " })
        #expect(entries.contains("  exit           leave the shell"))
    }

    @Test func indexesOneGroup() {
        #expect(table.helpIndex(under: ["invoice"]) == "  invoice list  list invoices\n  invoice add   add an invoice\n")
    }

    @Test func writesADeterministicMarkdownReference() {
        let markdown = table.markdownReference()
        #expect(markdown == Fixtures.table.markdownReference())
        #expect(markdown.hasPrefix("# Command reference\n"))
        #expect(markdown.contains("\n## customer\n\n### `customer show`\n\nshow one customer's file\n"))
        #expect(markdown.contains("```\nusage: customer show CUSTOMER [--format FORMAT] [--as-of DATE]\n```\n"))
        #expect(markdown.contains("| `-f`, `--format FORMAT` | output format (one of: table, csv, json) |\n"))
        #expect(markdown.contains("\n## `exit`\n\nleave the shell\n"))
        #expect(markdown.contains("Aliases: `quit`"))
        #expect(markdown.contains("| `exit` | leave the shell |\n"))
    }
}

@Suite struct ValidationTests {
    @Test func acceptsASoundTable() {
        #expect(Fixtures.table.validate() == [])
    }

    static let documented = ArgumentSpec("x", help: "an x")

    @Test(arguments: [
        ([CommandSpec(["a"], summary: "one"), CommandSpec(["a"], summary: "two")], "command 'a' is declared twice"),
        ([CommandSpec(["a"], summary: "one"), CommandSpec(["b"], aliases: [["a"]], summary: "two")],
         "alias 'a' of 'b' is already declared by 'a'"),
        ([CommandSpec(["a"], summary: " ")], "command 'a' has no summary"),
        ([CommandSpec(["a"], summary: "s", arguments: [ArgumentSpec("x", help: "")])], "argument 'x' of 'a' has no help"),
        ([CommandSpec(["a"], summary: "s", options: [OptionSpec("--x", help: "")])], "option '--x' of 'a' has no help"),
        ([CommandSpec(["a"], summary: "s", arguments: [ArgumentSpec("x", help: "h", variadic: true), ArgumentSpec("y", help: "h")])],
         "variadic argument 'x' of 'a' is not the last argument"),
        ([CommandSpec(["a"], summary: "s", arguments: [ArgumentSpec("x", help: "h", optional: true), ArgumentSpec("y", help: "h")])],
         "required argument 'y' of 'a' follows an optional argument"),
        ([CommandSpec(["a"], summary: "s", options: [OptionSpec("-x", help: "h")])], "option '-x' of 'a' must be spelled '--name'"),
        ([CommandSpec(["a"], summary: "s", options: [OptionSpec("--x", short: "x", help: "h")])],
         "short name 'x' of option '--x' of 'a' must be spelled '-x'"),
        ([CommandSpec(["a"], summary: "s", options: [OptionSpec("--x", short: "-x", help: "h"), OptionSpec("--y", short: "-x", help: "h")])],
         "option name '-x' is declared twice in 'a'"),
        ([CommandSpec(["a"], summary: "s", arguments: [documented]), CommandSpec(["a", "b"], summary: "s")],
         "command 'a' takes arguments but is also the start of 'a b'"),
    ] as [([CommandSpec], String)])
    func reportsProblems(specs: [CommandSpec], problem: String) {
        #expect(CommandTable(specs).validate().contains(problem))
    }

    @Test func allowsAGroupWithSubcommandsAndACommandWithoutArguments() {
        let table = CommandTable([
            CommandSpec(["customer", "show"], summary: "s", arguments: [Self.documented]),
            CommandSpec(["customer", "list"], summary: "s"),
            CommandSpec(["whatif"], summary: "s"),
            CommandSpec(["whatif", "diff"], summary: "s"),
        ])
        #expect(table.validate() == [])
    }
}

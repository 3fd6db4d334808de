import Testing
@testable import ShellKit

@Suite struct ParserTests {
    @Test func matchesTheLongestPath() throws {
        let parsed = try Fixtures.parse("customer show C001")
        #expect(parsed.spec.name == "customer show")
        #expect(parsed.path == ["customer", "show"])
        #expect(parsed.argument("customer") == "C001")
        #expect(parsed.positionals == ["C001"])
        #expect(parsed.column(ofArgument: "customer") == 15)
    }

    @Test func acceptsAliases() throws {
        let parsed = try Fixtures.parse("quit")
        #expect(parsed.spec.name == "exit")
        #expect(parsed.path == ["quit"])
    }

    @Test(arguments: [
        "customer show C001 --format json",
        "customer show --format=json C001",
        "customer show -f json C001",
        "customer show C001 -f json",
    ])
    func readsOptionsAnywhere(line: String) throws {
        let parsed = try Fixtures.parse(line)
        #expect(parsed.argument("customer") == "C001")
        #expect(parsed.value("--format") == "json")
        #expect(parsed.value("format") == "json")
        #expect(parsed.value("-f") == "json")
        #expect(parsed.value("--as-of") == nil)
    }

    @Test func givesColumnsOfOptionValuesInChineseLines() throws {
        let parsed = try Fixtures.parse("customer show 上海星辰 --format=csv --as-of 2024-06-30")
        #expect(parsed.argument("customer") == "上海星辰")
        #expect(parsed.column(ofArgument: "customer") == 15)
        #expect(parsed.column(ofOption: "--format") == 29)
        #expect(parsed.column(ofOption: "--as-of") == 41)
        #expect(parsed.column(ofOption: "--overdue") == nil)
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try Fixtures.parse("set X -- --format")
        #expect(parsed.argument("name") == "X")
        #expect(parsed.argument("value") == "--format")
    }

    @Test func quotedWordsAndNegativeNumbersArePositional() throws {
        #expect(try Fixtures.parse("set X '--format'").argument("value") == "--format")
        #expect(try Fixtures.parse("invoice add C001 -5.50").argument("amount") == "-5.50")
        #expect(try Fixtures.parse("set X '--as-of=1'").argument("value") == "--as-of=1")
        let quotedValue = try Fixtures.parse("customer show C001 --as-of='2024 06 30'")
        #expect(quotedValue.value("--as-of") == "2024 06 30")
        #expect(quotedValue.column(ofOption: "--as-of") == 28)
    }

    @Test func fillsVariadicAndOptionalArguments() throws {
        let parsed = try Fixtures.parse("invoice add $C 1200 first half")
        #expect(parsed.argument("customer") == "C001")
        #expect(parsed.arguments("note") == ["first", "half"])
        let bare = try Fixtures.parse("invoice add C001 1200")
        #expect(bare.arguments("note").isEmpty)
        #expect(try Fixtures.parse("invoice list").argument("customer") == nil)
        #expect(try Fixtures.parse("help customer show").arguments("command") == ["customer", "show"])
    }

    @Test func collectsRepeatableOptionsAndFlags() throws {
        let parsed = try Fixtures.parse("invoice list --tag a --tag=b C001")
        #expect(parsed.values("--tag") == ["a", "b"])
        #expect(parsed.value("--tag") == "b")
        #expect(try Fixtures.parse("customer list --overdue").flag("--overdue"))
        #expect(!(try Fixtures.parse("customer list").flag("--overdue")))
    }

    @Test(arguments: [
        ("invoice lst", "unknown command 'invoice lst'", "did you mean 'invoice list'?", 9),
        ("custmer show", "unknown command 'custmer'", "did you mean 'customer'?", 1),
        ("frobnicate", "unknown command 'frobnicate'", nil, 1),
        ("customer", "'customer' needs a subcommand: show, list, find", nil, 1),
        ("invoice list --amout 5", "unknown option '--amout' for 'invoice list'", "did you mean '--amount'?", 14),
        ("customer show 上海 --formt json", "unknown option '--formt' for 'customer show'", "did you mean '--format'?", 18),
        ("exit --now", "unknown option '--now' for 'exit'", "'exit' takes no options", 6),
        ("customer show C001 --format", "option '--format' needs a value", "usage: --format FORMAT", 20),
        ("customer show C001 --as-of --format csv", "option '--as-of' needs a value", "usage: --as-of DATE", 20),
        ("customer show C001 -f csv --format json", "option '--format' is given more than once", "give it once", 27),
        ("customer list --overdue=yes", "option '--overdue' takes no value", nil, 15),
        (
            "customer show", "missing argument CUSTOMER for 'customer show'",
            "usage: customer show CUSTOMER [--format FORMAT] [--as-of DATE]", 14
        ),
        ("set 名字", "missing argument VALUE for 'set'", "usage: set NAME VALUE", 7),
        ("customer find a b", "too many arguments for 'customer find': 'b'", "usage: customer find TEXT", 17),
        ("exit now", "'exit' takes no arguments, got 'now'", "usage: exit", 6),
        ("customer show C001 --format xml", "invalid value 'xml' for '--format'", "expected one of: table, csv, json", 29),
        ("customer list --format=jsn", "invalid value 'jsn' for '--format'", "did you mean 'json'?", 24),
    ] as [(String, String, String?, Int)])
    func reportsErrors(line: String, message: String, hint: String?, column: Int) throws {
        let tokens = try Fixtures.tokens(line)
        #expect(throws: ShellError(message, hint: hint, column: column)) {
            try Fixtures.table.parse(tokens)
        }
    }

    @Test func aCommandThatIsAlsoAGroupTakesItsSubcommands() throws {
        let table = CommandTable([
            CommandSpec(["whatif"], summary: "show the scenario", options: [OptionSpec("--brief", help: "short")]),
            CommandSpec(["whatif", "diff"], summary: "compare with the base"),
        ])
        #expect(try table.parse(Tokenizer.tokenize("whatif")).spec.name == "whatif")
        #expect(try table.parse(Tokenizer.tokenize("whatif --brief")).flag("--brief"))
        #expect(try table.parse(Tokenizer.tokenize("whatif diff")).spec.name == "whatif diff")
        #expect(throws: ShellError("unknown command 'whatif dif'", hint: "did you mean 'whatif diff'?", column: 8)) {
            try table.parse(Tokenizer.tokenize("whatif dif"))
        }
    }
}

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("lst", ["show", "list", "find"], "list"),
        ("custmer", ["customer", "invoice"], "customer"),
        ("--amout", ["--amount", "--tag"], "--amount"),
        ("shwo", ["show", "list"], "show"),
        ("inv", ["customer", "invoice"], "invoice"),
        ("xyz", ["show", "list"], nil),
        ("s", ["show", "set"], nil),
        ("LIST", ["show", "list"], "list"),
    ] as [(String, [String], String?)])
    func suggests(word: String, candidates: [String], expected: String?) {
        #expect(DidYouMean.suggestion(for: word, among: candidates) == expected)
    }

    @Test func breaksTiesByCandidateOrder() {
        #expect(DidYouMean.suggestion(for: "bat", among: ["cat", "hat"]) == "cat")
        #expect(DidYouMean.suggestion(for: "bat", among: ["hat", "cat"]) == "hat")
    }

    @Test(arguments: [("abc", "acb", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("上海", "海上", 1)])
    func measuresDamerauLevenshtein(a: String, b: String, distance: Int) {
        #expect(DidYouMean.distance(a, b) == distance)
    }
}

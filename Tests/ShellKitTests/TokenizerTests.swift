import Testing
@testable import ShellKit

@Suite struct TokenizerTests {
    let variables: [String: String] = ["C": "C001", "NAME": "上海 星辰", "EMPTY": ""]

    func words(_ line: String) throws -> [String] {
        try Tokenizer.tokenize(line) { variables[$0] }.map(\.text)
    }

    @Test func splitsOnSpacesAndTabsWithScalarRanges() throws {
        let tokens = try Tokenizer.tokenize("customer  show\tC001")
        #expect(tokens.map(\.text) == ["customer", "show", "C001"])
        #expect(tokens.map(\.start) == [0, 10, 15])
        #expect(tokens.map(\.end) == [8, 14, 19])
        #expect(tokens.map(\.column) == [1, 11, 16])
        #expect(tokens.allSatisfy { !$0.wasQuoted })
    }

    @Test func chineseCharactersCountAsOneColumn() throws {
        let tokens = try Tokenizer.tokenize("customer show 上海星辰 --format json")
        #expect(tokens[2] == Token("上海星辰", start: 14, end: 18))
        #expect(tokens[3].start == 19)
        #expect(tokens[4].column == 29)
    }

    @Test(arguments: [
        ("'a b'", ["a b"]),
        ("'$C \\ \"x\"'", ["$C \\ \"x\""]),
        (#""a \"b\" \\ \$C""#, [#"a "b" \ $C"#]),
        (#""a\nb""#, [#"a\nb"#]),
        (#"a\ b c"#, ["a b", "c"]),
        (#"\'x\'"#, ["'x'"]),
        ("a'b c'\"d\"e", ["ab cde"]),
        ("'' \"\"", ["", ""]),
        ("show # a comment", ["show"]),
        ("show #", ["show"]),
        ("# only a comment", []),
        ("a#b '#c' \\#d", ["a#b", "#c", "#d"]),
        ("$C ${C}x \"id=$C\" '$C'", ["C001", "C001x", "id=C001", "$C"]),
        ("\"$NAME\" $NAME", ["上海 星辰", "上海 星辰"]),
        ("$ a$ $- \"$\"", ["$", "a$", "$-", "$"]),
        ("x$EMPTY y", ["x", "y"]),
        ("a \\", ["a"]),
    ] as [(String, [String])])
    func tokenizes(line: String, expected: [String]) throws {
        #expect(try words(line) == expected)
    }

    @Test func quotedWordsAreMarked() throws {
        let tokens = try Tokenizer.tokenize(#"a 'b' c"d" \e"#)
        #expect(tokens.map(\.wasQuoted) == [false, true, true, false])
        #expect(tokens[2].start == 6 && tokens[2].end == 10)
        #expect(tokens.map(\.bareLength) == [1, 0, 1, 1])
    }

    @Test(arguments: [
        ("customer show $CUST", "undefined variable 'CUST'", "define it with 'set CUST VALUE'", 15),
        ("备注 \"金额 ${AMOUNT}\"", "undefined variable 'AMOUNT'", "define it with 'set AMOUNT VALUE'", 8),
        ("customer show '上海", "unterminated single quote", "close it with \"'\"", 15),
        ("note \"上海 星辰", "unterminated double quote", "close it with '\"'", 6),
        ("echo ${C", "unterminated '${'", "close it with '}'", 6),
        ("echo ${}", "invalid variable name ''", "use letters, digits and '_'", 6),
    ] as [(String, String, String, Int)])
    func reportsErrorsWithColumns(line: String, message: String, hint: String, column: Int) {
        #expect(throws: ShellError(message, hint: hint, column: column)) {
            try Tokenizer.tokenize(line) { variables[$0] }
        }
    }

    @Test func completionToleratesAnOpenQuote() {
        let context = Tokenizer.tokenizeForCompletion("customer show '上海 星", cursor: 20)
        #expect(context.tokens.map(\.text) == ["customer", "show"])
        #expect(context.current?.start == 14)
        #expect(context.current?.text == "上海 星")
        #expect(context.current?.raw == "'上海 星")
        #expect(context.current?.openQuote == "'")
    }

    @Test func completionReportsAnEmptyWordAfterASpace() {
        let context = Tokenizer.tokenizeForCompletion("customer show ", cursor: 14)
        #expect(context.tokens.count == 2)
        #expect(context.current == PartialWord(start: 14, text: "", raw: "", openQuote: nil, wasQuoted: false))
    }

    @Test func completionStopsAtTheCursorAndKeepsVariables() {
        let context = Tokenizer.tokenizeForCompletion("set X \"$UNDEFINED\" cu more", cursor: 21)
        #expect(context.tokens.map(\.text) == ["set", "X", "$UNDEFINED"])
        #expect(context.current?.text == "cu")
        #expect(context.current?.start == 19)
    }

    @Test func completionInsideACommentHasNoWord() {
        #expect(Tokenizer.tokenizeForCompletion("customer # sh", cursor: 13).current == nil)
    }

    @Test(arguments: [
        ("customer show \\", true),
        ("a\\", true),
        ("a \\\\", false),
        ("'a \\'", false),
        ("a # note \\", false),
        ("\"a \\\"", false),
        ("plain", false),
        ("", false),
    ])
    func detectsContinuation(line: String, expected: Bool) {
        #expect(Tokenizer.hasContinuation(line) == expected)
    }

    @Test func removesTheContinuationBackslash() {
        #expect(Tokenizer.removingContinuation("invoice add C001 \\") == "invoice add C001 ")
        #expect(Tokenizer.removingContinuation("a \\\\") == "a \\\\")
    }

    @Test(arguments: ["C001", "上海星辰", "Acme Trading", "O'Brien", "#1", "$5", "a\\b", "tab\there"])
    func quotingRoundTrips(text: String) throws {
        let tokens = try Tokenizer.tokenize(Tokenizer.quote(text) + " next")
        #expect(tokens.map(\.text) == [text, "next"])
    }
}

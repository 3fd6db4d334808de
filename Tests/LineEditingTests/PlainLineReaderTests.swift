import Testing
@testable import LineEditing

@Suite struct PlainLineReaderTests {
    @Test func yieldsLinesThenEnd() {
        let reader = PlainLineReader(lines: ["customer list", "", "客户 张三"])
        #expect(reader.readLine(prompt: "> ") == .line("customer list"))
        #expect(reader.readLine(prompt: "> ") == .line(""))
        #expect(reader.readLine(prompt: "> ") == .line("客户 张三"))
        #expect(reader.readLine(prompt: "> ") == .end)
        #expect(reader.readLine(prompt: "> ") == .end)
    }

    @Test func stripsCarriageReturns() {
        let reader = PlainLineReader(lines: ["aging\r", "quit"])
        #expect(reader.readLine(prompt: "") == .line("aging"))
        #expect(reader.readLine(prompt: "") == .line("quit"))
    }

    @Test(arguments: [
        ("a\nb\n", ["a", "b"]),
        ("a\r\nb\r\n", ["a", "b"]),
        ("a\r\n\r\n张三", ["a", "", "张三"]),
        ("", []),
        ("\n", [""]),
    ])
    func splitsText(text: String, expected: [String]) {
        let reader = PlainLineReader(text: text)
        var lines: [String] = []
        while case .line(let line) = reader.readLine(prompt: "") { lines.append(line) }
        #expect(lines == expected)
    }

    @Test func emptyInputEndsAtOnce() {
        #expect(PlainLineReader(lines: []).readLine(prompt: "> ") == .end)
    }
}

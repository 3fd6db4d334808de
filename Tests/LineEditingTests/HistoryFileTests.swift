import Testing
@testable import LineEditing

#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp for one test.
private func temporaryFolder() -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/line-editing-tests-XXXXXX").utf8CString)
    let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return String(cString: path!)
}

private func fileText(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    while true {
        let c = fgetc(file)
        if c == EOF { break }
        bytes.append(UInt8(c))
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct HistoryFileTests {
    @Test func missingFileLoadsEmpty() {
        #expect(HistoryFile(path: temporaryFolder() + "/none/history").load() == [])
    }

    @Test func appendsPlainLinesAndDropsConsecutiveDuplicates() {
        let history = HistoryFile(path: temporaryFolder() + "/history")
        for line in ["aging", "aging", "customer list", "aging", "aging", "  ", ""] { history.append(line) }
        #expect(history.load() == ["aging", "customer list", "aging"])
        #expect(fileText(history.path) == "aging\ncustomer list\naging\n")
    }

    @Test func trimsToLimitKeepingNewest() {
        let history = HistoryFile(path: temporaryFolder() + "/history", limit: 3)
        for n in 1...7 { history.append("command \(n)") }
        #expect(history.load() == ["command 5", "command 6", "command 7"])
        #expect(fileText(history.path) == "command 5\ncommand 6\ncommand 7\n")
    }

    @Test func loadKeepsOnlyLimitEntries() {
        let path = temporaryFolder() + "/history"
        for n in 1...5 { HistoryFile(path: path).append("c\(n)") }
        #expect(HistoryFile(path: path, limit: 2).load() == ["c4", "c5"])
    }

    @Test func createsFileWithMode0600() throws {
        let history = HistoryFile(path: temporaryFolder() + "/history")
        history.append("payment add")
        var info = stat()
        try #require(stat(history.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func chineseRoundTripsAsUTF8() {
        let history = HistoryFile(path: temporaryFolder() + "/history")
        history.append("customer show 张三丰 --note '逾期 30 天'")
        #expect(history.load() == ["customer show 张三丰 --note '逾期 30 天'"])
        #expect(fileText(history.path) == "customer show 张三丰 --note '逾期 30 天'\n")
    }

    @Test func createsMissingParentFolders() {
        let history = HistoryFile(path: temporaryFolder() + "/state/recoup/history")
        history.append("help")
        #expect(history.load() == ["help"])
    }

    @Test func lineBreaksInsideAnEntryBecomeSpaces() {
        let history = HistoryFile(path: temporaryFolder() + "/history")
        history.append("note add\nsecond\r\nthird")
        #expect(history.load() == ["note add second  third"])
    }

    @Test func readsCRLFFiles() {
        let path = temporaryFolder() + "/history"
        let file = fopen(path, "w")
        fputs("one\r\ntwo\r\n", file)
        fclose(file)
        #expect(HistoryFile(path: path).load() == ["one", "two"])
    }
}

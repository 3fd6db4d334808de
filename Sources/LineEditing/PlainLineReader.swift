/// Reads lines without editing, prompt or history: piped standard input, scripts and tests.
///
/// A trailing `\r` is stripped from every line, so CRLF files read like LF files.
public final class PlainLineReader: LineReader {
    private var pending: [String]?
    private var index = 0

    /// Reads standard input.
    public init() {
        pending = nil
    }

    /// Yields `lines` in order, then `.end`.
    public init(lines: [String]) {
        pending = lines
    }

    /// Yields the lines of `text` (separated by `\n` or `\r\n`), then `.end`.
    public convenience init(text: String) {
        // Split on bytes: "\r\n" is a single Character, so Character-based splitting would miss it.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if text.utf8.last == UInt8(ascii: "\n") || text.isEmpty { lines.removeLast() }
        self.init(lines: lines)
    }

    /// Ignores `prompt`: plain input prints nothing.
    public func readLine(prompt: String) -> LineEvent {
        let next: String?
        if let pending {
            next = index < pending.count ? pending[index] : nil
            index += 1
        } else {
            next = Swift.readLine(strippingNewline: true)
        }
        guard var line = next else { return .end }
        if line.utf8.last == UInt8(ascii: "\r") {
            line = String(decoding: line.utf8.dropLast(), as: UTF8.self)
        }
        return .line(line)
    }

    public func addHistory(_ line: String) {}
}

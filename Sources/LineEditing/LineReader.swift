/// What one call to `LineReader.readLine(prompt:)` produced.
public enum LineEvent: Sendable, Equatable {
    /// A line the user accepted, without its line terminator (`\n` or `\r\n`).
    case line(String)
    /// Ctrl-C while editing: the line was discarded; the caller should prompt again.
    case interrupt
    /// Ctrl-D on an empty line, or end of input.
    case end
}

/// A source of input lines for the shell: `EditLineReader` on a terminal, `PlainLineReader` otherwise.
///
/// Choose with `Terminal.isInteractive`:
/// ```swift
/// let reader: LineReader = Terminal.isInteractive
///     ? EditLineReader(programName: "recoup", history: HistoryFile(path: path), completer: complete)
///     : PlainLineReader()
/// ```
public protocol LineReader: AnyObject {
    /// Reads the next line, showing `prompt` first when the reader is interactive.
    func readLine(prompt: String) -> LineEvent
    /// Records `line` in the reader's history (a no-op for readers without history).
    func addHistory(_ line: String)
}

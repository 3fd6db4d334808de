import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactive line editing on a terminal through libedit: emacs keys, Home/End/Delete, history with
/// Up/Down and Ctrl-R, Tab completion of the whole argument under the cursor, Ctrl-C to discard a line.
///
/// Use only when `Terminal.isInteractive`. Works with Chinese input and prompts even when `LANG` is unset
/// (LC_CTYPE falls back to C.UTF-8). Every accepted non-blank line is added to the history (libedit's and
/// the `HistoryFile`); consecutive duplicates are dropped, so also calling `addHistory` is harmless.
///
/// Keys: Tab inserts the completer's `insertion` over `replaceStart..<replaceEnd`; when there is nothing
/// (more) to insert, as on a second Tab, it prints the `listing` under the line; with no candidates it
/// beeps. Ctrl-R recalls the newest history entry containing the text typed before the cursor (again for
/// older ones). Ctrl-C returns `.interrupt`; Ctrl-D on an empty line returns `.end`.
///
/// The prompt may contain Chinese; bracket colour escapes with `promptIgnore` so they take no columns.
public final class EditLineReader: LineReader {
    private let editLine: OpaquePointer?
    private let history: OpaquePointer?
    private let historyFile: HistoryFile?
    private let completer: LineCompleter?
    /// The NUL-terminated wide prompt that libedit's prompt callback returns.
    private var promptStorage: UnsafeMutablePointer<wchar_t>

    /// The character that brackets non-printing prompt text (colour escapes): "\u{1}\u{1B}[1m\u{1}".
    public static let promptIgnore: Unicode.Scalar = "\u{1}"

    /// - Parameters:
    ///   - programName: names this program's section in libedit (`argv[0]`-like).
    ///   - history: loaded into the editor's history now; accepted lines are appended to it.
    ///   - completer: called on Tab; nil makes Tab beep.
    public init(programName: String, history historyFile: HistoryFile?, completer: LineCompleter?) {
        _ = cel_use_utf8_locale()
        Interrupt.install()
        self.historyFile = historyFile
        self.completer = completer
        promptStorage = .allocate(capacity: 1)
        promptStorage.initialize(to: 0)
        let limit = historyFile?.limit ?? 1000
        history = cel_history_init(Int32(clamping: limit))
        editLine = cel_init(programName)
        guard let editLine else { return }

        cel_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        cel_set_editor(editLine, "emacs")
        cel_set_signal_handling(editLine, 0)
        cel_use_interruptible_input(editLine)
        cel_set_prompt(editLine, { el in
            EditLineReader.owner(of: el)?.promptStorage
        }, wchar_t(Self.promptIgnore.value))
        if let history { cel_set_history(editLine, history) }
        cel_add_function(editLine, "recoup-complete", "Complete the argument under the cursor", { el, _ in
            EditLineReader.owner(of: el)?.complete(el) ?? UInt8(CC_REFRESH_BEEP)
        })
        for (key, command) in Self.bindings { cel_bind(editLine, key, command) }

        if let history, let historyFile {
            for entry in historyFile.load() { Self.withWide(entry) { _ = cel_history_enter(history, $0) } }
        }
    }

    deinit {
        if let editLine { el_end(editLine) }
        if let history { history_wend(history) }
        promptStorage.deallocate()
    }

    /// Key sequences (libedit notation) bound on top of libedit's emacs defaults.
    static let bindings: [(String, String)] = [
        ("^I", "recoup-complete"),
        // Ctrl-R finds the previous entry containing the text before the cursor (again: an older one).
        // Not em-inc-search-prev: it dispatches on the low byte of each character (breaking Chinese)
        // and searches on a separate "bck:" line.
        ("^R", "ed-search-prev-history"),
        // Home and End as sent by xterm, tmux/screen, rxvt and the Linux console.
        ("\\e[H", "ed-move-to-beg"), ("\\eOH", "ed-move-to-beg"),
        ("\\e[1~", "ed-move-to-beg"), ("\\e[7~", "ed-move-to-beg"),
        ("\\e[F", "ed-move-to-end"), ("\\eOF", "ed-move-to-end"),
        ("\\e[4~", "ed-move-to-end"), ("\\e[8~", "ed-move-to-end"),
        ("\\e[3~", "ed-delete-next-char"),
        // Ctrl-Left and Ctrl-Right move by words.
        ("\\e[1;5D", "ed-prev-word"), ("\\e[1;5C", "em-next-word"),
    ]

    public func readLine(prompt: String) -> LineEvent {
        guard let editLine else { return readPlainLine(prompt: prompt) }
        setPrompt(prompt)
        Interrupt.clear()
        while true {
            var count: Int32 = 0
            // el_wgets prints the prompt before it switches to raw mode on its first read: keys typed in
            // between would be echoed by the terminal and Ctrl-D taken as end of input. Switch first.
            cel_prepare_terminal(editLine, 1)
            errno = 0
            if let wide = el_wgets(editLine, &count), count > 0 {
                var scalars = (0..<Int(count)).map { Self.scalar(wide[$0]) }
                while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
                let line = String(String.UnicodeScalarView(scalars))
                if line.contains(where: { !$0.isWhitespace }) { addHistory(line) }
                return .line(line)
            }
            if Interrupt.isRequested {
                Interrupt.clear()
                cel_write_output("^C\n")
                return .interrupt
            }
            // Another signal interrupted the read: start the line again rather than ending the session.
            if count < 0 && errno == EINTR { continue }
            cel_write_output("\n") // after libedit's "^D", so that what follows starts on a new line
            return .end
        }
    }

    public func addHistory(_ line: String) {
        if let history { Self.withWide(line) { _ = cel_history_enter(history, $0) } }
        historyFile?.append(line)
    }

    // MARK: - Callbacks

    private static func owner(of el: OpaquePointer?) -> EditLineReader? {
        guard let data = cel_client_data(el) else { return nil }
        return Unmanaged<EditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    /// The Tab key: applies the completer's answer to libedit's line buffer.
    private func complete(_ el: OpaquePointer?) -> UInt8 {
        guard let el, let completer, let info = el_wline(el)?.pointee,
              let buffer = info.buffer, let cursorPointer = info.cursor, let lastchar = info.lastchar
        else { return UInt8(CC_REFRESH_BEEP) }
        let line = (0..<(lastchar - buffer)).map { Self.scalar(buffer[$0]) }
        let cursor = cursorPointer - buffer
        let completion = completer(String(String.UnicodeScalarView(line)), cursor)

        if let (newLine, newCursor) = completion.applied(to: line, cursor: cursor) {
            // Replace the whole line: el_deletestr deletes before the cursor, so go to the end first.
            el_cursor(el, Int32(line.count - cursor))
            if !line.isEmpty { el_deletestr(el, Int32(line.count)) }
            if !newLine.isEmpty {
                Self.withWide(String(String.UnicodeScalarView(newLine))) { _ = el_winsertstr(el, $0) }
            }
            el_cursor(el, Int32(newCursor - newLine.count))
            return UInt8(CC_REFRESH)
        }
        guard var listing = completion.listing, !listing.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        if !listing.hasSuffix("\n") { listing += "\n" }
        cel_write_output("\n" + listing)
        return UInt8(CC_REDISPLAY)
    }

    // MARK: - Helpers

    private func setPrompt(_ text: String) {
        let wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        promptStorage.deallocate()
        promptStorage = .allocate(capacity: wide.count)
        promptStorage.initialize(from: wide, count: wide.count)
    }

    /// Without libedit (el_init failed): print the prompt and read a plain line.
    private func readPlainLine(prompt: String) -> LineEvent {
        cel_write_output(prompt)
        return PlainLineReader().readLine(prompt: prompt)
    }

    private static func scalar(_ value: wchar_t) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(bitPattern: value)) ?? "\u{FFFD}"
    }

    private static func withWide<R>(_ text: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
        let wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        return wide.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shell's command history on disk: plain UTF-8, one entry a line, newest last, mode 0600.
///
/// Not libedit's vis-encoded format: the file is readable and greppable. Failures to read or write are
/// ignored (history is a convenience, never a reason for a command to fail).
/// ```swift
/// let history = HistoryFile(path: home + "/.local/state/recoup/history")
/// history.append("customer show 张三")   // creates the folders and the file
/// history.load()                        // [..., "customer show 张三"]
/// ```
public struct HistoryFile: Sendable, Equatable {
    /// Absolute or relative path of the file.
    public var path: String
    /// Most entries kept; older ones are dropped when appending.
    public var limit: Int

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(limit, 1)
    }

    /// The entries, oldest first, at most `limit`. Empty when the file is missing or unreadable.
    public func load() -> [String] {
        guard let bytes = Self.readAll(path) else { return [] }
        var entries: [String] = []
        for raw in bytes.split(separator: UInt8(ascii: "\n")) {
            var line = raw[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if !line.isEmpty { entries.append(String(decoding: line, as: UTF8.self)) }
        }
        return Array(entries.suffix(limit))
    }

    /// Appends `line` unless it is blank or equal to the newest entry, then keeps only the newest `limit`.
    /// Line breaks inside `line` become spaces. Creates missing parent folders (mode 0700).
    public func append(_ line: String) {
        let entry = String(line.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : Character($0) })
        guard entry.contains(where: { !$0.isWhitespace }) else { return }
        var entries = load()
        if entries.last == entry { return }
        entries.append(entry)
        Self.createParentDirectories(of: path)
        if entries.count > limit {
            rewrite(Array(entries.suffix(limit)))
        } else {
            Self.store(Array((entry + "\n").utf8), to: path, flags: O_WRONLY | O_CREAT | O_APPEND)
        }
    }

    /// Replaces the file atomically (temporary file + rename) with `entries`.
    private func rewrite(_ entries: [String]) {
        let temporary = path + ".tmp.\(getpid())"
        let text = entries.map { $0 + "\n" }.joined()
        guard Self.store(Array(text.utf8), to: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC) else {
            unlink(temporary)
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    @discardableResult
    private static func store(_ bytes: [UInt8], to path: String, flags: Int32) -> Bool {
        let fd = open(path, flags | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            result.append(contentsOf: chunk[..<count])
        }
        return result
    }

    private static func createParentDirectories(of path: String) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast()
        var current = ""
        for (index, component) in components.enumerated() {
            current += (index == 0 ? "" : "/") + component
            if current.isEmpty || component.isEmpty || component == "." { continue }
            mkdir(current, 0o700)
        }
    }
}
